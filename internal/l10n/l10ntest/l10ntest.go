// Package l10ntest holds the checks the catalog's and the ladder's tests
// both make of a translation: every text translated, only an allowlist
// left as the English, and French wording a reader would not trip on.
package l10ntest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/l10n"
)

// Complete checks that translated (what's translation, with the texts
// In reported missing) covers every text of english, and that the only
// texts still reading as the English are those of same (path to text):
// titles a language keeps as they are.
func Complete(t testing.TB, what string, english, translated any, missing []l10n.Text, same map[string]string) {
	t.Helper()
	if len(missing) > 0 {
		t.Errorf("%d %s texts have no translation: %s", len(missing), what, Paths(missing, 20))
	}
	en := l10n.ByPath(english)
	texts := l10n.Texts(translated)
	if len(texts) != len(en) {
		t.Errorf("the translated %s has %d texts, the English %d", what, len(texts), len(en))
	}
	kept := 0
	for _, tx := range texts {
		if tx.Text != en[tx.Path] {
			continue
		}
		kept++
		if want, ok := same[tx.Path]; !ok || want != tx.Text {
			t.Errorf("%s (%s) reads as the English: %q; translate it, or list it with the titles kept in English", tx.Path, tx.File, tx.Text)
		}
	}
	t.Logf("%d %s texts, %d kept in English as titles", len(texts), what, kept)
}

var (
	// A preposition before a definite article contracts ("du", "au",
	// "des", "aux"), except before an infinitive, where "le" and "les"
	// are pronouns ("de les former"). Go's \b is ASCII-only, so the
	// letter before is excluded by hand ("déjà le" is right).
	frUncontracted = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(de|à) (le|les) (\p{L}+)`)
	frInfinitive   = regexp.MustCompile(`(?i)(er|ir|re)$`)
	// The reader is "vous": no familiar address.
	frFamiliar = regexp.MustCompile(`(?:^|[^\p{L}])(tu|toi|ta|tes|ton équipe|ton code)(?:[^\p{L}]|$)`)
)

// FrenchWording checks French texts, including those no golden document
// shows: articles contracted, the reader addressed as "vous", and no
// doubled space, UTF-8 read as Latin-1 or replacement character.
func FrenchWording(t testing.TB, texts []l10n.Text) {
	t.Helper()
	for _, tx := range texts {
		for _, m := range frUncontracted.FindAllStringSubmatch(tx.Text, -1) {
			if !frInfinitive.MatchString(m[3]) {
				t.Errorf("%s (%s): %q does not contract", tx.Path, tx.File, strings.TrimSpace(m[0]))
			}
		}
		if m := frFamiliar.FindStringSubmatch(tx.Text); m != nil {
			t.Errorf("%s (%s): %q: address the reader as vous", tx.Path, tx.File, m[1])
		}
		for _, bad := range []string{"  ", "Ã", "\uFFFD"} {
			if strings.Contains(tx.Text, bad) {
				t.Errorf("%s (%s): holds %q", tx.Path, tx.File, bad)
			}
		}
	}
}

// Paths names the first most texts of a list, for a failure message.
func Paths(ts []l10n.Text, most int) string {
	var ps []string
	for i, tx := range ts {
		if i == most {
			ps = append(ps, fmt.Sprintf("and %d more", len(ts)-most))
			break
		}
		ps = append(ps, tx.Path+" ("+tx.File+")")
	}
	return strings.Join(ps, ", ")
}
