package pdfdoc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/templates"
)

// frenchDocs renders the French CTO posting of a company with pay, and
// French ladders, as rungs --lang fr writes them: the catalog, the ladder
// and the templates in French, the company's language French.
func frenchDocs(t *testing.T, ladderSizes map[string]int) map[string][]byte {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if cat, _, err = cat.In("fr"); err != nil {
		t.Fatal(err)
	}
	lad, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if lad, _, err = lad.In("fr"); err != nil {
		t.Fatal(err)
	}
	set, err := templates.BuiltinIn("fr")
	if err != nil {
		t.Fatal(err)
	}
	company, err := profile.ParseCompany("company.yaml", []byte(`name: Crème Brûlée Labs
language: fr
locations: [{city: Lyon, country: France}]
work_model: hybrid
compensation:
  cto: {min: 150000, max: 180000, currency: EUR, period: year, equity: "1 % à 1,5 %"}
benefits: ["Un budget formation de 2 000 € par an", "Des tickets restaurant et un « cœur de métier » fêté chaque année"]
apply: {url: "https://creme-brulee-labs.example/careers"}
date: 2026-11-23
`))
	if err != nil {
		t.Fatal(err)
	}
	prof := func(stage string, size int) profile.Profile {
		p, err := profile.Resolve(cat, profile.Input{Stage: stage, Size: fmt.Sprint(size), Archetype: "product", Company: company})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	jd, err := generator.JD(cat, prof("early", 18), "cto")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{}
	if docs["cto"], err = set.Render("jd.md.tmpl", jd); err != nil {
		t.Fatal(err)
	}
	for stage, size := range ladderSizes {
		lv, err := generator.CareerLadder(lad, prof(stage, size), "all")
		if err != nil {
			t.Fatal(err)
		}
		if docs[fmt.Sprint("ladder-", size)], err = set.Render("ladder.md.tmpl", lv); err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

// French documents lay out as English ones do, with their longer words:
// a ladder's overview (Vue d'ensemble) starts on page one in landscape at
// every size and on both papers, no heading ends a page, no text crosses
// the margins, every page has its French footer, and the accents, « »,
// œ and € of the posting print and extract.
func TestFrenchDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("renders several ladders")
	}
	docs := frenchDocs(t, map[string]int{"seed": 5, "growth": 120, "enterprise": 1000})
	for name, md := range docs {
		for _, paper := range []string{"a4", "letter"} {
			var pdf []byte
			drawn := recordText(t, func() {
				var err error
				if pdf, err = Render(md, Options{Title: name, Paper: paper, Language: "fr"}); err != nil {
					t.Fatal(err)
				}
			})
			id := name + "/" + paper
			checkMargins(t, paper, drawn)
			checkHeadingsNotLast(t, id, drawn, headingTexts(md))
			in := inspect(t, pdf)
			for i, p := range in.pages {
				if want := fmt.Sprintf("Page %d sur %d", i+1, in.ctx.PageCount); !strings.Contains(p, want) {
					t.Errorf("%s: page %d lacks the footer %q", id, i+1, want)
				}
			}
			if name == "cto" {
				text := strings.ReplaceAll(in.text(), "\n", "")
				for _, want := range []string{"de 150\u00a0000 à 180\u00a0000", "€ bruts par an", "«\u00a0", "\u00a0»", "cœur", "Égalité des chances", "Crème Brûlée Labs"} {
					if !strings.Contains(text, want) {
						t.Errorf("%s: text %q not found", id, want)
					}
				}
				continue
			}
			page := map[string]int{}
			for _, d := range drawn {
				if _, seen := page[d.s]; !seen {
					page[d.s] = d.page
				}
				if d.s == "Vue d'ensemble" && !d.landscape {
					t.Errorf("%s: the overview is not on a landscape page", id)
				}
			}
			for _, s := range []string{"Vue d'ensemble", "Niveau", "Portée", "Software Engineer"} {
				if page[s] != 1 {
					t.Errorf("%s: %q first drawn on page %d, want page 1", id, s, page[s])
				}
			}
		}
	}
}
