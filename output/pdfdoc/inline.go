package pdfdoc

import (
	"bufio"
	"bytes"
	"html"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// span is the style of a stretch of inline text.
type span struct {
	face   face
	code   bool
	strike bool
	url    string // external link target
	anchor int    // fpdf internal link, 0 when none
	color  rgb
}

func (s span) isLink() bool { return s.url != "" || s.anchor != 0 }

// run is inline text in one style, as collected from the AST.
type run struct {
	text string
	sp   span
	brk  bool // a hard line break; text is empty
}

// textWriter resolves backslash escapes and entity references the way
// goldmark's own HTML renderer does; its output is HTML-escaped, which
// html.UnescapeString undoes exactly.
var textWriter = ghtml.NewWriter()

// unescape turns the source of a Markdown text segment into the text it
// stands for ("\*" is "*", "&eacute;" is "é").
func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, 0) < 0 {
		return b
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	textWriter.Write(w, b)
	_ = w.Flush()
	return []byte(html.UnescapeString(buf.String()))
}

// collect appends the runs of the inline children of n.
func (r *renderer) collect(n ast.Node, sp span, out []run) []run {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.collectNode(c, sp, out)
	}
	return out
}

func (r *renderer) collectNode(c ast.Node, sp span, out []run) []run {
	switch c := c.(type) {
	case *ast.Text:
		out = append(out, run{text: string(unescape(c.Segment.Value(r.src))), sp: sp})
		switch {
		case c.HardLineBreak():
			out = append(out, run{brk: true, sp: sp})
		case c.SoftLineBreak():
			out = append(out, run{text: " ", sp: sp})
		}
	case *ast.String:
		v := c.Value
		if !c.IsCode() && !c.IsRaw() {
			v = unescape(v)
		}
		out = append(out, run{text: string(v), sp: sp})
	case *ast.CodeSpan:
		var b strings.Builder
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(r.src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		cs := sp
		cs.face, cs.code = faceMono, true
		out = append(out, run{text: strings.ReplaceAll(b.String(), "\n", " "), sp: cs})
	case *ast.Emphasis:
		es := sp
		if c.Level >= 2 {
			es.face = es.face.withBold()
		} else {
			es.face = es.face.withItalic()
		}
		out = r.collect(c, es, out)
	case *ast.Link:
		ls := r.linkSpan(sp, string(c.Destination))
		out = r.collect(c, ls, out)
	case *ast.AutoLink:
		dest := string(c.URL(r.src))
		if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
			dest = "mailto:" + dest
		}
		ls := r.linkSpan(sp, dest)
		out = append(out, run{text: string(c.Label(r.src)), sp: ls})
	case *ast.Image:
		// Images are not fetched (documents must render offline and
		// deterministically); their alternative text stands in.
		is := sp
		is.face = is.face.withItalic()
		out = r.collect(c, is, out)
	case *ast.RawHTML:
		// Raw HTML is dropped, as in the HTML output.
	case *east.Strikethrough:
		ss := sp
		ss.strike = true
		out = r.collect(c, ss, out)
	case *east.TaskCheckBox:
		// Ballot boxes (from the fallback font: Liberation Sans has
		// none), in the text face: the code face is for code only.
		box := "\u2610 "
		if c.IsChecked {
			box = "\u2611 "
		}
		out = append(out, run{text: box, sp: sp})
	default:
		out = r.collect(c, sp, out)
	}
	return out
}

// linkSpan styles a link: internal links to a heading of this document
// become fpdf links, other fragment links become plain text (there is
// nothing to jump to), everything else is a URI annotation.
func (r *renderer) linkSpan(sp span, dest string) span {
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return sp
	}
	if dest[0] == '#' {
		if id, ok := r.anchors[dest[1:]]; ok {
			sp.anchor = id
			sp.color = colLink
		}
		return sp
	}
	// Annotations hold the URI as bytes: percent-encode what is not
	// plain ASCII, as the HTML renderer does for href.
	sp.url = string(util.URLEscape([]byte(dest), false))
	sp.color = colLink
	return sp
}

