package sitedoc

import (
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkBuild builds the whole site in memory, with a growth plan: 8
// levels and 50 files at 120 engineers, 14 levels and 125 files at 5,000.
func BenchmarkBuild(b *testing.B) {
	for _, size := range []int{120, 5000} {
		b.Run(strconv.Itoa(size), func(b *testing.B) {
			src := source(b, size)
			src.GrowTo = size * 4
			for b.Loop() {
				if _, err := Build(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWrite writes a site of 120 engineers into a folder that holds
// the same site: every file is read and compared, none rewritten.
func BenchmarkWrite(b *testing.B) {
	s, err := Build(source(b, 120))
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := s.Write(dir); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Write(dir); err != nil {
			b.Fatal(err)
		}
	}
}
