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
	for _, c := range []struct {
		name string
		prof profile.Profile
		lint bool
	}{{"pay-check", prof, false}, {"lint", prof, true}, {"no-place", noPlace, false}} {
		b.Run(c.name, func(b *testing.B) {
			req := &Request{Kind: "jd", Profile: c.prof, Params: Params{"role": "senior-engineer"}, Formats: []string{"md"}, Lint: c.lint}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(&Env{Cat: cat}, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
