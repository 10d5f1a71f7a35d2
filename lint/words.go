package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word in a unit's text, as byte offsets.
type token struct{ start, end int }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// words splits s into words. A word is a run of letters and digits; it
// continues across an apostrophe or hyphen between two letters or digits
// ("don't", "self-confident", "2026-12-31"), a dot between letters or
// between digits ("Node.js", "e.g", "3.5"), a comma between digits
// ("120,000") and an ampersand between letters ("R&D").
func words(s string) []token {
	var out []token
	eachWord(s, func(start, end int) { out = append(out, token{start, end}) })
	return out
}

// eachWord calls f with the offsets of each word of s, as words returns
// them, without building a list: a long input's words are counted in
// constant memory.
func eachWord(s string, f func(start, end int)) {
	start := -1
	var prev rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			prev = r
			i += size
			continue
		}
		if start >= 0 {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if i+size < len(s) && joins(prev, r, next) {
				i += size
				continue
			}
			f(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(start, len(s))
	}
}

func joins(prev, r, next rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑':
		return isWordRune(next)
	case '.':
		return (unicode.IsLetter(prev) && unicode.IsLetter(next)) || (unicode.IsDigit(prev) && unicode.IsDigit(next))
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '&':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	}
	return false
}

// countWords counts the words in s.
func countWords(s string) int {
	n := 0
	eachWord(s, func(int, int) { n++ })
	return n
}

// syllables estimates the syllables of one word (as returned by words).
// Hyphenated words are the sum of their parts; a number counts one
// syllable per digit group ("120,000" is two, "2026-12-31" three); an
// all-capital acronym of two to five letters is spelled out ("CTO" is
// three, "W" counts three); every other word goes to englishSyllables.
func syllables(w string) int { return syllablesWith(w, englishSyllables) }

// syllablesWith is syllables with the counter of a language for the
// words that are neither numbers nor acronyms: count gets the word's
// letters, lowercase.
func syllablesWith(w string, count func(string) int) int {
	if strings.ContainsAny(w, "-‐‑") {
		n := 0
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‐' || r == '‑' }) {
			n += syllablesWith(p, count)
		}
		return max(n, 1)
	}
	if strings.Contains(w, ".") && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
		n := 0 // "e.g", "Node.js": each part on its own
		for _, p := range strings.Split(w, ".") {
			n += syllablesWith(p, count)
		}
		return max(n, 1)
	}
	letters, digits := 0, false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits = true
		}
	}
	if letters == 0 {
		if !digits {
			return 0
		}
		return len(strings.FieldsFunc(w, func(r rune) bool { return r == ',' || r == '.' }))
	}
	// Acronyms: "CTO", "VPs", "KPIs".
	core := strings.TrimSuffix(w, "s")
	if up := countUpper(core); up == len(core) && up >= 2 && up <= 5 && !digits {
		n := 0
		for _, r := range core {
			if r == 'W' {
				n += 3
			} else {
				n++
			}
		}
		return n
	}
	var b strings.Builder
	for _, r := range w {
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return count(b.String())
}

func countUpper(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf && r >= 'A' && r <= 'Z' {
			n++
		} else {
			return -1
		}
	}
	return n
}

