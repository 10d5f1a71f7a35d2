// Package starter holds the files `rungs init` writes: an annotated
// company.yaml, an example batch manifest, the JSON Schemas editors use to
// complete and check them, and, with eject, copies of the built-in
// catalog, ladder and templates to edit.
package starter

import (
	"bytes"
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
	"text/template"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/schema"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/templates"
)

//go:embed company.yaml.tmpl hiring-plan.yaml
var files embed.FS

// File is one file to write, with a path relative to the target folder.
type File struct {
	Path string
	Data []byte
}

var companyTmpl = template.Must(template.ParseFS(files, "company.yaml.tmpl"))

// Files returns what `rungs init` writes, in a stable order. With eject,
// it adds catalog/, ladder/ and templates/ copies of the built-in data,
// each YAML file carrying the $schema line for its kind, and company.yaml
// points at them.
func Files(eject bool) ([]File, error) {
	var b bytes.Buffer
	if err := companyTmpl.Execute(&b, struct{ Eject bool }{eject}); err != nil {
		return nil, err
	}
	plan, err := files.ReadFile("hiring-plan.yaml")
	if err != nil {
		return nil, err
	}
	out := []File{{"company.yaml", b.Bytes()}, {"hiring-plan.yaml", plan}}
	for _, name := range schema.Names() {
		data, _ := schema.Get(name)
		out = append(out, File{path.Join("schema", schema.FileName(name)), data})
	}
	if eject {
		for _, src := range []struct {
			fsys       fs.FS
			dir, glob  string
			schemaName string
		}{
			{catalog.BuiltinFS(), "catalog", "*.yaml", "catalog"},
			{ladders.BuiltinFS(), "ladder", "*.yaml", "ladder"},
			{templates.BuiltinFS(), "templates", "*.md.tmpl", ""},
			// The other languages, so a company writing in French can
			// edit the French too (README: your own data in French).
			{catalog.L10nFS(), "catalog", "l10n/*/*.yaml", ""},
			{ladders.L10nFS(), "ladder", "l10n/*/*.yaml", ""},
			{templates.L10nFS(), "templates", "l10n/*/*.md.tmpl", ""},
		} {
			names, err := fs.Glob(src.fsys, src.glob)
			if err != nil {
				return nil, err
			}
			sort.Strings(names)
			for _, n := range names {
				data, err := fs.ReadFile(src.fsys, n)
				if err != nil {
					return nil, err
				}
				if src.schemaName != "" && !strings.HasPrefix(string(data), "# yaml-language-server:") {
					line := "# yaml-language-server: $schema=../schema/" + schema.FileName(src.schemaName) + "\n"
					data = append([]byte(line), data...)
				}
				out = append(out, File{path.Join(src.dir, n), data})
			}
		}
	}
	return out, nil
}
