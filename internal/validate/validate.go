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
		r.Problems = company(p, data, sourceDateEpoch)
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
		_, err := catalog.LoadWithOverlay(filepath.Dir(p))
		r.Problems = strictyaml.Errors(err)
	case Ladder:
		// A ladder file is checked with the ladder files beside it, or
		// alone when it is a whole ladder.
		target := p
		if siblings(p, Ladder) > 1 {
			target = filepath.Dir(p)
		}
		_, err := ladders.LoadPath(target)
		r.Problems = strictyaml.Errors(err)
	}
	return r
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
			_, err = catalog.LoadWithOverlay(dir)
		case Ladder:
			_, err = ladders.LoadPath(dir)
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
func company(p string, data []byte, sourceDateEpoch string) strictyaml.List {
	c, err := profile.ParseCompany(p, data)
	if err != nil {
		return strictyaml.Errors(err)
	}
	var errs strictyaml.List
	var cat *catalog.Catalog
	if c.Catalog != "" {
		cat, err = catalog.LoadWithOverlay(c.ResolvePath(c.Catalog))
	} else {
		cat, err = catalog.Builtin()
	}
	if err != nil {
		return append(errs, strictyaml.Errors(err)...)
	}
	if _, err := profile.Resolve(cat, profile.Input{Company: c, SourceDateEpoch: sourceDateEpoch}); err != nil {
		errs = append(errs, strictyaml.Errors(err)...)
	}
	if c.Ladder != "" {
		if _, err := ladders.LoadPath(c.ResolvePath(c.Ladder)); err != nil {
			errs = append(errs, strictyaml.Errors(err)...)
		}
	}
	if c.Templates != "" {
		if _, err := templates.LoadWithOverlay(c.ResolvePath(c.Templates)); err != nil {
			errs = append(errs, strictyaml.Errors(err)...)
		}
	}
	return errs
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
