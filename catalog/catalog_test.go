package catalog

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func mustBuiltin(t *testing.T) *Catalog {
	t.Helper()
	c, err := Builtin()
	if err != nil {
		t.Fatalf("built-in catalog does not load:\n%v", err)
	}
	return c
}

func TestBuiltinLoads(t *testing.T) {
	c := mustBuiltin(t)
	if n := len(c.Areas); n < 14 {
		t.Errorf("areas = %d, want at least 14", n)
	}
	if n := len(c.Responsibilities); n < 80 {
		t.Errorf("responsibilities = %d, want at least 80", n)
	}
	if n := len(c.BareMinimums); n != 5 {
		t.Errorf("bare minimums = %d, want 5", n)
	}
}

func TestRequiredRolesAndAliases(t *testing.T) {
	c := mustBuiltin(t)
	for _, id := range []string{"software-engineer", "senior-engineer", "staff-engineer", "principal-engineer",
		"tech-lead", "engineering-manager", "director-of-engineering", "head-of-engineering",
		"vp-engineering", "cto", "cio", "cpo"} {
		if _, err := c.Role(id); err != nil {
			t.Errorf("role %s: %v", id, err)
		}
	}
	for alias, want := range map[string]string{"vpe": "vp-engineering", "chief-technology-officer": "cto",
		"em": "engineering-manager", "VP Engineering": "vp-engineering", "Chief Technology Officer": "cto"} {
		r, err := c.Role(alias)
		if err != nil || r.ID != want {
			t.Errorf("Role(%q) = %q, %v; want %s", alias, r.ID, err, want)
		}
	}
	for alias, want := range map[string]string{"pre-seed": "seed", "series-a": "early", "series-b": "growth",
		"scale-up": "growth", "mature": "enterprise", "public": "enterprise"} {
		s, err := c.Stage(alias)
		if err != nil || s.ID != want {
			t.Errorf("Stage(%q) = %q, %v; want %s", alias, s.ID, err, want)
		}
	}
	for _, id := range []string{"infrastructure", "product", "visionary", "external"} {
		a, err := c.Archetype(id)
		if err != nil {
			t.Errorf("archetype %s: %v", id, err)
			continue
		}
		if a.VogelsRole == "" || len(a.KeyActivities) == 0 || a.Focus == "" {
			t.Errorf("archetype %s lacks vogels_role, key_activities or focus", id)
		}
	}
	for _, id := range []string{"cto-vs-head-of-engineering", "cto-vs-vp-engineering"} {
		found := slices.ContainsFunc(c.Splits, func(s Split) bool { return s.ID == id })
		if !found {
			t.Errorf("split %s missing", id)
		}
	}
}

func TestUnknownSuggests(t *testing.T) {
	c := mustBuiltin(t)
	_, err := c.Stage("serie-a")
	if err == nil || !strings.Contains(err.Error(), "did you mean series-a?") {
		t.Errorf("Stage(serie-a) error = %v", err)
	}
	_, err = c.Role("ctoo")
	if err == nil || !strings.Contains(err.Error(), "did you mean cto?") {
		t.Errorf("Role(ctoo) error = %v", err)
	}
}

// TestCoverage checks that every role at every stage has enough material for
// a full job description: the generator never has to pad a list.
func TestCoverage(t *testing.T) {
	c := mustBuiltin(t)
	for _, r := range c.Roles {
		for _, st := range c.StageIDs() {
			need := c.Settings.Bullets
			if r.Executive {
				need = c.Settings.ExecutiveBullets
			}
			resp, areas := 0, map[string]bool{}
			for _, x := range c.Responsibilities {
				if slices.Contains(x.Roles, r.ID) && applies(x.Stages, st) {
					resp++
					areas[x.Area] = true
				}
			}
			if resp < need {
				t.Errorf("%s at %s: %d responsibilities, want at least %d", r.ID, st, resp, need)
			}
			if len(areas) < 4 {
				t.Errorf("%s at %s: responsibilities span %d areas, want at least 4", r.ID, st, len(areas))
			}
			must, nice := 0, 0
			for _, s := range c.Skills {
				if !applies(s.Stages, st) {
					continue
				}
				if slices.Contains(s.Must, r.ID) {
					must++
				}
				if slices.Contains(s.Nice, r.ID) {
					nice++
				}
			}
			if must < 5 {
				t.Errorf("%s at %s: %d must-have skills, want at least 5", r.ID, st, must)
			}
			if nice < 5 {
				t.Errorf("%s at %s: %d nice-to-have skills, want at least 5", r.ID, st, nice)
			}
			ch := 0
			for _, x := range c.Challenges {
				if slices.Contains(x.Roles, r.ID) && applies(x.Stages, st) {
					ch++
				}
			}
			if ch < 3 {
				t.Errorf("%s at %s: %d challenges, want at least 3", r.ID, st, ch)
			}
			ms := 0
			for _, x := range c.Measures {
				if slices.Contains(x.Roles, r.ID) && applies(x.Stages, st) {
					ms++
				}
			}
			if ms < 5 {
				t.Errorf("%s at %s: %d success measures, want at least 5", r.ID, st, ms)
			}
		}
	}
}

func applies(stages []string, st string) bool { return len(stages) == 0 || slices.Contains(stages, st) }

