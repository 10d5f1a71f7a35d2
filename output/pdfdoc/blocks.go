package pdfdoc

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Type scale. Body text is 10.5 pt on 15 pt leading; headings step down
// from 22 pt so the levels are told apart at a glance, in print too.
var (
	styleBody  = textStyle{size: 10.5, leading: 15, color: colText}
	styleQuote = textStyle{size: 10.5, leading: 15, color: colQuote}
	styleCode  = textStyle{size: 8.8, leading: 12.4, color: colText}
)

type headingStyle struct {
	textStyle
	face          face
	before, after float64
}

var headingStyles = [7]headingStyle{
	1: {textStyle{22, 27, colHeading}, faceBold, 6, 10},
	2: {textStyle{14.5, 19, colHeading}, faceBold, 20, 6},
	3: {textStyle{12, 16, colHeading}, faceBold, 14, 4},
	4: {textStyle{10.5, 15, colText}, faceBold, 10, 2},
	5: {textStyle{10.5, 15, colText}, faceBoldItalic, 10, 2},
	6: {textStyle{10.5, 15, colMuted}, faceBoldItalic, 10, 2},
}

const (
	paraAfter  = 7
	listIndent = 18 // indentation of each list level
	itemGap    = 3  // between the items of a tight list
	quoteInset = 14 // text distance from the quote bar
	codePad    = 6
)

func (r *renderer) render(doc ast.Node) {
	r.outlineLevel = -1
	var blocks []ast.Node
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, c)
	}
	land := r.planOrientation(blocks)
	for i, c := range blocks {
		if r.pages == 0 || land[i] != r.landscape {
			r.newPage(land[i])
		}
		r.block(c)
	}
	if r.pages == 0 {
		// An empty document is still a valid, one-page PDF.
		r.newPage(false)
	}
}

// planOrientation chooses the orientation of each top-level block: a wide
// table goes on landscape pages, with the heading that introduces it. When
// the document opens with only a short introduction (a title and a
// paragraph or two) before a wide table, the introduction joins the table on
// its landscape page instead of leaving a portrait page almost empty, as
// long as both fit on that one page.
func (r *renderer) planOrientation(blocks []ast.Node) []bool {
	land := make([]bool, len(blocks))
	first := -1
	for i, b := range blocks {
		t, ok := b.(*east.Table)
		if !ok || !r.tableIsWide(t) {
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
	if first > 0 && r.introFits(blocks[:first], blocks[first].(*east.Table)) {
		for i := range first {
			land[i] = true
		}
	}
	// A few headings and paragraphs between two landscape tables (the
	// ladder's weights, between its overview and its weights by level)
	// stay on the landscape pages instead of a portrait page of their own.
	prev := -1
	for i := range blocks {
		if !land[i] {
			continue
		}
		if prev >= 0 && i-prev-1 > 0 && i-prev-1 <= maxBridge && allShort(blocks[prev+1:i]) {
			for j := prev + 1; j < i; j++ {
				land[j] = true
			}
		}
		prev = i
	}
	return land
}

// maxBridge is how many short blocks between two landscape tables stay on
// the landscape pages.
const maxBridge = 6

// allShort reports whether every block is a heading, a paragraph or a
// rule.
func allShort(blocks []ast.Node) bool {
	for _, b := range blocks {
		switch b.(type) {
		case *ast.Heading, *ast.Paragraph, *ast.ThematicBreak:
		default:
			return false
		}
	}
	return true
}

// introFits reports whether the blocks before a document's first wide table
// (only headings and paragraphs) should share its landscape page: when
// intro and table fit on it together; not when that would split a table
// that fits on a page of its own; and, for a table that runs over several
// pages anyway, when the intro takes less than 40% of the page.
func (r *renderer) introFits(intro []ast.Node, t *east.Table) bool {
	width := r.contentWidth(true)
	// Add up the intro as the layout will place it: spaces between blocks
	// collapse (the larger wins) and vanish at the top of the page.
	h, gap := 0.0, 0.0
	for i, b := range intro {
		var st textStyle
		var sp span
		var before, after, rule float64
		switch b := b.(type) {
		case *ast.Heading:
			hs := headingStyles[min(max(b.Level, 1), 6)]
			st, sp, before, after = hs.textStyle, span{face: hs.face}, hs.before, hs.after
			if b.Level == 2 {
				rule = 3
			}
		case *ast.Paragraph:
			st, sp, after = styleBody, span{face: faceRegular}, paraAfter
		case *ast.ThematicBreak:
			h += max(gap, 8) + 1
			gap = 10
			continue
		default:
			return false
		}
		if i > 0 {
			h += max(gap, before)
		}
		lines := r.breakLines(r.items(r.collect(b, sp, nil), st.size), width, st.size)
		h += float64(len(lines))*st.leading + rule
		gap = after
	}
	h += max(gap, 6) // the space before a table
	page := r.paper.Wd - marginTop - marginBottom
	tl := r.tableLayout(t)
	tableHeight := func() float64 {
		r.fitTable(tl, width)
		sum := 0.0
		for _, th := range tl.heights {
			sum += th
		}
		return sum
	}
	table := tableHeight()
	if h+table <= page {
		return true // all on one page
	}
	// Setting the table a size or three smaller (down to 7.5 pt) may be
	// enough to keep everything on one page.
	for _, size := range []float64{8.5, 8, 7.5} {
		if size >= tl.style.size {
			continue
		}
		tl.maxSize = size
		if h+tableHeight() <= page {
			return true
		}
	}
	tl.maxSize = 0
	table = tableHeight()
	if table <= page {
		return false // the table keeps a page to itself
	}
	return h <= 0.4*page // the table runs over pages anyway
}

func (r *renderer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n)
	case *ast.Paragraph:
		r.keepLeadIn(n)
		r.paragraph(n, r.textStyle(), paraAfter)
	case *ast.TextBlock:
		r.paragraph(n, r.textStyle(), 0)
	case *ast.ThematicBreak:
		r.rule()
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		r.codeBlock(n)
	case *ast.Blockquote:
		r.blockquote(n)
	case *ast.List:
		r.list(n)
	case *east.Table:
		r.table(n)
	case *ast.HTMLBlock:
		// Raw HTML is dropped, as in the HTML output.
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c)
		}
	}
}

