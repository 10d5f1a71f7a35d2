// Package tmplcheck checks the user's template files before the templates
// package parses them: every file is read through the bounded reader, and
// a control character in a template's text is an input error.
package tmplcheck

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/templates"
)

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Dir reads every *.md.tmpl file of dir through the bounded reader
// and checks it for control characters, before the templates package
// parses the folder: a special file (a device, a pipe) or an oversized one
// fails at once instead of being read forever, and a template cannot put
// a raw ESC into every document it renders. It returns a
// strictyaml.List, or nil.
func Dir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // the templates package words this one
	}
	var errs strictyaml.List
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md.tmpl") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := boundedio.ReadFile(p, templates.MaxTemplateBytes)
		if err != nil {
			errs.Add(p, 0, "cannot read: %v", unwrap(err))
			continue
		}
		errs = append(errs, Text(p, data)...)
	}
	return errs.Err()
}

// Text reports a control character in a template's text (tabs and
// line ends, \r\n included, are text), with its line.
func Text(p string, data []byte) strictyaml.List {
	i, _ := ctrl.Find(string(data), ctrl.File)
	if i < 0 {
		return nil
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	return strictyaml.List{{File: p, Line: line, Msg: "the template has " + ctrl.Problem(string(data), ctrl.File) +
		" of the file; remove it and write plain text"}}
}
