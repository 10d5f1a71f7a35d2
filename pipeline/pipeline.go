// Package pipeline is the one place that knows which kinds of document
// (job description, ladder, promotion guide) and which formats (Markdown,
// JSON, PDF, HTML) exist, and how a request becomes finished files:
//
//	Request ──► Kind.Build (generator) ──► view model
//	                                        ├─► templates ──► Markdown ──► md, pdf, html
//	                                        └─► json
//
// Commands (rungs jd, rungs batch, ...) share it, so adding a kind or a
// format is one entry in Kinds or Formats, and every command that takes
// --format or a kind gets it at once. It does no file I/O: output names
// and writes files.
package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/suggest"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/output/jsonld"
	"github.com/rungs/rungs/profile"
	"github.com/rungs/rungs/templates"
)

// Params are the per-kind parameters of a request. A kind reads only the
// ones it lists in Kind.Uses.
type Params struct {
	Role string // jd
	From string // promotion
	To   string // promotion
}

// Get returns a parameter by its name ("role", "from", "to").
func (p Params) Get(name string) string {
	switch name {
	case "role":
		return p.Role
	case "from":
		return p.From
	case "to":
		return p.To
	}
	return ""
}

// Request is one document to produce.
type Request struct {
	Kind    string
	Profile profile.Profile
	Params  Params
	Formats []string // format names, as ParseFormats returns them
	Paper   string   // paper size for paged formats
	// Templates are the templates to render with; nil means the built-in
	// ones.
	Templates *templates.Set
}

// View is what a kind builds: the view model templates and JSON read, and
// the warnings (parameter mismatches) commands print on stderr.
type View struct {
	Model    any
	Warnings []string
}

// ParamError is a bad kind parameter; Param names it ("role", "from", ...).
type ParamError struct {
	Param string
	Err   error
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Err.Error() }
func (e *ParamError) Unwrap() error { return e.Err }

// Kind describes one kind of document.
type Kind struct {
	Name string
	// Uses lists the parameters the kind reads; Requires those it cannot
	// do without. Batch inputs use them to reject a role given to a ladder.
	Uses     []string
	Requires []string
	// Template is the Markdown template the view model is rendered with.
	Template string
	// Check validates the parameters against the catalog without building
	// anything, so a whole batch can be validated cheaply before writing.
	Check func(cat *catalog.Catalog, p Params) error
	// Build makes the view model.
	Build func(cat *catalog.Catalog, prof profile.Profile, p Params) (View, error)
	// Stem is the document part of the default file name, from canonical
	// ids: "cto", "ladder", "senior-engineer-to-staff-engineer". The
	// company's slug goes in front (output.FileName).
	Stem func(cat *catalog.Catalog, p Params) string
	// Meta describes a built view for the PDF and HTML formats (metadata,
	// running header). Optional: without it the title is the Markdown's
	// first heading.
	Meta func(v View) Meta
}

// Kinds are the kinds of document, in the order help texts list them.
// Add a kind here.
var Kinds = []Kind{
	{
		Name:     "jd",
		Uses:     []string{"role"},
		Requires: []string{"role"},
		Template: "jd.md.tmpl",
		Check: func(cat *catalog.Catalog, p Params) error {
			if _, err := cat.Role(p.Role); err != nil {
				return &ParamError{"role", err}
			}
			return nil
		},
		Build: func(cat *catalog.Catalog, prof profile.Profile, p Params) (View, error) {
			jd, err := generator.JD(cat, prof, p.Role)
			if err != nil {
				return View{}, err
			}
			return View{Model: jd, Warnings: jd.Warnings}, nil
		},
		Stem: func(cat *catalog.Catalog, p Params) string {
			r, err := cat.Role(p.Role)
			if err != nil {
				return output.Slug(p.Role)
			}
			return r.ID
		},
		Meta: func(v View) Meta {
			jd, ok := v.Model.(*generator.JobDescription)
			if !ok {
				return Meta{}
			}
			return JDMeta(jd)
		},
	},
}

// Input is what a format renders from.
type Input struct {
	Kind     *Kind
	View     View
	Markdown []byte // set when the format has FromMarkdown
	Paper    string
}

// Format describes one output format.
type Format struct {
	Name string
	Ext  string // file extension, without the dot
	// Binary formats are never written to a terminal.
	Binary bool
	// FromMarkdown formats are rendered from the Markdown document, so a
	// custom template changes them too.
	FromMarkdown bool
	Render       func(in *Input) ([]byte, error)
}

// Formats are the output formats, in the order help texts list them.
// Add a format here.
var Formats = []Format{
	{Name: "md", Ext: "md", FromMarkdown: true, Render: func(in *Input) ([]byte, error) { return in.Markdown, nil }},
	{Name: "json", Ext: "json", Render: func(in *Input) ([]byte, error) { return output.JSON(in.View.Model) }},
	{Name: "jsonld", Ext: "jsonld", FromMarkdown: true, Render: renderJSONLD},
	{Name: "pdf", Ext: "pdf", Binary: true, FromMarkdown: true, Render: renderPDF},
	{Name: "html", Ext: "html", FromMarkdown: true, Render: renderHTML},
}

