// Package batch generates many documents in one run, from a YAML manifest
// or a CSV file: validation of the whole input first, then a worker pool
// that renders and writes files atomically and incrementally, in a stream,
// with a JSON report.
//
// # Validation first, yet streaming
//
// An input is read twice. The first pass parses and resolves every entry,
// keeping only the output file names (for collision checks) and the errors;
// nothing is written unless it finds no error. The second pass reads the
// input again and feeds the workers. Neither pass holds the entries: a CSV
// file is re-read row by row, and a manifest's matrix is expanded lazily,
// so memory does not grow with the number of entries beyond the set of
// output names. (A manifest's own YAML tree is held while it is read; it
// is bounded by the 4 MiB limit on YAML files.)
package batch

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Field is one parameter of an entry. The names are those of the flags and
// of the CSV columns.
type Field int

// The fields of an entry, in the order they are listed.
const (
	FKind Field = iota
	FRole
	FStage
	FSize
	FArchetype
	FCompany
	FFormat
	FPaper
	FName
	FFrom
	FTo
	// NumFields is the number of fields.
	NumFields
)

var fieldNames = [NumFields]string{"kind", "role", "stage", "size", "archetype", "company", "format", "paper", "name", "from", "to"}

func (f Field) String() string { return fieldNames[f] }

// FieldNames lists every field name, in order.
func FieldNames() []string { return fieldNames[:] }

func fieldByName(s string) (Field, bool) {
	for i, n := range fieldNames {
		if n == s {
			return Field(i), true
		}
	}
	return 0, false
}

// Origin says which layer a value came from; later layers override earlier.
type Origin uint8

// The layers of values, from lowest to highest precedence.
const (
	FromNone     Origin = iota
	FromFlag            // a command-line flag of rungs batch
	FromDefaults        // the manifest's defaults
	FromMatrix          // a matrix dimension
	FromEntry           // the entry itself: a documents item or a CSV cell
)

// Value is one field's value and where it was written.
type Value struct {
	S      string
	Line   int
	Origin Origin
	// Node is set for a company given inline (a YAML mapping).
	Node *yaml.Node
	// Where names the manifest part the value was written in
	// ("defaults", "matrix[1]"), when that is not the entry itself.
	Where string
}

// Set reports whether the value was given.
func (v Value) Set() bool { return v.Origin != FromNone }

// Entry is one document to generate, as read from the input: raw values,
// not yet validated.
type Entry struct {
	// Index is the entry's position in the input, from 0.
	Index int
	// File is the input file, for messages; Dir is the folder company
	// files are relative to.
	File, Dir string
	// Line is where the entry starts (the CSV row, the documents item).
	Line int
	// Where names the entry inside a manifest ("documents[3]",
	// "matrix[0] #5"); empty for a CSV row.
	Where string
	// CSV is true for a CSV row: errors name a column, not a field.
	CSV    bool
	Values [NumFields]Value
	// Vary lists the matrix dimensions with more than one value, in the
	// manifest's order: they go into the default file name so the
	// expanded entries do not collide.
	Vary []Field
	// problems are errors found while reading the entry (an unknown
	// field in a documents item); validation reports them.
	problems Problems
}

// layer sets the values of src that are given over e's.
func (e *Entry) layer(src *[NumFields]Value) {
	for i, v := range src {
		if v.Set() {
			e.Values[i] = v
		}
	}
}

// Problem is one error in the input, positioned as precisely as possible.
type Problem struct {
	File  string
	Line  int
	Where string // "documents[3]", "defaults", "matrix[0] #2"; "" for CSV
	Name  string // the entry's name, when known
	Field string // the field, or "" for the entry as a whole
	CSV   bool
	Msg   string
	// Raw problems are already complete messages, such as those from a
	// company file, and are printed as they are.
	Raw bool
	// Key, when set, identifies a problem shared by many entries (a broken
	// company file): it is reported once.
	Key string
}

func (p *Problem) Error() string {
	if p.Raw {
		return p.Msg
	}
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Where != "" {
		b.WriteString(p.Where)
		if p.Name != "" {
			fmt.Fprintf(&b, " %q", p.Name)
		}
		b.WriteString(": ")
	}
	if p.Field != "" {
		if p.CSV {
			b.WriteString("column ")
		}
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every error found in an input, in input order.
type Problems []*Problem

// MaxShown is how many problems an error message lists; the count of the
// others follows.
const MaxShown = 50

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i == MaxShown {
			fmt.Fprintf(&b, "\n... and %d more problems", len(ps)-MaxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Source is a batch input that can be read more than once.
type Source interface {
	// Name is the input's file name, for messages.
	Name() string
	// Entries reads the input from the start and calls yield for each
	// entry, in order, until yield returns false. A problem in the input
	// itself (a CSV syntax error) comes back as the error, after the
	// entries before it.
	Entries(yield func(*Entry) bool) error
}
