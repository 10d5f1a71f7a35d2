package pdfdoc

import (
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// face is one of the embedded Go fonts. Faces are registered with fpdf only
// when a document uses them, because every registered face costs a TrueType
// parse, a subset and a compressed font stream in the output.
type face uint8

const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceBoldItalic
	faceMono
	numFaces
)

const fontFamily, monoFamily = "go", "gomono"

var faceDefs = [numFaces]struct {
	family, style string
	ttf           []byte
}{
	faceRegular:    {fontFamily, "", goregular.TTF},
	faceBold:       {fontFamily, "B", gobold.TTF},
	faceItalic:     {fontFamily, "I", goitalic.TTF},
	faceBoldItalic: {fontFamily, "BI", gobolditalic.TTF},
	faceMono:       {monoFamily, "", gomono.TTF},
}

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

// replacementRune stands in for any rune the Go fonts cannot draw (emoji,
// CJK, anything above U+FFFF). U+FFFD is in every Go face, it is the
// Unicode convention for "a character was here", and it survives text
// extraction, whereas "?" would be mistaken for punctuation.
const replacementRune = '\uFFFD'

// metrics holds what the layout needs from the fonts, computed once per
// process: which runes every face can draw, and each face's advance widths
// in thousandths of an em, rounded as fpdf rounds them, so the layout
// measures exactly what fpdf writes into the /W arrays (a test checks this
// against fpdf's own measurements).
type fontMetrics struct {
	drawable [0x10000 / 64]uint64
	widths   [numFaces][256]*[256]uint16
}

var (
	metricsOnce sync.Once
	metrics     *fontMetrics
)

func loadMetrics() *fontMetrics {
	metricsOnce.Do(func() {
		m := new(fontMetrics)
		var buf sfnt.Buffer
		fonts := make([]*sfnt.Font, numFaces)
		for i, d := range faceDefs {
			f, err := sfnt.Parse(d.ttf)
			if err != nil {
				panic("pdfdoc: embedded Go font does not parse: " + err.Error())
			}
			fonts[i] = f
		}
		// A rune is drawable when every face maps it, so a style change
		// never turns a drawable character into a missing glyph. Only the
		// regular face is scanned over the whole BMP; the others are asked
		// about the runes it has.
		for r := rune(0x20); r < 0x10000; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			if g, err := fonts[faceRegular].GlyphIndex(&buf, r); err != nil || g == 0 {
				continue
			}
			ok := true
			for i, f := range fonts {
				g, err := f.GlyphIndex(&buf, r)
				if err != nil || g == 0 {
					ok = false
					break
				}
				// fpdf stores each width as round(advance × 1000 /
				// unitsPerEm); asking sfnt for the advance at a size of
				// one em in font units gives the raw advance exactly.
				upem := fixed.I(int(f.UnitsPerEm()))
				adv, err := f.GlyphAdvance(&buf, g, upem, font.HintingNone)
				if err != nil {
					ok = false
					break
				}
				w := math.Round(float64(adv) / 64 * 1000 / float64(f.UnitsPerEm()))
				hi := r >> 8
				if m.widths[i][hi] == nil {
					m.widths[i][hi] = new([256]uint16)
				}
				m.widths[i][hi][r&0xFF] = uint16(w)
			}
			if ok {
				m.drawable[r>>6] |= 1 << (r & 63)
			}
		}
		metrics = m
	})
	return metrics
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

func (m *fontMetrics) canDraw(r rune) bool {
	return r >= 0 && r < 0x10000 && m.drawable[r>>6]&(1<<(r&63)) != 0
}

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