func (r *renderer) textStyle() textStyle {
	if len(r.quotes) > 0 {
		return styleQuote
	}
	return styleBody
}

func (r *renderer) heading(n *ast.Heading) {
	lvl := min(max(n.Level, 1), 6)
	hs := headingStyles[lvl]
	runs := r.collect(n, span{face: hs.face}, nil)
	lines := r.breakLines(r.items(runs, hs.size), r.width, hs.size)
	r.space(hs.before)
	// A heading is never the last thing on a page: it stays with the part
	// of what follows that may not be split from it (and at least three
	// lines of text).
	own := float64(len(lines))*hs.leading + hs.after
	if lvl == 2 {
		own += 3 // the hairline
	}
	r.keep(own + max(3*styleBody.leading, r.leadHeight(n.NextSibling())))
	for i, ln := range lines {
		top := r.place(hs.leading)
		if i == 0 {
			if text := strings.TrimSpace(r.plainText(n)); text != "" {
				r.bookmark(text, lvl, top)
			}
			if id, ok := headingID(n); ok {
				if link, ok := r.anchors[id]; ok {
					r.pdf.SetLink(link, top, -1)
				}
			}
		}
		r.drawLine(ln, r.left, top, hs.textStyle)
	}
	if lvl == 2 {
		// A hairline under section headings gives the page its rhythm.
		top := r.place(3)
		r.setDraw(colRule)
		r.pdf.SetLineWidth(0.6)
		r.pdf.Line(r.left, top+1.5, r.left+r.width, top+1.5)
	}
	r.space(hs.after)
}

// keepLeadIn keeps a short paragraph that introduces a list ("Evidence to
// gather:") on the page of the list's start, as a heading is.
func (r *renderer) keepLeadIn(n *ast.Paragraph) {
	if h, ok := r.leadInHeight(n); ok {
		r.keep(h)
	}
}

// leadInHeight returns, for a paragraph of up to three lines that ends
// with a colon and is followed by a list, its height with the start of the
// list that must share its page.
func (r *renderer) leadInHeight(n *ast.Paragraph) (float64, bool) {
	next, ok := n.NextSibling().(*ast.List)
	if !ok || !strings.HasSuffix(strings.TrimSpace(r.plainText(n)), ":") {
		return 0, false
	}
	st := r.textStyle()
	lines := r.breakLines(r.items(r.collect(n, span{face: faceRegular}, nil), st.size), r.width, st.size)
	if len(lines) > 3 {
		return 0, false
	}
	return float64(len(lines))*st.leading + paraAfter + r.leadHeight(next), true
}

func (r *renderer) paragraph(n ast.Node, st textStyle, after float64) {
	runs := r.collect(n, span{face: faceRegular}, nil)
	if len(runs) == 0 && len(r.markers) == 0 {
		return
	}
	r.lines(r.breakLines(r.items(runs, st.size), r.width, st.size), st)
	r.space(after)
}

