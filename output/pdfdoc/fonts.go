package pdfdoc

import (
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// face is a style of text as the layout sees it: regular, bold, italic,
// bold italic or code. Each face is drawn with a primary font and, for the
// characters that font lacks, a fallback font of the same style (see
// fontDefs).
type face uint8

const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceBoldItalic
	faceMono
	numFaces
)

// A physical font: the primary font of a face is numbered as the face, its
// fallback numFaces further on.
type physFont uint8

const numFonts = physFont(2 * numFaces)

func primaryOf(f face) physFont  { return physFont(f) }
func fallbackOf(f face) physFont { return physFont(f + numFaces) }

// The fonts. Text is set in Liberation Sans, a face drawn for documents
// (metric-compatible with Arial): a real hyphen, en and em dashes, a middle
// dot at the x-height, true italics, and Latin, Greek and Cyrillic. Its
// figures are the lining, equal-width ones of Arial, which line up in
// tables of pay and headcounts. Where it lacks a glyph (arrows, check
// marks, box drawing, Armenian, Georgian...), DejaVu Sans, of the widest
// coverage among open families, draws that run of text in the same style.
// Code is set in Go Mono, with DejaVu Sans Mono behind it. Fonts are
// registered with fpdf only when a document uses them, because every
// registered font costs a TrueType parse, a subset and a compressed font
// stream in the output.
var fontDefs = [numFonts]struct {
	family, style string
	ttf           []byte
}{
	faceRegular:               {"sans", "", liberationsansregular.TTF},
	faceBold:                  {"sans", "B", liberationsansbold.TTF},
	faceItalic:                {"sans", "I", liberationsansitalic.TTF},
	faceBoldItalic:            {"sans", "BI", liberationsansbolditalic.TTF},
	faceMono:                  {"mono", "", gomono.TTF},
	numFaces + faceRegular:    {"sansx", "", dejavusans.TTF},
	numFaces + faceBold:       {"sansx", "B", dejavusansbold.TTF},
	numFaces + faceItalic:     {"sansx", "I", dejavusansoblique.TTF},
	numFaces + faceBoldItalic: {"sansx", "BI", dejavusansboldoblique.TTF},
	numFaces + faceMono:       {"monox", "", dejavusansmono.TTF},
}

// Vertical metrics of Liberation Sans (hhea ascender 1854, descender 434,
// 2048 units to the em), used to centre a line of text in its band.
const fontAscent, fontDescent = 1854.0 / 2048, 434.0 / 2048

// withBold and withItalic move between the four proportional faces; the
// monospaced face has no variants here (code inside bold text stays regular
// mono, which reads fine and saves embedding three more fonts).
func (f face) withBold() face {
	switch f {
	case faceRegular:
		return faceBold
	case faceItalic:
		return faceBoldItalic
	}
	return f
}

func (f face) withItalic() face {
	switch f {
	case faceRegular:
		return faceItalic
	case faceBold:
		return faceBoldItalic
	}
	return f
}

// replacementRune stands in for any rune no embedded font can draw (emoji,
// CJK, anything above U+FFFF). U+FFFD is in every face, it is the Unicode
// convention for "a character was here", and it survives text extraction,
// whereas "?" would be mistaken for punctuation.
const replacementRune = '\uFFFD'

type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune)      { s[r>>6] |= 1 << (r & 63) }
func (s *runeSet) has(r rune) bool { return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0 }

// metrics holds what the layout needs from the fonts, computed once per
// process: which runes every face can draw, which of them its primary font
// draws, and each face's advance widths in thousandths of an em (from the
// font that draws the rune), rounded as fpdf rounds them, so the layout
// measures exactly what fpdf writes into the /W arrays (a test checks this
// against fpdf's own measurements).
type fontMetrics struct {
	drawable runeSet
	primary  [numFaces]runeSet
	widths   [numFaces][256]*[256]uint16
}

var (
	metricsOnce sync.Once
	metrics     *fontMetrics
)

// unshaped are the scripts no font here can set right, whatever glyphs it
// has: they run right to left and join their letters, and fpdf has neither
// bidirectional ordering nor shaping. DejaVu Sans has Arabic and Hebrew
// glyphs, but drawn one by one, left to right, they would be unreadable;
// they are reported as undrawable instead.
var unshaped = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic}

