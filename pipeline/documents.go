package pipeline

import (
	"bufio"
	"bytes"
	"strings"
	"time"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/output/htmldoc"
	"github.com/rungs/rungs/output/pdfdoc"
)

// Meta is what the PDF and HTML formats print around a document and store
// in its metadata.
type Meta struct {
	// Title is the running header and the PDF/HTML title; empty means the
	// Markdown's first heading.
	Title string
	// Company is the author: the company publishing the document.
	Company  string
	Subject  string
	Keywords []string
	// Date is YYYY-MM-DD, stored as the PDF's creation date; empty means a
	// fixed default, never the clock, so output stays reproducible.
	Date string
	// JSONLD, when set, is embedded in the HTML <head>; a job
	// description gets its JobPosting (JSONLD) without asking.
	JSONLD string
}

// Language is the language of the generated documents: the catalog and the
// templates are written in English.
const Language = "en"

// JDMeta describes a job description.
func JDMeta(jd *generator.JobDescription) Meta {
	subject := "Job description: " + jd.Title
	if jd.Company.Name != "" {
		subject += " at " + jd.Company.Name
	}
	return Meta{
		Title:    jd.Title,
		Company:  jd.Company.Name,
		Subject:  subject,
		Keywords: nonEmpty(jd.Title, "job description", jd.StageLabel, jd.Company.Name),
		Date:     jd.Date,
	}
}

// LadderMeta describes a ladder document (a ladder, a promotion guide, a
// level card, a growth plan); the title comes from its first heading.
func LadderMeta(m generator.LadderMeta, subject string) Meta {
	return Meta{
		Company:  m.Company,
		Subject:  subject,
		Keywords: nonEmpty("career ladder", m.StageLabel, m.ArchetypeTitle, m.Company),
		Date:     m.Date,
	}
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (in *Input) meta() Meta {
	var m Meta
	if in.Kind != nil && in.Kind.Meta != nil {
		m = in.Kind.Meta(in.View)
	}
	if m.Title == "" {
		m.Title = firstHeading(in.Markdown)
	}
	return m
}

// firstHeading returns the text of the first ATX heading of a Markdown
// document, for a title when the view model has none.
func firstHeading(md []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(md))
	sc.Buffer(nil, len(md)+1)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if t, ok := strings.CutPrefix(line, "# "); ok {
			return strings.TrimSpace(strings.ReplaceAll(t, `\`, ""))
		}
	}
	return ""
}

// date parses a YYYY-MM-DD date; anything else is the zero time, which the
// renderers replace with their fixed default.
func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}
	}
	return t
}

func renderPDF(in *Input) ([]byte, error) {
	m := in.meta()
	return pdfdoc.Render(in.Markdown, pdfdoc.Options{
		Title:    m.Title,
		Author:   m.Company,
		Subject:  m.Subject,
		Keywords: m.Keywords,
		Language: Language,
		Date:     date(m.Date),
		Paper:    in.Paper,
	})
}

func renderHTML(in *Input) ([]byte, error) {
	m := in.meta()
	ld := m.JSONLD
	if ld == "" {
		// A job posting page carries its schema.org JobPosting, the same
		// data as --format jsonld, for search engines.
		ld = JSONLD(in)
	}
	return htmldoc.Render(in.Markdown, htmldoc.Options{
		Title:    m.Title,
		Author:   m.Company,
		Subject:  m.Subject,
		Keywords: m.Keywords,
		Language: Language,
		JSONLD:   ld,
	})
}
