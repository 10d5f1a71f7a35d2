package generator

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/ladders"
)

var (
	ladderStages     = []string{"seed", "early", "growth", "enterprise"}
	ladderArchetypes = []string{"infrastructure", "product", "visionary", "external"}
	ladderSizes      = []int{1, 5, 9, 10, 14, 15, 25, 29, 30, 49, 50, 59, 60, 99, 100, 120, 199, 200, 500, 1000}
)

func levelIDs(vs []LevelView) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}

// TestRungCount checks that size decides which rungs exist: a company of
// 1000 gets strictly more rungs than one of 5, and the count never falls
// as the company grows.
func TestRungCount(t *testing.T) {
	l := builtinLadder(t)
	for _, a := range ladderArchetypes {
		for _, track := range LadderTracks {
			small, err := CareerLadder(l, lprof("seed", 5, a), track)
			if err != nil {
				t.Fatal(err)
			}
			big, err := CareerLadder(l, lprof("enterprise", 1000, a), track)
			if err != nil {
				t.Fatal(err)
			}
			if len(big.Levels) <= len(small.Levels) {
				t.Errorf("%s/%s: %d rungs at 1000, %d at 5; want strictly more at 1000", a, track, len(big.Levels), len(small.Levels))
			}
			if big.Reserved() != 0 {
				t.Errorf("%s/%s: %d reserved rungs at 1000, want none", a, track, big.Reserved())
			}
			prev := 0
			for _, n := range ladderSizes {
				lv, _ := CareerLadder(l, lprof("growth", n, a), track)
				if len(lv.Levels) < prev {
					t.Errorf("%s/%s: %d rungs at %d engineers, fewer than at a smaller size", a, track, len(lv.Levels), n)
				}
				prev = len(lv.Levels)
			}
		}
	}
}

// TestSmallAndLargeShape checks the compressed ladder of a team of 5 and
// the full ladder of a team of 500.
func TestSmallAndLargeShape(t *testing.T) {
	l := builtinLadder(t)
	small, _ := CareerLadder(l, lprof("seed", 5, "product"), "all")
	if !small.Compressed {
		t.Error("a team of 5 should get the compressed ladder")
	}
	if got := levelIDs(small.Levels); !slices.Equal(got, []string{"software-engineer", "senior-engineer", "staff-engineer", "vp-engineering", "cto"}) {
		t.Errorf("ladder at 5 = %v", got)
	}
	hoe, _ := small.Level("vp-engineering")
	if hoe.Title != "Head of Engineering" || !hoe.Reserved || hoe.ReservedReason == "" {
		t.Errorf("at 5 the delivery rung should be a reserved Head of Engineering with a reason: %+v", hoe.Ref())
	}
	cto, _ := small.Level("cto")
	if !slices.ContainsFunc(cto.Notes, func(n string) bool { return strings.Contains(n, "run people and delivery") }) {
		t.Errorf("at 5 the CTO should run people and delivery: %q", cto.Notes)
	}
	big, _ := CareerLadder(l, lprof("enterprise", 500, "external"), "all")
	for _, id := range []string{"director-of-engineering", "vp-engineering", "distinguished-engineer", "principal-engineer"} {
		v, ok := big.Level(id)
		if !ok || v.Reserved {
			t.Errorf("at 500, %s should be on the ladder and filled", id)
		}
	}
	if vp, _ := big.Level("vp-engineering"); vp.Title != "VP of Engineering" {
		t.Errorf("at 500 the delivery rung is titled %q", vp.Title)
	}
	if len(big.Absent) != 2 || big.Absent[0].ID != "fellow" || big.Absent[1].ID != "svp-engineering" || big.Compressed {
		t.Errorf("at 500 only the fellow and SVP rungs should be left out: %v", big.Absent)
	}
}

