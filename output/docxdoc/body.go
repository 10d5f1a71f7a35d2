package docxdoc

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/rungs/rungs/output"
)

// Page geometry in twips (1/20 pt), as in the PDF: 64 pt side margins,
// 72 pt at the top, 66 pt at the bottom.
const (
	marginSide   = 1280
	marginTop    = 1440
	marginBottom = 1320
	headerDist   = 720
	footerDist   = 600
)

// List geometry in twips: each level indents the text by listIndent; the
// marker hangs in the indent.
const listIndent = 360

// A table with more columns than this goes on a landscape page, as in the
// PDF and the printed HTML.
const maxPortraitCols = 5

// Fixed relationship ids of word/document.xml; hyperlinks follow.
const (
	ridStyles = iota + 1
	ridNumbering
	ridSettings
	ridFontTable
	ridHeaderPortrait
	ridHeaderLandscape
	ridFooter
	ridFirstLink
)

// numBullets is the numbering instance every bullet list shares (bullets
// have no count to restart); ordered lists get their own instances after it.
const numBullets = 1

type renderer struct {
	src   []byte
	paper paper
	body  bytes.Buffer

	links   []string       // external link targets, by relationship order
	linkIDs map[string]int // target -> relationship id

	// ordered holds, for each ordered list, its level and first number;
	// its numbering instance id is numBullets+1+index.
	ordered []orderedList

	anchors   map[string]string // heading id -> bookmark name
	bookmarks int

	firstHeading string

	quote   int         // blockquote depth
	lists   []listLevel // enclosing lists, innermost last
	pending *numbering  // numbering for the next paragraph: a list item's first
	land    bool        // the current section is landscape
	// tableSizes holds the type size (half points) of a table set smaller
	// than the style's to share a page; cellSize is the current table's.
	tableSizes map[*east.Table]int
	cellSize   int
	tmp        bytes.Buffer // scratch for text escaping
	runsBuf    []run
}

type orderedList struct{ level, start int }

type listLevel struct {
	numID int // numbering instance of the list's items
}

type numbering struct{ numID, level int }

func newRenderer(src []byte, p paper) *renderer {
	r := &renderer{src: src, paper: p, linkIDs: map[string]int{}}
	r.body.Grow(len(src) * 4)
	return r
}

// textWidth is the width of the text column in twips.
func (r *renderer) textWidth(landscape bool) int {
	if landscape {
		return r.paper.h - 2*marginSide
	}
	return r.paper.w - 2*marginSide
}

func (r *renderer) render(doc ast.Node) {
	r.scanAnchors(doc)
	var blocks []ast.Node
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, c)
	}
	land := r.planOrientation(blocks)
	for i, b := range blocks {
		if i > 0 && land[i] != land[i-1] {
			r.sectionBreak(land[i-1])
		}
		r.land = land[i]
		r.block(b)
	}
	if len(blocks) == 0 {
		r.body.WriteString("<w:p/>")
	}
	if h := firstHeading(doc, r.src); h != "" {
		r.firstHeading = h
	}
}

