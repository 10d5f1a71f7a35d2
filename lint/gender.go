package lint

import (
	"regexp"
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
	// Method is GenderFair or GenderDecoder.
	Method string `json:"method"`
	// Words is how many words were scored; the per-1,000 figures are the
	// coded words per 1,000 of them (the paper measured shares of words).
	Words            int     `json:"words"`
	MasculinePer1000 float64 `json:"masculine_per_1000"`
	FemininePer1000  float64 `json:"feminine_per_1000"`
}

// Gender methods.
const (
	// GenderFair (the default) scores the job's own wording: headings,
	// equal-opportunity and legal paragraphs, capitalised words inside a
	// sentence (job titles such as "Tech Lead", place and company names
	// such as "Pleasanton" or "Champion Energy"), words in URLs and the
	// phrase "competitive salary/compensation/pay/benefits/package" do not
	// count.
	GenderFair = "fair"
	// GenderDecoder is the gender-decoder's exact method, for comparison:
	// its own word lists, its tokenisation (non-ASCII characters and
	// punctuation split words), every stem a word starts with counted, on
	// all the posting's text.
	GenderDecoder = "decoder"
)

// Verdicts, as the gender-decoder names them.
const (
	VerdictEmpty             = "empty"
	VerdictNeutral           = "neutral"
	VerdictFeminine          = "feminine-coded"
	VerdictStronglyFeminine  = "strongly feminine-coded"
	VerdictMasculine         = "masculine-coded"
	VerdictStronglyMasculine = "strongly masculine-coded"
	// VerdictNotScored is the verdict of a French posting: the coded word
	// lists are English research, so French wording is not scored.
	VerdictNotScored = "not scored"
)

// GenderNone is the Method of a posting whose wording was not scored.
const GenderNone = "none"

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

// urlRE finds URLs and bare domains, whose words are not wording.
var urlRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|org|net|dev|ai|co|app|jobs|eu|de|uk)\b(?:/\S*)?`)

// mayHaveURL is a quick test before urlRE.
func mayHaveURL(s string) bool {
	if !strings.Contains(s, ".") {
		return false
	}
	l := lowerASCII(s)
	for _, m := range []string{"://", "www.", ".com", ".io", ".org", ".net", ".dev", ".ai", ".co", ".app", ".jobs", ".eu", ".de", ".uk"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// competitivePay is "competitive" about pay, not about people.
var competitivePay = regexp.MustCompile(`(?i)^competitive\s+(?:base\s+|annual\s+|total\s+)?(?:salar|compensation|pay|benefit|package|wage|rate|equity|rewards)`)

// sentenceStart reports whether the word at off starts a sentence, a line
// or a list item: only space, or nothing, stands between it and the start
// of the text or an end mark.
func sentenceStart(s string, off int) bool {
	for i := off - 1; i >= 0; i-- {
		switch c := s[i]; c {
		case ' ', '\t':
			continue
		case '.', '!', '?', ':', ';', '\n', '"', '(', '-', '*', '>', '|':
			return true
		default:
			if c >= utf8.RuneSelf {
				r, _ := utf8.DecodeLastRuneInString(s[:i+1])
				return strings.ContainsRune("•·–—“‘", r)
			}
			return false
		}
	}
	return true
}

// scanFair returns the coded words of the job's own wording (GenderFair)
// and how many words were scored.
func (m genderMatcher) scanFair(units []*unit) ([]codedWord, int) {
	var out []codedWord
	words := 0
	for _, u := range units {
		if u.legal || u.kind == kindHeading || u.kind == kindLabel {
			continue
		}
		if u.nwords == 0 {
			u.nwords = countWords(u.text)
		}
		words += u.nwords
		var urls [][]int
		if mayHaveURL(u.text) {
			urls = urlRE.FindAllStringIndex(u.text, -1)
		}
		genderWords(u.text, m.hyphenStems, func(w string, off int) {
			r, _ := utf8.DecodeRuneInString(u.text[off:])
			if unicode.IsUpper(r) && !sentenceStart(u.text, off) {
				return // a title or a name: "Tech Lead", "Pleasanton"
			}
			for _, l := range urls {
				if off >= l[0] && off < l[1] {
					return
				}
			}
			if strings.HasPrefix(w, "compet") && competitivePay.MatchString(u.text[off:min(len(u.text), off+60)]) {
				return
			}
			masc, fem := m.match(w)
			if masc {
				out = append(out, codedWord{w, true, u.lineAt(off)})
			}
			if fem {
				out = append(out, codedWord{w, false, u.lineAt(off)})
			}
		})
	}
	return out, words
}

// decoderPunct are the characters the gender-decoder turns into spaces.
const decoderPunct = ".\t,“”‘’<>*?!\"[]@':;()/&"

// scanDecoder applies the gender-decoder's method to the text of every
// unit: non-ASCII characters and its punctuation split words; a
// hyphenated word is split unless it starts with a hyphenated stem; each
// stem a word starts with counts once (so a word can count twice); a word
// that starts with an exception does not count.
func (m genderMatcher) scanDecoder(units []*unit) ([]codedWord, int) {
	var out []codedWord
	words := 0
	for _, u := range units {
		clean := strings.Map(func(r rune) rune {
			if r >= utf8.RuneSelf || unicode.IsSpace(r) || strings.ContainsRune(decoderPunct, r) {
				return ' '
			}
			return unicode.ToLower(r)
		}, u.text)
		line := u.firstLine()
		for _, w := range strings.Fields(clean) {
			parts := []string{w}
			if strings.Contains(w, "-") && !hasStem(w, m.hyphenStems) {
				parts = strings.Split(w, "-")
			}
			for _, p := range parts {
				if p == "" {
					continue
				}
				words++
				if hasStem(p, m.exceptions) {
					continue
				}
				for _, st := range m.masculine {
					if strings.HasPrefix(p, st) {
						out = append(out, codedWord{p, true, line})
					}
				}
				for _, st := range m.feminine {
					if strings.HasPrefix(p, st) {
						out = append(out, codedWord{p, false, line})
					}
				}
			}
		}
	}
	return out, words
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
