package pdfdoc

import (
	"bytes"
	"errors"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// FuzzRender: any Markdown gives a valid PDF or a clean error, never a
// panic (Render turns panics into ErrInternal, which fails here), and no
// text is drawn outside the page margins.
//
//	go test -run '^$' -fuzz=FuzzRender -fuzzminimizetime=10x ./output/pdfdoc
//
// (A render takes ~10 ms, so the default minimisation of a multi-kilobyte
// input runs for minutes without reporting progress.)
func FuzzRender(f *testing.F) {
	for _, name := range []string{"jd.md", "ladder.md"} {
		f.Add(readSample(f, name), false)
	}
	f.Add([]byte("# Title\n\n- a\n  - b\n    1. c\n\n> quote\n\n```\ncode\n```\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n"), true)
	f.Add([]byte("😀 中文 \xff\xfe [x](#x) <https://example.com> ~~s~~ ***bi***\n# x {#x}\n"), false)
	f.Add([]byte("|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|\n|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|\n|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|\n"), false)
	f.Fuzz(func(t *testing.T, md []byte, letter bool) {
		if len(md) > 32<<10 {
			t.Skip("large inputs are covered by the unit tests")
		}
		opts := Options{Title: "Fuzz", Author: "Fuzz Co"}
		if letter {
			opts.Paper = "letter"
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