// planOrientation chooses the orientation of each top-level block, as the
// PDF does: a wide table goes on landscape pages with the heading that
// introduces it. When the document opens with only a short introduction
// (a title and a paragraph or two, as a ladder does) before a wide table,
// the introduction joins the table in its landscape section rather than
// leave a portrait page almost empty: when both fit on one page, or when
// the table runs over several pages anyway and the introduction is short;
// not when it would push a table that fits on a page of its own onto a
// second one. Heights are estimates (the client lays the text out), with
// a margin.
func (r *renderer) planOrientation(blocks []ast.Node) []bool {
	land := make([]bool, len(blocks))
	first := -1
	for i, b := range blocks {
		t, ok := b.(*east.Table)
		if !ok || columns(t) <= maxPortraitCols {
			continue
		}
		land[i] = true
		if first < 0 {
			first = i
		}
		if i > 0 {
			if _, ok := blocks[i-1].(*ast.Heading); ok {
				land[i-1] = true
			}
		}
	}
	if first <= 0 {
		return land
	}
	intro, ok := r.introHeight(blocks[:first])
	if !ok {
		return land
	}
	// The estimates run a few per cent high, which is the margin.
	page := float64(r.paper.w - marginTop - marginBottom) // landscape
	t := blocks[first].(*east.Table)
	join := false
	// Setting the table a size or two smaller (down to 8 pt, as the PDF
	// does) may be enough to keep everything on one page.
	for _, size := range []int{tableSize, tableSize - 1, tableSize - 2} {
		if intro+r.tableHeight(t, size) <= page {
			join = true
			if size != tableSize {
				r.tableSizes = map[*east.Table]int{t: size}
			}
			break
		}
	}
	if !join {
		// A table that fits on a page keeps one to itself; one that runs
		// over pages anyway takes a short introduction along.
		join = r.tableHeight(t, tableSize) > page && intro <= 0.4*page
	}
	if join {
		for i := range first {
			land[i] = true
		}
	}
	return land
}

// tableSize is the type size of table text in half points (the Table Grid
// style's), 9 pt.
const tableSize = 18

// Line heights in twips, as styles.xml sets them: body text is 10.5 pt on
// 1.15 lines, table text 9 pt on single lines.
const (
	bodyLine  = 242
	tableLine = 210
)

// introHeight estimates the height of the blocks before a document's first
// wide table, in twips; ok is false when they are not only headings,
// paragraphs and rules.
func (r *renderer) introHeight(intro []ast.Node) (h float64, ok bool) {
	width := float64(r.textWidth(true))
	for _, b := range intro {
		switch b := b.(type) {
		case *ast.Heading:
			switch b.Level {
			case 1:
				h += 440 + 200
			case 2:
				h += 400 + 290 + 120 + 80
			default:
				h += 280 + 240 + 80
			}
		case *ast.Paragraph:
			chars := float64(utf8.RuneCountInString(plainText(b, r.src)))
			h += math.Ceil(chars*110/width)*bodyLine + 140
		case *ast.ThematicBreak:
			h += 300
		default:
			return 0, false
		}
	}
	return h, true
}

// tableHeight estimates the height of a table on a landscape page, in
// twips, from its column widths and the length of each cell's text, set
// in size (half points).
func (r *renderer) tableHeight(t *east.Table, size int) float64 {
	tm := measureTable(t, r.src)
	widths := columnWidths(tm.minW, tm.maxW, r.textWidth(true))
	scale := float64(size) / tableSize
	h := 0.0
	for _, row := range tm.text {
		lines := 1.0
		for j, txt := range row {
			room := float64(widths[j] - 200)
			// Words do not fill a line to the last character.
			lines = max(lines, math.Ceil(1.1*float64(utf8.RuneCountInString(txt))*100*scale/room))
		}
		h += lines*tableLine*scale + 2*57 + 10
	}
	return h
}

// tableMeasure is a table's text, by row and column, and its columns'
// widths in characters: the longest word is the least a column needs, the
// longest cell what it would like.
type tableMeasure struct {
	text       [][]string
	minW, maxW []int
}

func measureTable(t *east.Table, src []byte) tableMeasure {
	var tm tableMeasure
	cols := columns(t)
	tm.minW, tm.maxW = make([]int, cols), make([]int, cols)
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		texts := make([]string, cols)
		j := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			txt := plainText(c, src)
			texts[j] = txt
			tm.maxW[j] = max(tm.maxW[j], utf8.RuneCountInString(txt))
			// The longest run the text cannot break in, no-break
			// spaces included ("80 000 €").
			for _, w := range strings.FieldsFunc(txt, output.Breakable) {
				tm.minW[j] = max(tm.minW[j], min(utf8.RuneCountInString(w), 24))
			}
			j++
		}
		tm.text = append(tm.text, texts)
	}
	return tm
}

