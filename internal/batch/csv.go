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
	"slices"
	"strings"

	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/suggest"
)

// CSV is a batch input with one document per row. The header row names
// the columns: the field names, company.<key> columns that carry the
// company's details (see CompanyColumns), and note columns (a header
// starting with # or x-) that are ignored. A column left out or a cell
// left empty takes the default. Lines starting with # are comments.
type CSV struct {
	name string
	dir  string
	open func() (io.ReadCloser, error)
	// defaults are the values given by flags, under every row.
	defaults []Value
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

// SetDefaults sets the values rows fall back on (from flags), indexed by
// Field.
func (c *CSV) SetDefaults(d []Value) { c.defaults = padValues(d) }

// column is what a CSV column holds.
type column struct {
	field   Field
	company string // the key of a company.<key> column
	note    bool   // a note column, ignored
}

// maxHeaderBytes bounds the header line, read on its own.
const maxHeaderBytes = 64 << 10

// Entries reads the rows in order.
func (c *CSV) Entries(yield func(*Entry) bool) error {
	rc, err := c.open()
	if err != nil {
		return &Problem{File: c.name, Msg: "cannot read the file: " + unwrapPath(err).Error()}
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, maxHeaderBytes)
	// A byte-order mark, as spreadsheet programs write, is not part of the
	// first column's name.
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	header, headerLine, err := c.header(br)
	if err != nil {
		return err
	}
	cols, probs := c.columns(header, headerLine)
	if len(probs) > 0 {
		return probs
	}
	if c.defaults == nil {
		c.defaults = NewValues()
	}

	r := csv.NewReader(br)
	r.Comment = '#'
	r.FieldsPerRecord = -1 // checked here, with a clearer message
	r.ReuseRecord = true
	index := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return c.syntax(err, headerLine)
		}
		line, _ := r.FieldPos(0)
		line += headerLine
		if len(rec) != len(header) {
			return &Problem{File: c.name, Line: line, Msg: fmt.Sprintf("the row has %d cells; the header (line %d) names %d columns", len(rec), headerLine, len(header))}
		}
		e := &Entry{Index: index, File: c.name, Dir: c.dir, Line: line, CSV: true}
		e.Values = slices.Clone(c.defaults)
		for i, cell := range rec {
			col := cols[i]
			cell = strings.TrimSpace(cell)
			if cell == "" || col.note {
				continue
			}
			l, _ := r.FieldPos(i)
			l += headerLine
			name := header[i]
			if msg := ctrl.Problem(cell, ctrl.Allow{}); msg != "" {
				// The cell is dropped, so no later message echoes it.
				e.problems = append(e.problems, &Problem{File: c.name, Line: l, Field: name, CSV: true,
					Msg: "the cell has " + msg + "; write plain text on one line"})
				continue
			}
			if col.company != "" {
				e.Company = append(e.Company, Cell{Key: col.company, Value: cell, Line: l})
				continue
			}
			v := Value{S: cell, Line: l, Origin: FromEntry}
			if name != col.field.String() {
				v.Column = name
			}
			e.Values[col.field] = v
		}
		index++
		if !yield(e) {
			return nil
		}
	}
}

// header reads the header row: the first line that is not empty and not a
// comment. A line starting with # is the header, not a comment, when its
// other cells all name columns: its first column is a note column.
func (c *CSV) header(br *bufio.Reader) ([]string, int, error) {
	line := 0
	for {
		raw, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			return nil, 0, &Problem{File: c.name, Line: line + 1, Msg: fmt.Sprintf("the line is longer than %d KiB; the first row names the columns, for example: kind,role,stage", maxHeaderBytes>>10)}
		}
		if err != nil && err != io.EOF {
			return nil, 0, &Problem{File: c.name, Msg: "cannot read the file: " + unwrapPath(err).Error()}
		}
		if len(raw) == 0 && err == io.EOF {
			return nil, 0, &Problem{File: c.name, Msg: "the file is empty; the first row names the columns, for example: kind,role,stage"}
		}
		line++
		text := strings.TrimRight(string(raw), "\r\n")
		if strings.TrimSpace(text) != "" {
			cells, perr := csv.NewReader(strings.NewReader(text)).Read()
			if perr != nil && !strings.HasPrefix(text, "#") {
				return nil, 0, c.syntax(perr, line-1)
			}
			if !strings.HasPrefix(text, "#") || (perr == nil && c.namesColumns(cells[1:])) {
				return cells, line, nil
			}
		}
		if err == io.EOF {
			return nil, 0, &Problem{File: c.name, Msg: "the file has only comments; the first row names the columns, for example: kind,role,stage"}
		}
	}
}

// namesColumns reports whether cells (a header's cells after the first)
// are all column names.
func (c *CSV) namesColumns(cells []string) bool {
	if len(cells) == 0 {
		return false
	}
	for _, h := range cells {
		if _, err := parseColumn(h); err != "" {
			return false
		}
	}
	return true
}

// columns reads the header's cells.
func (c *CSV) columns(header []string, line int) ([]column, Problems) {
	cols := make([]column, len(header))
	seen := map[string]string{}
	var probs Problems
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		header[i] = name
		col, msg := parseColumn(name)
		if msg != "" {
			probs = append(probs, &Problem{File: c.name, Line: line, Msg: msg})
			continue
		}
		cols[i] = col
		if col.note {
			continue
		}
		// company.stage is the stage column under another name: one value
		// per row.
		key := name
		if col.company == "" {
			key = col.field.String()
		}
		if prev, ok := seen[key]; ok {
			if prev == name {
				probs = append(probs, &Problem{File: c.name, Line: line, Msg: fmt.Sprintf("column %q appears twice", name)})
			} else {
				probs = append(probs, &Problem{File: c.name, Line: line, Msg: fmt.Sprintf("columns %q and %q give the same value; keep one", prev, name)})
			}
			continue
		}
		seen[key] = name
	}
	return cols, probs
}

// parseColumn reads one header cell, or says why it names no column.
func parseColumn(h string) (column, string) {
	h = strings.ToLower(strings.TrimSpace(h))
	if strings.HasPrefix(h, "#") || strings.HasPrefix(h, "x-") {
		return column{note: true}, ""
	}
	if f, ok := fieldByName(h); ok {
		return column{field: f}, ""
	}
	if key, ok := strings.CutPrefix(h, "company."); ok {
		if f, ok := companyFieldAliases[key]; ok {
			return column{field: f}, ""
		}
		if slices.Contains(companyKeys(), key) {
			return column{company: key}, ""
		}
	}
	if h == "" {
		return column{}, "a column has no name; name it, or start its name with # or x- to keep notes in it"
	}
	msg := fmt.Sprintf("unknown column %q", h)
	names := ColumnNames()
	if strings.HasPrefix(h, "company.") {
		// A misspelt company key is nearest among the company columns;
		// across all of them, the bare "company" prefix would win.
		names = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return !strings.HasPrefix(n, "company.") })
	}
	if n := suggest.Nearest(h, names); n != "" {
		msg += "; did you mean " + n + "?"
	}
	return column{}, msg + "; for notes, start the column's name with # or x-; valid: " + strings.Join(ColumnNames(), ", ")
}

// syntax turns an encoding/csv error into a positioned problem; offset is
// the lines read before the CSV reader started.
func (c *CSV) syntax(err error, offset int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Problem{File: c.name, Line: pe.Line + offset, Msg: "CSV syntax: " + pe.Err.Error()}
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
