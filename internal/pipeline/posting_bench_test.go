package pipeline

import (
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

// BenchmarkRenderPosting is one Markdown posting through Render, as rungs
// batch makes each: build, pay-transparency check, Markdown. The company
// is in New York, so the pay laws there are checked:
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
	for _, lint := range []bool{false, true} {
		name := "pay-check"
		if lint {
			name = "lint"
		}
		b.Run(name, func(b *testing.B) {
			req := &Request{Kind: "jd", Profile: prof, Params: Params{"role": "senior-engineer"}, Formats: []string{"md"}, Lint: lint}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(&Env{Cat: cat}, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
