// Package htmldoc renders a Rungs Markdown document to one self-contained
// HTML5 file: inline CSS for screen and print, no scripts, fonts or images
// fetched from anywhere, and every string from the input escaped.
//
// The Markdown is parsed and rendered by goldmark in its safe mode: raw
// HTML in the Markdown is omitted and dangerous link schemes (javascript:)
// are dropped, so a template or a company name cannot inject markup.
package htmldoc

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/rungs/rungs/output"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options describe the document around the Markdown body.
type Options struct {
	// Title goes in <title>, followed by the Author when the title does
	// not name it; when empty, the first heading's text is used.
	Title string
	// Author is the company publishing the document.
	Author   string
	Subject  string // becomes <meta name="description">
	Keywords []string
	// Language is a BCP 47 tag such as "en" or "fr-CA"; empty means "en".
	Language string
	// JSONLD, when not empty, must be a JSON document (such as a
	// schema.org JobPosting); it is embedded in <head> for search engines.
	JSONLD string
}

//go:embed style.css
var stylesheet string

// wideColumns: a table with more columns than this is marked "wide", so it
// may scroll sideways on a narrow screen and print on a landscape page (as
// the PDF renderer does).
const wideColumns = 5

var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(
		// No html.WithUnsafe: raw HTML is omitted, dangerous URLs dropped.
		renderer.WithNodeRenderers(util.Prioritized(overrides{}, 100)),
	),
)

// Render returns the HTML document for md.
func Render(md []byte, opts Options) ([]byte, error) {
	if err := output.CheckMarkdown("htmldoc", md); err != nil {
		return nil, err
	}
	lang, err := output.Language("htmldoc", opts.Language)
	if err != nil {
		return nil, err
	}
	var ld string
	if strings.TrimSpace(opts.JSONLD) != "" {
		if !json.Valid([]byte(opts.JSONLD)) {
			return nil, errors.New("htmldoc: JSONLD is not valid JSON")
		}
		ld = scriptSafeJSON(opts.JSONLD)
	}

	doc := markdown.Parser().Parse(text.NewReader(md), output.HeadingIDs(lang)...)
	markWidePages(doc)
	var body bytes.Buffer
	body.Grow(len(md) * 2)
	if err := markdown.Renderer().Render(&body, md, doc); err != nil {
		return nil, fmt.Errorf("htmldoc: %w", err)
	}

	title := strings.TrimSpace(opts.Title)
	if title == "" {
		title = firstHeading(doc, md)
	}
	if title == "" {
		title = output.Words(lang).Text("document.untitled", nil)
	}
	// A browser tab, a bookmark or a search result shows the title alone:
	// it names the company too, unless it already does.
	if a := output.OneLine(opts.Author); a != "" && !strings.Contains(title, a) {
		title += " – " + a
	}

	var b bytes.Buffer
	b.Grow(body.Len() + len(stylesheet) + 1024)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	b.WriteString(html.EscapeString(lang))
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	// A strict policy: nothing may load from outside the file, and no
	// script runs (the JSON-LD block is data, not script).
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(title))
	meta(&b, "author", opts.Author)
	meta(&b, "description", opts.Subject)
	meta(&b, "keywords", output.JoinKeywords(opts.Keywords))
	meta(&b, "generator", "Rungs")
	if ld != "" {
		b.WriteString("<script type=\"application/ld+json\">\n")
		b.WriteString(ld)
		b.WriteString("\n</script>\n")
	}
	b.WriteString("<style>\n")
	b.WriteString(stylesheet)
	b.WriteString("</style>\n</head>\n<body>\n<main>\n")
	b.Write(body.Bytes())
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes(), nil
}

func meta(b *bytes.Buffer, name, content string) {
	content = strings.TrimSpace(content)
	if content == "" {
		return
	}
	fmt.Fprintf(b, "<meta name=\"%s\" content=\"%s\">\n", name, html.EscapeString(content))
}