func columns(t ast.Node) int {
	n := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		n = max(n, row.ChildCount())
	}
	return n
}

// sectionBreak ends the current section with an empty, one-point
// paragraph that carries the section's properties.
func (r *renderer) sectionBreak(landscape bool) {
	r.flushPending()
	r.body.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>`)
	r.sectPr(&r.body, landscape)
	r.body.WriteString(`</w:pPr></w:p>`)
}

// sectPr writes section properties: the running header and footer, the
// page size and orientation, the margins.
func (r *renderer) sectPr(b *bytes.Buffer, landscape bool) {
	hdr, w, h, orient := ridHeaderPortrait, r.paper.w, r.paper.h, ""
	if landscape {
		hdr, w, h, orient = ridHeaderLandscape, r.paper.h, r.paper.w, ` w:orient="landscape"`
	}
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId`)
	b.WriteString(strconv.Itoa(hdr))
	b.WriteString(`"/><w:footerReference w:type="default" r:id="rId`)
	b.WriteString(strconv.Itoa(ridFooter))
	b.WriteString(`"/><w:type w:val="nextPage"/><w:pgSz w:w="`)
	b.WriteString(strconv.Itoa(w))
	b.WriteString(`" w:h="`)
	b.WriteString(strconv.Itoa(h))
	b.WriteString(`"` + orient + `/><w:pgMar w:top="` + strconv.Itoa(marginTop) + `" w:right="` + strconv.Itoa(marginSide) +
		`" w:bottom="` + strconv.Itoa(marginBottom) + `" w:left="` + strconv.Itoa(marginSide) + `" w:header="` + strconv.Itoa(headerDist) +
		`" w:footer="` + strconv.Itoa(footerDist) + `" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>`)
}

