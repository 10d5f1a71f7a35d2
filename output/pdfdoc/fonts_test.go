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
	for f, d := range faceDefs {
		pdf.AddUTF8FontFromBytes(d.family, d.style, d.ttf)
		pdf.SetFont(d.family, d.style, 10)
		n := 0
		for r := rune(0x20); r < 0x10000; r++ {
			if !m.canDraw(r) {
				continue
			}
			n++
			want := float64(pdf.GetStringSymbolWidth(string(r)))
			if got := m.runeWidth(face(f), r, 1000); got != want {
				t.Fatalf("%s%s %U: width %v, fpdf says %v", d.family, d.style, r, got, want)
			}
		}
		if n < 600 {
			t.Fatalf("only %d drawable runes", n)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
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
		"heart \u2764\ufe0f":    "heart \uFFFD",
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
