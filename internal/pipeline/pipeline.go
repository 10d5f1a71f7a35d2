// Package pipeline is the one place that knows which kinds of document
// (job description, ladder, promotion guide, level card, growth plan) and
// which formats (Markdown,
// JSON, PDF, HTML, Word) exist, and how a request becomes finished files:
//
//	Request ──► Kind.Build (generator) ──► view model ──► checks (warnings, lint, --strict)
//	                                        ├─► templates ──► Markdown ──► md, pdf, html, docx, jsonld
//	                                        └─► json
//
// Commands (rungs jd, rungs ladder, rungs batch) share it, so adding a kind
// or a format is one entry in Kinds or Formats, and every command that
// takes --format or a kind gets it at once. Each kind declares its
// parameters once (Param): the commands' flags, the batch fields and CSV
// columns and the manifest schema derive from them. It does no file I/O:
// output names and writes files.
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
	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/suggest"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/lint"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/output/docxdoc"
	"github.com/rungs/rungs/output/htmldoc"
	"github.com/rungs/rungs/output/jsonld"
	"github.com/rungs/rungs/output/pdfdoc"
	"github.com/rungs/rungs/output/sitedoc"
	"github.com/rungs/rungs/templates"
)

// Request is one document to produce.
type Request struct {
	Kind    string
	Profile profile.Profile
	// Params are the kind's parameters, normalized (Kind.Normalize).
	Params  Params
	Formats []string // format names, as ParseFormats returns them
	Paper   string   // paper size for paged formats
	// Templates are the templates to render with; nil means the built-in
	// ones.
	Templates *templates.Set
	// Lint keeps a posting's lint report in the Result; Strict makes its
	// pay-transparency gaps an error. LintName labels the report (the
	// file name; by default the stem with .md).
	Lint, Strict bool
	LintName     string
	// CSV is set for a CSV row: messages name its company.<key> columns.
	CSV bool
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
	// Draft lists, for a posting with placeholders in [brackets], the
	// company.yaml keys that fill them.
	Draft []string
	// Language is the BCP 47 tag of the document's language ("en").
	Language string
}

// lang is the language a profile's documents are written in.
func lang(p profile.Profile) string {
	if p.Company.Language == "" {
		return "en"
	}
	return p.Company.Language
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
	// Untranslated are warnings about texts of a user's catalog or
	// ladder that stay in English in a document in another language.
	Untranslated []string
}

// Localize returns the data and the templates in language lang (see
// catalog.In, ladders.In and templates.Set.In): env and set themselves
// for English. A nil set means the built-in templates.
func Localize(env *Env, set *templates.Set, lang string) (*Env, *templates.Set, error) {
	if lang == "" || lang == "en" {
		return env, set, nil
	}
	out := &Env{}
	var missing []l10n.Text
	var err error
	if out.Cat, missing, err = env.Cat.In(lang); err != nil {
		return nil, nil, err
	}
	if w := untranslated("catalog", lang, missing); w != "" {
		out.Untranslated = append(out.Untranslated, w)
	}
	lad, err := env.ladder()
	if err != nil {
		return nil, nil, err
	}
	if out.Ladder, missing, err = lad.In(lang); err != nil {
		return nil, nil, err
	}
	if w := untranslated("ladder", lang, missing); w != "" {
		out.Untranslated = append(out.Untranslated, w)
	}
	if set == nil {
		set, err = templates.BuiltinIn(lang)
	} else {
		set, err = set.In(lang)
	}
	if err != nil {
		return nil, nil, err
	}
	return out, set, nil
}

// untranslated words the warning for texts left in English.
func untranslated(what, lang string, missing []l10n.Text) string {
	if len(missing) == 0 {
		return ""
	}
	file := missing[0].File
	if file == "" {
		file = "the " + what
	}
	return fmt.Sprintf("%d %s of the %s %s no %s translation and %s in English, such as %s (%s); add %s under l10n/%s/ in your %s folder",
		len(missing), plural(len(missing), "text", "texts"), what, plural(len(missing), "has", "have"), lang,
		plural(len(missing), "stays", "stay"), missing[0].Path, file, plural(len(missing), "it", "them"), lang, what)
}

// ladder returns the ladder to build from.
func (e *Env) ladder() (*ladders.Ladder, error) {
	if e.Ladder != nil {
		return e.Ladder, nil
	}
	return ladders.Builtin()
}

