package catalog_test

import (
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
)

// TestEveryLanguageComplete: every language Rungs writes (one file per
// language in internal/locale) translates every text of the built-in
// catalog, so a language added as data is checked with no test to write.
func TestEveryLanguageComplete(t *testing.T) {
	en, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range locale.Languages() {
		_, missing, err := en.In(lang)
		if err != nil {
			t.Errorf("%s: %v", lang, err)
			continue
		}
		if len(missing) > 0 {
			t.Errorf("%s: %d texts of the catalog have no translation, such as %s (%s)", lang, len(missing), missing[0].Path, missing[0].File)
		}
	}
}
