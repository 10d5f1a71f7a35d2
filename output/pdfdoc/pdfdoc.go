// Package pdfdoc renders a Rungs Markdown document (a job description, a
// career ladder, a promotion guide) to a print-ready PDF.
//
// Markdown is the one intermediate format of Rungs: this package parses it
// with goldmark into an AST and lays the AST out with its own small layout
// engine on top of fpdf, because fpdf's flowing-text helpers can neither
// measure a block before drawing it (needed to keep table rows and headings
// together) nor mix styles inside a table cell. Text is set in Liberation
// Sans, with DejaVu Sans for the characters it lacks, and code in Go Mono,
// all embedded as subset UTF-8 TrueType, so accents and typographic
// punctuation print and stay extractable as text.
//
// The output is deterministic: the same Markdown and Options give the same
// bytes.
package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/rungs/rungs/output"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Options describe the document around the Markdown body: its metadata and
// its paper.
type Options struct {
	// Title is printed in the running header and stored as the PDF title.
	Title string
	// Author is the company publishing the document.
	Author   string
	Subject  string
	Keywords []string
	// Language is a BCP 47 tag such as "en" or "fr-CA"; empty means "en".
	Language string
	// Date is stored as the creation and modification date. The zero time
	// means DefaultDate, never the clock, so output stays reproducible.
	Date time.Time
	// Paper is "a4" (the default when empty) or "letter".
	Paper string
}

// DefaultDate is used when Options.Date is zero.
var DefaultDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Paper sizes in points, portrait.
var papers = map[string]fpdf.SizeType{
	"a4":     {Wd: 595.28, Ht: 841.89},
	"letter": {Wd: 612, Ht: 792},
}

// ErrInternal wraps a panic recovered from the layout or from fpdf. It should
// never happen; tests and fuzzing treat it as a failure.
var ErrInternal = errors.New("pdfdoc: internal error")

// Render lays out the Markdown document md and returns the PDF bytes.
func Render(md []byte, opts Options) (out []byte, err error) {
	if err := output.CheckMarkdown("pdfdoc", md); err != nil {
		return nil, err
	}
	paperName := strings.ToLower(strings.TrimSpace(opts.Paper))
	if paperName == "" {
		paperName = "a4"
	}
	size, ok := papers[paperName]
	if !ok {
		return nil, fmt.Errorf("pdfdoc: unknown paper %q; valid: a4, letter", opts.Paper)
	}
	lang, err := output.Language("pdfdoc", opts.Language)
	if err != nil {
		return nil, err
	}
	date := opts.Date
	if date.IsZero() {
		date = DefaultDate
	}

	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("%w: %v", ErrInternal, p)
		}
	}()

	doc := output.Markdown.Parser().Parse(text.NewReader(md), output.HeadingIDs(lang)...)
	r := newRenderer(md, doc, opts, size, lang, date)
	r.render(doc)
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := r.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdfdoc: %w", err)
	}
	return buf.Bytes(), nil
}

// Page geometry in points.
const (
	marginSide   = 64
	marginTop    = 72
	marginBottom = 66
	headerBase   = 40 // baseline of the running header
	headerRule   = 48
	footerBase   = 36 // distance of the footer baseline from the bottom edge
)

func newRenderer(src []byte, doc ast.Node, opts Options, size fpdf.SizeType, lang string, date time.Time) *renderer {
	m := loadMetrics()
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           size,
	})
	r := &renderer{
		pdf:   pdf,
		m:     m,
		src:   src,
		paper: size,
		title: m.sanitize(strings.TrimSpace(opts.Title)),
		// The author (company) shares the header line with the title.
		author:  m.sanitize(strings.TrimSpace(opts.Author)),
		words:   output.Words(lang),
		curFont: numFonts,
		left:    marginSide,
	}
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	// The dates are written in UTC, as in the XMP packet: the document
	// information dictionary has no room for a time zone.
	date = date.UTC()
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	info := docInfo{
		title:   clean(opts.Title),
		author:  clean(opts.Author),
		subject: clean(opts.Subject),
		lang:    lang,
		date:    date,
	}
	for _, k := range opts.Keywords {
		if k = clean(k); k != "" {
			info.keywords = append(info.keywords, k)
		}
	}
	// fpdf writes an empty string as a bare byte-order mark; leave empty
	// entries out instead.
	for _, m := range []struct {
		set   func(string, bool)
		value string
	}{
		{pdf.SetTitle, info.title},
		{pdf.SetAuthor, info.author},
		{pdf.SetSubject, info.subject},
		{pdf.SetKeywords, output.JoinKeywords(info.keywords)},
	} {
		if m.value != "" {
			m.set(m.value, true)
		}
	}
	pdf.SetCreator(creator, true)
	pdf.SetProducer(producer, true)
	pdf.SetLang(lang)
	pdf.SetXmpMetadata(xmpPacket(info))
	pdf.SetDisplayMode("fullwidth", "continuous")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginSide, marginTop, marginSide)

	// Only the regular face is registered up front (body text and page
	// furniture); setFont registers the others the first time the layout
	// asks for them, because every registered face costs a TrueType parse,
	// a subset and a compressed font stream even when unused.
	r.useFont(primaryOf(faceRegular), 10)
	// The alias is set after the regular face is added: fpdf then pre-seeds
	// that font's subset with the digits the page total is made of.
	pdf.AliasNbPages(pageTotalAlias)
	r.scanAnchors(doc)
	return r
}

const pageTotalAlias = "{nb}"

// clean prepares a metadata string: valid for fpdf (see metaString), on
// one line, without surrounding spaces, its no-break spaces kept (a French
// title has one before its colon).
func clean(s string) string {
	return output.OneLine(metaString(s))
}

// scanAnchors creates an fpdf link for every heading that an internal link
// ("#some-heading") points to, before anything is drawn, because a link can
// come before its target.
func (r *renderer) scanAnchors(doc ast.Node) {
	targets := output.LinkTargets(doc)
	if len(targets) == 0 {
		return
	}
	r.anchors = map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := headingID(h); ok && targets[id] {
			if _, dup := r.anchors[id]; !dup {
				r.anchors[id] = r.pdf.AddLink()
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

func headingID(h *ast.Heading) (string, bool) {
	v, ok := h.AttributeString("id")
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case []byte:
		return string(v), true
	case string:
		return v, true
	}
	return "", false
}
