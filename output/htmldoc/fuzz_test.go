package htmldoc

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzRender: any Markdown and any JSON-LD give a self-contained document
// (no external resource, no script but the JSON-LD data block) or a clean
// error, never a panic.
//
//	go test -run '^$' -fuzz=FuzzRender ./output/htmldoc
func FuzzRender(f *testing.F) {
	for _, name := range []string{"jd.md", "ladder.md"} {
		f.Add(readSample(f, name), `{"@type":"JobPosting"}`, "Title")
	}
	f.Add([]byte("<script>x</script>\n\n[a](javascript:x) ![i](http://x/i.png) <img src=x>"), `{"a":"</script>"}`, "</title>")
	f.Add([]byte("# Égalité des chances\n\n**Salaire fixe\u00a0:** de 80\u00a0000\u00a0€, «\u00a0mœurs\u00a0».\n\n[voir](#egalite-des-chances)\n"), `{"inLanguage":"fr"}`, "")
	f.Fuzz(func(t *testing.T, md []byte, jsonld, title string) {
		// Half the inputs are French pages: their heading ids and the
		// words the renderer writes are the language's.
		lang := "en"
		if len(md)%2 == 1 {
			lang = "fr"
		}
		out, err := Render(md, Options{Title: title, Author: title, Keywords: []string{title}, JSONLD: jsonld, Language: lang})
		if err != nil {
			return
		}
		checkSelfContained(t, out)
		if strings.TrimSpace(jsonld) != "" {
			s := string(out)
			start := strings.Index(s, `<script type="application/ld+json">`) + len(`<script type="application/ld+json">`)
			end := strings.Index(s, "</script>")
			if !json.Valid([]byte(s[start:end])) {
				t.Fatalf("embedded JSON-LD is not valid JSON: %q", s[start:end])
			}
		}
	})
}
