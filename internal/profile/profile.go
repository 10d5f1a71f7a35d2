package profile

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/suggest"
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
	// StageInferred is true when neither --stage nor company.yaml gave a
	// stage and it was picked from the size (see StageForSize).
	StageInferred bool
	Company       Company
	// Date is the posting date; zero when neither the company file nor
	// SOURCE_DATE_EPOCH gives one (the document then shows no date).
	Date time.Time
	// RoleTitles maps every catalog role id to its title: the company's
	// own from company.yaml titles: (aliases resolved to role ids), else
	// the catalog role's Title. Postings and the ladder read titles here.
	RoleTitles map[string]string
	// CustomTitles holds only the titles company.yaml gives, by role id,
	// so the ladder can tell the company's own title from the catalog's.
	CustomTitles map[string]string
	// TitleSuffix is company.yaml title_suffix, such as "(m/w/d)"; "" when
	// none. PostingTitle adds it.
	TitleSuffix string
}

// Title returns the title of a role id: the company's own or the
// catalog's (RoleTitles), else fallback, for a role RoleTitles does not
// know (a Profile built without Resolve, or a ladder rung that is no
// catalog role).
func (p Profile) Title(roleID, fallback string) string {
	if t := p.RoleTitles[roleID]; t != "" {
		return t
	}
	return fallback
}

// PostingTitle is Title followed by TitleSuffix: the title a posting is
// published under ("Senior Software Engineer (m/w/d)"). A title that
// already ends with the suffix does not get it twice.
func (p Profile) PostingTitle(roleID, fallback string) string {
	t := p.Title(roleID, fallback)
	if p.TitleSuffix == "" || strings.HasSuffix(t, p.TitleSuffix) {
		return t
	}
	if t == "" {
		return p.TitleSuffix
	}
	return t + " " + p.TitleSuffix
}

// StageForSize is the stage a headcount suggests: the youngest stage (by
// Order) whose TypicalMax is at least size, else the oldest stage.
func StageForSize(cat *catalog.Catalog, size int) catalog.Stage {
	stages := slices.Clone(cat.Stages)
	slices.SortStableFunc(stages, func(a, b catalog.Stage) int { return cmp.Compare(a.Order, b.Order) })
	for _, s := range stages {
		if s.TypicalMax >= size {
			return s
		}
	}
	if len(stages) == 0 {
		return catalog.Stage{}
	}
	return stages[len(stages)-1]
}

// Input is what a command collected: flag values ("" when not given), the
// parsed company file (nil when none) and SOURCE_DATE_EPOCH.
type Input struct {
	Stage           string
	Size            string
	Archetype       string
	Company         *Company
	SourceDateEpoch string
	// Lang is the --lang flag: the language of the documents.
	Lang string
}

// Lang is the language of the documents: the --lang flag, else the
// company file's language, else English. A bad flag is a *FlagError; the
// company file's language was checked when it was read.
func Lang(in Input) (string, error) {
	if in.Lang != "" {
		l, ok := locale.Normalize(in.Lang)
		if !ok {
			return "", &FlagError{"lang", fmt.Errorf("unknown language %q%s", in.Lang, suggest.Hint(l, locale.Languages()))}
		}
		return l, nil
	}
	if in.Company != nil && in.Company.Language != "" {
		return in.Company.Language, nil
	}
	return "en", nil
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
	if p.Company.Language, err = Lang(in); err != nil {
		return p, err
	}
	stageGiven := true
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
		stageGiven = false
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
	}

	switch {
	case stageGiven && p.Size == 0:
		p.Size = p.Stage.DefaultSize
	case !stageGiven && p.Size > 0:
		// A size alone says more about the company than the default stage.
		p.Stage, p.StageInferred = StageForSize(cat, p.Size), true
	case !stageGiven:
		p.Stage, _ = cat.Stage(DefaultStage)
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

	if p.RoleTitles, p.CustomTitles, err = roleTitles(cat, c); err != nil {
		return p, err
	}
	p.TitleSuffix = strings.TrimSpace(c.TitleSuffix)

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

// roleTitles maps every role id to the company's title for it, else the
// catalog's. A titles: key that names no role, or a second key for the
// same role (cto and chief-technology-officer), is an error at its line.
func roleTitles(cat *catalog.Catalog, c *Company) (all, custom map[string]string, err error) {
	out := make(map[string]string, len(cat.Roles))
	custom = map[string]string{}
	for _, r := range cat.Roles {
		out[r.ID] = r.Title
	}
	keys := make([]string, 0, len(c.Titles))
	for k := range c.Titles {
		keys = append(keys, k)
	}
	// In file order, so a second key for a role is reported at its line.
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(c.TitleLine(a), c.TitleLine(b)), cmp.Compare(a, b))
	})
	by := map[string]string{} // role id -> the key that named it
	for _, k := range keys {
		r, err := cat.Role(k)
		if err != nil {
			return nil, nil, &strictyaml.Error{File: c.file, Line: c.TitleLine(k), Msg: "titles: " + err.Error()}
		}
		if prev, ok := by[r.ID]; ok {
			return nil, nil, &strictyaml.Error{File: c.file, Line: c.TitleLine(k), Msg: fmt.Sprintf("titles: %s and %s both name the role %s; keep one", prev, k, r.ID)}
		}
		by[r.ID] = k
		if t := strings.TrimSpace(c.Titles[k]); t != "" {
			out[r.ID] = t
			custom[r.ID] = t
		}
	}
	return out, custom, nil
}