// viewOf wraps a view model with the document's metadata.
func viewOf(model any, warnings []string, prof profile.Profile) View {
	return View{Model: model, Warnings: warnings, Author: strings.TrimSpace(prof.Company.Name), Date: prof.Date, Language: lang(prof)}
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
	// Site formats write a folder, not a file: the ladder website, built
	// by Render from the ladder data (output/sitedoc) into File.Site.
	Site bool
}

// Formats are the output formats, in the order help texts list them.
// Add a format here.
var Formats = []Format{
	{Name: "md", Ext: "md", FromMarkdown: true, Render: func(in *Input) ([]byte, error) { return in.Markdown, nil }},
	{Name: "json", Ext: "json", Render: func(in *Input) ([]byte, error) { return output.JSON(in.View.Model) }},
	{Name: "pdf", Ext: "pdf", Binary: true, FromMarkdown: true, Render: func(in *Input) ([]byte, error) {
		m := metaOf(in)
		return pdfdoc.Render(in.Markdown, pdfdoc.Options{Title: m.title, Author: in.View.Author, Subject: m.subject,
			Keywords: m.keywords, Language: in.View.Language, Date: in.View.Date, Paper: in.Paper})
	}},
	{Name: "html", Ext: "html", FromMarkdown: true, Render: func(in *Input) ([]byte, error) {
		m := metaOf(in)
		return htmldoc.Render(in.Markdown, htmldoc.Options{Title: m.title, Author: in.View.Author, Subject: m.subject,
			Keywords: m.keywords, Language: in.View.Language, JSONLD: JSONLD(in)})
	}},
	{Name: "docx", Ext: "docx", Binary: true, FromMarkdown: true, Render: func(in *Input) ([]byte, error) {
		m := metaOf(in)
		return docxdoc.Render(in.Markdown, docxdoc.Options{Title: m.title, Author: in.View.Author, Subject: m.subject,
			Keywords: m.keywords, Language: in.View.Language, Date: in.View.Date, Paper: in.Paper})
	}},
	{Name: "jsonld", Ext: "jsonld", FromMarkdown: true, Kinds: []string{"jd"}, Render: renderJSONLD},
	{Name: "site", FromMarkdown: true, Kinds: []string{"ladder", "growth"}, Site: true},
}

// docMeta is what PDF, HTML and Word documents store as metadata.
type docMeta struct {
	title, subject string
	keywords       []string
}

