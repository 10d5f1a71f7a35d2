package studio

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/lint"
)

// option is one choice of a select.
type option struct{ Value, Label string }

// finding is a lint finding as the page lists it.
type finding struct {
	N        int // 1-based, as the marks show it
	ID       int
	Level    string
	LevelTxt string
	Line     int
	Text     string
	Message  string
	Fix      string
	Law      string
	Placed   bool
}

// fieldErr is a field's problem as the summary above the document lists
// it, linked to the field.
type fieldErr struct{ Anchor, Label, Msg string }

// flagRef is a command-line flag named in a note the generator wrote for
// the terminal ("check --stage and --size"), with the value that may
// follow it ("--role cto").
var flagRef = regexp.MustCompile(`--([a-z][a-z-]*)( [a-z][a-z0-9-]*)?`)

// formWords rewrites the flags the generator's notes name into the form's
// labels, so the page speaks of its own fields: "check --stage and
// --size" reads "check Company stage and Engineers", "consider --role
// cto" reads "consider Role: cto". A flag the form has no field for stays.
func formWords(notes []string) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = flagRef.ReplaceAllStringFunc(n, func(m string) string {
			sub := flagRef.FindStringSubmatch(m)
			l, ok := fieldLabels[strings.ReplaceAll(sub[1], "-", "_")]
			if !ok {
				return m
			}
			if sub[2] != "" && sub[1] == "role" {
				return l[1] + ":" + sub[2]
			}
			return l[1] + sub[2]
		})
	}
	return out
}

// fieldLabels name the fields as the form labels them; Anchor is the
// input a group's message links to.
var fieldLabels = map[string][2]string{
	"role": {"role", "Role"}, "stage": {"stage", "Company stage"}, "size": {"size", "Engineers"},
	"archetype": {"archetype", "CTO archetype"}, "name": {"name", "Company name"}, "mission": {"mission", "Mission"},
	"city": {"city", "City"}, "region": {"region", "Region"}, "country": {"country", "Country"},
	"location": {"city", "Location"}, "work_model": {"work_model", "Work model"}, "pay_min": {"pay_min", "Pay from"},
	"pay_max": {"pay_max", "Pay to"}, "currency": {"currency", "Currency"}, "period": {"period", "Per"},
	"pay": {"pay_min", "Pay"}, "benefits": {"benefits", "Benefits"}, "apply_url": {"apply_url", "Apply link"},
	"apply_by": {"apply_by", "Apply by"}, "date": {"date", "Posted on"}, "paper": {"paper", "Paper size"},
	"view": {"view", "Show"}, "from": {"from", "Promotion from"}, "to": {"to", "Promotion to"},
	"level": {"level", "Level card for"}, "grow_to": {"grow_to", "Growth plan up to"},
}

// errList orders a page's field problems as the form shows the fields.
func errList(errs map[string]string, fields []string) []fieldErr {
	var out []fieldErr
	order := append(slices.Clone(fields), "location", "pay")
	for _, k := range order {
		if m, ok := errs[k]; ok {
			l := fieldLabels[k]
			out = append(out, fieldErr{Anchor: l[0], Label: l[1], Msg: m})
		}
	}
	return out
}

// download is one download button; a disabled one says why in Note.
type download struct {
	Label, Ext, Href, Note string
	Disabled               bool
}

// page is what page.html renders.
type page struct {
	Tab      string
	Title    string
	PayRole  string // the role the pay fields hold the pay of
	Canon    string // the page's URL, with its parameters
	JDHref   string
	LadHref  string
	Fields   map[string]string
	Errs     map[string]string
	ErrList  []fieldErr // Errs in form order, for the summary above the document
	General  []string
	LoadErr  string
	Version  int
	Watching bool

	Roles, Stages, Archetypes, WorkModels, Periods, Papers, Views, Levels []option
	StageHint, ArchetypeHint                                              string
	ExtraLocations                                                        int

	DocTitle  string
	Warnings  []string
	Preview   template.HTML
	Findings  []finding
	Unplaced  int
	Summary   *summary
	Downloads []download
	YAML      string
	YAMLHref  string
	Command   string
}

