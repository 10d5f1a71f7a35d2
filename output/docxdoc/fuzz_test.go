package docxdoc

import (
	"errors"
	"testing"

	"github.com/rungs/rungs/internal/fuzzkit"
)

// FuzzRender: any Markdown gives a valid package (well-formed parts,
// consistent content types and relationships) holding the Markdown's
// text, or a clean error, never a panic (Render turns panics into
// ErrInternal, which fails here).
//
//	go test -run '^$' -fuzz=FuzzRender ./output/docxdoc
//	scripts/fuzz-all.sh   # every fuzz target, for a set time each
//
// As the PDF target does, it fuzzes the Markdown given to the renderer in
// small pieces: the seeds are the sections of the sample documents, inputs
// over fuzzkit.MaxMarkdown bytes are skipped, and minimisation is capped
// at 10 runs unless -fuzzminimizetime is given (minimising a
// multi-kilobyte input with go's default budget took minutes without
// counting an execution). Whole documents are covered by the unit tests.
func FuzzRender(f *testing.F) {
	fuzzkit.CapMinimize(f)
	for _, name := range samples {
		for _, sec := range fuzzkit.Sections(readSample(f, name), fuzzkit.MaxMarkdown) {
			f.Add(sec, false)
		}
	}
	f.Add([]byte("# Title\n\n- a\n  - b\n    1. c\n\n> quote\n\n```\ncode\n```\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n"), true)
	f.Add([]byte("😀 中文 \xff\xfe [x](#x) <https://example.com> ~~s~~ ***bi***\n# x {#x}\n\x00\x0b\ufffe"), false)
	f.Add([]byte("|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|\n|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|\n|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|\n\ntext\n\n|a|b|c|d|e|f|\n|-|-|-|-|-|-|\n"), false)
	f.Add([]byte("[a](javascript:x) [b](http://x y) [c](https://ex.com/é?q=<>) <mailto:a@b> 5. five\n6. six\n"), true)
	// French: no-break spaces before « : » and inside « », in « 80 000 € »,
	// accented headings (their ids fold the accents), œ and the euro sign.
	f.Add([]byte("# Grille de carrière\u00a0: Staff Engineer (L3, réservé)\n\n**Salaire fixe\u00a0:** de 80\u00a0000 à 95\u00a0000\u00a0€ bruts par an, «\u00a0mœurs\u00a0».\n\n## Égalité des chances\n\n[voir](#egalite-des-chances) 1\u202f500 ingénieurs\n\n| Niveau | Portée |\n|---|---|\n| **Staff Engineer** L3, réservé | équipes\u00a0: 2 à 4 |\n"), true)
	f.Fuzz(func(t *testing.T, md []byte, letter bool) {
		if len(md) > fuzzkit.MaxMarkdown {
			t.Skip("large inputs are covered by the unit tests")
		}
		opts := Options{Title: "Fuzz", Author: "Fuzz Co"}
		if letter {
			// Letter paper, and a French document: its footer and
			// heading ids are the language's.
			opts.Paper, opts.Language = "letter", "fr"
		}
		docx, err := Render(md, opts)
		if errors.Is(err, ErrInternal) {
			t.Fatalf("panic inside Render: %v", err)
		}
		if err != nil {
			return
		}
		checkPackage(t, docx)
		if _, err := Text(docx); err != nil {
			t.Fatal(err)
		}
	})
}
