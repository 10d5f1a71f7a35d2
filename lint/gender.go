package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gender is the gender-coded wording verdict of a posting.
type Gender struct {
	// Score is the number of feminine-coded words minus the number of
	// masculine-coded ones.
	Score int `json:"score"`
	// Verdict is one of the Verdict* constants.
	Verdict string `json:"verdict"`
	// Masculine and Feminine list the coded words found, lowercase, one
	// entry per occurrence, in document order.
	Masculine []string `json:"masculine"`
	Feminine  []string `json:"feminine"`
}

// Verdicts, as the gender-decoder names them.
const (
	VerdictEmpty             = "empty"
	VerdictNeutral           = "neutral"
	VerdictFeminine          = "feminine-coded"
	VerdictStronglyFeminine  = "strongly feminine-coded"
	VerdictMasculine         = "masculine-coded"
	VerdictStronglyMasculine = "strongly masculine-coded"
)

// verdict maps counts to a verdict: "empty" when no coded word was found;
// otherwise by score = feminine − masculine: 0 neutral, 1..3
// feminine-coded, above 3 strongly feminine-coded, −1..−3 masculine-coded,
// below −3 strongly masculine-coded.
func verdict(masc, fem int) string {
	score := fem - masc
	switch {
	case masc == 0 && fem == 0:
		return VerdictEmpty
	case score == 0:
		return VerdictNeutral
	case score > 3:
		return VerdictStronglyFeminine
	case score > 0:
		return VerdictFeminine
	case score < -3:
		return VerdictStronglyMasculine
	}
	return VerdictMasculine
}

// codedWord is one coded word occurrence and where it is.
type codedWord struct {
	word      string
	masculine bool
	line      int
}

// genderWords splits text into the words the gender check looks at.
// Words are runs of letters; digits, apostrophes and every other
// character split them. A hyphen between letters joins a compound, which
// stays whole when it starts with a hyphenated stem ("co-operative",
// "self-confident") and is otherwise split at its hyphens, so
// "data-driven" yields "data" and "driven". The callback gets each word,
// lowercase, and its byte offset in s.
func genderWords(s string, hyphenStems []string, fn func(w string, off int)) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		end := i
		hyphenated := false
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if unicode.IsLetter(r) {
				end += size
				continue
			}
			if isHyphen(r) {
				if next, _ := utf8.DecodeRuneInString(s[end+size:]); unicode.IsLetter(next) {
					hyphenated = true
					end += size
					continue
				}
			}
			break
		}
		if hyphenated {
			whole := strings.ToLower(strings.Map(func(r rune) rune {
				if isHyphen(r) {
					return '-'
				}
				return r
			}, s[i:end]))
			if hasStem(whole, hyphenStems) {
				fn(whole, i)
				i = end
				continue
			}
		}
		// Split at hyphens, keeping offsets into s.
		for k := i; k < end; {
			stop := k
			for stop < end {
				r, size := utf8.DecodeRuneInString(s[stop:])
				if isHyphen(r) {
					break
				}
				stop += size
			}
			if stop > k {
				fn(strings.ToLower(s[k:stop]), k)
			}
			_, size := utf8.DecodeRuneInString(s[stop:])
			k = stop + size
		}
		i = end
	}
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// genderMatcher finds coded words with the stem lists.
type genderMatcher struct {
	masculine, feminine, exceptions, hyphenStems []string
}

// match reports whether word is masculine-coded and feminine-coded. A
// word counts once per list however many of its stems it matches.
func (m genderMatcher) match(word string) (masc, fem bool) {
	for _, e := range m.exceptions {
		if strings.HasPrefix(word, e) {
			return false, false
		}
	}
	return hasStem(word, m.masculine), hasStem(word, m.feminine)
}

func hasStem(word string, stems []string) bool {
	for _, s := range stems {
		if strings.HasPrefix(word, s) {
			return true
		}
	}
	return false
}

// scan returns the coded words of the units in document order.
func (m genderMatcher) scan(units []*unit) []codedWord {
	var out []codedWord
	for _, u := range units {
		genderWords(u.text, m.hyphenStems, func(w string, off int) {
			masc, fem := m.match(w)
			if masc {
				out = append(out, codedWord{w, true, u.lineAt(off)})
			}
			if fem {
				out = append(out, codedWord{w, false, u.lineAt(off)})
			}
		})
	}
	return out
}

// genderOf computes the verdict of coded words.
func genderOf(coded []codedWord) Gender {
	g := Gender{Masculine: []string{}, Feminine: []string{}}
	for _, c := range coded {
		if c.masculine {
			g.Masculine = append(g.Masculine, c.word)
		} else {
			g.Feminine = append(g.Feminine, c.word)
		}
	}
	g.Score = len(g.Feminine) - len(g.Masculine)
	g.Verdict = verdict(len(g.Masculine), len(g.Feminine))
	return g
}
