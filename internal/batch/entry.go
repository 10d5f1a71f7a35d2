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

	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/pipeline"
	"go.yaml.in/yaml/v3"
)

// Field is one parameter of an entry. The names are those of the flags and
// of the CSV columns. The fields every kind shares come first; the kinds'
// own parameters (role, from, to, level, grow_to...) follow, as the
// pipeline declares them, so a parameter declared there is a manifest key
// and a CSV column at once.
type Field int

// The fields every entry has.
const (
	FKind Field = iota
	FStage
	FSize
	FArchetype
	FCompany
	FFormat
	FPaper
	FLang
	FName
	// numCommon is the number of fields shared by every kind; the kinds'
	// parameters follow.
	numCommon
)

// commonFields describe the shared fields, in index order.
var commonFields = [numCommon]FieldInfo{
	{Name: "kind", Example: pipeline.DefaultKind, Doc: "The kind of document: " + kindList() + ". The default is " + pipeline.DefaultKind + "."},
	{Name: "stage", Example: "growth", Doc: "The stage: seed, early, growth or enterprise, or an alias such as series-a."},
	{Name: "size", Example: "25", Integer: true, Doc: "The engineering headcount."},
	{Name: "archetype", Example: "product", Doc: "The CTO archetype: infrastructure, product, visionary or external."},
	{Name: "company", Example: "acme.yaml", Doc: "A company.yaml file, relative to the manifest, or the company's details inline."},
	{Name: "format", Example: "md+pdf", Doc: "The formats, joined with + or a comma, such as md+pdf: " + strings.Join(pipeline.FormatNames(), ", ") + " (jsonld for kind jd only)."},
	{Name: "paper", Example: "a4", Doc: "The paper size of paged formats: " + strings.Join(pipeline.Papers, ", ") + "; " + pipeline.Papers[0] + " by default."},
	{Name: "lang", Example: "fr", Doc: "The language of the documents: " + strings.Join(locale.Languages(), ", ") + "; by default the company's language key, else en."},
	{Name: "name", Example: "backend-lead", Doc: "The output file name without extension, or a pattern such as {company}-{role}-{stage}; by default the company's slug and the kind's name."},
}

// FieldInfo describes a field, for messages, help and the manifest schema.
type FieldInfo struct {
	Name    string
	Doc     string
	Example string
	Integer bool
	// Param is the kind parameter the field carries; nil for a shared
	// field.
	Param *pipeline.Param
}

var (
	fields     []FieldInfo
	fieldOrder []Field // kind, the parameters, then the other shared fields
)

func init() {
	fields = append(fields, commonFields[:]...)
	fieldOrder = []Field{FKind}
	for _, p := range pipeline.AllParams() {
		fieldOrder = append(fieldOrder, Field(len(fields)))
		fields = append(fields, FieldInfo{Name: p.Name, Doc: p.Doc, Example: p.Example, Integer: p.Integer, Param: p})
	}
	for f := FStage; f < numCommon; f++ {
		fieldOrder = append(fieldOrder, f)
	}
}

func kindList() string {
	var parts []string
	for _, k := range pipeline.Kinds {
		parts = append(parts, k.Name+" ("+k.Doc+")")
	}
	return strings.Join(parts, ", ")
}

// NumFields is the number of fields: the shared ones and the kinds'
// parameters.
func NumFields() int { return len(fields) }

func (f Field) String() string { return fields[f].Name }

// Info describes the field.
func (f Field) Info() FieldInfo { return fields[f] }

// Fields lists every field in the order help texts and schemas show them:
// kind, the kinds' parameters, then the other shared fields.
func Fields() []Field { return fieldOrder }

// FieldNames lists every field name, in the order of Fields.
func FieldNames() []string {
	out := make([]string, len(fieldOrder))
	for i, f := range fieldOrder {
		out[i] = fields[f].Name
	}
	return out
}

// FieldByName finds a field by its name.
func FieldByName(s string) (Field, bool) {
	for i := range fields {
		if fields[i].Name == s {
			return Field(i), true
		}
	}
	return 0, false
}

func fieldByName(s string) (Field, bool) { return FieldByName(s) }

// NewValues returns an empty set of field values.
func NewValues() []Value { return make([]Value, len(fields)) }

// padValues returns d as a full set of field values (a caller may give
// fewer).
func padValues(d []Value) []Value {
	out := NewValues()
	copy(out, d)
	return out
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
	// Column is the CSV header the value came from when it is not the
	// field's own name (company.engineers gives the size), so an error
	// names the column the user wrote.
	Column string
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
	CSV bool
	// Values are indexed by Field; NumFields long.
	Values []Value
	// Company are the row's company.<key> cells (CSV), over the company
	// file the row names.
	Company []Cell
	// Vary lists the matrix dimensions with more than one value, in the
	// manifest's order: they go into the default file name so the
	// expanded entries do not collide.
	Vary []Field
	// problems are errors found while reading the entry (an unknown
	// field in a documents item); validation reports them.
	problems Problems
}

// Cell is one company.<key> cell of a CSV row.
type Cell struct {
	Key   string // the key after "company."
	Value string
	Line  int
}

// layer sets the values of src that are given over e's.
func (e *Entry) layer(src []Value) {
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
