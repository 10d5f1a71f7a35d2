package pipeline

import (
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

// BenchmarkPosting renders one job description, generated from the
// built-in catalog, in each document format from the same Markdown, so
// the formats' costs compare directly (a Word posting costs less than the
// PDF of the same posting):
//
//	go test -run '^$' -bench Posting -count 10 ./pipeline
func BenchmarkPosting(b *testing.B) {
	cat, err := catalog.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	prof, err := profile.Resolve(cat, profile.Input{Stage: "early", Size: "18",
		Company: &profile.Company{Name: "Crème Brûlée Labs"}})
	if err != nil {
		b.Fatal(err)
	}
	k, _ := LookupKind("jd")
	view, err := k.Build(&Env{Cat: cat}, prof, Params{"role": "cto"})
	if err != nil {
		b.Fatal(err)
	}
	md, err := RenderView(k.Template, view, []string{"md"}, "a4", nil)
	if err != nil {
		b.Fatal(err)
	}
	in := &Input{Template: k.Template, View: view, Markdown: md[0].Data, Paper: "a4"}
	for _, name := range []string{"docx", "pdf", "html"} {
		f, err := LookupFormat(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			// Warm process-wide caches (the PDF's font metrics) first.
			if _, err := f.Render(in); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.Render(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
