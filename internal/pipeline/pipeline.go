// Package pipeline is the one place that knows which kinds of document
// (job description, ladder, promotion guide) and which formats (Markdown,
// JSON, PDF, HTML, Word) exist, and how a request becomes finished files:
//
//	Request ──► Kind.Build (generator) ──► view model
//	                                        ├─► templates ──► Markdown ──► md, pdf, html, docx
//	                                        └─► json
//
// Commands (rungs jd, rungs batch, ...) share it, so adding a kind or a
// format is one entry in Kinds or Formats, and every command that takes
// --format or a kind gets it at once. It does no file I/O: output names
// and writes files.
package pipeline

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/suggest"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/output/docxdoc"
	"github.com/rungs/rungs/output/htmldoc"
	"github.com/rungs/rungs/output/jsonld"
	"github.com/rungs/rungs/output/pdfdoc"
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
	// Author (the company) and Date go into the metadata of PDF, HTML and
	// Word documents; a zero Date keeps the renderer's fixed default, never
	// the clock.
	Author string
	Date   time.Time
}

// ParamError is a bad kind parameter; Param names it ("role", "from", ...).
type ParamError struct {
	Param string
	Err   error
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Err.Error() }
func (e *ParamError) Unwrap() error { return e.Err }

// Env is the data documents are built from: the catalog, and the ladder
// for ladders and promotion guides (nil means the built-in ladder).
type Env struct {
	Cat    *catalog.Catalog
	Ladder *ladders.Ladder
}

// ladder returns the ladder to build from.
func (e *Env) ladder() (*ladders.Ladder, error) {
	if e.Ladder != nil {
		return e.Ladder, nil
	}
	return ladders.Builtin()
}

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
	Check func(env *Env, p Params) error
	// Build makes the view model.
	Build func(env *Env, prof profile.Profile, p Params) (View, error)
	// Stem is the document part of the default file name, from canonical
	// ids: "cto", "ladder", "senior-engineer-to-staff-engineer". The
	// company's slug goes in front (output.FileName).
	Stem func(env *Env, p Params) string
}

// Kinds are the kinds of document, in the order help texts list them.
// Add a kind here.
var Kinds = []Kind{
	{
		Name:     "jd",
		Uses:     []string{"role"},
		Requires: []string{"role"},
		Template: "jd.md.tmpl",
		Check: func(env *Env, p Params) error {
			if _, err := env.Cat.Role(p.Role); err != nil {
				return &ParamError{"role", err}
			}
			return nil
		},
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			jd, err := generator.JD(env.Cat, prof, p.Role)
			if err != nil {
				return View{}, err
			}
			// The ladder says when a role that is a rung is rarely a
			// separate job (one truth with rungs ladder).
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			if w := generator.RungWarning(lad, prof, jd.Role); w != "" {
				jd.Warnings = append(jd.Warnings, w)
			}
			return viewOf(jd, jd.Warnings, prof), nil
		},
		Stem: func(env *Env, p Params) string {
			r, err := env.Cat.Role(p.Role)
			if err != nil {
				return output.Slug(p.Role)
			}
			return r.ID
		},
	},
	{
		// The whole career ladder, both tracks, as rungs ladder prints it.
		Name:     "ladder",
		Template: "ladder.md.tmpl",
		Check: func(env *Env, p Params) error {
			_, err := env.ladder()
			return err
		},
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			l, err := generator.CareerLadder(lad, prof, "all")
			if err != nil {
				return View{}, err
			}
			return viewOf(l, l.Warnings, prof), nil
		},
		Stem: func(*Env, Params) string { return "ladder" },
	},
	{
		// A promotion guide between two levels, as rungs ladder --from
		// --to prints it.
		Name:     "promotion",
		Uses:     []string{"from", "to"},
		Requires: []string{"from", "to"},
		Template: "ladder-promotion.md.tmpl",
		Check: func(env *Env, p Params) error {
			lad, err := env.ladder()
			if err != nil {
				return err
			}
			from, err := generator.FindLevel(lad, p.From)
			if err != nil {
				return &ParamError{"from", err}
			}
			to, err := generator.FindLevel(lad, p.To)
			if err != nil {
				return &ParamError{"to", err}
			}
			if _, err := generator.PromotionPath(lad, from, to); err != nil {
				return &ParamError{"to", err}
			}
			return nil
		},
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			g, err := generator.Promotion(lad, prof, p.From, p.To)
			if err != nil {
				return View{}, err
			}
			return viewOf(g, g.Warnings, prof), nil
		},
		Stem: func(env *Env, p Params) string {
			// As rungs ladder names it: promotion-<from>-to-<to>, by id.
			from, to := output.Slug(p.From), output.Slug(p.To)
			if lad, err := env.ladder(); err == nil {
				if l, err := generator.FindLevel(lad, p.From); err == nil {
					from = l.ID
				}
				if l, err := generator.FindLevel(lad, p.To); err == nil {
					to = l.ID
				}
			}
			return "promotion-" + from + "-to-" + to
		},
	},
}

