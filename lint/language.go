package lint

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rungs/rungs/internal/strictyaml"
)

// The languages lint knows. English is the default: Rungs writes English
// unless asked otherwise, and a text too short to tell is most likely a
// fragment of an English posting.
const (
	LangEnglish = "en"
	LangFrench  = "fr"
)

// Languages are the valid values of Options.Lang, in the order the CLI
// lists them.
var Languages = []string{LangFrench, LangEnglish}

// How the language of a report was chosen (Language.Source).
const (
	LangFromOption   = "option"
	LangFromText     = "detected"
	LangFromFallback = "default"
)

// Language says which language a posting was checked as, and why.
type Language struct {
	// Code is LangEnglish or LangFrench.
	Code string `json:"code"`
	// Source is LangFromOption (Options.Lang), LangFromText (the
	// function-word test) or LangFromFallback (no function word of
	// either language: English).
	Source string `json:"source"`
	// French and English count the function words of each language in
	// the posting's text; Words counts all its words.
	French  int `json:"french_words"`
	English int `json:"english_words"`
	Words   int `json:"words"`
	// Note says how the language was chosen, in one line.
	Note string `json:"note"`
}

// languageFile is the shape of data/language.yaml.
type languageFile struct {
	French  []string `yaml:"french"`
	English []string `yaml:"english"`
	France  []string `yaml:"france"`
}

type languageData struct {
	french, english map[string]bool
	// france holds normalised place names (see normPlace) in France.
	france []string
}

var loadLanguage = sync.OnceValues(func() (*languageData, error) {
	return parseLanguage(mustRead("data/language.yaml"))
})

func parseLanguage(b []byte) (*languageData, error) {
	const name = "lint/data/language.yaml"
	var f languageFile
	if _, err := strictyaml.Decode(name, b, &f); err != nil {
		return nil, err
	}
	var errs strictyaml.List
	d := &languageData{french: map[string]bool{}, english: map[string]bool{}}
	for _, l := range []struct {
		words []string
		set   map[string]bool
		name  string
	}{{f.French, d.french, "french"}, {f.English, d.english, "english"}} {
		if len(l.words) < 30 {
			errs.Add(name, 0, "%s: %d function words; a reliable test needs at least 30", l.name, len(l.words))
		}
		for _, w := range l.words {
			w = strings.ToLower(strings.TrimSpace(w))
			if w == "" || l.set[w] {
				errs.Add(name, 0, "%s: empty or repeated word %q", l.name, w)
			}
			l.set[w] = true
		}
	}
	for w := range d.french {
		if d.english[w] {
			// A word of both lists would count for both and tell nothing.
			errs.Add(name, 0, "%q is in both lists; leave words of both languages out", w)
		}
	}
	for _, p := range f.France {
		if n := normPlace(p); n != "" {
			d.france = append(d.france, n)
		}
	}
	if len(d.france) == 0 {
		errs.Add(name, 0, "france: no place names")
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	return d, nil
}

func getLanguage() *languageData {
	d, err := loadLanguage()
	if err != nil {
		panic("lint: embedded data is invalid: " + err.Error())
	}
	return d
}

// The function-word test. A posting is French when its French function
// words outnumber its English ones, English when the reverse holds, and
// English by default when it has none of either. Below fewWords function
// words in all, the note says the call is uncertain; when the smaller
// count is at least mixedShare of the two together, it says the text is
// mixed.
const (
	fewWords   = 10
	mixedShare = 0.25
)

// DetectLanguage tells French from English by the share of each
// language's function words in text (see data/language.yaml).
func DetectLanguage(text string) Language {
	d := getLanguage()
	l := Language{}
	eachWord(text, func(start, end int) {
		l.Words++
		countFunctionWord(d, text[start:end], &l)
	})
	l.decide()
	return l
}

// countFunctionWord counts one word as returned by eachWord: a word with
// an apostrophe counts its first part ("l'équipe" counts "l", "we're"
// counts "we").
func countFunctionWord(d *languageData, w string, l *Language) {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i]
	}
	if len(w) > 8 {
		return // no function word is this long: skip the lowering
	}
	// Lowercase on the stack: the map lookup of string(key) makes no copy.
	// A letter outside ASCII ("À", "Où") goes through strings.ToLower.
	var buf [8]byte
	key := buf[:copy(buf[:], w)]
	for i, c := range key {
		switch {
		case c >= 'A' && c <= 'Z':
			key[i] = c + 'a' - 'A'
		case c >= utf8.RuneSelf:
			key = []byte(strings.ToLower(w))
		}
		if c >= utf8.RuneSelf {
			break
		}
	}
	switch {
	case d.french[string(key)]:
		l.French++
	case d.english[string(key)]:
		l.English++
	}
}

// decide sets Code, Source and Note from the counts.
func (l *Language) decide() {
	fr, en := l.French, l.English
	switch {
	case fr == 0 && en == 0:
		l.Code, l.Source = LangEnglish, LangFromFallback
		l.Note = fmt.Sprintf("no French or English function word in %d words: checked as English (pass --lang to choose)", l.Words)
		return
	case fr > en:
		l.Code = LangFrench
	default:
		l.Code = LangEnglish
	}
	l.Source = LangFromText
	l.Note = fmt.Sprintf("detected from function words: %d French, %d English in %d words", fr, en, l.Words)
	switch {
	case fr+en < fewWords:
		l.Note += "; few function words: pass --lang to be sure"
	case float64(min(fr, en)) >= mixedShare*float64(fr+en):
		l.Note += "; mixed French and English"
	}
}

// postingLanguage chooses the language a posting is checked as: the
// option when it names a known language, else the function-word test over
// the posting's text (headings, paragraphs, list items and table cells;
// not code).
func postingLanguage(opt string, units []*unit) Language {
	d := getLanguage()
	l := Language{}
	for _, u := range units {
		eachWord(u.text, func(start, end int) {
			l.Words++
			countFunctionWord(d, u.text[start:end], &l)
		})
	}
	switch opt {
	case LangEnglish, LangFrench:
		l.Code, l.Source = opt, LangFromOption
		l.Note = fmt.Sprintf("chosen with --lang %s (function words: %d French, %d English in %d words)", opt, l.French, l.English, l.Words)
		return l
	}
	l.decide()
	return l
}

// inFrance returns the first name of a place in France the text names,
// or "": "Location: Paris, France (hybrid)" gives "paris".
func inFrance(text string) string {
	n := " " + normPlace(text) + " "
	best, at := "", len(n)
	for _, p := range getLanguage().france {
		i := strings.Index(n, " "+p+" ")
		if i >= 0 && (i < at || (i == at && len(p) > len(best))) {
			best, at = p, i
		}
	}
	return best
}

// titleCase capitalises the first letter of each word of a normalised
// place name, for messages ("sophia antipolis" gives "Sophia Antipolis").
func titleCase(s string) string {
	rs := []rune(s)
	for i := range rs {
		if i == 0 || rs[i-1] == ' ' {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs)
}