// metaOf describes a document for its metadata, in the document's
// language: the title from its first heading, a subject naming the kind
// and company, and keywords.
func metaOf(in *Input) docMeta {
	m := docMeta{title: Title(in.Markdown)}
	words := output.Words(in.View.Language)
	name := "other"
	for i := range Kinds {
		if Kinds[i].Template == in.Template {
			name = Kinds[i].Name
			break
		}
	}
	kind := words.Text("document.kind."+name, nil)
	m.subject = subjectOf(words, kind, m.title, in.View.Author)
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
// already start with ("Acme: engineering career ladder", in French
// "Acme : grille de carrière", with a no-break space before the colon).
// The words and their punctuation are the language's (document.subject.*);
// the spacing of French punctuation is applied as in the document itself
// (templates.Typography), so the subject reads like the title.
func subjectOf(words *locale.Catalog, kind, title, company string) string {
	t := title
	if company != "" {
		if rest, ok := afterCompany(t, company); ok && rest != "" {
			r, n := utf8.DecodeRuneInString(rest)
			t = string(unicode.ToUpper(r)) + rest[n:]
		}
	}
	s := t
	if !strings.Contains(strings.ToLower(t), strings.ToLower(kind)) {
		s = words.Text("document.subject.kind", locale.Args{"kind": kind, "title": t})
	}
	if t == "" {
		s = kind
	}
	if company != "" {
		s = words.Text("document.subject.company", locale.Args{"subject": s, "company": company})
	}
	return string(templates.Typography(words.Lang(), []byte(s)))
}

// afterCompany returns what follows "company:" at the start of a title,
// with any spaces around the colon (a French title has a no-break space
// before it), and whether the title starts so.
func afterCompany(title, company string) (string, bool) {
	rest, ok := strings.CutPrefix(title, company)
	if !ok {
		return "", false
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if rest, ok = strings.CutPrefix(rest, ":"); !ok {
		return "", false
	}
	return strings.TrimLeftFunc(rest, unicode.IsSpace), true
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
	return jsonld.Encode(jobIn(jd, in.View.Language), in.Markdown)
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
	data, err := jsonld.Encode(jobIn(jd, in.View.Language), in.Markdown)
	if err != nil {
		return ""
	}
	return string(data)
}

// jobIn is JobOf for a posting written in language lang, which JSON-LD
// gives as inLanguage. An English posting leaves inLanguage out: English
// was the language of every posting before --lang, and its JSON-LD (and
// the HTML that embeds it) stays byte for byte what it was; a reader of a
// French posting cannot assume English, so it is told.
func jobIn(jd *generator.JobDescription, lang string) *jsonld.Job {
	j := JobOf(jd)
	if lang != "" && lang != "en" {
		j.Language = lang
	}
	return j
}

// JobOf is the JSON-LD renderer's view of a job description.
func JobOf(jd *generator.JobDescription) *jsonld.Job {
	j := &jsonld.Job{
		Title: jd.Title, Role: jd.Role, Date: jd.Date, Deadline: jd.Deadline,
		EmploymentType: jd.EmploymentType, ApplyURL: jd.ApplyURL,
		Company: jsonld.Company{Name: jd.Company.Name, Website: jd.Company.Website,
			Industry: jd.Company.Industry, WorkModel: jd.Company.WorkModel},
	}
	for _, a := range jd.Company.Addresses {
		j.Company.Addresses = append(j.Company.Addresses, jsonld.Address{City: a.City, Region: a.Region, Country: a.Country})
	}
	if c := jd.Compensation; c != nil {
		j.Pay = &jsonld.Pay{Min: c.Min, Max: c.Max, Currency: c.Currency, Period: c.Period}
	}
	return j
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

// File is one rendered document file, or for a site format the folder
// of files in Site.
type File struct {
	Format string
	Ext    string
	Data   []byte
	Site   *sitedoc.Site
}

// Render builds the request's view model once, runs the kind's checks and
// renders the model in every requested format. The Markdown is rendered
// once, for the checks and every format that starts from it.
//
// A posting that lacks what the pay-transparency law of its location
// requires is a warning, or with Request.Strict a *StrictError and no
// files; the Result then still holds the warnings and the lint report.
func Render(env *Env, r *Request) (*Result, error) {
	k, err := LookupKind(r.Kind)
	if err != nil {
		return nil, err
	}
	view, err := k.Build(env, r.Profile, r.Params)
	if err != nil {
		return nil, err
	}
	res := &Result{View: view, Warnings: Classify(k, r.Profile, view.Warnings)}
	for _, w := range env.Untranslated {
		res.Warnings = append(res.Warnings, Warning{Rule: RuleUntranslated, Message: w})
	}
	for _, w := range PDFWarnings(r.Profile.Company, r.Formats) {
		res.Warnings = append(res.Warnings, Warning{Rule: RulePDFFont, Message: w})
	}
	set := r.Templates
	if set == nil {
		set = templates.Builtin()
	}
	var md []byte
	if k.Posting != nil {
		if md, err = set.Render(k.Template, view.Model); err != nil {
			return res, fmt.Errorf("render %s: %w", k.Template, err)
		}
		name := r.LintName
		if name == "" {
			name = Stem(env, k, r.Profile, r.Params) + ".md"
		}
		// The whole lint costs several times the rendering of a posting;
		// without --lint only its pay-transparency rules run.
		var rep lint.Report
		if r.Lint {
			rep = lint.Check(name, md, k.Posting(r.Profile, view))
			res.Lint = &rep
		} else {
			rep = lint.CheckPay(name, md, k.Posting(r.Profile, view))
		}
		gaps := PayGaps(rep, r.Params.Get("role"), r.CSV)
		for _, g := range gaps {
			res.Warnings = append(res.Warnings, Warning{Rule: RulePayTransparency, Message: g})
		}
		if r.Strict && len(gaps) > 0 {
			return res, &StrictError{Gaps: gaps}
		}
	}
	// The site is every page of the ladder; the other formats render
	// the view, in the formats' order.
	var plain []string
	for _, name := range r.Formats {
		if f, err := LookupFormat(name); err != nil || !f.Site {
			plain = append(plain, name)
		}
	}
	files, err := renderFormats(k.Template, view, md, plain, r.Paper, set)
	if err != nil || len(plain) == len(r.Formats) {
		res.Files = files
		return res, err
	}
	lad, err := env.ladder()
	if err != nil {
		return res, err
	}
	src := sitedoc.Source{Ladder: lad, Profile: r.Profile, Track: r.Params.Get("track"), Templates: r.Templates, Language: lang(r.Profile)}
	if k.Uses("grow_to") {
		// A growth plan's site adds the plan's page to the whole ladder.
		if src.GrowTo, err = profile.ParseSize(r.Params.Get("grow_to")); err != nil {
			return res, &ParamError{"grow_to", err}
		}
		src.GrowStage = growStage(env, r.Profile, src.GrowTo)
	}
	site, err := sitedoc.Build(src)
	if err != nil {
		return res, fmt.Errorf("render site: %w", err)
	}
	res.Files = make([]File, 0, len(r.Formats))
	for _, name := range r.Formats {
		if f, _ := LookupFormat(name); f.Site {
			res.Files = append(res.Files, File{Format: f.Name, Site: site})
			continue
		}
		res.Files, files = append(res.Files, files[0]), files[1:]
	}
	return res, nil
}

// Result is what Render made: the view, the files in format order, the
// warnings and, with Request.Lint, the posting's lint report.
type Result struct {
	View     View
	Files    []File
	Warnings []Warning
	Lint     *lint.Report
}

// StrictError is a posting that lacks, under Request.Strict, what the
// pay-transparency law of its location requires.
type StrictError struct{ Gaps []string }

func (e *StrictError) Error() string {
	return "--strict: the posting lacks what the pay-transparency law of its location requires (guidance, not legal advice): " + strings.Join(e.Gaps, "; ")
}

// payFields names the company.yaml field that supplies each pay element,
// and the CSV columns that do in a batch.
var payFields = map[string]struct{ key, columns string }{
	"pay-range":    {"compensation.%s (min, max, currency, period)", "company.pay_min, company.pay_max, company.currency and company.period"},
	"pay-benefits": {"benefits", "company.benefits"},
	"pay-deadline": {"apply.deadline (YYYY-MM-DD)", "company.deadline"},
}

// PayGaps are the pay-transparency errors of a posting's lint report,
// each saying which company.yaml key fills it (role is the posting's
// role, for its compensation key) and, for a CSV row (csv), which
// columns.
func PayGaps(rep lint.Report, role string, csv bool) []string {
	var out []string
	for _, f := range rep.Findings {
		if f.Jurisdiction == "" || f.Level != lint.LevelError {
			continue
		}
		msg := f.Message
		if field, ok := payFields[f.Rule]; ok {
			key := strings.ReplaceAll(field.key, "%s", role)
			if csv {
				msg += "; give " + field.columns + " in the row, or add " + key + " to the company file"
			} else {
				msg += "; add " + key + " to the company file"
			}
		}
		out = append(out, msg)
	}
	return out
}

// RenderView renders a view model already built with the Markdown
// template tmpl, in each format, in order.
func RenderView(tmpl string, view View, formats []string, paper string, set *templates.Set) ([]File, error) {
	if set == nil {
		set = templates.Builtin()
	}
	return renderFormats(tmpl, view, nil, formats, paper, set)
}

// renderFormats renders each format; md is the Markdown when already
// rendered, else it is rendered once, for the first format that needs it.
func renderFormats(tmpl string, view View, md []byte, formats []string, paper string, set *templates.Set) ([]File, error) {
	in := &Input{Template: tmpl, View: view, Paper: paper, Markdown: md}
	files := make([]File, 0, len(formats))
	for _, name := range formats {
		f, err := LookupFormat(name)
		if err != nil {
			return nil, err
		}
		if f.Site {
			return nil, fmt.Errorf("format %s writes a folder from the ladder data, not from one document; build it with sitedoc", f.Name)
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
func Stem(env *Env, k *Kind, prof profile.Profile, p Params) string {
	return strings.TrimSuffix(output.FileName(prof.Company.Name, k.Stem(env, prof, p), "x"), ".x")
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
