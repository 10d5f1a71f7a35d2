package lint

import (
	"os"
	"testing"
)

// BenchmarkCheck lints a typical posting (Rungs' own CTO example, about
// 700 words). The target is 5 ms or less per posting.
func BenchmarkCheck(b *testing.B) {
	md, err := os.ReadFile("testdata/typical.md")
	if err != nil {
		b.Fatal(err)
	}
	get() // load the embedded data outside the timing
	b.SetBytes(int64(len(md)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Check("typical.md", md, Options{})
	}
}
