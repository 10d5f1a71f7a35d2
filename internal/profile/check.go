package profile

import (
	"fmt"
	"slices"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/strictyaml"
)

// ParseCompanyPartial is ParseCompany for checkers: with the problems, it
// also returns what could be read of the file, so that the checks against
// the catalog (CheckCompany) run on the fields that were read. The company
// is nil only when the file is not YAML at all.
func ParseCompanyPartial(name string, data []byte) (*Company, error) {
	var c Company
	root, err := strictyaml.Decode(name, data, &c)
	if root == nil {
		return nil, err
	}
	checked, err := checkCompany(name, root, &c, strictyaml.Errors(err))
	if checked == nil {
		return &c, err
	}
	return checked, nil
}

// CheckCompany checks the company file's values that the catalog decides
// (stage, archetype, the roles named in compensation and titles) and
// the headcount limit, and returns every problem, where Resolve stops at
// the first. rungs validate uses it to list all problems in one pass.
func CheckCompany(cat *catalog.Catalog, c *Company) strictyaml.List {
	var errs strictyaml.List
	add := func(err error) { errs = append(errs, strictyaml.Errors(err)...) }
	if c.Stage != "" {
		if _, err := cat.Stage(c.Stage); err != nil {
			add(fileErr(c, "stage", err))
		}
	}
	if c.Archetype != "" {
		if _, err := cat.Archetype(c.Archetype); err != nil {
			add(fileErr(c, "archetype", err))
		}
	}
	if c.Engineers > MaxSize {
		add(fileErr(c, "engineers", fmt.Errorf("engineers %d is above the limit of %d", c.Engineers, MaxSize)))
	}
	for _, role := range sortedPayKeys(c.Compensation) {
		if _, err := cat.Role(role); err != nil {
			add(&strictyaml.Error{File: c.file, Line: c.PayLine(role), Msg: "compensation: " + err.Error()})
		}
	}
	// titles: every unknown role, not only the first (roleTitles stops at
	// the first); a known role named twice is left to roleTitles.
	var known []string
	for k := range c.Titles {
		if _, err := cat.Role(k); err != nil {
			add(&strictyaml.Error{File: c.file, Line: c.TitleLine(k), Msg: "titles: " + err.Error()})
		} else {
			known = append(known, k)
		}
	}
	if len(known) == len(c.Titles) {
		if _, _, err := roleTitles(cat, c); err != nil {
			add(err)
		}
	}
	slices.SortStableFunc(errs, func(a, b *strictyaml.Error) int { return a.Line - b.Line })
	return errs
}
