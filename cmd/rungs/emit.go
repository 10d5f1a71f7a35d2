package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/pipeline"
	"github.com/rungs/rungs/templates"
	"golang.org/x/term"
)

// documentFormats are the formats a document command writes: those of
// the pipeline registry, shared with rungs batch.
var documentFormats = pipeline.FormatNames()

// document is one rendered file: its format, extension and bytes.
type document struct {
	format string
	ext    string
	data   []byte
	binary bool // never written to a terminal
}

// isTerminal reports whether w is a terminal; a variable so tests can
// pretend stdout is one.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// parsePaper reads --paper.
func parsePaper(s string) (string, error) {
	p, err := pipeline.ParsePaper(s)
	if err != nil {
		return "", usageErr("--paper: %v", err)
	}
	return p, nil
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
func renderJD(set *templates.Set, jd *generator.JobDescription, formats []string, paper string) ([]document, error) {
	return renderView("jd", pipeline.View{Model: jd, Warnings: jd.Warnings}, formats, paper, set)
}

// renderView renders a built view model of a kind in each format, through
// the registry every command shares.
func renderView(kind string, view pipeline.View, formats []string, paper string, set *templates.Set) ([]document, error) {
	k, err := pipeline.LookupKind(kind)
	if err != nil {
		return nil, err
	}
	return renderKind(k, view, formats, paper, set)
}

// renderKind renders a view model with a kind that need not be registered
// (the ladder command's documents each have their own template).
func renderKind(k *pipeline.Kind, view pipeline.View, formats []string, paper string, set *templates.Set) ([]document, error) {
	files, err := pipeline.RenderView(k, view, formats, paper, set)
	if err != nil {
		return nil, dataErr(err)
	}
	docs := make([]document, len(files))
	for i, f := range files {
		docs[i] = document{format: f.Format, ext: f.Ext, data: f.Data}
		if fm, err := pipeline.LookupFormat(f.Format); err == nil {
			docs[i].binary = fm.Binary
		}
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
		if docs[0].binary && isTerminal(a.stdout) {
			// A PDF on a terminal is garbage at best and escape sequences
			// at worst.
			return usageErr("refusing to write %s to a terminal: redirect stdout (> %s) or write into a folder with -o DIR",
				strings.ToUpper(docs[0].format), output.FileName(company, name, docs[0].ext))
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
