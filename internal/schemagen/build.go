package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/batch"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
)

// document is one schema: the file type it describes, by its Go type (a
// struct decoded strictly) or, for the batch manifest, which is read node
// by node, by the fields the kinds declare.
type document struct {
	Name        string
	Title       string
	Description string
	Type        reflect.Type
}

// documents are the schemas Rungs ships, by name.
var documents = []document{
	{"company", "Rungs company file", "A company's details: stage, size, archetype, locations, pay. Flat keys, so every command and script can use the same file.", reflect.TypeOf(profile.Company{})},
	{"catalog", "Rungs catalog file", "One file of a responsibility catalog. Every key is optional; Rungs merges all files of a catalog folder, over the built-in catalog.", reflect.TypeOf(catalog.File{})},
	{"ladder", "Rungs ladder file", "One file of a career ladder: settings, tracks, dimensions, stage weights, levels, hats, archetypes, career path and FAQ. Every key is optional; a ladder folder's files are merged, and together replace the built-in ladder (--ladder).", reflect.TypeOf(ladders.File{})},
	{"manifest", "Rungs batch manifest", "A hiring plan for rungs batch: defaults, a list of documents, and a matrix that expands to documents.", nil},
}

// sourceDirs are the packages whose doc comments describe the fields.
var sourceDirs = []string{"internal/profile", "catalog", "ladders"}

// enums lists the closed sets of values of some fields, by type.field.
var enums = map[string][]string{
	"profile.Company.WorkModel":      profile.WorkModels,
	"profile.Pay.Period":             profile.Periods,
	"catalog.Role.Track":             catalog.Tracks,
	"catalog.Skill.Kind":             {"technical", "leadership"},
	"ladders.Level.Span":             ladders.Spans,
	"profile.Company.EmploymentType": profile.EmploymentTypes,
}

// textLimits are the most characters of free-text fields (of each entry,
// for lists and maps), by type.field; they are also at least 1 character.
// profile checks the same limits, with file:line errors.
var textLimits = map[string]int{
	"profile.Company.Stack":            profile.MaxStackItemLen,
	"profile.Company.Team":             profile.MaxTeamLen,
	"profile.Company.InterviewProcess": profile.MaxInterviewStepLen,
	"profile.Company.Titles":           profile.MaxTitleLen,
	"profile.Company.TitleSuffix":      profile.MaxTitleSuffixLen,
}

// maxItems are the most entries of list fields, by type.field.
var maxItems = map[string]int{
	"profile.Company.Stack":            profile.MaxStackItems,
	"profile.Company.InterviewProcess": profile.MaxInterviewSteps,
}

func documentByName(name string) (document, bool) {
	for _, d := range documents {
		if d.Name == name {
			return d, true
		}
	}
	return document{}, false
}

