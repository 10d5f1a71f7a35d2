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

// BenchmarkCheckFrench lints a French posting (testdata/fr/good.md,
// about 440 words) with its language detected, as rungs lint does without
// --lang; BenchmarkCheckFrenchLang with Options.Lang set. Compare them
// per byte with BenchmarkCheck: the French path adds the language test and
// the French syllable counter, and skips the gender score.
func BenchmarkCheckFrench(b *testing.B) {
	benchFile(b, "testdata/fr/good.md", Options{})
}

func BenchmarkCheckFrenchLang(b *testing.B) {
	benchFile(b, "testdata/fr/good.md", Options{Lang: LangFrench})
}

// BenchmarkDetectLanguage runs the function-word test alone on the
// English typical posting.
func BenchmarkDetectLanguage(b *testing.B) {
	md, err := os.ReadFile("testdata/typical.md")
	if err != nil {
		b.Fatal(err)
	}
	s := string(md)
	getLanguage()
	b.SetBytes(int64(len(md)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		DetectLanguage(s)
	}
}

func benchFile(b *testing.B, name string, opts Options) {
	md, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	get() // load the embedded data outside the timing
	getLanguage()
	b.SetBytes(int64(len(md)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Check(name, md, opts)
	}
}