// lines draws laid-out lines, each on the page where it fits, never
// leaving one line of a paragraph alone at the foot of a page (an orphan)
// or at the head of the next (a widow): a paragraph of up to three lines
// stays whole, a longer one breaks with at least two lines on each side.
func (r *renderer) lines(lines []line, st textStyle) {
	r.keep(float64(min(len(lines), keepLines(len(lines)))) * st.leading)
	for i, ln := range lines {
		if i == len(lines)-2 && len(lines) >= 4 && !r.atTop && !r.fits(2*st.leading) {
			r.newPage(r.landscape)
		}
		top := r.place(st.leading)
		r.drawLine(ln, r.left, top, st)
	}
}

// keepLines is how many lines of an n-line paragraph must start on the
// same page: all of a short one, two of a longer one.
func keepLines(n int) int {
	if n <= 3 {
		return n
	}
	return 2
}

// shortItem is the most lines a list item may have to be kept whole on
// one page: such an item is read at a glance, and a break inside it leaves
// a fragment ("needs it.") at the top of the next page.
const shortItem = 6

// leadHeight is the height at the start of block n that must share a page
// with what comes before it when that is a heading: the lines a paragraph
// keeps together (a lead-in with its list's start), a short first list
// item whole, a heading with its own lead, a table's header and first row.
// Zero when there is nothing after the heading.
func (r *renderer) leadHeight(n ast.Node) float64 {
	switch n := n.(type) {
	case nil:
		return 0
	case *ast.Heading:
		hs := headingStyles[min(max(n.Level, 1), 6)]
		lines := r.breakLines(r.items(r.collect(n, span{face: hs.face}, nil), hs.size), r.width, hs.size)
		return max(hs.before, 0) + float64(len(lines))*hs.leading + hs.after + max(3*styleBody.leading, r.leadHeight(n.NextSibling()))
	case *ast.Paragraph:
		if h, ok := r.leadInHeight(n); ok {
			return h
		}
		st := r.textStyle()
		lines := r.breakLines(r.items(r.collect(n, span{face: faceRegular}, nil), st.size), r.width, st.size)
		return float64(keepLines(len(lines))) * st.leading
	case *ast.TextBlock:
		st := r.textStyle()
		lines := r.breakLines(r.items(r.collect(n, span{face: faceRegular}, nil), st.size), r.width, st.size)
		return float64(keepLines(len(lines))) * st.leading
	case *ast.List:
		if item := n.FirstChild(); item != nil {
			if h, ok := r.itemHeight(item, r.width-r.listIndent(n)); ok {
				return h
			}
			return 2 * r.textStyle().leading
		}
	case *east.Table:
		tl := r.tableLayout(n)
		if tl.cols == 0 {
			return 0
		}
		r.fitTable(tl, r.width)
		h := 6.0
		for i := range min(2, len(tl.heights)) {
			h += tl.heights[i]
		}
		return min(h, (r.bottom-marginTop)/2)
	}
	return 3 * styleBody.leading
}

// itemHeight measures a list item set in width: its height, and whether it
// is short enough (paragraphs only, at most shortItem lines) to keep
// whole on one page.
func (r *renderer) itemHeight(item ast.Node, width float64) (float64, bool) {
	st := r.textStyle()
	h, n := 0.0, 0
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
		default:
			return 0, false
		}
		if c != item.FirstChild() {
			h += paraAfter
		}
		lines := r.breakLines(r.items(r.collect(c, span{face: faceRegular}, nil), st.size), width, st.size)
		n += len(lines)
		h += float64(len(lines)) * st.leading
	}
	return h, n > 0 && n <= shortItem
}

// listIndent is the indentation of list n's items, as list sets it.
func (r *renderer) listIndent(n *ast.List) float64 {
	boxW := 10.0
	if n.IsOrdered() {
		num := n.Start
		if num == 0 {
			num = 1
		}
		boxW = r.m.width(faceRegular, strconv.Itoa(num+n.ChildCount()-1)+".", r.textStyle().size)
	}
	return r.indentFor(max(listIndent, boxW+6))
}

func (r *renderer) rule() {
	r.space(8)
	top := r.place(1)
	r.drawMarkers(top + 4)
	r.setDraw(colRule)
	r.pdf.SetLineWidth(0.8)
	r.pdf.Line(r.left, top+0.5, r.left+r.width, top+0.5)
	r.space(10)
}

