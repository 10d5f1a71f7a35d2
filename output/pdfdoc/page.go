package pdfdoc

import (
	"strconv"

	"codeberg.org/go-pdf/fpdf"
	"github.com/rungs/rungs/internal/locale"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

type rgb struct{ r, g, b uint8 }

// The palette: near-black text, a muted blue-grey for structure, one link
// blue. Everything prints legibly in greyscale.
var (
	colText      = rgb{0x1f, 0x23, 0x28}
	colHeading   = rgb{0x12, 0x2b, 0x45}
	colMuted     = rgb{0x5b, 0x64, 0x70}
	colQuote     = rgb{0x3d, 0x46, 0x52}
	colLink      = rgb{0x1a, 0x56, 0xa8}
	colRule      = rgb{0xc4, 0xcb, 0xd4}
	colGrid      = rgb{0xc9, 0xd0, 0xd8}
	colHeadFill  = rgb{0xe6, 0xeb, 0xf1}
	colStripe    = rgb{0xf6, 0xf8, 0xfa}
	colCodeFill  = rgb{0xf2, 0xf3, 0xf5}
	colQuoteBar  = rgb{0xb8, 0xc2, 0xce}
	colFurniture = rgb{0x6b, 0x74, 0x80}
)

// renderer holds the layout state for one document.
type renderer struct {
	pdf *fpdf.Fpdf
	m   *fontMetrics
	src []byte

	paper         fpdf.SizeType
	title, author string
	// words are the messages of the document's language, for the page
	// footer.
	words *locale.Catalog

	landscape   bool
	pages       int
	pageW       float64
	pageH       float64
	bottom      float64 // lowest y content may reach on this page
	left, width float64 // the current block's left edge and width
	y           float64 // the next free y on the page
	atTop       bool    // nothing drawn on this page yet
	gap         float64 // vertical space owed before the next block

	quotes  []float64 // x of the bar of each open block quote
	markers []marker  // list markers waiting for their item's first line

	curFace  face    // the face asked for by setFont
	curSize  float64 // the size asked for by setFont
	curFont  physFont
	fontSize float64
	fill     rgb
	draw     rgb
	fonts    [numFonts]bool

	tables       map[*east.Table]*tableLayout
	anchors      map[string]int
	outlineLevel int // level of the last bookmark, -1 before the first
	listDepth    int
}

type marker struct {
	text string
	face face
	x, w float64 // the box the marker is right-aligned in
	size float64
}

// setFont chooses the face and size of the text drawn next; text picks the
// font (primary or fallback) for each run of it.
func (r *renderer) setFont(f face, size float64) {
	r.curFace, r.curSize = f, size
}

// useFont makes p at size fpdf's current font, registering p the first
// time a document uses it.
func (r *renderer) useFont(p physFont, size float64) {
	if p == r.curFont && size == r.fontSize {
		return
	}
	d := fontDefs[p]
	if !r.fonts[p] {
		r.pdf.AddUTF8FontFromBytes(d.family, d.style, d.ttf)
		r.fonts[p] = true
	}
	r.pdf.SetFont(d.family, d.style, size)
	r.curFont, r.fontSize = p, size
}

func (r *renderer) setFill(c rgb) {
	if c != r.fill {
		r.pdf.SetFillColor(int(c.r), int(c.g), int(c.b))
		r.fill = c
	}
}

func (r *renderer) setDraw(c rgb) {
	if c != r.draw {
		r.pdf.SetDrawColor(int(c.r), int(c.g), int(c.b))
		r.draw = c
	}
}

func (r *renderer) setText(c rgb) {
	// fpdf only records the text colour (it is written with each string),
	// so there is nothing to save by tracking it.
	r.pdf.SetTextColor(int(c.r), int(c.g), int(c.b))
}

// contentWidth is the width between the page margins.
func (r *renderer) contentWidth(landscape bool) float64 {
	if landscape {
		return r.paper.Ht - 2*marginSide
	}
	return r.paper.Wd - 2*marginSide
}

// newPage starts a page in the given orientation and draws its furniture.
// The current indentation is kept: a list or quote continuing on the next
// page stays indented.
func (r *renderer) newPage(landscape bool) {
	indent := r.left - marginSide
	orient := "P"
	if landscape {
		orient = "L"
	}
	r.pdf.AddPageFormat(orient, r.paper)
	// AddPageFormat re-selects the font and colours fpdf last had; keep our
	// record of them in step.
	r.pages++
	if r.pages == 1 {
		// A metadata stream (the XMP packet) is a PDF 1.4 feature, but
		// fpdf has no setter for the version in its header: it raises it
		// from 1.3 only when a 1.4 feature is used. An extended graphics
		// state of full opacity and normal blending is the lightest one
		// (it changes nothing drawn); it needs a page to be set on.
		defer r.pdf.SetAlpha(1, "Normal")
	}
	r.landscape = landscape
	r.pageW, r.pageH = r.pdf.GetPageSize()
	r.bottom = r.pageH - marginBottom
	r.left = marginSide + indent
	r.width = r.pageW - marginSide - r.left
	r.y = marginTop
	r.atTop = true
	r.gap = 0
	r.furniture()
}

// furniture draws the running header (title left, company right, a hairline
// under both) and the footer ("Page X of Y", in the document's language).
func (r *renderer) furniture() {
	const size = 8
	r.setText(colFurniture)
	right := r.pageW - marginSide
	if r.title != "" || r.author != "" {
		r.setFont(faceRegular, size)
		authorW := r.m.width(faceRegular, r.author, size)
		titleMax := right - marginSide
		if r.author != "" {
			titleMax -= authorW + 24
		}
		if r.title != "" {
			r.text(marginSide, headerBase, r.fitText(r.title, faceRegular, size, titleMax))
		}
		if r.author != "" && authorW < (right-marginSide)/2 {
			r.text(right-authorW, headerBase, r.author)
		}
		r.setDraw(colRule)
		r.pdf.SetLineWidth(0.5)
		r.pdf.Line(marginSide, headerRule, right, headerRule)
	}
	r.setFont(faceRegular, size)
	// The total is an fpdf alias replaced when the document is closed, so
	// the footer is left-aligned: its final width is not known yet.
	r.text(marginSide, r.pageH-footerBase, r.m.sanitize(r.words.Text("document.page_of",
		locale.Args{"page": strconv.Itoa(r.pages), "pages": pageTotalAlias})))
	r.setText(colText)
}

// fitText shortens s with an ellipsis until it fits in w.
func (r *renderer) fitText(s string, f face, size, w float64) string {
	if r.m.width(f, s, size) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && r.m.width(f, string(rs)+"…", size) > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// space asks for at least h points before the next block. Spaces do not add
// up (the larger wins) and vanish at the top of a page.
func (r *renderer) space(h float64) {
	if h > r.gap {
		r.gap = h
	}
}

// flushGap moves down by the owed space now, so that decorations opened
// next (a quote bar) do not reach up into it.
func (r *renderer) flushGap() {
	if r.atTop {
		r.gap = 0
		return
	}
	if r.gap > 0 {
		h := min(r.gap, r.bottom-r.y)
		if h > 0 {
			r.decorate(r.y, h)
		}
		r.y += r.gap
		r.gap = 0
	}
}

// fits reports whether h points fit on the current page after the owed gap.
func (r *renderer) fits(h float64) bool {
	g := r.gap
	if r.atTop {
		g = 0
	}
	return r.y+g+h <= r.bottom
}

// keep starts a new page unless h points fit on this one; used to keep a
// heading with the start of its section.
func (r *renderer) keep(h float64) {
	if !r.atTop && !r.fits(h) {
		r.newPage(r.landscape)
	}
}

// place reserves a band of height h for content, breaking the page first if
// needed, and returns its top.
func (r *renderer) place(h float64) float64 {
	if !r.atTop && !r.fits(h) {
		r.newPage(r.landscape)
	}
	r.flushGap()
	top := r.y
	r.y += h
	r.atTop = false
	r.decorate(top, h)
	return top
}

// decorate draws the bars of the open block quotes beside a band.
func (r *renderer) decorate(top, h float64) {
	if len(r.quotes) == 0 {
		return
	}
	r.setFill(colQuoteBar)
	for _, x := range r.quotes {
		r.pdf.Rect(x, top, 2.2, h, "F")
	}
}

// bookmark adds a heading to the outline. PDF outlines cannot skip levels
// (an H3 straight after an H1 would get a broken parent), so each level is
// at most one deeper than the previous bookmark.
func (r *renderer) bookmark(text string, level int, y float64) {
	l := min(level-1, r.outlineLevel+1)
	l = max(l, 0)
	r.outlineLevel = l
	r.pdf.Bookmark(metaString(text), l, y)
}

// plainText returns the text of an inline subtree, for bookmarks.
func (r *renderer) plainText(n ast.Node) string {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, unescape(c.Segment.Value(r.src))...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.AutoLink:
			b = append(b, c.Label(r.src)...)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return string(b)
}

// textHook, set only by tests, is told about every string drawn, so they can
// check that nothing crosses the margins.
var textHook func(page int, landscape bool, x, y, w float64, s string)

// text draws s with its left end at x on baseline y in the current face,
// each run of it in the font that has its glyphs.
func (r *renderer) text(x, y float64, s string) {
	if s == "" {
		return
	}
	if textHook != nil {
		textHook(r.pages, r.landscape, x, y, r.m.width(r.curFace, s, r.curSize), s)
	}
	for s != "" {
		n, p := r.m.split(r.curFace, s)
		r.useFont(p, r.curSize)
		r.pdf.Text(x, y, s[:n])
		if n < len(s) {
			x += r.m.width(r.curFace, s[:n], r.curSize)
		}
		s = s[n:]
	}
}
