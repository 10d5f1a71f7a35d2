// Package validate checks the files a user writes for Rungs — company
// files, batch manifests and CSV plans, catalog files and folders, ladder
// files and folders, and templates — without generating anything. It
// finds the kind of each file from its `$schema` line, its extension or
// its top-level keys, runs the same strict loading and cross-reference
// checks the generating commands run, and reports every problem, not just
// the first.
package validate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/batch"
	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/tmplcheck"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/templates"
	"go.yaml.in/yaml/v3"
)

// Kinds of file.
const (
	Company   = "company"
	Manifest  = "manifest"
	CSV       = "csv"
	Catalog   = "catalog"
	Ladder    = "ladder"
	Templates = "templates"
)

// Result is what was found in one path.
type Result struct {
	Path     string
	Kind     string
	Problems strictyaml.List
}

// Path checks one file or folder. sourceDateEpoch is passed to company
// resolution, as the generating commands would.
func Path(p, sourceDateEpoch string) Result {
	return path(p, sourceDateEpoch, nil)
}

func path(p, sourceDateEpoch string, done map[string]bool) Result {
	r := Result{Path: p}
	st, err := os.Stat(p)
	if err != nil {
		r.Problems = list(p, "cannot read: "+unwrap(err).Error())
		return r
	}
	if st.IsDir() {
		return folder(p)
	}
	if strings.EqualFold(filepath.Ext(p), ".csv") {
		// Read as a stream, bounded, as rungs batch reads it.
		r.Kind = CSV
		r.Problems = batchProblems(batch.NewCSVFile(p), sourceDateEpoch)
		return r
	}
	limit := int64(strictyaml.MaxBytes)
	if strings.HasSuffix(p, ".tmpl") {
		limit = templates.MaxTemplateBytes
	}
	data, err := boundedio.ReadFile(p, limit)
	if err != nil {
		r.Problems = list(p, "cannot read: "+unwrap(err).Error())
		return r
	}
	if strings.HasSuffix(p, ".tmpl") {
		r.Kind = Templates
		if probs := tmplcheck.Text(p, data); len(probs) > 0 {
			r.Problems = probs
			return r
		}
		r.Problems = strictyaml.Errors(templates.ParseFile(p, data))
		return r
	}
	kind, err := Detect(p, data)
	if err != nil {
		r.Problems = strictyaml.Errors(err)
		return r
	}
	r.Kind = kind
	switch kind {
	case Company:
		r.Problems = company(p, data, sourceDateEpoch, done)
	case Manifest:
		m, err := batch.ParseManifest(p, filepath.Dir(p), data)
		if err != nil {
			r.Problems = toList(err)
			break
		}
		r.Problems = batchProblems(m, sourceDateEpoch)
	case Catalog:
		// A catalog file may refer to items in the files beside it, so
		// the whole folder is checked, over the built-in catalog.
		r.Problems = strictyaml.Errors(loadCatalog(filepath.Dir(p)))
	case Ladder:
		// A ladder file is checked with the ladder files beside it, or
		// alone when it is a whole ladder.
		target := p
		if siblings(p, Ladder) > 1 {
			target = filepath.Dir(p)
		}
		r.Problems = strictyaml.Errors(loadLadder(target))
	}
	return r
}

// loadCatalog checks a catalog folder over the built-in catalog, with its
// translations (l10n/<lang>/) in every language Rungs writes.
func loadCatalog(dir string) error {
	c, err := catalog.LoadWithOverlay(dir)
	if err != nil {
		return err
	}
	for _, lang := range locale.Languages() {
		if _, _, err := c.In(lang); err != nil {
			return err
		}
	}
	return nil
}

// loadLadder checks a ladder file or folder, with a folder's translations
// in every language Rungs writes.
func loadLadder(p string) error {
	l, err := ladders.LoadPath(p)
	if err != nil {
		return err
	}
	for _, lang := range locale.Languages() {
		if _, _, err := l.In(lang); err != nil {
			return err
		}
	}
	return nil
}

