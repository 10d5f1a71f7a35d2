package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/locale"
	"github.com/yuin/goldmark/text"
)

// A renderer's words follow the document's language by its primary
// subtag; a language Rungs does not write falls back to English.
func TestWords(t *testing.T) {
	for _, c := range []struct{ tag, want string }{
		{"", "en"}, {"en", "en"}, {"en-GB", "en"}, {"fr", "fr"}, {"fr-CA", "fr"}, {"FR_be", "fr"},
		{"de", "en"}, {"zh-Hant-TW", "en"},
	} {
		if got := Words(c.tag).Lang(); got != c.want {
			t.Errorf("Words(%q) is %s, want %s", c.tag, got, c.want)
		}
	}
	if got := Words("fr").Text("document.page_of", locale.Args{"page": "2", "pages": "7"}); got != "Page 2 sur 7" {
		t.Errorf("French footer %q", got)
	}
}

// Every document.* message is written by a renderer (output/) or by the
// pipeline's metadata (document.kind.<kind>, checked there against the
// kinds): none is left unused, so en.yaml and fr.yaml hold no dead words.
func TestDocumentKeysUsed(t *testing.T) {
	var src strings.Builder
	for _, glob := range []string{"*/*.go", "../internal/pipeline/*.go"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src.Write(data)
		}
	}
	n := 0
	for _, k := range locale.English().Keys() {
		if !strings.HasPrefix(k, "document.") || strings.HasPrefix(k, "document.kind.") {
			continue
		}
		n++
		if !strings.Contains(src.String(), `"`+k+`"`) {
			t.Errorf("message %s is not used by a renderer or the pipeline", k)
		}
	}
	if n == 0 {
		t.Fatal("no document.* messages in en.yaml")
	}
}

// Heading ids: English keeps goldmark's, which drop accented letters;
// another language folds the accents first, so the id reads as the words.
func TestHeadingIDs(t *testing.T) {
	md := []byte("# Les deux filières\n\n## Mœurs et égalité\n\n## Égalité des chances\n\n## Égalité des chances\n\n## Lieu\u00a0: Paris\n\n## Ελληνικά\n")
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"", []string{"les-deux-filires", "murs-et-galit", "galit-des-chances", "galit-des-chances-1", "lieu-paris", "heading"}},
		{"en-GB", []string{"les-deux-filires", "murs-et-galit", "galit-des-chances", "galit-des-chances-1", "lieu-paris", "heading"}},
		{"fr", []string{"les-deux-filieres", "moeurs-et-egalite", "egalite-des-chances", "egalite-des-chances-1", "lieu-paris", "heading"}},
		{"fr_CA", []string{"les-deux-filieres", "moeurs-et-egalite", "egalite-des-chances", "egalite-des-chances-1", "lieu-paris", "heading"}},
	} {
		for round := range 2 { // a fresh context each time: ids do not carry over
			doc := Markdown.Parser().Parse(text.NewReader(md), HeadingIDs(c.lang)...)
			var got []string
			for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
				if id, ok := n.AttributeString("id"); ok {
					got = append(got, string(id.([]byte)))
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%q, parse %d: ids %q, want %q", c.lang, round+1, got, c.want)
			}
		}
	}
	for in, want := range map[string]string{"Mœurs, élève, à": "Moeurs, eleve, a", "ÇA Æ ß": "CA AE ss", "naïve café": "naive cafe", "Ελληνικά": "Ελληνικα"} {
		if got := string(FoldAccents([]byte(in))); got != want {
			t.Errorf("FoldAccents(%q) = %q, want %q", in, got, want)
		}
	}
}
