package templates_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/golden"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/templates"
)

// frGoldenDir holds the French goldens: the corners of the posting matrix
// and of the ladder sizes, and one document of every other ladder kind
// (issue 17, item 6).
var frGoldenDir = filepath.Join("testdata", "golden-fr")

// frEnv is what rungs --lang fr renders from: the built-in catalog,
// ladder and templates, localized by the same call the commands make.
type frEnv struct {
	cat *catalog.Catalog
	lad *ladders.Ladder
	set *templates.Set
}

func newFrEnv(t testing.TB) frEnv {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	env, set, err := pipeline.Localize(&pipeline.Env{Cat: cat}, nil, "fr")
	if err != nil {
		t.Fatal(err)
	}
	if len(env.Untranslated) > 0 {
		t.Errorf("built-in data left in English: %q", env.Untranslated)
	}
	return frEnv{cat: env.Cat, lad: env.Ladder, set: set}
}

// profile resolves a French profile; company is a file under golden-fr, or "".
func (e frEnv) profile(t testing.TB, stage string, size int, archetype, company string) profile.Profile {
	t.Helper()
	in := profile.Input{Stage: stage, Archetype: archetype, Lang: "fr"}
	if size > 0 {
		in.Size = fmt.Sprint(size)
	}
	if company != "" {
		path := filepath.Join(frGoldenDir, company)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if in.Company, err = profile.ParseCompany(path, data); err != nil {
			t.Fatal(err)
		}
	}
	p, err := profile.Resolve(e.cat, in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Company.Language != "fr" {
		t.Fatalf("profile language %q, want fr", p.Company.Language)
	}
	return p
}

func (e frEnv) render(t testing.TB, tmpl string, v any) []byte {
	t.Helper()
	md, err := e.set.Render(tmpl, v)
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// frGoldenDoc is one French golden: a name and how to build it.
type frGoldenDoc struct {
	name  string
	build func(t testing.TB, e frEnv) []byte
}

func frPosting(role, stage string, size int, archetype, company string) func(testing.TB, frEnv) []byte {
	return func(t testing.TB, e frEnv) []byte {
		jd, err := generator.JD(e.cat, e.profile(t, stage, size, archetype, company), role)
		if err != nil {
			t.Fatal(err)
		}
		return e.render(t, "jd.md.tmpl", jd)
	}
}

// frGoldenDocs are the corners of issue 17: the seed CTO (the seed
// document's subject), an enterprise VP Engineering at 400 with a full
// French company file (pay, dates, places and benefits the French way),
// an IC at the smallest team and one at growth; the ladder at the
// smallest and largest golden sizes; a level card, a promotion guide and
// a growth plan.
var frGoldenDocs = []frGoldenDoc{
	{"jd/cto-seed-product-5", frPosting("cto", "seed", 5, "product", "")},
	{"jd/vp-engineering-enterprise-external-400-company-fr", frPosting("vp-engineering", "", 0, "", "company-fr.yaml")},
	{"jd/senior-engineer-seed-product-5", frPosting("senior-engineer", "seed", 5, "product", "")},
	{"jd/staff-engineer-growth-infrastructure-150", frPosting("staff-engineer", "growth", 150, "infrastructure", "")},
	{"ladder/ladder-5-product", func(t testing.TB, e frEnv) []byte {
		lv, err := generator.CareerLadder(e.lad, e.profile(t, "seed", 5, "product", ""), "all")
		if err != nil {
			t.Fatal(err)
		}
		return e.render(t, "ladder.md.tmpl", lv)
	}},
	{"ladder/ladder-1000-visionary", func(t testing.TB, e frEnv) []byte {
		lv, err := generator.CareerLadder(e.lad, e.profile(t, "enterprise", 1000, "visionary", ""), "all")
		if err != nil {
			t.Fatal(err)
		}
		return e.render(t, "ladder.md.tmpl", lv)
	}},
	{"ladder/level-staff-120", func(t testing.TB, e frEnv) []byte {
		c, err := generator.Card(e.lad, e.profile(t, "growth", 120, "product", ""), "staff-engineer")
		if err != nil {
			t.Fatal(err)
		}
		return e.render(t, "ladder-level.md.tmpl", c)
	}},
	{"ladder/promotion-senior-to-staff-120", func(t testing.TB, e frEnv) []byte {
		g, err := generator.Promotion(e.lad, e.profile(t, "growth", 120, "product", ""), "senior-engineer", "staff-engineer")
		if err != nil {
			t.Fatal(err)
		}
		return e.render(t, "ladder-promotion.md.tmpl", g)
	}},
	{"ladder/growth-25-to-120", func(t testing.TB, e frEnv) []byte {
		g, err := generator.Growth(e.lad, e.profile(t, "early", 25, "product", ""), "all", 120)
		if err != nil {
			t.Fatal(err)
		}
		return e.render(t, "ladder-growth.md.tmpl", g)
	}},
}

// TestGoldenFrench checks the French corners against their goldens, that
// two runs give the same bytes, and that nothing of the template or the
// data is left over. Update with go test ./templates -run GoldenFrench
// -update, and read the diff as a French reader would.
func TestGoldenFrench(t *testing.T) {
	e := newFrEnv(t)
	for _, d := range frGoldenDocs {
		t.Run(d.name, func(t *testing.T) {
			md := d.build(t, e)
			golden.Check(t, filepath.Join(frGoldenDir, d.name+".md"), md)
			if again := d.build(t, newFrEnv(t)); !bytes.Equal(md, again) {
				t.Error("two runs differ")
			}
			checkLeftovers(t, d.name, string(md))
			checkFrench(t, d.name, string(md))
		})
	}
}
