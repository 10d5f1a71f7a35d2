package pdfdoc

import (
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// The layout measures text with its own width tables; they must agree with
// the widths fpdf writes into the PDF, or text would overrun its boxes.
func TestWidthsMatchFpdf(t *testing.T) {
	m := loadMetrics()
	pdf := fpdf.New("P", "pt", "A4", "")
	for f := range numFaces {
		n, fallback := 0, 0
		for _, p := range []physFont{primaryOf(f), fallbackOf(f)} {
			d := fontDefs[p]
			pdf.AddUTF8FontFromBytes(d.family, d.style, d.ttf)
			pdf.SetFont(d.family, d.style, 10)
			for r := rune(0x20); r < 0x10000; r++ {
				if !m.canDraw(r) {
					continue
				}
				// Each rune is measured in the font that draws it.
				if _, drawnBy := m.split(f, string(r)); drawnBy != p {
					continue
				}
				n++
				if p != primaryOf(f) {
					fallback++
				}
				want := float64(pdf.GetStringSymbolWidth(string(r)))
				if got := m.runeWidth(f, r, 1000); got != want {
					t.Fatalf("%s%s %U: width %v, fpdf says %v", d.family, d.style, r, got, want)
				}
			}
		}
		if n < 2000 || fallback == 0 {
			t.Fatalf("face %d: only %d drawable runes, %d from the fallback", f, n, fallback)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

// Every character a document is likely to hold is drawn by the primary
// font of each face, so the fallback only serves rare symbols and scripts.
func TestPrimaryCoverage(t *testing.T) {
	m := loadMetrics()
	const text = "‐-–—·•◦▪’“”…€£¥%0123456789 ÀÉÎÕÜçñøßœ ΑΒΓαβγ АБВабвЁёЇї"
	for f := range numFaces - 1 { // Go Mono has no ◦ or ▪; code never holds markers
		for _, r := range text {
			if !m.primary[f].has(r) {
				t.Errorf("face %d: %q (%U) is not in the primary font", f, r, r)
			}
		}
	}
	// U+2713 CHECK MARK and Armenian are only in the fallback.
	for _, s := range []string{"✓", "Հայաստան"} {
		if n, p := m.split(faceRegular, s); n != len(s) || p != fallbackOf(faceRegular) {
			t.Errorf("split(%q) = %d, %d; want the whole string in the fallback", s, n, p)
		}
	}
	const mixed = "Tick ✓ done"
	if n, p := m.split(faceRegular, mixed); mixed[:n] != "Tick " || p != primaryOf(faceRegular) {
		t.Errorf("split: first run %q in font %d; want \"Tick \" in the primary", mixed[:n], p)
	}
}

func TestSanitize(t *testing.T) {
	m := loadMetrics()
	for in, want := range map[string]string{
		"plain ASCII":           "plain ASCII",
		"é ç ü ’ — € …":         "é ç ü ’ — € …",
		"emoji 😀!":              "emoji \uFFFD!",
		"中文":                    "\uFFFD\uFFFD",
		"tab\tand\nnewline":     "tab and newline",
		"zero\u200bwidth\u00ad": "zerowidth",
		"bad \xff byte":         "bad \uFFFD byte",
		"heart \u2764\ufe0f":    "heart \u2764", // from the fallback font
		"tick ✓ ☐":              "tick ✓ ☐",
		"bell\a":                "bell",
	} {
		if got := m.sanitize(in); got != want {
			t.Errorf("sanitize(%q) = %q, want %q", in, got, want)
		}
	}
	if !m.canDraw(replacementRune) {
		t.Fatal("the replacement rune must be drawable")
	}
}

// Latin, Greek and Cyrillic names render in every face; other scripts
// are reported, so a command can warn before the PDF shows U+FFFD.
func TestUndrawableScripts(t *testing.T) {
	for _, s := range []string{
		"Société Générale, Łódź, Øresund, İstanbul, Straße",
		"Ελληνική Εταιρεία Ανώνυμη — Αθήνα",
		"Рога и Копыта, Київ, Београд, Ёлки",
		"Հայաստան, საქართველო ✓ → №", // from the fallback font
		"tab\tnew\nline\u00adsoft\u200bzero-width",
	} {
		if rs := Undrawable(s); len(rs) != 0 {
			t.Errorf("Undrawable(%q) = %q, want none", s, string(rs))
		}
		pdf, err := Render([]byte("# "+s+"\n\n**"+s+"** _"+s+"_ `"+s+"`\n"), Options{Title: s})
		if err != nil {
			t.Fatal(err)
		}
		if got := inspect(t, pdf).text(); strings.Contains(got, "\uFFFD") {
			t.Errorf("%q: the PDF shows U+FFFD: %q", s, got)
		}
	}
	for s, want := range map[string]string{
		"株式会社":      "株式会社",
		"شركة":      "شركة",
		"חברה חברה": "חברה",
		"Acme 😀":    "😀",
	} {
		if got := string(Undrawable(s)); got != want {
			t.Errorf("Undrawable(%q) = %q, want %q", s, got, want)
		}
	}
}