// The layout works on boxes (unbreakable text) and glue (a breakable
// space), like TeX's, but breaks greedily: documents are ragged-right.
type itemKind uint8

const (
	itemBox itemKind = iota
	itemGlue
	itemBreak
)

type item struct {
	kind itemKind
	text string
	sp   span
	w    float64
}

// piece is text placed on a line, x relative to the line start.
type piece struct {
	x, w float64
	text string
	sp   span
}

type line struct {
	pieces []piece
	w      float64
}

// textStyle is a block's type size and base colour.
type textStyle struct {
	size    float64
	leading float64
	color   rgb
}

// codeScale shrinks inline code a little: the mono face has a larger
// x-height than the proportional one.
const codeScale = 0.9

func (r *renderer) itemSize(sp span, size float64) float64 {
	if sp.code {
		return size * codeScale
	}
	return size
}

// items turns runs into boxes and glue, sanitising text for the fonts.
func (r *renderer) items(runs []run, size float64) []item {
	out := make([]item, 0, len(runs)*4)
	for _, rn := range runs {
		if rn.brk {
			out = append(out, item{kind: itemBreak})
			continue
		}
		s := r.m.sanitize(rn.text)
		sz := r.itemSize(rn.sp, size)
		for len(s) > 0 {
			i := strings.IndexByte(s, ' ')
			if i == 0 {
				j := 0
				for j < len(s) && s[j] == ' ' {
					j++
				}
				s = s[j:]
				if n := len(out); n > 0 && out[n-1].kind == itemGlue {
					continue
				}
				out = append(out, item{kind: itemGlue, text: " ", sp: rn.sp, w: r.m.width(rn.sp.face, " ", sz)})
				continue
			}
			if i < 0 {
				i = len(s)
			}
			w := s[:i]
			s = s[i:]
			out = append(out, item{kind: itemBox, text: w, sp: rn.sp, w: r.m.width(rn.sp.face, w, sz)})
		}
	}
	return out
}

