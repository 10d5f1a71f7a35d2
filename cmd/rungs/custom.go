package main

import (
	"fmt"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/tmplcheck"
	"github.com/rungs/rungs/templates"
	"github.com/spf13/cobra"
)

// customFlags point a generating command at the user's own data. The same
// keys in company.yaml (catalog, ladder, templates) apply when the flags
// are not given; flags win.
type customFlags struct {
	catalogDir   string
	templatesDir string
	verbose      bool
}

// register adds the flags. The ladder command adds --ladder itself.
func (f *customFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.catalogDir, "catalog", "", "a folder of catalog YAML files laid over the built-in catalog")
	fl.StringVar(&f.templatesDir, "templates", "", "a folder of *.md.tmpl templates replacing built-in ones of the same name")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "say which catalog, ladder and template files were used")
	_ = cmd.MarkFlagDirname("catalog")
	_ = cmd.MarkFlagDirname("templates")
}

// pick returns the flag value, else the company file's value resolved
// against the company file's folder.
func pick(flag string, c *profile.Company, fromFile func(*profile.Company) string) string {
	if flag != "" || c == nil {
		return flag
	}
	return c.ResolvePath(fromFile(c))
}

// loadCatalogFor loads the built-in catalog, with the user's on top when
// one is named.
func (f *customFlags) loadCatalogFor(a *app, c *profile.Company) (*catalog.Catalog, error) {
	dir := pick(f.catalogDir, c, func(c *profile.Company) string { return c.Catalog })
	if dir == "" {
		cat, err := loadCatalog()
		if err == nil && f.verbose {
			a.info("catalog: built-in (%d files)", len(cat.Files))
		}
		return cat, err
	}
	cat, err := catalog.LoadWithOverlay(dir)
	if err != nil {
		return nil, dataErr(err)
	}
	if f.verbose {
		for _, file := range cat.Files {
			a.info("catalog: %s", file)
		}
	}
	return cat, nil
}

// loadTemplatesFor returns the templates to render with.
func (f *customFlags) loadTemplatesFor(a *app, c *profile.Company) (*templates.Set, error) {
	dir := pick(f.templatesDir, c, func(c *profile.Company) string { return c.Templates })
	if dir == "" {
		if f.verbose {
			a.info("templates: built-in")
		}
		return templates.Builtin(), nil
	}
	if err := tmplcheck.Dir(dir); err != nil {
		return nil, dataErr(err)
	}
	set, err := templates.LoadWithOverlay(dir)
	if err != nil {
		return nil, dataErr(err)
	}
	if f.verbose {
		for _, file := range set.Files {
			a.info("templates: %s", file)
		}
		if len(set.Files) == 0 {
			a.info("templates: %s has no *.md.tmpl files; using the built-in ones", dir)
		}
	}
	return set, nil
}

// info prints a status line on stderr.
func (a *app) info(format string, args ...any) {
	fmt.Fprintf(a.stderr, "rungs: "+format+"\n", args...)
}
