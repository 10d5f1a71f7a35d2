package pipeline

import (
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

// BenchmarkRenderPosting is one Markdown posting through Render, as rungs
// batch makes each: build, pay-transparency check, Markdown. The company
// is in New York, so the pay laws there are checked; "no-place" is the
// company of scripts/bench-batch.sh, which names no location, so the
// check looks for places in the text and finds none:
//
//	go test -run '^$' -bench RenderPosting -count 10 ./internal/pipeline
func BenchmarkRenderPosting(b *testing.B) {
	cat, err := catalog.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	c, err := profile.ParseCompany("nyc.yaml", []byte("name: Acme\nlocations:\n  - {city: New York, region: NY, country: United States}\ndate: 2026-11-23\n"))
	if err != nil {
		b.Fatal(err)
	}
	prof, err := profile.Resolve(cat, profile.Input{Stage: "early", Size: "18", Company: c})
	if err != nil {
		b.Fatal(err)
	}
	bare, err := profile.ParseCompany("bench.yaml", []byte("name: Bench Corp\nindustry: software\ndate: 2026-01-01\n"))
	if err != nil {
		b.Fatal(err)
	}
	noPlace, err := profile.Resolve(cat, profile.Input{Stage: "early", Size: "18", Company: bare})
	if err != nil {
		b.Fatal(err)
	}
	// French: the same posting in Lyon, through Localize as rungs jd
	// --lang fr does (translated data, French templates and typography).
	lyon, err := profile.ParseCompany("lyon.yaml", []byte("name: Acme\nlanguage: fr\nlocations:\n  - {city: Lyon, country: France}\ncompensation:\n  senior-engineer: {min: 60000, max: 72000, currency: EUR}\ndate: 2026-11-23\n"))
	if err != nil {
		b.Fatal(err)
	}
	frEnv, frSet, err := Localize(&Env{Cat: cat}, nil, "fr")
	if err != nil {
		b.Fatal(err)
	}
	fr, err := profile.Resolve(frEnv.Cat, profile.Input{Stage: "early", Size: "18", Company: lyon})
	if err != nil {
		b.Fatal(err)
	}
	en := &Env{Cat: cat}
	for _, c := range []struct {
		name string
		prof profile.Profile
		lint bool
		env  *Env
	}{{"pay-check", prof, false, en}, {"lint", prof, true, en}, {"no-place", noPlace, false, en}, {"french", fr, false, frEnv}, {"french-lint", fr, true, frEnv}} {
		b.Run(c.name, func(b *testing.B) {
			req := &Request{Kind: "jd", Profile: c.prof, Params: Params{"role": "senior-engineer"}, Formats: []string{"md"}, Lint: c.lint}
			if c.env == frEnv {
				req.Templates = frSet
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(c.env, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
