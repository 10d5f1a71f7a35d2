package templates

import (
	"strings"
	"testing"
	"unicode"
)

// escapeReference is escape written plainly, rune by rune: the fast paths
// of escape must give the same bytes.
func escapeReference(s string, lineStart bool) string {
	// White space folds to one space, except the no-break spaces French
	// typography writes on purpose.
	s = strings.Join(strings.FieldsFunc(strings.ReplaceAll(s, "\r", ""), func(r rune) bool {
		return unicode.IsSpace(r) && r != 0xa0 && r != 0x202f && r != 0x2007
	}), " ")
	rs := []rune(s)
	isWord := func(i int) bool {
		return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]))
	}
	var b strings.Builder
	for i, r := range rs {
		switch r {
		case '\\', '`', '*', '[', ']', '<', '|', '~':
			b.WriteByte('\\')
		case '_':
			if !isWord(i-1) || !isWord(i+1) {
				b.WriteByte('\\')
			}
		case '&':
			if entityRef.MatchString(string(rs[i:])) {
				b.WriteByte('\\')
			}
		case '>':
			if lineStart && i == 0 {
				b.WriteByte('\\')
			}
		case '#', '+', '-', '=':
			if lineStart && i == 0 && startsBlock(s) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !lineStart {
		return out
	}
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && j < len(out) &&
		(out[j] == '.' || out[j] == ')') && (j+1 == len(out) || out[j+1] == ' ') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

var escapeCases = []string{
	"", " ", "Senior Engineer", "  two  spaces ", "tab\there", "line\nbreak\r\n", "a\u00a0nbsp", "\u2003em space",
	"# heading", "-list", "+plus", "=eq", "1. Ship it", "12) item", "2026", "a*b_c`d[e]f<g>h|i~j\\k",
	"Ωμέγα *bold*", "株式会社 [x]", "snake_case", "_x_", "é_é", "a_", "AT&T", "&amp; &#169; &#xA9;", "> quote", "a > b", "#1 priority", "## h", "-5%", "- item", "---", "= =", "0.05%", "bad \xff utf8", "\xc3", "-", "1.", "v\v f\f",
}

func TestEscapeMatchesReference(t *testing.T) {
	for _, s := range escapeCases {
		for _, ls := range []bool{true, false} {
			if got, want := escape(s, ls), escapeReference(s, ls); got != want {
				t.Errorf("escape(%q, %v) = %q, want %q", s, ls, got, want)
			}
		}
	}
}

func FuzzEscapeMatchesReference(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, lineStart bool) {
		if got, want := escape(s, lineStart), escapeReference(s, lineStart); got != want {
			t.Errorf("escape(%q, %v) = %q, want %q", s, lineStart, got, want)
		}
	})
}

func BenchmarkEscape(b *testing.B) {
	for b.Loop() {
		for _, s := range escapeCases {
			Escape(s)
		}
	}
}
