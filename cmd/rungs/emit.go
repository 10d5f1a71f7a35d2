package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/pipeline"
	"github.com/rungs/rungs/templates"
)

// documentFormats are the formats a document command writes: those of
// the pipeline registry, shared with rungs batch.
var documentFormats = pipeline.FormatNames()

// document is one rendered file: its extension and bytes.
type document struct {
	ext  string
	data []byte
}

// parseFormats reads a comma-separated --format value.
func parseFormats(s string) ([]string, error) {
	out, err := pipeline.ParseFormats(strings.ToLower(s))
	if err != nil {
		return nil, usageErr("--format: %v", err)
	}
	return out, nil
}

// renderJD renders a job description in each format.
func renderJD(set *templates.Set, jd *generator.JobDescription, formats []string) ([]document, error) {
	return renderView("jd", pipeline.View{Model: jd, Warnings: jd.Warnings}, formats, "", set)
}

// renderView renders a built view model of a kind in each format, through
// the registry every command shares.
func renderView(kind string, view pipeline.View, formats []string, paper string, set *templates.Set) ([]document, error) {
	k, err := pipeline.LookupKind(kind)
	if err != nil {
		return nil, err
	}
	files, err := pipeline.RenderView(k, view, formats, paper, set)
	if err != nil {
		return nil, dataErr(err)
	}
	docs := make([]document, len(files))
	for i, f := range files {
		docs[i] = document{ext: f.Ext, data: f.Data}
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
