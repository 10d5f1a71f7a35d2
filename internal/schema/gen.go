package schema

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

	"github.com/rungs/rungs/internal/profile"
)

// Build generates the JSON Schema for a named document type from its Go
// type. srcRoot is the module root: field descriptions come from the doc
// comments in the Go source, so editors show the same words as the code.
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
	root := g.schemaFor(d.Type, "")
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
	case reflect.Interface:
		if alt := g.alternatives(enumKey); alt != nil {
			return map[string]any{"anyOf": alt}
		}
		s = map[string]any{}
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

// alternatives gives the accepted shapes of a field typed any.
func (g *generator) alternatives(key string) []any {
	switch key {
	case "schema.ManifestEntry.Company":
		return []any{map[string]any{"type": "string"}, g.schemaFor(reflect.TypeOf(profile.Company{}), "")}
	case "schema.Manifest.Matrix":
		entry := reflect.TypeOf(ManifestEntry{})
		props := map[string]any{}
		for i := 0; i < entry.NumField(); i++ {
			f := entry.Field(i)
			one := g.schemaFor(f.Type, typeKey(entry)+"."+f.Name)
			props[f.Tag.Get("yaml")] = map[string]any{"anyOf": []any{one, map[string]any{"type": "array", "items": one}}}
		}
		m := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		return []any{m, map[string]any{"type": "array", "items": m}}
	}
	return nil
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
