package pdfdoc

import (
	"bytes"
	"errors"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/rungs/rungs/internal/fuzzkit"
)

// FuzzRender: any Markdown gives a valid PDF or a clean error, never a
// panic (Render turns panics into ErrInternal, which fails here), and no
// text is drawn outside the page margins.
//
//	go test -run '^$' -fuzz=FuzzRender ./output/pdfdoc
//	scripts/fuzz-all.sh   # every fuzz target, for a set time each
//
// The target fuzzes the Markdown the renderer is given, in small pieces:
// the seeds are the sections of a real posting and a real ladder rather
// than whole documents, and inputs over fuzzkit.MaxMarkdown bytes are skipped.
// A render costs ~30 ms whatever its size (the fonts are parsed for every
// document), so small inputs keep the mutator at hundreds of executions a
// minute, and a new input's minimisation short; whole documents are
// covered by the unit tests.
func FuzzRender(f *testing.F) {
	fuzzkit.CapMinimize(f)
	for _, name := range []string{"jd.md", "ladder.md"} {
		for _, sec := range fuzzkit.Sections(readSample(f, name), fuzzkit.MaxMarkdown) {
			f.Add(sec, false)
		}
	}
	f.Add([]byte("# Title\n\n- a\n  - b\n    1. c\n\n> quote\n\n```\ncode\n```\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n"), true)
	f.Add([]byte("😀 中文 \xff\xfe [x](#x) <https://example.com> ~~s~~ ***bi***\n# x {#x}\n"), false)
	f.Add([]byte("|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|\n|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|\n|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|\n"), false)
	f.Add([]byte("# Ελληνικά Кириллица 日本語 العربية עברית\n\n**Ωmega** _Жук_ `код`\n"), false)
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
		var pdf []byte
		var err error
		drawn := recordText(t, func() { pdf, err = Render(md, opts) })
		if errors.Is(err, ErrInternal) {
			t.Fatalf("panic inside Render: %v", err)
		}
		if err != nil {
			return
		}
		paper := "a4"
		if letter {
			paper = "letter"
		}
		checkMargins(t, paper, drawn)
		conf := validationConfig(model.ValidationRelaxed)
		if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
			t.Fatalf("invalid PDF: %v", err)
		}
	})
}
