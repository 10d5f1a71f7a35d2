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

// TestLadderOverviewOnPageOne checks that a ladder's overview table starts
// on page one, under the title, at every size and on both papers, and that
// the weights between the overview and the weights by level do not get a
// portrait page of their own.
func TestLadderOverviewOnPageOne(t *testing.T) {
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
	for _, c := range []struct {
		stage string
		size  int
		paper string
	}{{"seed", 5, "a4"}, {"early", 25, "letter"}, {"growth", 120, "a4"}, {"growth", 250, "letter"}, {"enterprise", 1000, "a4"}, {"enterprise", 1000, "letter"}, {"enterprise", 3000, "a4"}} {
		name := fmt.Sprintf("%s-%d-%s", c.stage, c.size, c.paper)
		p, err := profile.Resolve(cat, profile.Input{Stage: c.stage, Size: fmt.Sprint(c.size), Archetype: "external", Company: &profile.Company{Name: "Acme Robotics"}})
		if err != nil {
			t.Fatal(err)
		}
		lv, err := generator.CareerLadder(lad, p, "all")
		if err != nil {
			t.Fatal(err)
		}
		md, err := templates.Render("ladder.md.tmpl", lv)
		if err != nil {
			t.Fatal(err)
		}
		drawn := recordText(t, func() {
			if _, err := Render(md, Options{Title: "Ladder", Paper: c.paper}); err != nil {
				t.Fatal(err)
			}
		})
		page := map[string]int{}
		portrait := map[int]bool{}
		for _, d := range drawn {
			if _, seen := page[d.s]; !seen {
				page[d.s] = d.page
			}
			if !d.landscape {
				portrait[d.page] = true
			}
		}
		for _, s := range []string{"Overview", "Level", "Span", "Software Engineer"} {
			if page[s] != 1 {
				t.Errorf("%s: %q first drawn on page %d, want page 1", name, s, page[s])
			}
		}
		// The weights between the overview and the weights by level stay
		// on the landscape pages: no portrait page holds only them.
		for _, d := range drawn {
			if strings.HasPrefix(d.s, "Weights") && !d.landscape {
				t.Errorf("%s: %q drawn on a portrait page %d", name, d.s, d.page)
			}
		}
	}
}
