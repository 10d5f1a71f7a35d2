// Package docxdoc renders a Rungs Markdown document (a job description, a
// career ladder, a promotion guide, ...) to a Word document (.docx,
// WordprocessingML in an Open Packaging Conventions zip).
//
// Like the PDF and HTML renderers, it parses the Markdown with goldmark
// and walks the AST; the XML is written with encoding/xml's escaping and
// packed with archive/zip. No DOCX library is used: none is both
// maintained and permissively licensed, and the subset a Rungs document
// needs is small.
//
// The document is meant to be edited, so it uses Word's built-in styles
// (Title, Heading 1 to 3, List Paragraph with numbering definitions, Quote,
// Hyperlink, Table Grid with a repeated header row) rather than direct
// formatting, and fonts every editor has: Arial for text (Word and Google
// Docs have it; LibreOffice substitutes the metric-compatible Liberation
// Sans, so lines break in the same places) and Courier New for code
// (Liberation Mono in LibreOffice).
//
// The output is deterministic: the same Markdown and Options give the same
// bytes (fixed zip timestamps and entry order, ids numbered in document
// order).
package docxdoc

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/rungs/rungs/output"
	"github.com/yuin/goldmark/text"
)

// Options describe the document around the Markdown body: its metadata and
// its paper. They are those of pdfdoc.Options.
type Options struct {
	// Title is printed in the running header and stored as the document
	// title; when empty, the first heading's text is used.
	Title string
	// Author is the company publishing the document; it is printed in the
	// running header too.
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

// DefaultDate is used when Options.Date is zero (the same as pdfdoc's).
var DefaultDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// zipTime is the time stamp of every zip entry: fixed, so the bytes do not
// depend on when the document was made. (The document's own date is in
// docProps/core.xml.)
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// paper is a page size in twentieths of a point (twips), portrait.
type paper struct{ w, h int }

var papers = map[string]paper{
	"a4":     {11906, 16838},
	"letter": {12240, 15840},
}

// ErrInternal wraps a panic recovered from the renderer. It should never
// happen; tests and fuzzing treat it as a failure.
var ErrInternal = errors.New("docxdoc: internal error")

// Render returns the .docx bytes of the Markdown document md.
func Render(md []byte, opts Options) (out []byte, err error) {
	if err := output.CheckMarkdown("docxdoc", md); err != nil {
		return nil, err
	}
	paperName := strings.ToLower(strings.TrimSpace(opts.Paper))
	if paperName == "" {
		paperName = "a4"
	}
	size, ok := papers[paperName]
	if !ok {
		return nil, fmt.Errorf("docxdoc: unknown paper %q; valid: a4, letter", opts.Paper)
	}
	lang, err := output.Language("docxdoc", opts.Language)
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
	r := newRenderer(md, size)
	r.render(doc)

	title := oneLine(opts.Title)
	if title == "" {
		title = r.firstHeading
	}
	meta := docMeta{
		title:    title,
		author:   oneLine(opts.Author),
		subject:  oneLine(opts.Subject),
		keywords: oneLine(output.JoinKeywords(opts.Keywords)),
		lang:     lang,
		date:     date.UTC(),
	}
	return r.pack(meta)
}

// docMeta is what goes into docProps/core.xml and the running header.
type docMeta struct {
	title, author, subject, keywords, lang string
	date                                   time.Time
}

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// pack writes the parts into the zip, in a fixed order, with fixed times.
func (r *renderer) pack(m docMeta) ([]byte, error) {
	parts := []part{
		{"[Content_Types].xml", contentTypes()},
		{"_rels/.rels", packageRels()},
		{"docProps/core.xml", coreProps(m)},
		{"docProps/app.xml", appProps(m)},
		{"word/document.xml", r.document()},
		{"word/_rels/document.xml.rels", r.documentRels()},
		{"word/styles.xml", styles(m.lang)},
		{"word/numbering.xml", r.numbering()},
		{"word/settings.xml", settings(m.lang)},
		{"word/fontTable.xml", fontTable()},
		{"word/header1.xml", header(m, r.textWidth(false))},
		{"word/header2.xml", header(m, r.textWidth(true))},
		{"word/footer1.xml", footer(output.Words(m.lang))},
	}
	var buf bytes.Buffer
	buf.Grow(r.body.Len()/3 + 16<<10)
	zw := zip.NewWriter(&buf)
	// One compressor for every part, from a pool: a flate writer holds
	// about a megabyte of tables, which would otherwise dominate the cost.
	fw := flatePool.Get().(*flate.Writer)
	defer flatePool.Put(fw)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw.Reset(w)
		return fw, nil
	})
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, fmt.Errorf("docxdoc: %w", err)
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, fmt.Errorf("docxdoc: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docxdoc: %w", err)
	}
	return buf.Bytes(), nil
}

var flatePool = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.DefaultCompression)
	return w
}}

// oneLine collapses white space (line breaks included) to single spaces,
// keeping no-break spaces: a French title has one before its colon
// ("Acme : grille de carrière"), and the running header must not break
// there.
func oneLine(s string) string { return output.OneLine(s) }
