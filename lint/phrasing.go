package lint

import "unicode/utf8"

// phraseMatch is one phrasing rule hit.
type phraseMatch struct {
	rule *phraseRule
	text string
	line int
	off  int // byte offset in the unit's text
}

// matchPhrases runs every phrasing rule over one text. Soft line breaks
// are spaces for matching, so a phrase wrapped across lines still matches.
func matchPhrases(rules []*phraseRule, u *unit) []phraseMatch {
	flat, lower, starts := u.forms()
	var out []phraseMatch
	for _, r := range rules {
		for _, loc := range r.re.findAll(flat, lower, starts) {
			if excepted(r, flat[loc[0]:min(len(flat), loc[0]+phraseWindow)]) || (r.Match == MatchAnywhere && u.inCode(loc[0])) {
				continue
			}
			if r.Match == MatchLetters && !wholeWords(flat, loc[0], loc[1]) {
				continue
			}
			out = append(out, phraseMatch{rule: r, text: flat[loc[0]:loc[1]], line: u.lineAt(loc[0]), off: loc[0]})
		}
	}
	return out
}

// wholeWords reports whether s[a:b] neither starts nor ends inside a word
// of letters and digits of any script.
func wholeWords(s string, a, b int) bool {
	if a > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:a]); isWordRune(r) {
			if r0, _ := utf8.DecodeRuneInString(s[a:]); isWordRune(r0) {
				return false
			}
		}
	}
	if b < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[b:]); isWordRune(r) {
			if r0, _ := utf8.DecodeLastRuneInString(s[:b]); isWordRune(r0) {
				return false
			}
		}
	}
	return true
}

func excepted(r *phraseRule, rest string) bool {
	for _, ex := range r.excepts {
		if ex.MatchString(rest) {
			return true
		}
	}
	return false
}

// flatten turns line breaks and tabs into spaces, keeping byte offsets.
func flatten(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\t' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
