package templates_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/golden"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/templates"
)

// goldenCase is one generated posting checked against a golden file.
type goldenCase struct {
	role, stage, archetype string
	size                   int
	company                string // a file in testdata, or ""
}

func (g goldenCase) name() string {
	n := fmt.Sprintf("%s-%s-%s-%d", g.role, g.stage, g.archetype, g.size)
	if g.company != "" {
		n += "-" + strings.TrimSuffix(g.company, ".yaml")
	}
	return n
}

// goldenMatrix covers every role at every stage (the archetype rotating),
// every archetype for the CTO at every stage, and full company files.
func goldenMatrix(cat *catalog.Catalog) []goldenCase {
	archetypes := cat.ArchetypeIDs()
	var cases []goldenCase
	for i, r := range cat.Roles {
		for j, st := range cat.Stages {
			a := archetypes[(i+j)%len(archetypes)]
			if r.ID == "cto" {
				continue
			}
			cases = append(cases, goldenCase{role: r.ID, stage: st.ID, archetype: a, size: st.DefaultSize})
		}
	}
	for _, st := range cat.Stages {
		for _, a := range archetypes {
			cases = append(cases, goldenCase{role: "cto", stage: st.ID, archetype: a, size: st.DefaultSize})
		}
	}
	cases = append(cases,
		goldenCase{role: "cto", stage: "seed", archetype: "product", size: 6, company: "company-full.yaml"},
		goldenCase{role: "senior-engineer", stage: "growth", archetype: "product", size: 60, company: "company-full.yaml"},
		goldenCase{role: "vp-engineering", stage: "growth", archetype: "external", size: 90, company: "company-remote.yaml"},
	)
	return cases
}

func generate(t testing.TB, cat *catalog.Catalog, g goldenCase) []byte {
	t.Helper()
	var c *profile.Company
	if g.company != "" {
		data, err := os.ReadFile(filepath.Join("testdata", g.company))
		if err != nil {
			t.Fatal(err)
		}
		if c, err = profile.ParseCompany(g.company, data); err != nil {
			t.Fatal(err)
		}
	}
	p, err := profile.Resolve(cat, profile.Input{Stage: g.stage, Size: fmt.Sprint(g.size), Archetype: g.archetype, Company: c})
	if err != nil {
		t.Fatal(err)
	}
	jd, err := generator.JD(cat, p, g.role)
	if err != nil {
		t.Fatal(err)
	}
	md, err := templates.Render("jd.md.tmpl", jd)
	if err != nil {
		t.Fatal(err)
	}
	return md
}

func TestGoldenJobDescriptions(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldenMatrix(cat) {
		t.Run(g.name(), func(t *testing.T) {
			md := generate(t, cat, g)
			golden.Check(t, filepath.Join("testdata", "golden", "jd", g.name()+".md"), md)
			if again := generate(t, cat, g); !bytes.Equal(md, again) {
				t.Error("two runs differ")
			}
		})
	}
}

// TestPostingShape checks the rules a recruiter relies on, over the whole
// matrix of roles, stages and archetypes: word counts, list lengths, no
// duplicate bullets, no template leftovers, the reader addressed as "you".
func TestPostingShape(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range cat.Roles {
		for _, st := range cat.Stages {
			for _, a := range cat.Archetypes {
				g := goldenCase{role: r.ID, stage: st.ID, archetype: a.ID, size: st.DefaultSize}
				md := string(generate(t, cat, g))
				checkShape(t, g.name(), md, r.Executive)
			}
		}
		// A full company file adds the about, pay and benefits sections:
		// the posting must still fit.
		for _, st := range []string{"seed", "growth"} {
			g := goldenCase{role: r.ID, stage: st, archetype: "product", size: 6, company: "company-full.yaml"}
			checkShape(t, g.name(), string(generate(t, cat, g)), r.Executive)
		}
	}
}

func checkShape(t *testing.T, name, md string, executive bool) {
	t.Helper()
	words := len(strings.Fields(md))
	maxWords := 700
	if executive {
		maxWords = 900
	}
	if words < 300 || words > maxWords {
		t.Errorf("%s: %d words, want 300 to %d", name, words, maxWords)
	}
	for _, bad := range []string{"<no value>", "%!", "{{", "}}", "map[", "[]"} {
		if strings.Contains(md, bad) {
			t.Errorf("%s: contains %q", name, bad)
		}
	}
	if !strings.Contains(md, " you ") {
		t.Errorf("%s: does not address the reader as you", name)
	}
	// Each list: 5 to 10 bullets; must-haves at most 8.
	sections := strings.Split(md, "\n## ")
	var bullets []string
	for _, s := range sections[1:] {
		title, body, _ := strings.Cut(s, "\n")
		n := 0
		for _, line := range strings.Split(body, "\n") {
			if strings.HasPrefix(line, "- ") {
				n++
				bullets = append(bullets, line)
			}
		}
		if title == "Compensation and benefits" || title == "Compensation" || title == "Benefits" || n == 0 {
			continue
		}
		if n < 5 || n > 10 {
			t.Errorf("%s: section %q has %d bullets, want 5 to 10", name, title, n)
		}
		if title == "What you bring" && n > 8 {
			t.Errorf("%s: %d must-haves, want at most 8", name, n)
		}
	}
	for i := range bullets {
		for j := i + 1; j < len(bullets); j++ {
			if catalog.Similarity(bullets[i], bullets[j]) > 0.6 {
				t.Errorf("%s: near-duplicate bullets:\n  %s\n  %s", name, bullets[i], bullets[j])
			}
		}
	}
}
