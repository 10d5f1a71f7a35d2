package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/suggest"
)

// CSV is a batch input with one document per row. The header row names
// the columns with the field names; a column left out or a cell left empty
// takes the default. Lines starting with # are comments.
type CSV struct {
	name string
	dir  string
	open func() (io.ReadCloser, error)
	// defaults are the values given by flags, under every row.
	defaults [NumFields]Value
}

// MaxCSVBytes caps a CSV plan: MaxEntries rows of a few hundred bytes.
const MaxCSVBytes = 256 << 20

// NewCSVFile reads the CSV file at path. Company files named in it are
// relative to its folder.
func NewCSVFile(path string) *CSV {
	return &CSV{name: path, dir: filepath.Dir(path), open: func() (io.ReadCloser, error) { return boundedio.Open(path, MaxCSVBytes) }}
}

// NewCSVBytes reads CSV content held in memory; name is used in messages
// and dir is the folder company files are relative to.
func NewCSVBytes(name, dir string, data []byte) *CSV {
	return &CSV{name: name, dir: dir, open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
}

// Name is the file name.
func (c *CSV) Name() string { return c.name }

// SetDefaults sets the values rows fall back on (from flags).
func (c *CSV) SetDefaults(d [NumFields]Value) { c.defaults = d }

// Entries reads the rows in order.
func (c *CSV) Entries(yield func(*Entry) bool) error {
	rc, err := c.open()
	if err != nil {
		return &Problem{File: c.name, Msg: "cannot read the file: " + unwrapPath(err).Error()}
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	// A byte-order mark, as spreadsheet programs write, is not part of the
	// first column's name.
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.Comment = '#'
	r.FieldsPerRecord = -1 // checked here, with a clearer message
	r.ReuseRecord = true

	header, err := r.Read()
	if err == io.EOF {
		return &Problem{File: c.name, Msg: "the file is empty; the first row names the columns, for example: kind,role,stage"}
	}
	if err != nil {
		return c.syntax(err)
	}
	cols := make([]Field, len(header))
	seen := map[Field]bool{}
	var probs Problems
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		f, ok := fieldByName(h)
		if !ok {
			probs = append(probs, &Problem{File: c.name, Line: 1, Msg: fmt.Sprintf("unknown column %q%s", h, suggest.Hint(h, FieldNames()))})
			continue
		}
		if seen[f] {
			probs = append(probs, &Problem{File: c.name, Line: 1, Msg: fmt.Sprintf("column %q appears twice", h)})
		}
		seen[f] = true
		cols[i] = f
	}
	if len(probs) > 0 {
		return probs
	}
	headerLine, _ := r.FieldPos(0)

	index := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return c.syntax(err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			return &Problem{File: c.name, Line: line, Msg: fmt.Sprintf("the row has %d cells; the header (line %d) names %d columns", len(rec), headerLine, len(header))}
		}
		e := &Entry{Index: index, File: c.name, Dir: c.dir, Line: line, CSV: true}
		e.Values = c.defaults
		for i, cell := range rec {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				continue
			}
			l, _ := r.FieldPos(i)
			if msg := ctrl.Problem(cell, ctrl.Allow{}); msg != "" {
				// The cell is dropped, so no later message echoes it.
				e.problems = append(e.problems, &Problem{File: c.name, Line: l, Field: cols[i].String(), CSV: true,
					Msg: "the cell has " + msg + "; write plain text on one line"})
				continue
			}
			e.Values[cols[i]] = Value{S: cell, Line: l, Origin: FromEntry}
		}
		index++
		if !yield(e) {
			return nil
		}
	}
}

// syntax turns an encoding/csv error into a positioned problem.
func (c *CSV) syntax(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Problem{File: c.name, Line: pe.Line, Msg: "CSV syntax: " + pe.Err.Error()}
	}
	return &Problem{File: c.name, Msg: "cannot read the file: " + unwrapPath(err).Error()}
}

// unwrapPath drops the operation and path an *os.PathError or
// *os.LinkError repeats, for messages that name the path themselves.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