// TestEverySeedCited checks that each source document is cited by at least
// one item, and that the catalog's source list matches the seed folder.
func TestEverySeedCited(t *testing.T) {
	c := mustBuiltin(t)
	cited := map[string]int{}
	count := func(ids []string) {
		for _, id := range ids {
			cited[id]++
		}
	}
	for _, x := range c.Areas {
		count(x.Sources)
	}
	for _, x := range c.Responsibilities {
		count(x.Sources)
	}
	for _, x := range c.Roles {
		count(x.Sources)
	}
	for _, x := range c.Archetypes {
		count(x.Sources)
	}
	for _, x := range c.Skills {
		count(x.Sources)
	}
	for _, x := range c.Challenges {
		count(x.Sources)
	}
	for _, x := range c.Measures {
		count(x.Sources)
	}
	for _, x := range c.BareMinimums {
		count(x.Sources)
	}
	for _, x := range c.Splits {
		count(x.Sources)
	}
	for _, x := range c.CareerPath {
		count(x.Sources)
	}
	for _, s := range c.Sources {
		if cited[s.ID] == 0 {
			t.Errorf("source %s is never cited", s.ID)
		}
	}
	seeds, err := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Log("../../shared/seeds not found beside the repository; checked the catalog's own source list only")
		return
	}
	for _, p := range seeds {
		name := filepath.Base(p)
		if !slices.Contains(c.SourceIDs(), name) {
			t.Errorf("seed %s is not in catalog/sources.yaml", name)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "seeds")); err != nil {
		t.Fatal(err)
	}
}

// TestNoNearDuplicates fails when two texts of the same kind share most of
// their words, which reads as padding in a posting.
func TestNoNearDuplicates(t *testing.T) {
	c := mustBuiltin(t)
	type item struct{ id, text string }
	var all []item
	for _, r := range c.Responsibilities {
		all = append(all, item{"responsibility " + r.ID, r.Text})
		for st, v := range r.Variants {
			all = append(all, item{"responsibility " + r.ID + "@" + st, v})
		}
	}
	for _, s := range c.Skills {
		all = append(all, item{"skill " + s.ID, s.Text})
	}
	for _, x := range c.Challenges {
		all = append(all, item{"challenge " + x.ID, x.Text})
	}
	for _, x := range c.Measures {
		all = append(all, item{"measure " + x.ID, x.Text})
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			a, b := all[i], all[j]
			if baseID(a.id) == baseID(b.id) {
				continue // a variant may echo its own default
			}
			if sim := Similarity(a.text, b.text); sim > 0.6 {
				t.Errorf("%s and %s are near-duplicates (%.2f):\n  %s\n  %s", a.id, b.id, sim, a.text, b.text)
			}
		}
	}
}

func baseID(id string) string {
	base, _, _ := strings.Cut(id, "@")
	return base
}

// TestBadFileReportsEveryProblem checks strict loading on a broken file.
func TestBadFileReportsEveryProblem(t *testing.T) {
	data := []byte(`areas:
  - id: ok-area
    title: Fine
    sources: [s.txt]
    colour: red
responsibilities:
  - id: r1
    area: ok-aera
    roles: [nobody]
    weights: {infrastructure: 1, product: 9, visionary: 1, external: 1}
    text: Do it.
    sources: [s.txt]
  - id: r2
    area: ok-area
    roles: [cto]
    core: [cio]
    min_size: 300
    max_size: 200
    archetypes: [visonary]
    weights: {infrastructure: 1, product: 1, visionary: 1, external: 1}
    text: Run {teams} teams and {squads} squads.
    sources: [s.txt]
outlooks:
  - id: o1
    role: nobody
    first_months: You learn.
    first_year: ""
    sources: [s.txt]
roles:
  - id: cto
    title: CTO
    track: executive
    level: 6
    summary: You own technology.
    reports_to: [{title: the CEO}]
    sources: [s.txt]
archetypes:
  - {id: visionary, title: Innovation CTO, focus: R&D, sources: [s.txt]}
sources:
  - id: s.txt
`)
	c := &Catalog{}
	_, err := c.add("bad.yaml", data, false)
	if err == nil || !strings.Contains(err.Error(), `bad.yaml:5: unknown field "colour"`) {
		t.Fatalf("unknown field not reported with line: %v", err)
	}
	data = []byte(strings.Replace(string(data), "    colour: red\n", "", 1))
	c = &Catalog{}
	if _, err := c.add("bad.yaml", data, false); err != nil {
		t.Fatal(err)
	}
	err = c.finish()
	if err == nil {
		t.Fatal("expected errors")
	}
	for _, want := range []string{`bad.yaml:7: responsibility "r1": unknown area "ok-aera"; did you mean ok-area?`,
		`bad.yaml:8: responsibility "r1": unknown role "nobody"`,
		`bad.yaml:9: responsibility "r1": weights run from 0 to 3, got 9`,
		`bad.yaml:15: responsibility "r2": core role "cio" is not among its roles [cto]`,
		`bad.yaml:16: responsibility "r2": min_size 300 is above max_size 200`,
		`bad.yaml:18: responsibility "r2": unknown archetype "visonary"; did you mean visionary?`,
		`bad.yaml:20: responsibility "r2": text has an unknown placeholder {squads} valid: engineers, teams, directors, vps, next`,
		`bad.yaml:24: outlook "o1": unknown role "nobody"`,
		`bad.yaml:26: outlook "o1": first_year is empty`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}
