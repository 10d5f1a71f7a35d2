package pdfdoc

import (
	"os"
	"path/filepath"
	"testing"
)

func benchDoc(b *testing.B, name string) {
	md, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		b.Fatal(err)
	}
	opts := sampleOptions("Benchmark")
	// Warm the process-wide font metrics outside the timing.
	if _, err := Render(md, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Render(md, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJobDescription renders a two-to-three-page job description
// (~800 words: headings, paragraphs, bullet lists, links).
func BenchmarkJobDescription(b *testing.B) { benchDoc(b, "jd.md") }

// BenchmarkLadder renders a career ladder: a 10 × 10 overview table on a
// landscape page, then ten level sections.
func BenchmarkLadder(b *testing.B) { benchDoc(b, "ladder.md") }