func (r *renderer) codeBlock(n ast.Node) {
	st := styleCode
	var src []string
	segs := n.Lines()
	for i := range segs.Len() {
		s := segs.At(i)
		l := strings.TrimRight(string(s.Value(r.src)), "\r\n")
		src = append(src, expandTabs(l))
	}
	// Trailing blank lines add nothing.
	for len(src) > 0 && strings.TrimSpace(src[len(src)-1]) == "" {
		src = src[:len(src)-1]
	}
	inner := r.width - 2*codePad
	var lines []string
	for _, l := range src {
		lines = append(lines, r.wrapCode(r.m.sanitize(l), inner, st.size)...)
	}
	r.space(4)
	bg := func(top, h float64) {
		r.setFill(colCodeFill)
		r.pdf.Rect(r.left, top, r.width, h, "F")
	}
	bg(r.place(codePad), codePad)
	for i, l := range lines {
		top := r.place(st.leading)
		bg(top, st.leading)
		if i == 0 {
			r.drawMarkers(top + baseline(st.leading, styleBody.size))
		}
		if l != "" {
			r.setText(st.color)
			r.setFont(faceMono, st.size)
			r.text(r.left+codePad, top+baseline(st.leading, st.size), l)
		}
	}
	bg(r.place(codePad), codePad)
	r.space(paraAfter + 2)
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, c := range s {
		if c == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(c)
		col++
	}
	return b.String()
}

// wrapCode breaks a code line that is wider than the block, after the last
// space that fits or, failing that, between characters. Continuation lines
// keep the indentation of the line they continue, plus two spaces, so they
// read as a continuation.
func (r *renderer) wrapCode(s string, width, size float64) []string {
	if r.m.width(faceMono, s, size) <= width {
		return []string{s}
	}
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))] + "  "
	if r.m.width(faceMono, indent, size) > width/2 {
		indent = ""
	}
	var out []string
	prefix := ""
	for {
		room := width - r.m.width(faceMono, prefix, size)
		if r.m.width(faceMono, s, size) <= room {
			return append(out, prefix+s)
		}
		w, cut, sp := 0.0, 0, 0
		for i, c := range s {
			cw := r.m.runeWidth(faceMono, c, size)
			if w+cw > room {
				break
			}
			w += cw
			cut = i + utf8.RuneLen(c)
			if c == ' ' {
				sp = cut
			}
		}
		if sp > len(s)/4 && sp > 0 {
			cut = sp
		}
		if cut == 0 {
			_, cut = utf8.DecodeRuneInString(s)
		}
		out = append(out, prefix+s[:cut])
		s = s[cut:]
		prefix = indent
	}
}

func (r *renderer) blockquote(n *ast.Blockquote) {
	r.space(4)
	r.flushGap()
	r.quotes = append(r.quotes, r.left)
	left, width := r.left, r.width
	inset := r.indentFor(quoteInset)
	r.left += inset
	r.width -= inset
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c)
	}
	r.left, r.width = left, width
	r.quotes = r.quotes[:len(r.quotes)-1]
	r.space(paraAfter)
}

func (r *renderer) list(n *ast.List) {
	depth := r.listDepth
	r.listDepth++
	defer func() { r.listDepth = depth }()
	if depth == 0 {
		r.space(2)
	}
	num := n.Start
	if num == 0 && n.IsOrdered() {
		num = 1
	}
	// The marker box is wide enough for the largest number of the list.
	boxW := 10.0
	st := r.textStyle()
	if n.IsOrdered() {
		last := num + n.ChildCount() - 1
		boxW = r.m.width(faceRegular, strconv.Itoa(last)+".", st.size)
	}
	indent := r.listIndent(n)
	left, width := r.left, r.width
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		text := bullet(depth)
		if startsWithCheckBox(item) {
			// A task item's checkbox stands in for its bullet.
			text = ""
		}
		mface := faceRegular
		if n.IsOrdered() {
			text = strconv.Itoa(num) + "."
			num++
		}
		r.left, r.width = left+indent, width-indent
		// A short item stays whole on one page.
		if h, ok := r.itemHeight(item, r.width); ok {
			r.keep(h)
		}
		r.markers = append(r.markers, marker{text: text, face: mface, x: left + indent - 6 - boxW, w: boxW, size: st.size})
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c)
		}
		if len(r.markers) > 0 {
			// An empty item still shows its marker.
			top := r.place(st.leading)
			r.drawLine(line{}, r.left, top, st)
		}
		r.left, r.width = left, width
		if n.IsTight {
			r.space(itemGap)
		} else {
			r.space(paraAfter)
		}
	}
	if depth == 0 {
		r.space(paraAfter)
	}
}

func startsWithCheckBox(item ast.Node) bool {
	if b := item.FirstChild(); b != nil {
		_, ok := b.FirstChild().(*east.TaskCheckBox)
		return ok
	}
	return false
}

// indentFor returns how far a nested block may indent: as asked, as long
// as the text column keeps at least 40% of the page's width. Deeper levels
// stop indenting rather than squeeze the text to nothing.
func (r *renderer) indentFor(want float64) float64 {
	floor := r.contentWidth(r.landscape) * 0.4
	return max(0, min(want, r.width-floor))
}

// Bullets change with depth so nested lists read as nested.
func bullet(depth int) string {
	switch depth % 3 {
	case 0:
		return "•"
	case 1:
		return "◦"
	}
	return "▪"
}