// TestArchetypeShapesTheTop checks that under every CTO the delivery rung
// is a filled Head of Engineering at 25 engineers, saying what it runs
// under this CTO, and held by the CTO at 14; and that the CTO card follows
// the archetype.
func TestArchetypeShapesTheTop(t *testing.T) {
	l := builtinLadder(t)
	generic := lvl(t, l, "cto").Summary
	for _, tt := range []struct {
		archetype string
		size      int
		filled    bool
	}{{"external", 25, true}, {"visionary", 25, true}, {"infrastructure", 25, true}, {"product", 25, true}, {"product", 14, false}, {"external", 14, false}} {
		lv, _ := CareerLadder(l, lprof("early", tt.size, tt.archetype), "all")
		d, _ := lv.Level("vp-engineering")
		cto, _ := lv.Level("cto")
		if d.Reserved == tt.filled {
			t.Errorf("%s at early/25: delivery rung reserved = %v, want %v", tt.archetype, d.Reserved, !tt.filled)
		}
		holds := slices.ContainsFunc(cto.Notes, func(n string) bool { return strings.Contains(n, "run people and delivery") })
		if holds == tt.filled {
			t.Errorf("%s at early/25: CTO holds delivery = %v, want %v", tt.archetype, holds, !tt.filled)
		}
		if tt.filled && !slices.ContainsFunc(d.Notes, func(n string) bool { return strings.Contains(n, "You run") }) {
			t.Errorf("%s: the delivery rung's card should say what it runs: %q", tt.archetype, d.Notes)
		}
		if cto.Summary == generic && tt.archetype != "product" {
			t.Errorf("%s: the CTO card does not follow the archetype", tt.archetype)
		}
	}
}

// TestDiffersFromBelowEverywhere checks, on every generated ladder, that
// each level expects something different from the level below in every
// dimension and says what changed.
func TestDiffersFromBelowEverywhere(t *testing.T) {
	l := builtinLadder(t)
	for _, st := range ladderStages {
		for _, a := range ladderArchetypes {
			for _, n := range []int{5, 25, 120, 1000} {
				lv, err := CareerLadder(l, lprof(st, n, a), "all")
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range lv.Levels {
					if v.Below == nil {
						if v.ID != "software-engineer" {
							t.Errorf("%s has no level below", v.ID)
						}
						continue
					}
					below := CTOForArchetype(l, lvl(t, l, v.Below.ID), a)
					if len(v.Expectations) != len(l.Dimensions) {
						t.Errorf("%s: %d expectations, want %d", v.ID, len(v.Expectations), len(l.Dimensions))
					}
					// The top rung says what changed per road in; a
					// reserved rung far above the nearest rung shown has
					// no text written against it.
					if len(v.Roads) > 0 {
						for _, r := range v.Roads {
							// A road from a rung nobody holds at this
							// size says nothing about what changes.
							if want := len(l.Dimensions); r.From.Status != "filled" {
								if len(r.Changes) != 0 {
									t.Errorf("%s at %d: road from %s (%s) says what changed", v.ID, n, r.From.ID, r.From.Status)
								}
							} else if len(r.Changes) != want {
								t.Errorf("%s: road from %s says what changed in %d dimensions", v.ID, r.From.ID, len(r.Changes))
							}
						}
					}
					for _, e := range v.Expectations {
						b := below.Expectations[e.Dimension]
						if (e.Change == "" && len(v.Roads) == 0 && !v.Reserved) || e.Expect == b.Expect || e.Short == b.Short {
							t.Errorf("%s/%s/%d %s, %s: does not differ from %s", st, a, n, v.ID, e.Dimension, v.Below.ID)
						}
					}
				}
			}
		}
	}
}

