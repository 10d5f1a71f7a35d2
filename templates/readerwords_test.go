package templates

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestNoToolWords checks that no ladder document speaks the tool's own
// words to its reader (review ladder4, items 26 and 17): levels are
// levels, not rungs, and a level's description is not a card.
func TestNoToolWords(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/ladder/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no ladder goldens: %v", err)
	}
	bad := regexp.MustCompile(`(?i)\b(?:rungs?|cards?)\b`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := bad.FindIndex(b); m != nil {
			lo := max(0, m[0]-60)
			t.Errorf("%s: %q", f, b[lo:min(len(b), m[1]+40)])
		}
	}
}