func loadMetrics() *fontMetrics {
	metricsOnce.Do(func() {
		m := new(fontMetrics)
		var buf sfnt.Buffer
		fonts := make([]*sfnt.Font, numFonts)
		for i, d := range fontDefs {
			f, err := sfnt.Parse(d.ttf)
			if err != nil {
				panic("pdfdoc: embedded font does not parse: " + err.Error())
			}
			fonts[i] = f
		}
		// advance returns the width of r in the font, in thousandths of an
		// em as fpdf rounds it, and whether the font has a glyph for it.
		advance := func(p physFont, r rune) (uint16, bool) {
			f := fonts[p]
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				return 0, false
			}
			// fpdf stores each width as round(advance × 1000 /
			// unitsPerEm); asking sfnt for the advance at a size of one
			// em in font units gives the raw advance exactly.
			upem := fixed.I(int(f.UnitsPerEm()))
			adv, err := f.GlyphAdvance(&buf, g, upem, font.HintingNone)
			if err != nil {
				return 0, false
			}
			return uint16(math.Round(float64(adv) / 64 * 1000 / float64(f.UnitsPerEm()))), true
		}
		// A rune is drawable when every face draws it, with its primary
		// font or its fallback, so a style change never turns a drawable
		// character into a missing glyph.
		for r := rune(0x20); r < 0x10000; r++ {
			if r >= 0xD800 && r <= 0xDFFF || unicode.In(r, unshaped...) {
				continue
			}
			var w [numFaces]uint16
			var prim [numFaces]bool
			ok := true
			for f := range numFaces {
				if a, has := advance(primaryOf(f), r); has {
					w[f], prim[f] = a, true
				} else if a, has := advance(fallbackOf(f), r); has {
					w[f] = a
				} else {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			m.drawable.add(r)
			for f := range numFaces {
				if prim[f] {
					m.primary[f].add(r)
				}
				hi := r >> 8
				if m.widths[f][hi] == nil {
					m.widths[f][hi] = new([256]uint16)
				}
				m.widths[f][hi][r&0xFF] = w[f]
			}
		}
		metrics = m
	})
	return metrics
}

// split returns the length in bytes of the longest prefix of s (sanitised
// text) that one font of face f draws, and that font.
func (m *fontMetrics) split(f face, s string) (int, physFont) {
	first := true
	fb := false
	for i, r := range s {
		p := !m.primary[f].has(r) && m.drawable.has(r)
		// A space is in every font: it stays with the run it is in.
		if r == ' ' {
			p = fb
		}
		if first {
			fb, first = p, false
			continue
		}
		if p != fb {
			if fb {
				return i, fallbackOf(f)
			}
			return i, primaryOf(f)
		}
	}
	if fb {
		return len(s), fallbackOf(f)
	}
	return len(s), primaryOf(f)
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

func (m *fontMetrics) canDraw(r rune) bool { return m.drawable.has(r) }

// width returns the advance width of s in points at the given size.
func (m *fontMetrics) width(f face, s string, size float64) float64 {
	t := &m.widths[f]
	units := 0
	for _, r := range s {
		if p := t[(r>>8)&0xFF]; p != nil && r < 0x10000 {
			units += int(p[r&0xFF])
		}
	}
	return float64(units) * size / 1000
}

func (m *fontMetrics) runeWidth(f face, r rune, size float64) float64 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	if p := m.widths[f][r>>8]; p != nil {
		return float64(p[r&0xFF]) * size / 1000
	}
	return 0
}

// sanitize returns s with every rune the fonts cannot draw replaced, so fpdf
// never sees a rune it would index out of its width table (runes above
// U+FFFF panic inside fpdf) or draw as an empty .notdef box. Invisible format
// characters (zero-width spaces and joiners, bidi marks, variation selectors,
// soft hyphens, BOMs) are dropped rather than replaced: they carry no glyph
// of their own, and a replacement mark for each one would clutter the text.
// Tabs and other white space become plain spaces; other control characters
// are dropped.
func (m *fontMetrics) sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == utf8.RuneError || !m.canDraw(r) || r == 0xAD {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	out := make([]rune, 0, len(s))
	// After a replacement rune, the joiners, skin-tone modifiers and
	// variation selectors that follow belong to the same emoji and are
	// absorbed, so "👩‍💻" or "🇫🇷" becomes one replacement rune, not two.
	replaced, joined, pendingFlag := false, false, false
	for _, r := range s {
		if replaced {
			switch {
			case r == 0x200D:
				joined = true
				continue
			case r >= 0x1F3FB && r <= 0x1F3FF, unicode.Is(unicode.Variation_Selector, r):
				continue
			case joined && !m.canDraw(r):
				joined = false
				continue
			case pendingFlag && isRegionalIndicator(r):
				pendingFlag = false
				continue
			}
		}
		joined, pendingFlag = false, false
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			out = append(out, ' ')
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			// C0 and C1 controls: nothing to draw.
		case r == 0xAD || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
			// Invisible formatting characters.
		case r == utf8.RuneError || (!m.canDraw(r) && !unicode.IsSpace(r)):
			out = append(out, replacementRune)
			replaced = true
			pendingFlag = isRegionalIndicator(r)
			continue
		case m.canDraw(r):
			out = append(out, r)
		default:
			out = append(out, ' ')
		}
		replaced = false
	}
	return string(out)
}

// metaString prepares a string for the PDF's metadata and outline, which fpdf
// converts to UTF-16 byte by byte: it must be valid UTF-8 (fpdf panics on a
// truncated sequence) within the Basic Multilingual Plane (fpdf has no
// surrogate pairs). No font is involved, so every BMP rune is kept.
func metaString(s string) string {
	ok := true
	for _, r := range s {
		if r == utf8.RuneError || r > 0xFFFF || r < 0x20 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			out = append(out, ' ')
		case r < 0x20:
		case r > 0xFFFF:
			out = append(out, replacementRune)
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// Undrawable returns the distinct characters of s, in order of first
// appearance, that a PDF shows as the replacement character U+FFFD
// because no embedded font covers them (CJK, Arabic, Hebrew, emoji...).
// Characters the renderer drops or turns into spaces (controls, invisible
// format characters) are not listed.
func Undrawable(s string) []rune {
	m := loadMetrics()
	var out []rune
	for _, r := range s {
		switch {
		case r < 0x20 || (r >= 0x7F && r < 0xA0), r == 0xAD, unicode.Is(unicode.Cf, r),
			unicode.Is(unicode.Variation_Selector, r), r >= 0x1F3FB && r <= 0x1F3FF:
			continue
		case r == utf8.RuneError || (!m.canDraw(r) && !unicode.IsSpace(r)):
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}