// renderJSONLD is the jsonld format: schema.org JobPosting, for job
// descriptions only.
func renderJSONLD(in *Input) ([]byte, error) {
	jd, ok := in.View.Model.(*generator.JobDescription)
	if !ok {
		return nil, fmt.Errorf("only job descriptions (kind jd) have JSON-LD")
	}
	return jsonld.Encode(jd, in.Markdown)
}

// JSONLD returns the schema.org JobPosting JSON-LD of a job description
// view, for an HTML format to embed (htmldoc.Options.JSONLD), so the page
// carries the same data as --format jsonld. It returns "" for other kinds
// and when the company file lacks what JobPosting requires (a date, a
// name, a location).
func JSONLD(in *Input) string {
	jd, ok := in.View.Model.(*generator.JobDescription)
	if !ok || in.Markdown == nil {
		return ""
	}
	data, err := jsonld.Encode(jd, in.Markdown)
	if err != nil {
		return ""
	}
	return string(data)
}

// Papers are the paper sizes of paged formats; the first is the default.
var Papers = []string{"a4", "letter"}

// DefaultKind is the kind of a batch entry that does not say.
const DefaultKind = "jd"

// DefaultFormat is the format of a document that does not say.
const DefaultFormat = "md"

// KindNames lists the kinds.
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = k.Name
	}
	return out
}

// FormatNames lists the formats.
func FormatNames() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = f.Name
	}
	return out
}

// LookupKind finds a kind by name.
func LookupKind(name string) (*Kind, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for i := range Kinds {
		if Kinds[i].Name == n {
			return &Kinds[i], nil
		}
	}
	return nil, fmt.Errorf("unknown kind %q%s", name, suggest.Hint(name, KindNames()))
}

// LookupFormat finds a format by name; "markdown" is md.
func LookupFormat(name string) (*Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "markdown" {
		n = "md"
	}
	for i := range Formats {
		if Formats[i].Name == n {
			return &Formats[i], nil
		}
	}
	return nil, fmt.Errorf("unknown format %q%s", name, suggest.Hint(name, FormatNames()))
}

// ParseFormats reads a list of formats separated by commas, plus signs or
// spaces ("md+pdf", "md,json"), dropping repeats, in the order given.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '+' || r == ' ' }) {
		fm, err := LookupFormat(f)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, fm.Name) {
			out = append(out, fm.Name)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no format given; valid: %s", strings.Join(FormatNames(), ", "))
	}
	return out, nil
}

// ParsePaper checks a paper size; "" is the default.
func ParsePaper(s string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	if n == "" {
		return Papers[0], nil
	}
	if slices.Contains(Papers, n) {
		return n, nil
	}
	return "", fmt.Errorf("unknown paper size %q%s", s, suggest.Hint(s, Papers))
}

// File is one rendered document file.
type File struct {
	Format string
	Ext    string
	Data   []byte
}

// Render builds the request's view model once and renders it in every
// requested format. The returned warnings are the kind's mismatch notes.
func Render(cat *catalog.Catalog, r *Request) ([]File, []string, error) {
	k, err := LookupKind(r.Kind)
	if err != nil {
		return nil, nil, err
	}
	view, err := k.Build(cat, r.Profile, r.Params)
	if err != nil {
		return nil, nil, err
	}
	files, err := RenderView(k, view, r.Formats, r.Paper, r.Templates)
	return files, view.Warnings, err
}

// RenderView renders a view model already built (a command that printed
// its warnings first) in each format, in order. The Markdown is rendered
// once, for every format that starts from it.
func RenderView(k *Kind, view View, formats []string, paper string, set *templates.Set) ([]File, error) {
	if set == nil {
		set = templates.Builtin()
	}
	in := &Input{Kind: k, View: view, Paper: paper}
	files := make([]File, 0, len(formats))
	for _, name := range formats {
		f, err := LookupFormat(name)
		if err != nil {
			return nil, err
		}
		if f.FromMarkdown && in.Markdown == nil {
			md, err := set.Render(k.Template, view.Model)
			if err != nil {
				return nil, fmt.Errorf("render %s: %w", k.Template, err)
			}
			in.Markdown = md
		}
		data, err := f.Render(in)
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", f.Name, err)
		}
		files = append(files, File{Format: f.Name, Ext: f.Ext, Data: data})
	}
	return files, nil
}

// Stem is the file name of a document without its extension:
// "<company-slug>-<kind stem>", or the kind stem alone when the company
// has no usable name. It matches output.FileName.
func Stem(cat *catalog.Catalog, k *Kind, company string, p Params) string {
	return strings.TrimSuffix(output.FileName(company, k.Stem(cat, p), "x"), ".x")
}