// syllableExceptions holds common words the rules below get wrong.
var syllableExceptions = map[string]int{
	"area": 3, "areas": 3, "idea": 3, "ideas": 3, "ideal": 3, "people": 2, "peoples": 2,
	"business": 2, "businesses": 3, "every": 2, "everything": 3, "everywhere": 3,
	"maybe": 2, "recipe": 3, "science": 2, "sciences": 3, "scientist": 3, "scientists": 3,
	"society": 4, "friend": 1, "friends": 1, "friendly": 2, "element": 3, "elements": 3,
	"someone": 2, "everyone": 3, "anyone": 3, "does": 1, "done": 1, "one": 1, "once": 1,
	"gone": 1, "none": 1, "embed": 2, "embedded": 3, "real": 1, "really": 2, "being": 2,
	"opinion": 3, "opinions": 3, "union": 2, "million": 2, "billion": 2, "companion": 3,
	"frontier": 2, "cashier": 2, "tier": 1, "tiers": 1, "pier": 1, "via": 2, "quiet": 2,
	"toward": 2, "towards": 2, "our": 1, "hour": 1, "hours": 1, "fire": 1, "hire": 1,
	"hired": 1, "wire": 1, "require": 2, "requires": 2, "required": 2, "whole": 1,
	"ios": 3, "api": 3, "apis": 3, "create": 2, "creates": 2, "created": 3,
	"react": 2, "reacts": 2, "ensure": 2, "ensures": 2, "ensured": 2, "naive": 2,
	"period": 3, "periods": 3, "video": 3, "videos": 3, "poem": 2, "poet": 2,
	"cooperate": 4, "coordinate": 4, "coordinated": 5, "coordination": 5, "cooperation": 5,
	"reuse": 2, "reused": 2, "reuses": 3, "preempt": 2, "wednesday": 2, "colleague": 2,
	"colleagues": 2, "league": 1, "unique": 2, "technique": 2, "techniques": 2,
	"fluent": 2, "fluency": 3, "influence": 3, "influences": 4, "influenced": 3,
	"eighteen": 2, "likely": 2, "lives": 1, "gives": 1, "moves": 1,
}

// englishSyllables counts syllables in a lowercase word by vowel groups,
// with the usual English adjustments: silent final e (but "-le" after a
// consonant is a syllable), "-ed" silent except after t or d, "-es" silent
// except after a sibilant, y as a vowel except before a vowel, suffixes
// (-ly, -ment, -ness, -ful, -less, -ing) counted on their own, and vowel
// pairs that are usually two syllables ("ia", "io", "ua", "iu", "eo",
// "ie" before n or t).
func englishSyllables(w string) int {
	if w == "" {
		return 0
	}
	if n, ok := syllableExceptions[w]; ok {
		return n
	}
	if len(w) <= 3 {
		return 1
	}
	for _, suf := range []struct {
		s   string
		add int
	}{{"ings", 1}, {"ing", 1}, {"ments", 1}, {"ment", 1}, {"ness", 1}, {"fully", 2}, {"ful", 1}, {"lessly", 2}, {"less", 1}, {"ly", 1}} {
		if stem, ok := strings.CutSuffix(w, suf.s); ok && len(stem) >= 2 && hasVowel(stem) {
			if suf.s == "ly" && strings.HasSuffix(stem, "l") && !strings.HasSuffix(stem, "ll") && len(stem) > 3 {
				// "-bly", "-ply": the "le" of "possible" became "ly": possibly = possible.
				if isConsonant(stem[len(stem)-2]) {
					return englishSyllables(stem + "e")
				}
			}
			if suf.s == "ment" || suf.s == "ments" {
				// "element" and "moment" keep their vowel; only strip after
				// a full word such as "manage" or "develop".
				if len(stem) < 3 {
					break
				}
			}
			return englishSyllables(stem) + suf.add
		}
	}
	// "-one" compounds: someone, anyone.
	if stem, ok := strings.CutSuffix(w, "one"); ok && len(stem) >= 3 && isVowelAt(stem, len(stem)-1) {
		return englishSyllables(stem) + 1
	}
	word := w
	switch {
	case strings.HasSuffix(word, "es") && len(word) > 3:
		b := word[:len(word)-2]
		if !(strings.HasSuffix(b, "s") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "z") ||
			strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "c") ||
			strings.HasSuffix(b, "g")) {
			word = word[:len(word)-1] // "makes" -> "make": the e is silent below
		}
	case strings.HasSuffix(word, "ed") && len(word) > 3:
		b := word[:len(word)-2]
		if !strings.HasSuffix(b, "t") && !strings.HasSuffix(b, "d") && !strings.HasSuffix(b, "e") {
			word = b // "jumped" -> "jump"; "wanted" keeps its syllable
		}
	case strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") && len(word) > 3:
		word = word[:len(word)-1]
	}
	// Silent final e, except a syllabic "-le" after a consonant (table).
	if n := len(word); n > 2 && word[n-1] == 'e' {
		syllabicLE := word[n-2] == 'l' && isConsonant(word[n-3])
		if !syllabicLE && word[n-2] != 'e' {
			word = word[:n-1]
		}
	}
	count := 0
	for i := 0; i < len(word); {
		if !isVowelAt(word, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(word) && isVowelAt(word, j) {
			j++
		}
		count += 1 + hiatus(word, i, j)
		i = j
	}
	// "-ism" is two syllables (is-m), "-ier" at the end two (eas-i-er).
	if strings.HasSuffix(w, "ism") || strings.HasSuffix(w, "isms") {
		count++
	}
	if count < 1 {
		count = 1
	}
	return count
}

