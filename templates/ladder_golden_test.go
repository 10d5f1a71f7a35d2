package templates_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/golden"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/templates"
)

// ladderSizes are the golden ladder sizes, each at the stage it is most
// typical of.
var ladderSizes = []struct {
	size  int
	stage string
}{{5, "seed"}, {25, "early"}, {120, "growth"}, {1000, "enterprise"}}

func ladderData(t testing.TB) (*catalog.Catalog, *ladders.Ladder) {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lad, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return cat, lad
}

func ladderProfile(t testing.TB, cat *catalog.Catalog, stage string, size int, archetype string) profile.Profile {
	t.Helper()
	p, err := profile.Resolve(cat, profile.Input{Stage: stage, Size: fmt.Sprint(size), Archetype: archetype})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func render(t testing.TB, name string, v any) []byte {
	t.Helper()
	md, err := templates.Render(name, v)
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// TestGoldenLadders checks the full ladder at sizes 5, 25, 120 and 1000 for
// every archetype, plus promotion guides, level cards and growth plans.
func TestGoldenLadders(t *testing.T) {
	cat, lad := ladderData(t)
	for _, s := range ladderSizes {
		for _, a := range cat.ArchetypeIDs() {
			name := fmt.Sprintf("ladder-%d-%s", s.size, a)
			t.Run(name, func(t *testing.T) {
				gen := func() []byte {
					lv, err := generator.CareerLadder(lad, ladderProfile(t, cat, s.stage, s.size, a), "all")
					if err != nil {
						t.Fatal(err)
					}
					return render(t, "ladder.md.tmpl", lv)
				}
				md := gen()
				golden.Check(t, filepath.Join("testdata", "golden", "ladder", name+".md"), md)
				checkLadderShape(t, name, string(md))
				checkNoToolInstructions(t, name, string(md))
				if !bytes.Equal(md, gen()) {
					t.Error("two runs differ")
				}
			})
		}
	}
	others := []struct {
		name  string
		build func(p profile.Profile) (string, any, error)
		stage string
		size  int
		arch  string
	}{
		{"promotion-senior-to-staff-120", func(p profile.Profile) (string, any, error) {
			g, err := generator.Promotion(lad, p, "senior-engineer", "staff-engineer")
			return "ladder-promotion.md.tmpl", g, err
		}, "growth", 120, "product"},
		{"promotion-staff-to-vp-25", func(p profile.Profile) (string, any, error) {
			g, err := generator.Promotion(lad, p, "staff-engineer", "vp-engineering")
			return "ladder-promotion.md.tmpl", g, err
		}, "early", 25, "external"},
		{"promotion-svp-to-cto-1000", func(p profile.Profile) (string, any, error) {
			g, err := generator.Promotion(lad, p, "svp-engineering", "cto")
			return "ladder-promotion.md.tmpl", g, err
		}, "enterprise", 1000, "visionary"},
		// The two roads to CTO, at the same company, each from the top of
		// its track: the guides differ in what they ask.
		{"promotion-distinguished-to-cto-1000", func(p profile.Profile) (string, any, error) {
			g, err := generator.Promotion(lad, p, "distinguished-engineer", "cto")
			return "ladder-promotion.md.tmpl", g, err
		}, "enterprise", 1000, "visionary"},
		{"promotion-em-to-director-120", func(p profile.Profile) (string, any, error) {
			g, err := generator.Promotion(lad, p, "engineering-manager", "director-of-engineering")
			return "ladder-promotion.md.tmpl", g, err
		}, "growth", 120, "product"},
		{"promotion-staff-to-principal-1000", func(p profile.Profile) (string, any, error) {
			g, err := generator.Promotion(lad, p, "staff-engineer", "principal-engineer")
			return "ladder-promotion.md.tmpl", g, err
		}, "enterprise", 1000, "infrastructure"},
		{"level-cto-1000", func(p profile.Profile) (string, any, error) {
			c, err := generator.Card(lad, p, "cto")
			return "ladder-level.md.tmpl", c, err
		}, "enterprise", 1000, "product"},
		{"level-staff-120", func(p profile.Profile) (string, any, error) {
			c, err := generator.Card(lad, p, "staff-engineer")
			return "ladder-level.md.tmpl", c, err
		}, "growth", 120, "product"},
		{"level-head-of-engineering-5", func(p profile.Profile) (string, any, error) {
			c, err := generator.Card(lad, p, "head-of-engineering")
			return "ladder-level.md.tmpl", c, err
		}, "seed", 5, "visionary"},
		{"level-principal-5", func(p profile.Profile) (string, any, error) {
			c, err := generator.Card(lad, p, "principal-engineer")
			return "ladder-level.md.tmpl", c, err
		}, "seed", 5, "product"},
		{"growth-25-to-120", func(p profile.Profile) (string, any, error) {
			g, err := generator.Growth(lad, p, "all", 120)
			return "ladder-growth.md.tmpl", g, err
		}, "early", 25, "product"},
		{"ladder-ic-120", func(p profile.Profile) (string, any, error) {
			l, err := generator.CareerLadder(lad, p, "ic")
			return "ladder.md.tmpl", l, err
		}, "growth", 120, "infrastructure"},
		{"ladder-management-25", func(p profile.Profile) (string, any, error) {
			l, err := generator.CareerLadder(lad, p, "management")
			return "ladder.md.tmpl", l, err
		}, "early", 25, "external"},
	}
	for _, o := range others {
		t.Run(o.name, func(t *testing.T) {
			tmpl, v, err := o.build(ladderProfile(t, cat, o.stage, o.size, o.arch))
			if err != nil {
				t.Fatal(err)
			}
			md := render(t, tmpl, v)
			golden.Check(t, filepath.Join("testdata", "golden", "ladder", o.name+".md"), md)
			checkLeftovers(t, o.name, string(md))
			checkNoToolInstructions(t, o.name, string(md))
		})
	}
}

func checkLeftovers(t *testing.T, name, md string) {
	t.Helper()
	for _, bad := range []string{"<no value>", "%!", "{{", "}}", "map[", "[]", "\n\n\n"} {
		if strings.Contains(md, bad) {
			t.Errorf("%s: contains %q", name, bad)
		}
	}
}

// checkLadderShape checks what a manager relies on in a printed ladder: the
// overview comes first as a well-formed table with short cells, then one
// card per row of the overview, then the FAQ.
func checkLadderShape(t *testing.T, name, md string) {
	t.Helper()
	checkLeftovers(t, name, md)
	sections := strings.Split(md, "\n## ")
	var titles []string
	for _, s := range sections[1:] {
		title, _, _ := strings.Cut(s, "\n")
		titles = append(titles, title)
	}
	if len(titles) < 3 || titles[0] != "Overview" || titles[1] != "The levels" || titles[len(titles)-1] != "FAQ" {
		t.Errorf("%s: sections %q; want Overview, The levels, ..., FAQ", name, titles)
	}
	// The overview table is the first table of the section; the weights
	// table by level follows it.
	overview := sections[1]
	var rows []string
	for _, line := range strings.Split(overview, "\n") {
		if strings.HasPrefix(line, "|") {
			rows = append(rows, line)
		} else if len(rows) > 0 {
			break
		}
	}
	if len(rows) < 3 {
		t.Fatalf("%s: overview table has %d lines", name, len(rows))
	}
	cols := cells(rows[0])
	for _, r := range rows[1:] {
		if c := cells(r); len(c) != len(cols) {
			t.Errorf("%s: overview row has %d cells, header %d: %s", name, len(c), len(cols), r)
		}
		for _, c := range cells(r) {
			// A cell names its dimension and weight ("Craft 35%: "),
			// then the level's short expectation.
			if _, text, ok := strings.Cut(c, "%: "); ok {
				c = text
			}
			if n := len(strings.Fields(c)); n > 12 {
				t.Errorf("%s: overview cell of %d words, want at most 12: %q", name, n, c)
			}
		}
	}
	cards := strings.Count(md, "\n### ") - strings.Count(md, ": a hat, not a level") - strings.Count(sections[len(sections)-1], "\n### ")
	if want := len(rows) - 2; cards != want {
		t.Errorf("%s: %d level cards, %d overview rows", name, cards, want)
	}
	for _, q := range []string{"Is this a checklist?", "Is there an IC route to the top?", "How long do people stay at a level?",
		"How do specialisms fit?", "What happens as the company grows?", "Where do the numbers come from?"} {
		if !strings.Contains(md, "### "+q) {
			t.Errorf("%s: FAQ lacks %q", name, q)
		}
	}
	for _, step := range []string{"Individual contributor", "Tech lead or architect", "Engineering manager or director", "VP of Engineering", "CTO"} {
		if !strings.Contains(md, "**"+step+".**") {
			t.Errorf("%s: career path lacks %q", name, step)
		}
	}
}

// checkNoToolInstructions keeps instructions about Rungs itself out of the
// documents: a printed ladder speaks about the organisation, and its
// readers are not Rungs users. Hints such as --grow-to go on stderr or in
// the README.
func checkNoToolInstructions(t *testing.T, name, md string) {
	t.Helper()
	for _, bad := range []string{"rungs ladder", "rungs jd", "--grow-to", "--size", "--stage", "--from", "--to ", "--level"} {
		if strings.Contains(md, bad) {
			t.Errorf("%s: a tool instruction in the document: %q", name, bad)
		}
	}
	// Nor does it speak about itself as a generated document, or cite
	// its sources by file.
	for _, bad := range []string{"The overview shows the", "fitted to your headcount", "joins the ladder as a reserved rung",
		"just what its card says", "not on this ladder yet)", "once there is one", "add a few lines per specialism", "seed 00"} {
		if strings.Contains(md, bad) {
			t.Errorf("%s: tool or meta language in the document: %q", name, bad)
		}
	}
	// The hardest-step sentence is said once per document at most.
	if n := strings.Count(md, "often the hardest"); n > 1 {
		t.Errorf("%s: %q %d times", name, "often the hardest", n)
	}
}

// cells splits a table row on unescaped pipes.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(strings.TrimSuffix(row, "|"), "|")
	var out []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			cur.WriteByte(row[i])
			cur.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}
