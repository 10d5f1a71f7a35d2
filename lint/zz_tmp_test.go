package lint

import (
	"os"
	"testing"
)

func BenchmarkZZ(b *testing.B) {
	in, _ := os.ReadFile(os.Getenv("ZZ"))
	for b.Loop() {
		Check("p.md", in, Options{})
	}
}
