package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/suggest"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/templates"
)

// documentFormats are the formats a document command writes.
var documentFormats = []string{"md", "json"}

// document is one rendered file: its extension and bytes.
type document struct {
	ext  string
	data []byte
}

// parseFormats reads a comma-separated --format value.
func parseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ',' || r == '+' || r == ' ' }) {
		if f == "markdown" {
			f = "md"
		}
		ok := false
		for _, v := range documentFormats {
			ok = ok || v == f
		}
		if !ok {
			return nil, usageErr("--format: unknown format %q%s", f, suggest.Hint(f, documentFormats))
		}
		dup := false
		for _, o := range out {
			dup = dup || o == f
		}
		if !dup {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, usageErr("--format is empty; valid: %s", joinComma(documentFormats))
	}
	return out, nil
}

// renderJD renders a job description in each format.
func renderJD(jd *generator.JobDescription, formats []string) ([]document, error) {
	var docs []document
	for _, f := range formats {
		var data []byte
		var err error
		switch f {
		case "md":
			data, err = templates.Render("jd.md.tmpl", jd)
		case "json":
			data, err = output.JSON(jd)
		}
		if err != nil {
			return nil, dataErr(fmt.Errorf("render %s: %w", f, err))
		}
		docs = append(docs, document{ext: f, data: data})
	}
	return docs, nil
}

// emit writes documents to stdout ("" or "-") or into the folder dir,
// named after the company and the document.
func (a *app) emit(dir, company, name string, docs []document) error {
	if dir == "" || dir == "-" {
		if len(docs) > 1 {
			return usageErr("-o: %d formats cannot share stdout; give a folder, for example -o out/", len(docs))
		}
		if _, err := a.stdout.Write(docs[0].data); err != nil {
			return failure(err)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failure(fmt.Errorf("-o %s: %v", dir, unwrapPath(err)))
	}
	for _, d := range docs {
		path := filepath.Join(dir, output.FileName(company, name, d.ext))
		if err := output.WriteFile(path, d.data); err != nil {
			return failure(fmt.Errorf("write %s: %v", path, unwrapPath(err)))
		}
		fmt.Fprintf(a.stderr, "rungs: wrote %s\n", path)
	}
	return nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func joinComma(s []string) string { return strings.Join(s, ", ") }