// breakLines lays items out in lines no wider than width.
func (r *renderer) breakLines(items []item, width, size float64) []line {
	var lines []line
	var cur line
	pendingGlue := -1 // index of glue seen since the last box on this line
	flush := func() {
		lines = append(lines, cur)
		cur = line{}
		pendingGlue = -1
	}
	add := func(it item) {
		if n := len(cur.pieces); n > 0 && it.kind == itemBox {
			// Extend the previous piece when the style matches, so a line
			// is drawn with as few text operators as possible.
			last := &cur.pieces[n-1]
			if last.sp == it.sp && math.Abs(last.x+last.w-cur.w) < 1e-6 {
				last.text += it.text
				last.w += it.w
				cur.w += it.w
				return
			}
		}
		cur.pieces = append(cur.pieces, piece{x: cur.w, w: it.w, text: it.text, sp: it.sp})
		cur.w += it.w
	}
	for i := 0; i < len(items); {
		it := items[i]
		switch it.kind {
		case itemBreak:
			flush()
			i++
			continue
		case itemGlue:
			if len(cur.pieces) > 0 {
				pendingGlue = i
			}
			i++
			continue
		}
		// A word is a run of consecutive boxes (styles may change inside
		// a word, as in "**bold**ly" or a link followed by a comma).
		j := i
		ww := 0.0
		for j < len(items) && items[j].kind == itemBox {
			ww += items[j].w
			j++
		}
		glueW := 0.0
		if pendingGlue >= 0 {
			glueW = items[pendingGlue].w
		}
		switch {
		case len(cur.pieces) == 0 && ww <= width:
		case len(cur.pieces) > 0 && cur.w+glueW+ww <= width:
			if pendingGlue >= 0 {
				g := items[pendingGlue]
				if n := len(cur.pieces); n > 0 && cur.pieces[n-1].sp == g.sp {
					cur.pieces[n-1].text += g.text
					cur.pieces[n-1].w += g.w
					cur.w += g.w
				} else {
					cur.w += g.w
				}
			}
		default:
			if len(cur.pieces) > 0 {
				flush()
			}
			if ww > width {
				// Too long for any line (a URL, a hash): break inside it.
				r.breakWord(items[i:j], width, size, &cur, flush, add)
				pendingGlue = -1
				i = j
				continue
			}
		}
		pendingGlue = -1
		for k := i; k < j; k++ {
			add(items[k])
		}
		i = j
	}
	if len(cur.pieces) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// breakWord places a word wider than the line over several lines, breaking
// after a URL-ish separator when one is reasonably far along the line, and
// between any two characters otherwise.
func (r *renderer) breakWord(word []item, width, size float64, cur *line, flush func(), add func(item)) {
	for _, it := range word {
		sz := r.itemSize(it.sp, size)
		s := it.text
		for s != "" {
			room := width - cur.w
			cut, cutW := 0, 0.0 // longest prefix that fits
			sep, sepW := 0, 0.0 // longest prefix ending in a separator
			w := 0.0
			for i, c := range s {
				cw := r.m.runeWidth(it.sp.face, c, sz)
				if w+cw > room {
					break
				}
				w += cw
				cut, cutW = i+utf8.RuneLen(c), w
				if strings.ContainsRune("/-_.?&=#:,;", c) {
					sep, sepW = cut, w
				}
			}
			if cut == len(s) {
				add(item{kind: itemBox, text: s, sp: it.sp, w: cutW})
				break
			}
			if sep > 0 && sepW > room*0.6 {
				cut, cutW = sep, sepW
			}
			if cut == 0 {
				if len(cur.pieces) > 0 {
					flush()
					continue
				}
				// Not even one character fits (a very narrow column):
				// place one anyway rather than loop forever.
				_, n := utf8.DecodeRuneInString(s)
				cut, cutW = n, r.m.width(it.sp.face, s[:n], sz)
			}
			add(item{kind: itemBox, text: s[:cut], sp: it.sp, w: cutW})
			s = s[cut:]
			flush()
		}
	}
}

// drawMarkers draws the list markers waiting for their item's first line,
// right-aligned in their box, on the given baseline. There is more than one
// when an item starts with a nested list.
func (r *renderer) drawMarkers(base float64) {
	for _, mk := range r.markers {
		r.setText(colMuted)
		r.setFont(mk.face, mk.size)
		mw := r.m.width(mk.face, mk.text, mk.size)
		r.text(mk.x+mk.w-mw, base, mk.text)
	}
	r.markers = r.markers[:0]
}

// baseline is the baseline offset within a line band of the given leading.
func baseline(leading, size float64) float64 {
	return (leading-(fontAscent+fontDescent)*size)/2 + fontAscent*size
}

// drawLine draws one laid-out line with its left edge at x in the band
// starting at top.
func (r *renderer) drawLine(ln line, x, top float64, st textStyle) {
	base := top + baseline(st.leading, st.size)
	r.drawMarkers(base)
	for _, p := range ln.pieces {
		sz := r.itemSize(p.sp, st.size)
		px := x + p.x
		if p.sp.code {
			r.setFill(colCodeFill)
			r.pdf.Rect(px-1, base-sz*0.82, p.w+2, sz*1.08, "F")
		}
		c := st.color
		if p.sp.color != (rgb{}) {
			c = p.sp.color
		}
		r.setText(c)
		r.setFont(p.sp.face, sz)
		r.text(px, base, p.text)
		if p.sp.isLink() || p.sp.strike {
			r.setDraw(c)
			r.pdf.SetLineWidth(0.5)
			if p.sp.isLink() {
				w := p.w - r.trailingSpace(p, sz)
				r.pdf.Line(px, base+1.6, px+w, base+1.6)
			}
			if p.sp.strike {
				r.pdf.Line(px, base-sz*0.3, px+p.w, base-sz*0.3)
			}
		}
		if p.sp.url != "" {
			r.pdf.LinkString(px, top, p.w, st.leading, p.sp.url)
		} else if p.sp.anchor != 0 {
			r.pdf.Link(px, top, p.w, st.leading, p.sp.anchor)
		}
	}
}

func (r *renderer) trailingSpace(p piece, size float64) float64 {
	if strings.HasSuffix(p.text, " ") {
		return r.m.width(p.sp.face, " ", size)
	}
	return 0
}