// Paths checks one file or folder, as Path, and a project folder as a
// whole: the folder rungs init writes, with company files, plans (YAML
// manifests, CSV files) and the catalog, ladder and templates folders
// they use. A project gives one result per file and folder checked.
func Paths(p, sourceDateEpoch string) []Result {
	if st, err := os.Stat(p); err != nil || !st.IsDir() || !isProject(p) {
		return []Result{Path(p, sourceDateEpoch)}
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return []Result{{Path: p, Problems: list(p, "cannot read: "+unwrap(err).Error())}}
	}
	var results []Result
	done := map[string]bool{}
	// Folders first, so that the company files that name them do not
	// list their problems again.
	for _, e := range entries {
		sub := filepath.Join(p, e.Name())
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || !dataFolder(sub) {
			continue
		}
		results = append(results, folder(sub))
		done[absPath(sub)] = true
	}
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if e.IsDir() || strings.HasPrefix(name, ".") || (ext != ".yaml" && ext != ".yml" && ext != ".csv") {
			continue
		}
		results = append(results, path(filepath.Join(p, name), sourceDateEpoch, done))
	}
	// A plan that uses a company file of the project would list that
	// file's problems again: say once that it uses a file with problems.
	broken := map[string]bool{}
	for _, r := range results {
		if r.Kind == Company && len(r.Problems) > 0 {
			broken[filepath.Clean(r.Path)] = true
		}
	}
	for i, r := range results {
		if r.Kind != Manifest && r.Kind != CSV {
			continue
		}
		var kept strictyaml.List
		named := map[string]bool{}
		for _, e := range r.Problems {
			file, _, ok := strings.Cut(e.Msg, ":")
			if ok && e.File == "" && broken[filepath.Clean(file)] {
				if !named[file] {
					named[file] = true
					kept = append(kept, &strictyaml.Error{File: r.Path, Msg: "uses " + file + ", which has problems (listed with it)"})
				}
				continue
			}
			kept = append(kept, e)
		}
		results[i].Problems = kept
	}
	return results
}

// isProject tells a project folder from a catalog, ladder or templates
// folder: it holds a company file, a manifest or a CSV plan.
func isProject(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		ext := strings.ToLower(filepath.Ext(f))
		if strings.HasPrefix(filepath.Base(f), ".") {
			continue
		}
		if ext == ".csv" {
			return true
		}
		if ext != ".yaml" && ext != ".yml" {
			continue
		}
		data, err := boundedio.ReadFile(f, strictyaml.MaxBytes)
		if err != nil {
			continue
		}
		if k, err := Detect(f, data); err == nil && (k == Company || k == Manifest) {
			return true
		}
	}
	return false
}

// dataFolder tells whether a folder in a project holds a catalog, a
// ladder or templates (not the schemas, or an output folder).
func dataFolder(dir string) bool {
	tmpls, _ := filepath.Glob(filepath.Join(dir, "*.md.tmpl"))
	if len(tmpls) > 0 {
		return true
	}
	yamls, _ := filepath.Glob(filepath.Join(dir, "*.y*ml"))
	for _, y := range yamls {
		data, err := boundedio.ReadFile(y, strictyaml.MaxBytes)
		if err != nil {
			continue
		}
		if k, err := Detect(y, data); err == nil && (k == Catalog || k == Ladder) {
			return true
		}
	}
	return false
}

// folder checks a catalog, ladder or templates folder.
func folder(dir string) Result {
	r := Result{Path: dir}
	tmpls, _ := filepath.Glob(filepath.Join(dir, "*.md.tmpl"))
	yamls, _ := filepath.Glob(filepath.Join(dir, "*.y*ml"))
	switch {
	case len(tmpls) > 0 && len(yamls) == 0:
		r.Kind = Templates
		if err := tmplcheck.Dir(dir); err != nil {
			r.Problems = strictyaml.Errors(err)
			break
		}
		_, err := templates.LoadWithOverlay(dir)
		r.Problems = strictyaml.Errors(err)
	case len(yamls) > 0:
		data, _ := boundedio.ReadFile(yamls[0], strictyaml.MaxBytes)
		kind, err := Detect(yamls[0], data)
		if err != nil {
			r.Problems = strictyaml.Errors(err)
			return r
		}
		r.Kind = kind
		switch kind {
		case Catalog:
			err = loadCatalog(dir)
		case Ladder:
			err = loadLadder(dir)
		default:
			err = &strictyaml.Error{File: dir, Msg: "a folder can be a catalog, a ladder or templates; give company files and manifests one by one"}
		}
		r.Problems = strictyaml.Errors(err)
	default:
		r.Problems = list(dir, "no *.yaml or *.md.tmpl files to check")
	}
	return r
}

var schemaLine = regexp.MustCompile(`(?m)^#\s*yaml-language-server:\s*\$schema=\S*?(company|manifest|catalog|ladder)\.schema\.json`)

// Detect tells which kind of YAML file data is: from its $schema line when
// it has one, else from its top-level keys.
func Detect(name string, data []byte) (string, error) {
	if m := schemaLine.FindSubmatch(data); m != nil {
		return string(m[1]), nil
	}
	var top map[string]yaml.Node
	if err := yaml.Unmarshal(data, &top); err != nil || len(top) == 0 {
		// Let the company parser report the syntax error with its line.
		return Company, nil
	}
	score := map[string]int{}
	for key := range top {
		for kind, keys := range topKeys {
			if keys[key] {
				score[kind]++
			}
		}
	}
	best, bestN, tie := "", 0, false
	for _, kind := range []string{Company, Manifest, Catalog, Ladder} {
		switch n := score[kind]; {
		case n > bestN:
			best, bestN, tie = kind, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if best == "" || tie {
		return "", &strictyaml.Error{File: name, Line: 1, Msg: "cannot tell whether this is a company file, a manifest, a catalog file or a ladder file; add a line such as # yaml-language-server: $schema=schema/company.schema.json"}
	}
	return best, nil
}

// topKeys are the top-level keys of each kind of YAML file, from the types
// the loaders decode into.
var topKeys = map[string]map[string]bool{
	Company:  yamlKeys(reflect.TypeOf(profile.Company{})),
	Manifest: {"defaults": true, "documents": true, "matrix": true},
	Catalog:  yamlKeys(reflect.TypeOf(catalog.File{})),
	Ladder:   yamlKeys(reflect.TypeOf(ladders.File{})),
}

func yamlKeys(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out[name] = true
		}
	}
	return out
}

