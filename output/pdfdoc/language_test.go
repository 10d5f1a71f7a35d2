package pdfdoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// The document's language goes into the catalog's /Lang and the XMP
// dc:language as given, and the words the renderer writes itself (the
// page footer) follow it: French for fr and its regions, English for
// English, no language, or a language Rungs does not write.
func TestLanguage(t *testing.T) {
	md := "# Grille de carrière\n\n" + strings.Repeat("Un paragraphe assez long pour remplir la page, écrit en français.\n\n", 90)
	for _, c := range []struct{ lang, tag, footer string }{
		{"", "en", "Page %d of %d"},
		{"en", "en", "Page %d of %d"},
		{"fr", "fr", "Page %d sur %d"},
		{"fr-CA", "fr-CA", "Page %d sur %d"},
		{"de", "de", "Page %d of %d"},
	} {
		pdf := render(t, md, Options{Title: "Grille", Language: c.lang})
		if !bytes.Contains(pdf, []byte("/Lang ("+c.tag+")")) {
			t.Errorf("%q: no /Lang (%s) in the catalog", c.lang, c.tag)
		}
		if got := one(readXMP(t, pdf).Description.Language); got != c.tag {
			t.Errorf("%q: XMP dc:language %q, want %q", c.lang, got, c.tag)
		}
		in := inspect(t, pdf)
		if in.ctx.PageCount < 2 {
			t.Fatalf("%q: %d page, want several to check the footer's total", c.lang, in.ctx.PageCount)
		}
		for i, p := range in.pages {
			if want := fmt.Sprintf(c.footer, i+1, in.ctx.PageCount); !strings.Contains(p, want) {
				t.Errorf("%q: page %d has no footer %q", c.lang, i+1, want)
			}
		}
	}
}

// French text keeps its no-break spaces (U+00A0, as templates.Typography
// writes them, and U+202F, CLDR's narrow one): a line never breaks inside
// « 80 000 € », before a colon or after an opening guillemet, in body
// text, in a list, or in a narrow table cell.
func TestNoBreakSpaces(t *testing.T) {
	const nb, nnb = "\u00a0", "\u202f"
	groups := []string{
		"de" + nb + "80" + nb + "000" + nb + "€",
		"«" + nb + "Salaire" + nb + "fixe" + nb + "»",
		"Lieu" + nb + ":",
		"1" + nnb + "500" + nnb + "ingénieurs",
	}
	var para strings.Builder
	for i := range 60 {
		para.WriteString(groups[i%len(groups)])
		para.WriteString(strings.Repeat(" mot", i%7+1))
		para.WriteByte(' ')
	}
	p := para.String()
	md := "# Rémunération\n\n" + p + "\n\n- " + p + "\n\n| Niveau | Salaire | Périmètre | Portée | Poids | Notes |\n|---|---|---|---|---|---|\n" +
		"| L1 | " + p[:400] + " | x | x | x | x |\n"
	drawn := recordText(t, func() { render(t, md, Options{Language: "fr"}) })
	type key struct {
		page int
		y    float64
	}
	lines := map[key]string{}
	var order []key
	for _, d := range body(drawn) {
		k := key{d.page, d.y}
		if _, ok := lines[k]; !ok {
			order = append(order, k)
		}
		lines[k] += d.s
	}
	found := 0
	for _, k := range order {
		l := lines[k]
		for _, g := range groups {
			found += strings.Count(l, g)
		}
		for _, r := range []string{nb, nnb} {
			if strings.HasPrefix(l, r) || strings.HasSuffix(l, r) {
				t.Errorf("a line starts or ends at a no-break space: %q", l)
			}
		}
		for _, part := range []string{"€", "»", ":", "000", "500"} {
			if strings.HasPrefix(strings.TrimSpace(l), part) {
				t.Errorf("a line starts with %q, cut from what a no-break space holds before it: %q", part, l)
			}
		}
	}
	want := 0
	for _, g := range groups {
		want += strings.Count(md, g)
	}
	if found != want {
		t.Errorf("%d of the %d no-break groups are whole on one line", found, want)
	}
}
