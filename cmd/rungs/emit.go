package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/output"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

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

// registerPaper adds --paper, the paper size of paged formats.
func registerPaper(cmd *cobra.Command, paper *string) {
	cmd.Flags().StringVar(paper, "paper", "", "paper size for PDF and DOCX: "+joinComma(pipeline.Papers)+" (default "+pipeline.Papers[0]+")")
	completeStatic(cmd, "paper", pipeline.Papers)
}

// parsePaper checks --paper.
func parsePaper(s string) (string, error) {
	p, err := pipeline.ParsePaper(s)
	if err != nil {
		return "", usageErr("--paper: %v", err)
	}
	return p, nil
}

// emit writes documents to stdout ("" or "-") or into the folder dir,
// named after the company and the document.
func (a *app) emit(dir, company, name string, docs []document) error {
	if dir == "" || dir == "-" {
		if len(docs) > 1 {
			return usageErr("-o: %d formats cannot share stdout; give a folder, for example -o out/", len(docs))
		}
		if f, err := pipeline.LookupFormat(docs[0].ext); err == nil && f.Binary && a.isTerminal(a.stdout) {
			return usageErr("--format %s: will not write binary output to a terminal; give a folder (-o out/) or redirect stdout", f.Name)
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

// isTerminal reports whether w is a terminal.
func (a *app) isTerminal(w any) bool {
	if e, ok := w.(*escWriter); ok {
		w = e.raw
	}
	return isTerminal(w)
}

// isTerminal is a variable so tests can pretend stdout is a terminal.
var isTerminal = func(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func joinComma(s []string) string { return strings.Join(s, ", ") }