// status is the HTTP status of a page or download with problems: 400 for
// what the CLI reports as a usage error (flags, exit 2), 422 for invalid
// data (company.yaml fields, templates; exit 3).
func (r *resolved) status() int {
	if r.ok() {
		return http.StatusOK
	}
	for k := range r.errs {
		if slices.Contains([]string{"role", "stage", "size", "archetype", "paper", "view", "from", "to", "level", "grow_to"}, k) {
			return http.StatusBadRequest
		}
	}
	return http.StatusUnprocessableEntity
}

// messages lists every problem, field by field, as the CLI prints them.
func (r *resolved) messages(fields []string) []string {
	var out []string
	for _, k := range fields {
		if m, ok := r.errs[k]; ok {
			out = append(out, m)
		}
	}
	for _, k := range []string{"location", "pay"} {
		if m, ok := r.errs[k]; ok {
			out = append(out, m)
		}
	}
	return append(out, r.general...)
}

// formFor reads the request's form against the current data.
func (s *Server) formFor(r *http.Request, fields []string) (*Data, error, int, *form) {
	d, loadErr, v := s.current()
	_ = r.ParseForm()
	role := r.Form.Get("role")
	return d, loadErr, v, readForm(r.Form, fields, baseValues(d, role))
}

// newPage fills what both tabs show.
func (s *Server) newPage(tab string, d *Data, loadErr error, version int, f *form, res *resolved, fields []string) *page {
	p := &page{Tab: tab, PayRole: f.values["role"], Fields: f.values, Errs: res.errs, General: res.general, Version: version, Watching: len(s.cfg.Watch) > 0}
	if loadErr != nil {
		p.LoadErr = loadErr.Error()
	}
	q := f.query(fields)
	p.Canon = "/" + tab
	if q != "" {
		p.Canon += "?" + q
	}
	// The tabs carry the company parameters across.
	shared := readForm(nil, nil, nil)
	for _, k := range []string{"stage", "size", "archetype", "name", "paper"} {
		shared.values[k], shared.base = f.values[k], f.base
	}
	sq := shared.query([]string{"stage", "size", "archetype", "name", "paper"})
	p.JDHref, p.LadHref = "/jd", "/ladder"
	if sq != "" {
		p.JDHref += "?" + sq
		p.LadHref += "?" + sq
	}
	for _, r := range d.Catalog.Roles {
		p.Roles = append(p.Roles, option{r.ID, r.Title})
	}
	p.Stages = []option{{"", "From the size"}}
	for _, st := range d.Catalog.Stages {
		p.Stages = append(p.Stages, option{st.ID, fmt.Sprintf("%s (%d–%d engineers)", st.Title, st.TypicalMin, st.TypicalMax)})
	}
	p.StageHint = "Left empty, the stage follows the size, else " + profile.DefaultStage + "."
	p.Archetypes = []option{{"", "Default (" + profile.DefaultArchetype + ")"}}
	for _, a := range d.Catalog.Archetypes {
		p.Archetypes = append(p.Archetypes, option{a.ID, a.Title})
	}
	p.WorkModels = []option{{"", "Not stated"}}
	for _, w := range profile.WorkModels {
		p.WorkModels = append(p.WorkModels, option{w, strings.ToUpper(w[:1]) + w[1:]})
	}
	p.Periods = []option{{"", "—"}}
	for _, pe := range profile.Periods {
		p.Periods = append(p.Periods, option{pe, "per " + pe})
	}
	for _, pa := range pipeline.Papers {
		p.Papers = append(p.Papers, option{pa, strings.ToUpper(pa[:1]) + pa[1:]})
	}
	if d.Company != nil && len(d.Company.Locations) > 1 {
		p.ExtraLocations = len(d.Company.Locations) - 1
	}
	return p
}

