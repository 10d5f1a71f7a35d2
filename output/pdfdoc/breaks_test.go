package pdfdoc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/templates"
)

// body returns the strings drawn in the text column (not the running
// header or footer), in drawing order.
func body(drawn []drawnText) []drawnText {
	var out []drawnText
	for _, d := range drawn {
		if d.y > headerRule && d.y < float64(papers["a4"].Ht)-footerBase-10 || d.landscape && d.y > headerRule && d.y < papers["a4"].Wd-footerBase-10 {
			out = append(out, d)
		}
	}
	return out
}

// tokenText returns n words of filler tagged with tok, so every line of
// the text carries the tag.
func tokenText(tok string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = tok
		if i%3 == 2 {
			w[i] = "words"
		}
	}
	return strings.Join(w, " ")
}

// pagesOf returns, for each tag, the pages of the lines that carry it and
// how many lines each page holds.
func pagesOf(drawn []drawnText, tags []string) map[string]map[int]int {
	out := map[string]map[int]int{}
	type key struct {
		page int
		y    float64
	}
	seen := map[string]map[key]bool{}
	for _, d := range body(drawn) {
		for _, tag := range tags {
			if strings.Contains(d.s, tag+" ") || strings.HasSuffix(d.s, tag) {
				if out[tag] == nil {
					out[tag], seen[tag] = map[int]int{}, map[key]bool{}
				}
				if k := (key{d.page, d.y}); !seen[tag][k] {
					seen[tag][k] = true
					out[tag][d.page]++
				}
			}
		}
	}
	return out
}

// Short list items stay whole; a long one breaks with at least two lines
// on each page; paragraphs keep two lines on each side of a break; a
// heading, or a line leading into a list, is never the last line of a
// page. Checked on many random
// documents, so breaks fall everywhere.
func TestPageBreakRules(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	for doc := range 40 {
		var md strings.Builder
		md.WriteString("# Title\n\n")
		var itemTags, paraTags, headings []string
		for sec := range 12 {
			h := fmt.Sprintf("Section h%dx%d", doc, sec)
			headings = append(headings, h)
			fmt.Fprintf(&md, "## %s\n\n", h)
			if rng.IntN(2) == 0 {
				tag := fmt.Sprintf("p%dx%d", doc, sec)
				paraTags = append(paraTags, tag)
				fmt.Fprintf(&md, "%s\n\n", tokenText(tag, 10+rng.IntN(120)))
			}
			if rng.IntN(2) == 0 {
				// A lead-in line, which stays with the list as a heading.
				lead := fmt.Sprintf("Lead in l%dx%d:", doc, sec)
				headings = append(headings, lead)
				fmt.Fprintf(&md, "**%s**\n\n", lead)
			}
			for it := range 1 + rng.IntN(6) {
				tag := fmt.Sprintf("i%dx%dx%d", doc, sec, it)
				itemTags = append(itemTags, tag)
				fmt.Fprintf(&md, "- %s\n", tokenText(tag, 5+rng.IntN(90)))
			}
			md.WriteString("\n")
		}
		var drawn []drawnText
		drawn = recordText(t, func() { render(t, md.String(), Options{Title: "Breaks"}) })

		for tag, pages := range pagesOf(drawn, itemTags) {
			lines := 0
			for _, n := range pages {
				lines += n
			}
			if len(pages) > 1 && lines <= shortItem {
				t.Errorf("doc %d: item %s of %d lines is split over pages %v", doc, tag, lines, pages)
			}
			for p, n := range pages {
				if len(pages) > 1 && n < 2 {
					t.Errorf("doc %d: item %s leaves %d line on page %d (%v)", doc, tag, n, p, pages)
				}
			}
		}
		for tag, pages := range pagesOf(drawn, paraTags) {
			for p, n := range pages {
				if len(pages) > 1 && n < 2 {
					t.Errorf("doc %d: paragraph %s leaves %d line on page %d (%v)", doc, tag, n, p, pages)
				}
			}
		}
		checkHeadingsNotLast(t, fmt.Sprintf("doc %d", doc), drawn, headings)
	}
}

// checkHeadingsNotLast fails when a page's last line of text is one of the
// headings.
func checkHeadingsNotLast(t *testing.T, name string, drawn []drawnText, headings []string) {
	t.Helper()
	b := body(drawn)
	for i, d := range b {
		lastOnPage := i == len(b)-1 || b[i+1].page != d.page
		if !lastOnPage || i == len(b)-1 {
			continue
		}
		// The page's last line: all strings drawn on its baseline.
		var line []string
		for j := i; j >= 0 && b[j].page == d.page && b[j].y == d.y; j-- {
			line = append([]string{b[j].s}, line...)
		}
		text := strings.TrimSpace(strings.Join(line, ""))
		for _, h := range headings {
			if text == h || strings.HasSuffix(h, text) && len(text) > 3 {
				t.Errorf("%s: page %d ends with the heading %q", name, d.page, h)
			}
		}
	}
}

// headingTexts returns the text of every heading of a Markdown document.
func headingTexts(md []byte) []string {
	doc := output.Markdown.Parser().Parse(text.NewReader(md))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out = append(out, strings.TrimSpace(string(h.Lines().Value(md))))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// The real documents: no heading ends a page of the CTO posting or of the
// ladder at 5, 120 and 1,000 engineers, on A4 and letter, and page 2 of
// the seed CTO posting starts with the start of a block, not a fragment.
func TestRealDocumentsBreaks(t *testing.T) {
	if testing.Short() {
		t.Skip("renders several ladders")
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lad, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	prof := func(stage string, size int) profile.Profile {
		p, err := profile.Resolve(cat, profile.Input{Stage: stage, Size: fmt.Sprint(size), Archetype: "product"})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	jd, err := generator.JD(cat, prof("seed", 6), "cto")
	if err != nil {
		t.Fatal(err)
	}
	posting, err := templates.Render("jd.md.tmpl", jd)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{"cto": posting}
	for _, c := range []struct {
		stage string
		size  int
	}{{"seed", 5}, {"growth", 120}, {"enterprise", 1000}} {
		lv, err := generator.CareerLadder(lad, prof(c.stage, c.size), "all")
		if err != nil {
			t.Fatal(err)
		}
		if docs[fmt.Sprint("ladder-", c.size)], err = templates.Render("ladder.md.tmpl", lv); err != nil {
			t.Fatal(err)
		}
	}
	for name, md := range docs {
		for _, paper := range []string{"a4", "letter"} {
			drawn := recordText(t, func() {
				if _, err := Render(md, Options{Title: name, Paper: paper}); err != nil {
					t.Fatal(err)
				}
			})
			checkHeadingsNotLast(t, name+"/"+paper, drawn, headingTexts(md))
			if name == "cto" {
				for _, d := range body(drawn) {
					if d.page == 2 {
						if first := strings.TrimSpace(d.s); first == "" || first[0] >= 'a' && first[0] <= 'z' {
							t.Errorf("%s: page 2 starts with a fragment: %q", paper, d.s)
						}
						break
					}
				}
			}
		}
	}
}
