package lint

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of the posting's prose.
type Sentence struct {
	Line  int    `json:"line"`
	Words int    `json:"words"`
	Text  string `json:"text"`
}

// abbreviations end in a dot without ending the sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "vs": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "jr": true,
	"sr": true, "approx": true, "incl": true, "dept": true, "u.s": true, "no": false,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "min": true, "max": true,
	"p.a": true, "esp": true, "cf": true,
}

// newLabel matches the start of a line that opens a new "Label: value"
// statement, so "Location: Berlin\nType: Full-time" is two sentences.
var newLabel = regexp.MustCompile(`^\s*\p{Lu}[\p{L} /&-]{0,30}:\s`)

// sentences splits a unit's text into sentences: at '.', '!' or '?'
// followed by a space or the end (closing quotes and brackets may come
// between), except after a known abbreviation, and at a line break when
// the next line opens a new "Label:". The text left at the end counts as
// a sentence, so a bullet without final punctuation is one sentence.
func sentences(u *unit) []Sentence {
	var out []Sentence
	s := u.text
	start := 0
	emit := func(end int) {
		part := s[start:end]
		if n := countWords(part); n > 0 {
			off := start + (len(part) - len(strings.TrimLeftFunc(part, unicode.IsSpace)))
			out = append(out, Sentence{Line: u.lineAt(off), Words: n, Text: squeezeSpace(part)})
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune(".!?…\"'”’)]", r2) {
					break
				}
				j += n
			}
			if (j == len(s) || s[j] == ' ' || s[j] == '\n' || s[j] == '\t') && !(r == '.' && isAbbrevBefore(s, i)) {
				emit(j)
			}
			i = j
			continue
		case r == '•':
			// An inline bullet ends what came before it.
			emit(i)
			start = i + size
		case r == '\n':
			if newLabel.MatchString(s[i+1:]) {
				emit(i + 1)
			}
		}
		i += size
	}
	emit(len(s))
	return out
}

// isAbbrevBefore reports whether the word ending at the dot s[i] is an
// abbreviation ("e.g.", "Inc.").
func isAbbrevBefore(s string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	w := strings.ToLower(strings.Trim(s[j:i], "."))
	return abbreviations[w]
}

// flesch returns the Flesch reading ease of a text of the given counts:
// 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words).
// It returns 0 for a text without words.
func flesch(words, sents, syls int) float64 {
	if words == 0 || sents == 0 {
		return 0
	}
	return 206.835 - 1.015*float64(words)/float64(sents) - 84.6*float64(syls)/float64(words)
}

// grade returns the Flesch-Kincaid grade level: 0.39 × (words /
// sentences) + 11.8 × (syllables / words) − 15.59; 0 without words.
func grade(words, sents, syls int) float64 {
	if words == 0 || sents == 0 {
		return 0
	}
	return 0.39*float64(words)/float64(sents) + 11.8*float64(syls)/float64(words) - 15.59
}

// countSyllables sums the syllables of every word in s.
func countSyllables(s string) int {
	n := 0
	eachWord(s, func(start, end int) { n += syllables(s[start:end]) })
	return n
}
