package profile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/strictyaml"
)

// Defaults used when neither a flag nor company.yaml gives a value. They
// are documented in the README.
const (
	DefaultStage     = "early"
	DefaultArchetype = "product"
	// MaxSize bounds the engineering headcount; larger numbers are typos.
	MaxSize = 1_000_000
)

// Profile is a company's validated parameters: what the generator tailors a
// document to.
type Profile struct {
	Stage     catalog.Stage
	Size      int
	Archetype catalog.Archetype
	// ArchetypeGiven is false when the archetype is the default, so
	// mismatch warnings are not raised about a value the user never chose.
	ArchetypeGiven bool
	Company        Company
	// Date is the posting date; zero when neither the company file nor
	// SOURCE_DATE_EPOCH gives one (the document then shows no date).
	Date time.Time
}

// Input is what a command collected: flag values ("" when not given), the
// parsed company file (nil when none) and SOURCE_DATE_EPOCH.
type Input struct {
	Stage           string
	Size            string
	Archetype       string
	Company         *Company
	SourceDateEpoch string
}

// FlagError is a bad command-line value; commands exit 2 on it.
type FlagError struct {
	Flag string
	Err  error
}

func (e *FlagError) Error() string { return "--" + e.Flag + ": " + e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// Resolve validates the input against the catalog and fills defaults.
// Flag problems come back as *FlagError, company-file problems as a
// strictyaml.List with file:line.
func Resolve(cat *catalog.Catalog, in Input) (Profile, error) {
	var p Profile
	c := in.Company
	if c == nil {
		c = &Company{}
	}
	p.Company = *c

	var err error
	switch {
	case in.Stage != "":
		if p.Stage, err = cat.Stage(in.Stage); err != nil {
			return p, &FlagError{"stage", err}
		}
	case c.Stage != "":
		if p.Stage, err = cat.Stage(c.Stage); err != nil {
			return p, fileErr(c, "stage", err)
		}
	default:
		p.Stage, _ = cat.Stage(DefaultStage)
	}

	switch {
	case in.Size != "":
		n, err := ParseSize(in.Size)
		if err != nil {
			return p, &FlagError{"size", err}
		}
		p.Size = n
	case c.Engineers > 0:
		p.Size = c.Engineers
		if c.Engineers > MaxSize {
			return p, fileErr(c, "engineers", fmt.Errorf("engineers %d is above the limit of %d", c.Engineers, MaxSize))
		}
	default:
		p.Size = p.Stage.DefaultSize
	}

	switch {
	case in.Archetype != "":
		if p.Archetype, err = cat.Archetype(in.Archetype); err != nil {
			return p, &FlagError{"archetype", err}
		}
		p.ArchetypeGiven = true
	case c.Archetype != "":
		if p.Archetype, err = cat.Archetype(c.Archetype); err != nil {
			return p, fileErr(c, "archetype", err)
		}
		p.ArchetypeGiven = true
	default:
		p.Archetype, _ = cat.Archetype(DefaultArchetype)
	}

	for _, role := range sortedPayKeys(c.Compensation) {
		if _, err := cat.Role(role); err != nil {
			return p, &strictyaml.Error{File: c.file, Line: c.PayLine(role), Msg: "compensation: " + err.Error()}
		}
	}

	switch {
	case c.Date != "":
		p.Date, _ = time.Parse(time.DateOnly, c.Date) // validated by ParseCompany
	case in.SourceDateEpoch != "":
		sec, err := strconv.ParseInt(strings.TrimSpace(in.SourceDateEpoch), 10, 64)
		if err != nil || sec < 0 {
			return p, fmt.Errorf("SOURCE_DATE_EPOCH %q must be a whole number of seconds since 1970-01-01 UTC", in.SourceDateEpoch)
		}
		p.Date = time.Unix(sec, 0).UTC()
	}
	return p, nil
}

// ParseSize reads an engineering headcount.
func ParseSize(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not a whole number; give the engineering headcount, for example 25", s)
	}
	if n < 1 {
		return 0, fmt.Errorf("%d is too small; the engineering headcount is 1 or more, for example 1", n)
	}
	if n > MaxSize {
		return 0, fmt.Errorf("%d is above the limit of %d engineers", n, MaxSize)
	}
	return n, nil
}

func fileErr(c *Company, field string, err error) error {
	var ue *catalog.UnknownError
	msg := err.Error()
	if errors.As(err, &ue) {
		msg = field + ": " + msg
	}
	return &strictyaml.Error{File: c.file, Line: c.Line(field), Msg: msg}
}