func TestLadderJSONShape(t *testing.T) {
	l := builtinLadder(t)
	lv, _ := CareerLadder(l, lprof("early", 25, "product"), "all")
	data, err := json.Marshal(lv)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Levels []map[string]any `json:"levels"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Levels) == 0 {
		t.Fatal("no levels in JSON")
	}
	for _, v := range doc.Levels {
		for _, k := range []string{"id", "title", "track", "reserved"} {
			if _, ok := v[k]; !ok {
				t.Errorf("level %v lacks %q", v["id"], k)
			}
		}
		if _, ok := v["reserved"].(bool); !ok {
			t.Errorf("level %v: reserved is not true or false", v["id"])
		}
	}
}

func TestCard(t *testing.T) {
	l := builtinLadder(t)
	c, err := Card(l, lprof("growth", 120, "product"), "L3")
	if err != nil {
		t.Fatal(err)
	}
	if c.Card.ID != "staff-engineer" || len(c.Levels) != 1 || c.Gone != nil {
		t.Errorf("Card(L3) = %+v", c.Card.Ref())
	}
	if len(c.Hats) != 2 {
		t.Errorf("staff engineers wear 2 hats, got %d", len(c.Hats))
	}
	c, err = Card(l, lprof("seed", 5, "product"), "principal-engineer")
	if err != nil || c.Gone == nil || c.Gone.Instead == "" {
		t.Errorf("a rung not on the ladder should still get its card, marked as such: %v", err)
	}
	c, _ = Card(l, lprof("seed", 5, "product"), "head-of-engineering")
	if c.Card.Title != "Head of Engineering" || c.Card.BaseTitle != "VP of Engineering" {
		t.Errorf("Card(head-of-engineering) at 5 = %q (%q)", c.Card.Title, c.Card.BaseTitle)
	}
	_, err = Card(l, lprof("seed", 5, "product"), "tech-lead")
	var he *HatError
	if !errors.As(err, &he) || !strings.Contains(err.Error(), "tech-lead is a hat, not a level: it is worn at senior-engineer or staff-engineer") {
		t.Errorf("Card(tech-lead) error = %v", err)
	}
	_, err = Card(l, lprof("seed", 5, "product"), "staf")
	var ue *ladders.UnknownError
	if !errors.As(err, &ue) || ue.Nearest != "staff" {
		t.Errorf("Card(staf) error = %v", err)
	}
}

func TestPromotion(t *testing.T) {
	l := builtinLadder(t)
	g, err := Promotion(l, lprof("growth", 120, "product"), "senior-engineer", "staff-engineer")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Dimensions) != len(l.Dimensions) || len(g.Steps) != 1 || g.Lateral || len(g.Notes) != 0 {
		t.Errorf("senior to staff: %d dimensions, %d steps, lateral %v, notes %q", len(g.Dimensions), len(g.Steps), g.Lateral, g.Notes)
	}
	for _, d := range g.Dimensions {
		if d.Now == d.Next || len(d.Changes) != 1 || d.Changes[0].Text == "" || len(d.Evidence) < 2 {
			t.Errorf("dimension %s: %+v", d.Dimension, d)
		}
	}
	if g.Dimensions[0].Dimension != "design" {
		t.Errorf("growth guides start with the heaviest dimension, got %s", g.Dimensions[0].Dimension)
	}
	if len(g.Signals) < 2 || len(g.Behaviours) < 2 {
		t.Error("a guide lists the signals of the starting level and behaviours of the target")
	}

	// Across tracks, several levels apart, with the target reserved.
	g, err = Promotion(l, lprof("early", 25, "product"), "staff-engineer", "vp-engineering")
	if err != nil {
		t.Fatal(err)
	}
	if !g.Lateral || len(g.Steps) != 3 || len(g.Dimensions[0].Changes) != 3 {
		t.Errorf("staff to VP: lateral %v, %d steps", g.Lateral, len(g.Steps))
	}
	notes := strings.Join(g.Notes, "\n")
	for _, want := range []string{"spans 3 steps", "is lateral", "tech lead hat", "Director of Engineering is reserved"} {
		if !strings.Contains(notes, want) {
			t.Errorf("staff to VP notes lack %q:\n%s", want, notes)
		}
	}
	// The CTO's expectations in a guide follow the archetype.
	g, _ = Promotion(l, lprof("growth", 120, "external"), "vp-engineering", "cto")
	for _, d := range g.Dimensions {
		if d.Dimension == "influence" && !strings.Contains(d.Next, "developer community") {
			t.Errorf("VP to external CTO, influence: %q", d.Next)
		}
	}
	if _, err := Promotion(l, lprof("growth", 120, "product"), "staff-engineer", "senior-engineer"); err == nil {
		t.Error("staff to senior should fail")
	}
}

func TestGrowth(t *testing.T) {
	l := builtinLadder(t)
	p := lprof("early", 25, "product")
	p.Stage.TypicalMax = 40
	g, err := Growth(l, p, "all", 120)
	if err != nil {
		t.Fatal(err)
	}
	changes := func(cs []GrowthChange) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Level+"@"+itoa(c.At))
		}
		return out
	}
	if got, want := changes(g.Appear), []string{"principal-engineer@30", "principal-engineer@50", "director-of-engineering@60"}; !slices.Equal(got, want) {
		t.Errorf("appear = %v, want %v", got, want)
	}
	if got, want := changes(g.Titles), []string{"vp-engineering@60"}; !slices.Equal(got, want) || g.Titles[0].Before != "Head of Engineering" || g.Titles[0].After != "VP of Engineering" {
		t.Errorf("titles = %v, want %v (Head of Engineering to VP of Engineering)", got, want)
	}
	for _, want := range []string{"engineering-manager@60", "staff-engineer@50", "cto@60"} {
		if !slices.Contains(changes(g.Meanings), want) {
			t.Errorf("meanings %v lack %s", changes(g.Meanings), want)
		}
	}
	if len(g.Notes) != 1 || !strings.Contains(g.Notes[0], "later stage") || strings.Contains(g.Notes[0], "--") {
		t.Errorf("growing past the stage's typical size should say so: %q", g.Notes)
	}
	if len(g.Levels) != 8 {
		t.Errorf("the ladder at 120 has %d rungs, want 8", len(g.Levels))
	}
	if _, err := Growth(l, p, "all", 25); err == nil {
		t.Error("growing to the same size should fail")
	}
	// An external CTO's delivery rung opens earlier, so it is not among
	// the rungs that appear between 25 and 120.
	g, _ = Growth(l, lprof("early", 25, "external"), "all", 120)
	if slices.Contains(changes(g.Appear), "vp-engineering@60") {
		t.Errorf("external: %v", changes(g.Appear))
	}
}

func itoa(n int) string { return tr.Number(n) }

// TestREADMEThresholds keeps the README's size thresholds table in step
// with the ladder data.
func TestREADMEThresholds(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Skip("README.md not found")
	}
	const start, end = "<!-- ladder-thresholds -->\n", "<!-- /ladder-thresholds -->"
	readme := string(data)
	i, j := strings.Index(readme, start), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q ... %q block", strings.TrimSpace(start), end)
	}
	want := LadderThresholds(builtinLadder(t))
	if got := strings.TrimSpace(readme[i+len(start) : j]); got != strings.TrimSpace(want) {
		t.Errorf("README.md's ladder thresholds are out of date; replace the block with:\n%s", want)
	}
}

// TestLadderMatchesCatalog keeps the ladder data in step with the catalog:
// the same stages and archetypes (with the same titles and focus), level
// ids that are catalog roles where the catalog has the role, and the
// delivery rung filled from the headcount where the catalog stops merging
// the CTO and VP Engineering roles.
func TestLadderMatchesCatalog(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l := builtinLadder(t)
	if got, want := l.StageIDs(), cat.StageIDs(); !slices.Equal(got, want) {
		t.Errorf("ladder stages %v, catalog stages %v", got, want)
	}
	if got, want := l.ArchetypeIDs(), cat.ArchetypeIDs(); !slices.Equal(got, want) {
		t.Errorf("ladder archetypes %v, catalog archetypes %v", got, want)
	}
	for _, a := range l.Archetypes {
		ca, err := cat.Archetype(a.ID)
		if err != nil {
			continue
		}
		if a.Title != ca.Title || a.Focus != strings.TrimSuffix(ca.Focus, ".") {
			t.Errorf("archetype %s: ladder says %q / %q, catalog %q / %q", a.ID, a.Title, a.Focus, ca.Title, ca.Focus)
		}
		if f := a.DeliveryRung.FillFrom; f != mergeThreshold(cat) {
			t.Errorf("archetype %s: delivery rung filled from %d, but the catalog merges CTO and VP Engineering below %d", a.ID, f, mergeThreshold(cat))
		}
	}
	// Rungs added with size have no job description of their own; every
	// other level is a catalog role, with the catalog's title.
	ladderOnly := []string{"senior-staff-engineer", "distinguished-engineer", "fellow", "senior-engineering-manager",
		"senior-director-of-engineering", "svp-engineering"}
	for _, v := range l.Levels {
		if slices.Contains(ladderOnly, v.ID) {
			continue
		}
		if r, err := cat.Role(v.ID); err != nil || r.ID != v.ID {
			t.Errorf("level %s is not a catalog role id: %v", v.ID, err)
		}
		for _, st := range v.Titles {
			if _, err := cat.Role(st.ID); err != nil {
				t.Errorf("sized title %s of %s is not a catalog role: %v", st.ID, v.ID, err)
			}
		}
	}
	for _, h := range l.Hats {
		if _, err := cat.Role(h.ID); err != nil && h.ID == "tech-lead" {
			t.Errorf("hat %s should match the catalog's role: %v", h.ID, err)
		}
	}
}