// viewOf wraps a view model with the document's metadata.
func viewOf(model any, warnings []string, prof profile.Profile) View {
	return View{Model: model, Warnings: warnings, Author: strings.TrimSpace(prof.Company.Name), Date: prof.Date}
}

// Input is what a format renders from.
type Input struct {
	// Template is the Markdown template the document was rendered with.
	Template string
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
	// Kinds lists the kinds the format exists for; nil means every kind.
	Kinds []string
}

// Formats are the output formats, in the order help texts list them.
// Add a format here.
var Formats = []Format{
	{Name: "md", Ext: "md", FromMarkdown: true, Render: func(in *Input) ([]byte, error) { return in.Markdown, nil }},
	{Name: "json", Ext: "json", Render: func(in *Input) ([]byte, error) { return output.JSON(in.View.Model) }},
	{Name: "pdf", Ext: "pdf", Binary: true, FromMarkdown: true, Render: func(in *Input) ([]byte, error) {
		m := metaOf(in)
		return pdfdoc.Render(in.Markdown, pdfdoc.Options{Title: m.title, Author: in.View.Author, Subject: m.subject,
			Keywords: m.keywords, Language: Language, Date: in.View.Date, Paper: in.Paper})
	}},
	{Name: "html", Ext: "html", FromMarkdown: true, Render: func(in *Input) ([]byte, error) {
		m := metaOf(in)
		return htmldoc.Render(in.Markdown, htmldoc.Options{Title: m.title, Author: in.View.Author, Subject: m.subject,
			Keywords: m.keywords, Language: Language, JSONLD: JSONLD(in)})
	}},
	{Name: "docx", Ext: "docx", Binary: true, FromMarkdown: true, Render: func(in *Input) ([]byte, error) {
		m := metaOf(in)
		return docxdoc.Render(in.Markdown, docxdoc.Options{Title: m.title, Author: in.View.Author, Subject: m.subject,
			Keywords: m.keywords, Language: Language, Date: in.View.Date, Paper: in.Paper})
	}},
	{Name: "jsonld", Ext: "jsonld", FromMarkdown: true, Kinds: []string{"jd"}, Render: renderJSONLD},
}

// Language is the language of the generated documents: the catalog and
// the templates are written in English.
const Language = "en"

// docMeta is what PDF, HTML and Word documents store as metadata.
type docMeta struct {
	title, subject string
	keywords       []string
}

// subjects name each kind of document in its metadata, by the template
// it is rendered with; the longest matching prefix wins.
var subjects = []struct{ prefix, subject string }{
	{"ladder-promotion", "Promotion guide"},
	{"ladder-level", "Level card"},
	{"ladder-growth", "Growth plan"},
	{"ladder", "Career ladder"},
	{"jd", "Job description"},
}

// metaOf describes a document for its metadata: the title from its first
// heading, a subject naming the kind and company, and keywords.
func metaOf(in *Input) docMeta {
	m := docMeta{title: Title(in.Markdown)}
	kind := "Document"
	for _, s := range subjects {
		if strings.HasPrefix(in.Template, s.prefix) {
			kind = s.subject
			break
		}
	}
	m.subject = subjectOf(kind, m.title, in.View.Author)
	for _, k := range []string{m.title, strings.ToLower(kind), in.View.Author} {
		if k != "" {
			m.keywords = append(m.keywords, k)
		}
	}
	return m
}

// subjectOf says what a document is in a plain sentence that repeats
// nothing: the kind and the title ("Job description: Chief Technology
// Officer"), or the title alone when it already names the kind
// ("Engineering career ladder"), then the company, which a title may
// already start with ("Acme: engineering career ladder").
func subjectOf(kind, title, company string) string {
	t := title
	if company != "" {
		if rest, ok := strings.CutPrefix(t, company+": "); ok && rest != "" {
			r, n := utf8.DecodeRuneInString(rest)
			t = string(unicode.ToUpper(r)) + rest[n:]
		}
	}
	s := t
	if !strings.Contains(strings.ToLower(t), strings.ToLower(kind)) {
		s = kind + ": " + t
	}
	if t == "" {
		s = kind
	}
	if company != "" {
		s += " at " + company
	}
	return s
}