// Build generates the JSON Schema for a named document type from its Go
// type, or for the manifest from the batch fields. srcRoot is the module
// root: field descriptions come from the doc comments in the Go source, so
// editors show the same words as the code.
func Build(name, srcRoot string) ([]byte, error) {
	d, ok := documentByName(name)
	if !ok {
		return nil, fmt.Errorf("unknown schema %q", name)
	}
	docs, err := comments(srcRoot)
	if err != nil {
		return nil, err
	}
	g := &generator{docs: docs, defs: map[string]any{}}
	var root map[string]any
	if d.Type != nil {
		root = g.schemaFor(d.Type, "")
	} else {
		root = g.manifest()
	}
	out := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://rungs.dev/schema/" + d.Name + ".schema.json",
		"title":       d.Title,
		"description": d.Description,
	}
	for k, v := range root {
		out[k] = v
	}
	if len(g.defs) > 0 {
		out["$defs"] = g.defs
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type generator struct {
	docs map[string]string // "pkg.Type" and "pkg.Type.Field" -> comment
	defs map[string]any
}

func typeKey(t reflect.Type) string {
	pkg := t.PkgPath()
	return pkg[strings.LastIndex(pkg, "/")+1:] + "." + t.Name()
}

func (g *generator) schemaFor(t reflect.Type, enumKey string) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var s map[string]any
	switch t.Kind() {
	case reflect.Struct:
		key := typeKey(t)
		def := strings.ReplaceAll(key, ".", "_")
		if _, ok := g.defs[def]; !ok {
			g.defs[def] = map[string]any{} // placeholder against recursion
			g.defs[def] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + def}
	case reflect.String:
		s = map[string]any{"type": "string"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		s = map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		s = map[string]any{"type": "number"}
	case reflect.Bool:
		s = map[string]any{"type": "boolean"}
	case reflect.Slice:
		s = map[string]any{"type": "array", "items": g.schemaFor(t.Elem(), enumKey)}
		if n, ok := maxItems[enumKey]; ok {
			s["maxItems"] = n
		}
		return s
	case reflect.Map:
		valueKey := ""
		if _, ok := textLimits[enumKey]; ok {
			valueKey = enumKey // titles: the limits apply to each value
		}
		s = map[string]any{"type": "object", "additionalProperties": g.schemaFor(t.Elem(), valueKey)}
		return s
	default:
		s = map[string]any{}
	}
	if e, ok := enums[enumKey]; ok {
		s["enum"] = e
	}
	if n, ok := textLimits[enumKey]; ok && t.Kind() == reflect.String {
		s["minLength"], s["maxLength"] = 1, n
	}
	return s
}

// manifest describes a batch manifest from the fields the batch parser
// reads: the shared fields and every kind's parameters, as the pipeline
// declares them. A kind added there is in the schema at the next go
// generate (and the freshness test fails until then).
func (g *generator) manifest() map[string]any {
	entry := map[string]any{}
	matrix := map[string]any{}
	for _, f := range batch.Fields() {
		info := f.Info()
		var one map[string]any
		switch {
		case f == batch.FCompany:
			one = map[string]any{"anyOf": []any{map[string]any{"type": "string"}, g.schemaFor(reflect.TypeOf(profile.Company{}), "")}}
		case f == batch.FFormat:
			one = map[string]any{"anyOf": []any{map[string]any{"type": "string"}, map[string]any{"type": "array", "items": map[string]any{"type": "string"}}}}
		case info.Integer:
			one = map[string]any{"type": "integer"}
		default:
			one = map[string]any{"type": "string"}
		}
		switch f {
		case batch.FKind:
			one["enum"] = pipeline.KindNames()
		case batch.FPaper:
			one["enum"] = pipeline.Papers
		}
		described := map[string]any{"description": info.Doc}
		for k, v := range one {
			described[k] = v
		}
		entry[info.Name] = described
		matrix[info.Name] = map[string]any{"anyOf": []any{one, map[string]any{"type": "array", "items": one}}}
	}
	g.defs["entry"] = map[string]any{
		"type": "object", "properties": entry, "additionalProperties": false,
		"description": "One document of a batch: " + kindList() + ". Each kind reads its own parameters; a parameter it does not read is an error.",
	}
	ref := map[string]any{"$ref": "#/$defs/entry"}
	m := map[string]any{"type": "object", "properties": matrix, "additionalProperties": false}
	return map[string]any{
		"type": "object", "additionalProperties": false,
		"properties": map[string]any{
			"defaults":  map[string]any{"allOf": []any{ref}, "description": "The values every entry shares unless it overrides them."},
			"documents": map[string]any{"type": "array", "items": ref, "description": "The list of entries, each overriding any default."},
			"matrix": map[string]any{"anyOf": []any{m, map[string]any{"type": "array", "items": m}},
				"description": "Crosses the lists it holds (role: [cto, vpe] × stage: [seed, growth]) into entries. A mapping, or a list of mappings."},
		},
	}
}

func kindList() string {
	var parts []string
	for _, k := range pipeline.Kinds {
		parts = append(parts, k.Name+" ("+k.Doc+")")
	}
	return strings.Join(parts, ", ")
}

// object describes a struct: its YAML fields, with inline structs
// flattened, and no other keys allowed (Rungs loads strictly).
func (g *generator) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if tag == "-" || (!f.IsExported() && !f.Anonymous) {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if strings.Contains(opts, "inline") {
				ft := f.Type
				for ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				walk(ft)
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			key := typeKey(t) + "." + f.Name
			p := g.schemaFor(f.Type, key)
			if doc := g.docs[key]; doc != "" {
				if _, isRef := p["$ref"]; isRef {
					p = map[string]any{"allOf": []any{p}, "description": doc}
				} else {
					p["description"] = doc
				}
			}
			props[name] = p
		}
	}
	walk(t)
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if doc := g.docs[typeKey(t)]; doc != "" {
		o["description"] = doc
	}
	return o
}

// comments reads the doc comments of the packages whose types appear in
// schemas.
func comments(root string) (map[string]string, error) {
	out := map[string]string{}
	for _, dir := range sourceDirs {
		fset := token.NewFileSet()
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(root, dir, name), nil, parser.ParseComments)
			if err != nil {
				return nil, err
			}
			pkg := f.Name.Name
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.TYPE {
					continue
				}
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					doc := ts.Doc
					if doc == nil && len(gd.Specs) == 1 {
						doc = gd.Doc
					}
					if doc != nil {
						out[pkg+"."+ts.Name.Name] = clean(doc.Text())
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, fld := range st.Fields.List {
						text := ""
						if fld.Doc != nil {
							text = fld.Doc.Text()
						} else if fld.Comment != nil {
							text = fld.Comment.Text()
						}
						for _, n := range fld.Names {
							if text != "" {
								out[pkg+"."+ts.Name.Name+"."+n.Name] = clean(text)
							}
						}
					}
				}
			}
		}
	}
	return out, nil
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