// hiatus returns how many extra syllables a vowel group word[i:j] holds
// because two of its vowels are pronounced apart.
func hiatus(word string, i, j int) int {
	extra := 0
	for k := i; k+1 < j; k++ {
		a, b := word[k], word[k+1]
		prev := byte(0)
		if k > 0 {
			prev = word[k-1]
		}
		switch {
		case a == 'i' && b == 'a':
			// media, trial; but social, partial, Christian: one.
			if prev != 'c' && prev != 't' && prev != 's' && prev != 'x' {
				extra++
			}
		case a == 'i' && b == 'o':
			// studio, senior, period; but nation, vision, region, fashion.
			if prev != 't' && prev != 's' && prev != 'c' && prev != 'x' && prev != 'g' && prev != 'h' {
				extra++
			}
		case a == 'u' && (b == 'a' || b == 'o'):
			// actual, continuous; but quality, language.
			if prev != 'q' && prev != 'g' {
				extra++
			}
		case a == 'i' && b == 'u':
			extra++ // medium
		case a == 'e' && b == 'o':
			extra++ // video, geography
		case a == 'i' && b == 'e':
			next := byte(0)
			if k+2 < len(word) {
				next = word[k+2]
			}
			// client, quiet, orient, experience, variety; but patient,
			// efficient, ancient (and friend, an exception).
			if (next == 'n' || next == 't') && prev != 'c' && prev != 't' {
				extra++
			}
			// easier, earlier, supplier at the end of a word.
			if next == 'r' && k+3 >= len(word) && len(word) > 4 {
				extra++
			}
		}
	}
	return extra
}

func hasVowel(s string) bool {
	for i := range len(s) {
		if isVowelAt(s, i) {
			return true
		}
	}
	return false
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiouy", rune(c))
}

// isVowelAt reports whether word[i] is a vowel: a, e, i, o, u always; y
// unless it starts the word or comes before a vowel ("you", "beyond").
func isVowelAt(word string, i int) bool {
	switch word[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		if i == 0 {
			return false
		}
		if i+1 < len(word) && strings.IndexByte("aeiou", word[i+1]) >= 0 {
			return false
		}
		return true
	}
	// Letters outside ASCII (é, ö...) count as vowels when they are one.
	return word[i] >= utf8.RuneSelf && strings.ContainsRune("àáâäãåæèéêëìíîïòóôöõøœùúûü", decodeAt(word, i))
}

func decodeAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// moreFields reports whether s has more than n space-separated fields, as
// len(strings.Fields(s)) > n would, without building the list.
func moreFields(s string, n int) bool {
	in := false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n--
			if n < 0 {
				return true
			}
		}
		in = !sp
	}
	return false
}

// squeezeSpace trims s and turns each run of white space into one space,
// as strings.Join(strings.Fields(s), " ") does, without the list.
func squeezeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