// Title is the text of a Markdown document's first level-one heading: the
// title every kind's template starts with.
func Title(md []byte) string {
	for len(md) > 0 {
		line := md
		if i := bytes.IndexByte(md, '\n'); i >= 0 {
			line, md = md[:i], md[i+1:]
		} else {
			md = nil
		}
		if t, ok := bytes.CutPrefix(line, []byte("# ")); ok {
			return strings.ReplaceAll(strings.TrimSpace(string(t)), "\\", "")
		}
	}
	return ""
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

// CheckFormats reports the first format that does not exist for kind.
func CheckFormats(kind string, formats []string) error {
	for _, name := range formats {
		f, err := LookupFormat(name)
		if err != nil {
			return err
		}
		if f.Kinds != nil && !slices.Contains(f.Kinds, kind) {
			return fmt.Errorf("format %s is only for kind %s, not %s", f.Name, strings.Join(f.Kinds, ", "), kind)
		}
	}
	return nil
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
func Render(env *Env, r *Request) ([]File, []string, error) {
	k, err := LookupKind(r.Kind)
	if err != nil {
		return nil, nil, err
	}
	view, err := k.Build(env, r.Profile, r.Params)
	if err != nil {
		return nil, nil, err
	}
	files, err := RenderView(k.Template, view, r.Formats, r.Paper, r.Templates)
	warnings := append(slices.Clip(view.Warnings), PDFWarnings(r.Profile.Company, r.Formats)...)
	return files, warnings, err
}

// RenderView renders a view model already built (a command that printed
// its warnings first) with the Markdown template tmpl, in each format, in
// order. The Markdown is rendered once, for every format that starts from
// it.
func RenderView(tmpl string, view View, formats []string, paper string, set *templates.Set) ([]File, error) {
	if set == nil {
		set = templates.Builtin()
	}
	in := &Input{Template: tmpl, View: view, Paper: paper}
	files := make([]File, 0, len(formats))
	for _, name := range formats {
		f, err := LookupFormat(name)
		if err != nil {
			return nil, err
		}
		if f.FromMarkdown && in.Markdown == nil {
			md, err := set.Render(tmpl, view.Model)
			if err != nil {
				return nil, fmt.Errorf("render %s: %w", tmpl, err)
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
func Stem(env *Env, k *Kind, company string, p Params) string {
	return strings.TrimSuffix(output.FileName(company, k.Stem(env, p), "x"), ".x")
}

// PDFWarnings says, when formats include pdf, which company fields hold
// characters no embedded font covers (CJK, Arabic, Hebrew, emoji...): the
// PDF shows U+FFFD for them, while Markdown, HTML and Word keep them.
// Latin, Greek and Cyrillic are covered. One warning per field, naming it
// as company.yaml does.
func PDFWarnings(c profile.Company, formats []string) []string {
	if !slices.Contains(formats, "pdf") {
		return nil
	}
	var out []string
	check := func(field, text string) {
		rs := pdfdoc.Undrawable(text)
		if len(rs) == 0 {
			return
		}
		shown := rs
		if len(shown) > 5 {
			shown = shown[:5]
		}
		list := make([]string, len(shown))
		for i, r := range shown {
			list[i] = fmt.Sprintf("%U", r)
		}
		more := ""
		if len(rs) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(rs)-len(shown))
		}
		out = append(out, fmt.Sprintf("%s: the PDF shows \uFFFD for %d %s no embedded font covers (%s%s); the Markdown, HTML and Word files keep them",
			field, len(rs), plural(len(rs), "character", "characters"), strings.Join(list, ", "), more))
	}
	check("name", c.Name)
	check("industry", c.Industry)
	check("mission", c.Mission)
	for i, l := range c.Locations {
		check(fmt.Sprintf("locations[%d]", i), l.String())
	}
	for i, b := range c.Benefits {
		check(fmt.Sprintf("benefits[%d]", i), b)
	}
	for i, s := range c.Stack {
		check(fmt.Sprintf("stack[%d]", i), s)
	}
	check("team", c.Team)
	for i, s := range c.InterviewProcess {
		check(fmt.Sprintf("interview_process[%d]", i), s)
	}
	keys := make([]string, 0, len(c.Titles))
	for k := range c.Titles {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		check("titles."+k, c.Titles[k])
	}
	check("title_suffix", c.TitleSuffix)
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
