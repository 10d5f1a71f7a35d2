package docxdoc

import "testing"

func benchDoc(b *testing.B, name string) {
	md := readSample(b, name)
	opts := sampleOptions("Benchmark")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(md, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJobDescription renders the job description pdfdoc's
// BenchmarkJobDescription renders (the same testdata/jd.md), so the two
// compare directly; the pipeline's BenchmarkPosting compares the formats
// of one generated posting.
func BenchmarkJobDescription(b *testing.B) { benchDoc(b, "jd.md") }

// BenchmarkLadder renders a career ladder: a 10 × 10 overview table in a
// landscape section, then ten level sections.
func BenchmarkLadder(b *testing.B) { benchDoc(b, "ladder.md") }
