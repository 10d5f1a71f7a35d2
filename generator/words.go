package generator

import "github.com/rungs/rungs/internal/locale"

// words is the language the rules write in. The rules choose a message key
// and its values; the words themselves live in internal/locale, so a
// language is added as data (issue 17).
var words = locale.English()

// engineers is a headcount with its noun: "one engineer", "1,500 engineers".
func engineers(n int) string {
	return words.Count("count.engineers", n, thousands(n), nil)
}