// scanAnchors gives a bookmark to every heading an internal link
// ("#some-heading") points to.
func (r *renderer) scanAnchors(doc ast.Node) {
	targets := output.LinkTargets(doc)
	if len(targets) == 0 {
		return
	}
	r.anchors = map[string]string{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := headingID(h); ok && targets[id] {
			if _, dup := r.anchors[id]; !dup {
				// Names starting with "_" are hidden bookmarks in Word.
				r.anchors[id] = "_rungs" + strconv.Itoa(len(r.anchors)+1)
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

func (r *renderer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		r.paragraph(n)
	case *ast.ThematicBreak:
		r.flushPending()
		r.body.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="C4CBD4"/></w:pBdr></w:pPr></w:p>`)
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		r.codeBlock(n)
	case *ast.Blockquote:
		r.quote++
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c)
		}
		r.quote--
	case *ast.List:
		r.list(n)
	case *east.Table:
		r.flushPending()
		r.table(n)
	case *ast.HTMLBlock:
		// Raw HTML is dropped, as in the PDF and HTML output.
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c)
		}
	}
}

// headingStyles maps Markdown heading levels to Word's built-in styles:
// the document's "# title" is Title, "##" sections are Heading 1, and so
// on down to Heading 3.
var headingStyles = [7]string{1: "Title", 2: "Heading1", 3: "Heading2", 4: "Heading3", 5: "Heading3", 6: "Heading3"}

func (r *renderer) heading(n *ast.Heading) {
	r.flushPending()
	b := &r.body
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="`)
	b.WriteString(headingStyles[min(max(n.Level, 1), 6)])
	b.WriteString(`"/>`)
	r.indent(b, false)
	b.WriteString(`</w:pPr>`)
	name := ""
	if id, ok := headingID(n); ok {
		name = r.anchors[id]
	}
	if name != "" {
		r.bookmarks++
		id := strconv.Itoa(r.bookmarks)
		b.WriteString(`<w:bookmarkStart w:id="` + id + `" w:name="` + name + `"/>`)
		r.inlines(n, style{})
		b.WriteString(`<w:bookmarkEnd w:id="` + id + `"/>`)
	} else {
		r.inlines(n, style{})
	}
	b.WriteString(`</w:p>`)
}

func (r *renderer) paragraph(n ast.Node) {
	b := &r.body
	b.WriteString(`<w:p>`)
	r.paraProps(b, "")
	r.inlines(n, style{})
	b.WriteString(`</w:p>`)
}

// paraProps writes the properties of a body paragraph: its style, and the
// numbering (a list item's first paragraph) or indentation (later
// paragraphs of an item, quotes) that its place gives it.
func (r *renderer) paraProps(b *bytes.Buffer, pstyle string) {
	switch {
	case pstyle != "":
	case len(r.lists) > 0:
		pstyle = "ListParagraph"
	case r.quote > 0:
		pstyle = "Quote"
	}
	if pstyle == "" && r.pending == nil {
		return
	}
	b.WriteString(`<w:pPr>`)
	if pstyle != "" {
		b.WriteString(`<w:pStyle w:val="` + pstyle + `"/>`)
	}
	numbered := false
	if p := r.pending; p != nil {
		r.pending = nil
		numbered = true
		b.WriteString(`<w:numPr><w:ilvl w:val="` + strconv.Itoa(p.level) + `"/><w:numId w:val="` + strconv.Itoa(p.numID) + `"/></w:numPr>`)
	}
	r.indent(b, numbered)
	b.WriteString(`</w:pPr>`)
}

// indent writes the left indentation of a paragraph inside lists and
// quotes; numbered says the paragraph carries a list marker, which hangs.
func (r *renderer) indent(b *bytes.Buffer, numbered bool) {
	left := listIndent*len(r.lists) + quoteIndent*r.quote
	if left == 0 {
		return
	}
	b.WriteString(`<w:ind w:left="` + strconv.Itoa(left) + `"`)
	if numbered {
		b.WriteString(` w:hanging="` + strconv.Itoa(listIndent) + `"`)
	}
	b.WriteString(`/>`)
}

// quoteIndent is the indentation of each level of block quote, in twips.
const quoteIndent = 284

// flushPending writes a list item's marker on an empty paragraph when the
// item does not start with a paragraph (an empty item, or one that opens
// with a nested list, a table or code).
func (r *renderer) flushPending() {
	if r.pending == nil {
		return
	}
	r.body.WriteString(`<w:p>`)
	r.paraProps(&r.body, "")
	r.body.WriteString(`</w:p>`)
}

func (r *renderer) list(n *ast.List) {
	r.flushPending()
	lv := listLevel{numID: numBullets}
	if n.IsOrdered() {
		start := n.Start
		if start < 0 {
			start = 0
		}
		r.ordered = append(r.ordered, orderedList{level: min(len(r.lists), 8), start: start})
		lv = listLevel{numID: numBullets + len(r.ordered)}
	}
	r.lists = append(r.lists, lv)
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		r.pending = &numbering{numID: lv.numID, level: min(len(r.lists)-1, 8)}
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c)
		}
		r.flushPending()
	}
	r.lists = r.lists[:len(r.lists)-1]
}