// company parses a company file and resolves it against the catalog it
// names (or the built-in one), so an unknown stage or a compensation entry
// for an unknown role is caught too. The ladder and templates it names
// are checked as well.
//
// Every problem is listed in one pass: the file's own problems (unknown
// keys, values of the wrong type) do not hide those of the values the
// catalog decides (an unknown stage). done holds the folders a project
// check has already checked on their own: their problems are not listed
// twice.
func company(p string, data []byte, sourceDateEpoch string, done map[string]bool) strictyaml.List {
	c, err := profile.ParseCompanyPartial(p, data)
	errs := strictyaml.Errors(err)
	if c == nil {
		return errs
	}
	var cat *catalog.Catalog
	if c.Catalog != "" {
		dir := c.ResolvePath(c.Catalog)
		cat, err = catalog.LoadWithOverlay(dir)
		if err != nil && !done[absPath(dir)] {
			errs = append(errs, strictyaml.Errors(err)...)
		}
	} else {
		cat, err = catalog.Builtin()
		errs = append(errs, strictyaml.Errors(err)...)
	}
	if cat != nil {
		if probs := profile.CheckCompany(cat, c); len(probs) > 0 {
			errs = append(errs, probs...)
		} else if len(errs) == 0 {
			// What only resolving finds (SOURCE_DATE_EPOCH), once the
			// file is otherwise valid.
			if _, err := profile.Resolve(cat, profile.Input{Company: c, SourceDateEpoch: sourceDateEpoch}); err != nil {
				errs = append(errs, strictyaml.Errors(err)...)
			}
		}
	}
	if c.Ladder != "" && !done[absPath(c.ResolvePath(c.Ladder))] {
		if _, err := ladders.LoadPath(c.ResolvePath(c.Ladder)); err != nil {
			errs = append(errs, strictyaml.Errors(err)...)
		}
	}
	if c.Templates != "" && !done[absPath(c.ResolvePath(c.Templates))] {
		if _, err := templates.LoadWithOverlay(c.ResolvePath(c.Templates)); err != nil {
			errs = append(errs, strictyaml.Errors(err)...)
		}
	}
	// In file order, the file's own problems first.
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].File != errs[j].File {
			return errs[i].File == p
		}
		return errs[i].Line < errs[j].Line
	})
	return errs
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// batchProblems validates every entry of a manifest or CSV plan.
func batchProblems(src batch.Source, sourceDateEpoch string) strictyaml.List {
	cat, err := catalog.Builtin()
	if err != nil {
		return strictyaml.Errors(err)
	}
	res := &batch.Resolver{Cat: cat, SourceDateEpoch: sourceDateEpoch}
	_, err = batch.Validate(src, res)
	return toList(err)
}

// toList turns batch problems (or any error) into positioned errors.
func toList(err error) strictyaml.List {
	if err == nil {
		return nil
	}
	var ps batch.Problems
	if errors.As(err, &ps) {
		out := make(strictyaml.List, 0, len(ps))
		for _, p := range ps {
			out = append(out, &strictyaml.Error{Msg: p.Error()})
		}
		return out
	}
	var p *batch.Problem
	if errors.As(err, &p) {
		return strictyaml.List{{Msg: p.Error()}}
	}
	return strictyaml.Errors(err)
}

// siblings counts the files of a kind in p's folder.
func siblings(p, kind string) int {
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "*.y*ml"))
	n := 0
	for _, f := range files {
		data, err := boundedio.ReadFile(f, strictyaml.MaxBytes)
		if err != nil {
			continue
		}
		if k, err := Detect(f, data); err == nil && k == kind {
			n++
		}
	}
	return n
}

func list(file, msg string) strictyaml.List { return strictyaml.List{{File: file, Msg: msg}} }

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Summary formats results as "path: kind, N problems" lines, sorted.
func Summary(results []Result) string {
	var b bytes.Buffer
	sorted := append([]Result(nil), results...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	for _, r := range sorted {
		kind := r.Kind
		if kind == "" {
			kind = "unknown"
		}
		if len(r.Problems) == 0 {
			fmt.Fprintf(&b, "%s: valid %s\n", ctrl.Escape(r.Path), kind)
		} else {
			fmt.Fprintf(&b, "%s: %s, %d problem(s)\n", ctrl.Escape(r.Path), kind, len(r.Problems))
		}
	}
	return b.String()
}