// scriptSafeJSON escapes the characters that could end or confuse a
// <script> element. "<", ">" and "&" can only occur inside JSON strings,
// where \u003c and friends mean the same thing, so the data is unchanged;
// U+2028 and U+2029 are escaped for old JavaScript parsers.
func scriptSafeJSON(s string) string {
	return strings.NewReplacer(
		"<", `\u003c`,
		">", `\u003e`,
		"&", `\u0026`,
		"\u2028", `\u2028`,
		"\u2029", `\u2029`,
	).Replace(strings.TrimSpace(s))
}

// maxLeadIn is how many short blocks (headings, paragraphs) may come
// before a wide table, or between two wide tables, and still print on the
// wide table's landscape page.
const maxLeadIn = 6

// markWidePages gives the class "on-wide" to the short blocks that lead
// into the document's first wide table (a title and a paragraph or two)
// and to those between two wide tables, so the print stylesheet keeps them
// on the landscape page: a ladder's overview then starts on page one,
// under its title, instead of after a portrait page that holds two lines.
// The PDF renderer makes the same choice (pdfdoc planOrientation).
func markWidePages(doc ast.Node) {
	var blocks []ast.Node
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, c)
	}
	wide := func(n ast.Node) bool {
		t, ok := n.(*east.Table)
		return ok && columns(t) > wideColumns
	}
	short := func(n ast.Node) bool {
		switch n.(type) {
		case *ast.Heading, *ast.Paragraph, *ast.ThematicBreak:
			return true
		}
		return false
	}
	prev := -1 // index of the last wide table, -1 before the first
	for i, b := range blocks {
		if !wide(b) {
			continue
		}
		run := blocks[prev+1 : i]
		if len(run) <= maxLeadIn && !slices.ContainsFunc(run, func(n ast.Node) bool { return !short(n) }) {
			for _, n := range run {
				n.SetAttributeString("class", []byte("on-wide"))
			}
		}
		prev = i
	}
}

// firstHeading returns the plain text of the document's first heading.
func firstHeading(doc ast.Node, src []byte) string {
	var title string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		title = output.PlainText(h, src)
		return ast.WalkStop, nil
	})
	return title
}

// overrides changes how some kinds of node are written:
//   - a table is wrapped in a <div class="table-wrap"> (with "wide" for
//     many columns) so it can scroll on a narrow screen and be given a
//     landscape page in print, and its header cells are scoped to their
//     column, its first column's cells to their row;
//   - an image is replaced by its alternative text, because fetching it
//     would make the file depend on the network.
type overrides struct{}

func (overrides) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	// Borrow goldmark's own table rendering and wrap it.
	var table, cell renderer.NodeRendererFunc
	extension.NewTableHTMLRenderer().RegisterFuncs(capture(func(k ast.NodeKind, f renderer.NodeRendererFunc) {
		switch k {
		case east.KindTable:
			table = f
		case east.KindTableCell:
			cell = f
		default:
			reg.Register(k, f)
		}
	}))
	// Header cells say they head a column, and the first cell of each
	// body row heads its row (a ladder's level, a band of levels), so a
	// screen reader announces "Staff Engineer, Design" before a cell.
	reg.Register(east.KindTableCell, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		scope := ""
		switch {
		case n.Parent().Kind() == east.KindTableHeader:
			scope = "col"
		case n.PreviousSibling() == nil:
			scope = "row"
		}
		if scope == "" || n.(*east.TableCell).Alignment != east.AlignNone || n.Attributes() != nil {
			return cell(w, src, n, entering)
		}
		if entering {
			_, _ = fmt.Fprintf(w, "<th scope=\"%s\">", scope)
		} else {
			_, _ = w.WriteString("</th>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindTable, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			class := "table-wrap"
			if columns(n) > wideColumns {
				class += " wide"
			}
			_, _ = fmt.Fprintf(w, "<div class=\"%s\">\n", class)
			return table(w, src, n, entering)
		}
		s, err := table(w, src, n, entering)
		_, _ = w.WriteString("</div>\n")
		return s, err
	})
	reg.Register(ast.KindImage, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="image-alt">`)
			_, _ = w.Write(util.EscapeHTML([]byte(output.PlainText(n, src))))
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkSkipChildren, nil
	})
}

type capture func(ast.NodeKind, renderer.NodeRendererFunc)

func (c capture) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c(k, f) }

func columns(t ast.Node) int {
	n := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		n = max(n, row.ChildCount())
	}
	return n
}