func (r *renderer) codeBlock(n ast.Node) {
	r.flushPending()
	b := &r.body
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="SourceCode"/>`)
	r.indent(b, false)
	b.WriteString(`</w:pPr>`)
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		line := strings.TrimRight(string(seg.Value(r.src)), "\r\n")
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		if line != "" {
			r.writeRun(b, run{text: line}, "")
		}
	}
	b.WriteString(`</w:p>`)
}

// table writes a GFM table with Word's Table Grid style: the header row
// repeats on every page and no row splits across pages; the column widths
// follow the browsers' automatic layout over the text column.
func (r *renderer) table(t *east.Table) {
	type cell struct {
		node  ast.Node
		align east.Alignment
	}
	var rows [][]cell
	var header []bool
	cols := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cs []cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			tc := cell{node: c}
			if x, ok := c.(*east.TableCell); ok {
				tc.align = x.Alignment
			}
			cs = append(cs, tc)
		}
		cols = max(cols, len(cs))
		rows = append(rows, cs)
		_, isHead := row.(*east.TableHeader)
		header = append(header, isHead)
	}
	if cols == 0 {
		return
	}
	tm := measureTable(t, r.src)
	total := r.textWidth(r.land) - listIndent*len(r.lists)
	widths := columnWidths(tm.minW, tm.maxW, total)

	b := &r.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="`)
	b.WriteString(strconv.Itoa(total))
	b.WriteString(`" w:type="dxa"/>`)
	if n := listIndent * len(r.lists); n > 0 {
		b.WriteString(`<w:tblInd w:w="` + strconv.Itoa(n) + `" w:type="dxa"/>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	r.cellSize = r.tableSizes[t]
	for i, cs := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header[i] {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for j := range cols {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(widths[j]) + `" w:type="dxa"/>`)
			if header[i] {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="EEF1F5"/>`)
			}
			b.WriteString(`</w:tcPr><w:p>`)
			var c cell
			if j < len(cs) {
				c = cs[j]
			}
			r.paraPropsCell(b, c.align)
			if c.node != nil {
				r.inlines(c.node, style{bold: header[i]})
			}
			b.WriteString(`</w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	r.cellSize = 0
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables, or it merges them; an
	// empty one after each table also keeps the next block off its edge.
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>`)
}

func (r *renderer) paraPropsCell(b *bytes.Buffer, align east.Alignment) {
	b.WriteString(`<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`)
	switch align {
	case east.AlignCenter:
		b.WriteString(`<w:jc w:val="center"/>`)
	case east.AlignRight:
		b.WriteString(`<w:jc w:val="right"/>`)
	}
	b.WriteString(`</w:pPr>`)
}

// columnWidths shares total twips among columns measured in characters:
// each column gets at least its longest word, and the rest goes where the
// text is longest, as browsers lay out tables.
func columnWidths(minC, maxC []int, total int) []int {
	// A 9 pt character of Arial is 100 twips wide on average; the longest
	// word is measured generously (wide letters, a bold header), so that
	// no client breaks it inside. pad is the cell margins and a little air.
	const char, wordChar, pad = 100, 125, 260
	n := len(minC)
	lo, hi := make([]float64, n), make([]float64, n)
	var sumLo, sumHi float64
	for j := range n {
		lo[j] = float64(max(minC[j], 1)*wordChar + pad)
		hi[j] = max(float64(max(maxC[j], 1)*char+pad), lo[j])
		sumLo += lo[j]
		sumHi += hi[j]
	}
	w := make([]float64, n)
	switch {
	case sumLo >= float64(total):
		for j := range n {
			w[j] = lo[j] * float64(total) / sumLo
		}
	case sumHi <= float64(total):
		for j := range n {
			w[j] = hi[j] * float64(total) / sumHi
		}
	default:
		spare := float64(total) - sumLo
		for j := range n {
			w[j] = lo[j] + spare*(hi[j]-lo[j])/(sumHi-sumLo)
		}
	}
	out := make([]int, n)
	used := 0
	for j := range n {
		out[j] = int(w[j])
		used += out[j]
	}
	out[n-1] += total - used
	return out
}

// firstHeading returns the plain text of the document's first heading.
func firstHeading(doc ast.Node, src []byte) string {
	var title string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			title = oneLine(plainText(h, src))
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return title
}

// plainText is the text of an inline tree, as a reader sees it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	for _, rn := range collect(n, src, style{}, nil, nil) {
		if rn.brk {
			b.WriteByte(' ')
		}
		b.WriteString(rn.text)
	}
	return b.String()
}
