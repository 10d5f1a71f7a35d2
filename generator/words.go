package generator

import "github.com/rungs/rungs/internal/locale"

// wordsFor is the language the rules write in for a company (its
// language key or --lang; "" is English). The rules choose a message key
// and its values; the words themselves live in internal/locale, so a
// language is added as data (issue 17).
//
// A language Rungs does not write (a profile built by a program, not by
// profile.Resolve) falls back to English rather than fail mid-document.
func wordsFor(lang string) *locale.Catalog {
	if c, ok := locale.For(lang); ok {
		return c
	}
	return locale.English()
}

// engineers is a headcount with its noun: "one engineer", "1,500 engineers".
func engineers(tr *locale.Catalog, n int) string {
	return tr.Count("count.engineers", n, tr.Number(n), nil)
}
