package docxdoc

import (
	"errors"
	"testing"
)

// FuzzRender: any Markdown gives a valid package (well-formed parts,
// consistent content types and relationships) holding the Markdown's
// text, or a clean error, never a panic (Render turns panics into
// ErrInternal, which fails here).
//
//	go test -run '^$' -fuzz=FuzzRender -fuzzminimizetime=10x ./output/docxdoc
//
// (Minimising a new multi-kilobyte input with the default budget takes
// minutes without reporting progress.)
func FuzzRender(f *testing.F) {
	for _, name := range samples {
		f.Add(readSample(f, name), false)
	}
	f.Add([]byte("# Title\n\n- a\n  - b\n    1. c\n\n> quote\n\n```\ncode\n```\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n"), true)
	f.Add([]byte("😀 中文 \xff\xfe [x](#x) <https://example.com> ~~s~~ ***bi***\n# x {#x}\n\x00\x0b\ufffe"), false)
	f.Add([]byte("|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|\n|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|\n|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|\n\ntext\n\n|a|b|c|d|e|f|\n|-|-|-|-|-|-|\n"), false)
	f.Add([]byte("[a](javascript:x) [b](http://x y) [c](https://ex.com/é?q=<>) <mailto:a@b> 5. five\n6. six\n"), true)
	f.Fuzz(func(t *testing.T, md []byte, letter bool) {
		if len(md) > 32<<10 {
			t.Skip("large inputs are covered by the unit tests")
		}
		opts := Options{Title: "Fuzz", Author: "Fuzz Co"}
		if letter {
			opts.Paper = "letter"
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
