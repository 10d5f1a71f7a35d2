package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/locale"
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