// render writes the page.
func (s *Server) render(w http.ResponseWriter, status int, p *page) {
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, p); err != nil {
		http.Error(w, "rungs serve: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// jdPage is the posting tab.
func (s *Server) jdPage(w http.ResponseWriter, r *http.Request) {
	d, loadErr, v, f := s.formFor(r, jdFields)
	res := resolve(d, f, true, s.cfg.SourceDateEpoch)
	d = res.dataFor(d)
	p := s.newPage("jd", d, loadErr, v, f, res, jdFields)
	p.Title = "Job posting"
	status := res.status()
	if res.ok() {
		if !s.acquire(r) {
			return
		}
		doc, err := buildJD(d, res)
		s.release()
		if err != nil {
			p.General = append(p.General, err.Error())
			status = http.StatusUnprocessableEntity
		} else {
			s.fillJD(p, d, doc, res, f)
		}
	}
	p.ErrList = errList(p.Errs, jdFields)
	s.render(w, status, p)
}

// fillJD puts the posting, its findings and its downloads on the page.
func (s *Server) fillJD(p *page, d *Data, doc *doc, res *resolved, f *form) {
	rep := lintJD(doc, res.prof)
	jd, _ := doc.view.Model.(*generator.JobDescription)
	p.DocTitle = pipeline.Title(doc.md)
	p.Warnings = formWords(append(slices.Clone(doc.warnings), pipeline.PDFWarnings(res.prof.Company, []string{"pdf"})...))
	var placed map[int]bool
	p.Preview, placed = markFindings(doc.md, rep.Findings)
	p.Findings = findingsOf(rep.Findings, placed)
	for _, fd := range p.Findings {
		if !fd.Placed {
			p.Unplaced++
		}
	}
	sum := summarize(rep, jd != nil && jd.Executive)
	p.Summary = &sum
	q := f.query(jdFields)
	p.Downloads = downloads("jd", q)
	// JSON-LD needs what a JobPosting requires (a posting date above
	// all); without it the button says what to fill instead of
	// downloading an error.
	if _, err := doc.file("jsonld", "", d); err != nil {
		for i := range p.Downloads {
			if p.Downloads[i].Ext == "jsonld" {
				p.Downloads[i].Disabled = true
				p.Downloads[i].Note = strings.TrimPrefix(err.Error(), "render jsonld: ")
			}
		}
	}
	p.YAML = string(res.yaml)
	p.YAMLHref = "/company.yaml"
	if q != "" {
		p.YAMLHref += "?" + q
	}
	p.Command = "rungs jd --role " + res.roleID
	if len(res.yaml) > 0 {
		p.Command += " --company company.yaml"
	}
	if pa := f.get("paper"); pa != pipeline.Papers[0] {
		p.Command += " --paper " + pa
	}
}

func findingsOf(fs []lint.Finding, placed map[int]bool) []finding {
	out := make([]finding, len(fs))
	for i, f := range fs {
		out[i] = finding{N: i + 1, ID: i, Level: f.Level, LevelTxt: levelWord(f.Level), Line: f.Line, Text: f.Text,
			Message: f.Message, Fix: f.Fix, Law: f.Law, Placed: placed[i]}
	}
	return out
}

// formatLabels name the formats on the download buttons.
var formatLabels = map[string][2]string{
	"md":     {"Markdown", "for your ATS"},
	"pdf":    {"PDF", "to print"},
	"html":   {"HTML", "a web page"},
	"docx":   {"Word", "to edit"},
	"jsonld": {"JSON-LD", "for job boards"},
	"json":   {"JSON", "for scripts"},
}

// downloads lists a kind's formats, in the registry's order.
func downloads(kind, q string) []download {
	var out []download
	for _, fm := range pipeline.Formats {
		// A site is a folder, not one file to download: rungs ladder
		// --format site writes it.
		if fm.Site || pipeline.CheckFormats(kind, []string{fm.Name}) != nil {
			continue
		}
		href := "/download/" + kind + "/" + fm.Name
		if q != "" {
			href += "?" + q
		}
		l := formatLabels[fm.Name]
		if l[0] == "" {
			l[0] = strings.ToUpper(fm.Name)
		}
		out = append(out, download{Label: l[0], Ext: fm.Ext, Href: href, Note: l[1]})
	}
	return out
}

// contentTypes are the media types of the formats' files.
var contentTypes = map[string]string{
	"md":     "text/markdown; charset=utf-8",
	"json":   "application/json",
	"pdf":    "application/pdf",
	"html":   "text/html; charset=utf-8",
	"docx":   "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"jsonld": "application/ld+json",
}

// ContentType is the media type a format's download is served with.
func ContentType(format string) string {
	if t, ok := contentTypes[format]; ok {
		return t
	}
	return "application/octet-stream"
}

// problem answers a download or file request that cannot be made: the
// CLI's messages, one a line.
func problem(w http.ResponseWriter, status int, msgs []string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	for _, m := range msgs {
		fmt.Fprintln(w, "rungs: "+m)
	}
}

// sendFile answers with a document file as an attachment: downloads go to
// the browser, never to disk on the server's side.
func sendFile(w http.ResponseWriter, name, format string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ContentType(format))
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
}

// checkFormat reads a download's format.
func checkFormat(kind, name string) (*pipeline.Format, error) {
	f, err := pipeline.LookupFormat(name)
	if err != nil {
		return nil, fmt.Errorf("--format: %v", err)
	}
	if err := pipeline.CheckFormats(kind, []string{f.Name}); err != nil {
		return nil, fmt.Errorf("--format: %v", err)
	}
	if f.Site {
		return nil, fmt.Errorf("--format: site is a folder of pages, not one file; rungs ladder --format site -o DIR writes it")
	}
	return f, nil
}

func (s *Server) jdDownload(w http.ResponseWriter, r *http.Request) {
	fm, err := checkFormat("jd", r.PathValue("format"))
	if err != nil {
		problem(w, http.StatusBadRequest, []string{err.Error()})
		return
	}
	d, _, _, f := s.formFor(r, jdFields)
	res := resolve(d, f, true, s.cfg.SourceDateEpoch)
	d = res.dataFor(d)
	if !res.ok() {
		problem(w, res.status(), res.messages(jdFields))
		return
	}
	if !s.acquire(r) {
		return
	}
	defer s.release()
	doc, err := buildJD(d, res)
	if err != nil {
		problem(w, http.StatusUnprocessableEntity, []string{err.Error()})
		return
	}
	file, err := doc.file(fm.Name, f.get("paper"), d)
	if err != nil {
		problem(w, http.StatusUnprocessableEntity, []string{err.Error()})
		return
	}
	sendFile(w, doc.stem+"."+file.Ext, fm.Name, file.Data)
}

// companyYAML is the company file of the posting form.
func (s *Server) companyYAML(w http.ResponseWriter, r *http.Request) {
	d, _, _, f := s.formFor(r, jdFields)
	res := resolve(d, f, true, s.cfg.SourceDateEpoch)
	d = res.dataFor(d)
	if !res.ok() {
		problem(w, res.status(), res.messages(jdFields))
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="company.yaml"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(res.yaml)
}

// ladderViews are the ladder tab's documents.
var ladderViews = []option{
	{"ladder", "The whole ladder"},
	{"promotion", "A promotion guide"},
	{"level", "One level's card"},
	{"growth", "A growth plan"},
}

// buildLadder makes the ladder tab's document, as rungs ladder does for
// the same flags; problems go on res.
func buildLadder(d *Data, res *resolved) *doc {
	f := res.form
	lad := d.Ladder
	if lad == nil {
		var err error
		if lad, err = ladders.Builtin(); err != nil {
			res.fail("", err.Error())
			return nil
		}
	}
	env := &pipeline.Env{Cat: d.Catalog, Ladder: lad}
	view := f.get("view")
	var doc *doc
	var err error
	switch view {
	case "ladder", "":
		k, _ := pipeline.LookupKind("ladder")
		doc, err = buildKind(d, k, res.prof, pipeline.Params{})
	case "promotion":
		from, to := strings.TrimSpace(f.get("from")), strings.TrimSpace(f.get("to"))
		if from == "" || to == "" {
			field := "from"
			if from != "" {
				field = "to"
			}
			res.fail(field, "--from and --to go together; give both, for example --from senior-engineer --to staff-engineer")
			return nil
		}
		k, _ := pipeline.LookupKind("promotion")
		params := pipeline.Params{"from": from, "to": to}
		if err := k.Check(env, params); err != nil {
			var pe *pipeline.ParamError
			if errors.As(err, &pe) {
				res.fail(pe.Param, "--"+pe.Error())
			} else {
				res.fail("", err.Error())
			}
			return nil
		}
		doc, err = buildKind(d, k, res.prof, params)
	case "level":
		level := strings.TrimSpace(f.get("level"))
		if level == "" {
			res.fail("level", "--level: give a level, for example --level staff-engineer")
			return nil
		}
		if _, err := generator.FindLevel(lad, level); err != nil {
			res.fail("level", "--level: "+err.Error())
			return nil
		}
		k, _ := pipeline.LookupKind("level")
		doc, err := buildKind(d, k, res.prof, pipeline.Params{"level": level})
		if err != nil {
			res.fail("", err.Error())
		}
		return doc
	case "growth":
		n, err := profile.ParseSize(f.get("grow_to"))
		if err != nil {
			res.fail("grow_to", "--grow-to: "+err.Error())
			return nil
		}
		if n <= res.prof.Size {
			res.fail("grow_to", fmt.Sprintf("--grow-to: %d is not above the current headcount of %d; give a larger size, for example --grow-to %d", n, res.prof.Size, max(res.prof.Size*2, res.prof.Size+1)))
			return nil
		}
		k, _ := pipeline.LookupKind("growth")
		doc, err := buildKind(d, k, res.prof, pipeline.Params{"grow_to": strconv.Itoa(n), "track": "all"})
		if err != nil {
			res.fail("", err.Error())
		}
		return doc
	default:
		vals := make([]string, len(ladderViews))
		for i, o := range ladderViews {
			vals[i] = o.Value
		}
		res.fail("view", fmt.Sprintf("view: unknown value %q; valid: %s", view, strings.Join(vals, ", ")))
		return nil
	}
	if err != nil {
		res.fail("", err.Error())
		return nil
	}
	return doc
}

// ladderPage is the ladder tab.
func (s *Server) ladderPage(w http.ResponseWriter, r *http.Request) {
	d, loadErr, v, f := s.formFor(r, ladderFields)
	res := resolve(d, f, false, s.cfg.SourceDateEpoch)
	d = res.dataFor(d)
	p := s.newPage("ladder", d, loadErr, v, f, res, ladderFields)
	p.Title = "Career ladder"
	p.Views = ladderViews
	lad := d.Ladder
	if lad == nil {
		lad, _ = ladders.Builtin()
	}
	p.Levels = []option{{"", "—"}}
	if lad != nil {
		for _, l := range lad.Levels {
			p.Levels = append(p.Levels, option{l.ID, l.Code + " · " + l.Title})
		}
	}
	var doc *doc
	if res.ok() {
		if !s.acquire(r) {
			return
		}
		doc = buildLadder(d, res)
		s.release()
		p.Errs, p.General = res.errs, res.general
	}
	status := res.status()
	if doc != nil && res.ok() {
		p.DocTitle = pipeline.Title(doc.md)
		p.Warnings = formWords(doc.warnings)
		p.Preview = plainHTML(doc.md)
		q := f.query(ladderFields)
		p.Downloads = downloads("ladder", q)
		p.Command = ladderCommand(f, res)
	}
	p.ErrList = errList(p.Errs, ladderFields)
	s.render(w, status, p)
}

// ladderCommand is the rungs ladder command line for the tab's values.
func ladderCommand(f *form, res *resolved) string {
	c := "rungs ladder"
	for _, kv := range [][2]string{{"stage", "stage"}, {"size", "size"}, {"archetype", "archetype"}} {
		if v := strings.TrimSpace(f.get(kv[0])); v != "" && f.given[kv[0]] {
			c += " --" + kv[1] + " " + v
		}
	}
	switch f.get("view") {
	case "promotion":
		c += " --from " + f.get("from") + " --to " + f.get("to")
	case "level":
		c += " --level " + f.get("level")
	case "growth":
		c += " --grow-to " + strings.TrimSpace(f.get("grow_to"))
	}
	return c
}

func (s *Server) ladderDownload(w http.ResponseWriter, r *http.Request) {
	fm, err := checkFormat("ladder", r.PathValue("format"))
	if err != nil {
		problem(w, http.StatusBadRequest, []string{err.Error()})
		return
	}
	d, _, _, f := s.formFor(r, ladderFields)
	res := resolve(d, f, false, s.cfg.SourceDateEpoch)
	d = res.dataFor(d)
	if !res.ok() {
		problem(w, res.status(), res.messages(ladderFields))
		return
	}
	if !s.acquire(r) {
		return
	}
	defer s.release()
	doc := buildLadder(d, res)
	if doc == nil {
		problem(w, res.status(), res.messages(ladderFields))
		return
	}
	file, err := doc.file(fm.Name, f.get("paper"), d)
	if err != nil {
		problem(w, http.StatusUnprocessableEntity, []string{err.Error()})
		return
	}
	sendFile(w, doc.stem+"."+file.Ext, fm.Name, file.Data)
}
