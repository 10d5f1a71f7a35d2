package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// jsonReport is the stable JSON shape of a Report. The keys file, words,
// flesch, gender (score, verdict, masculine, feminine) and findings (rule,
// level, line, text, message) are a documented interface: never rename or
// remove them. New keys may be added.
type jsonReport struct {
	File             string     `json:"file"`
	Language         string     `json:"language"`
	LanguageSource   string     `json:"language_source"`
	LanguageNote     string     `json:"language_note"`
	Words            int        `json:"words"`
	Flesch           float64    `json:"flesch"`
	ReadingEase      string     `json:"reading_ease_formula"`
	Grade            *float64   `json:"grade"`
	Sentences        int        `json:"sentences"`
	AvgSentenceWords float64    `json:"avg_sentence_words"`
	LongestSentences []Sentence `json:"longest_sentences"`
	BulletShare      float64    `json:"bullet_share"`
	MustHaves        int        `json:"must_haves"`
	Jurisdictions    []string   `json:"jurisdictions"`
	Places           []Place    `json:"places"`
	Date             string     `json:"date,omitempty"`
	DateSource       string     `json:"date_source,omitempty"`
	Excluded         []Excluded `json:"excluded"`
	NotChecked       []string   `json:"not_checked"`
	Gender           Gender     `json:"gender"`
	Findings         []Finding  `json:"findings"`
}

// MarshalJSON encodes the report in its stable schema, with reading ease,
// averages and shares rounded to one decimal (shares to two). A French
// report's flesch is its Kandel–Moles reading ease (reading_ease_formula
// says which) and its grade is null: the US grade level is for English.
func (r Report) MarshalJSON() ([]byte, error) {
	g := r.Gender
	if g.Masculine == nil {
		g.Masculine = []string{}
	}
	if g.Feminine == nil {
		g.Feminine = []string{}
	}
	if g.Verdict == "" {
		g.Verdict = VerdictEmpty
	}
	lang := r.Language
	if lang.Code == "" {
		lang.Code = LangEnglish
	}
	jr := jsonReport{
		File: r.File, Language: lang.Code, LanguageSource: lang.Source, LanguageNote: lang.Note,
		ReadingEase: "flesch", NotChecked: nonNil(r.NotChecked),
		Words: r.Words, Flesch: round1(r.Flesch), Sentences: r.Sentences,
		AvgSentenceWords: round1(r.AvgSentenceWords), LongestSentences: nonNil(r.LongestSentences),
		BulletShare: round1(r.BulletShare*10) / 10, MustHaves: r.MustHaves,
		Jurisdictions: nonNil(r.Jurisdictions), Gender: g, Findings: nonNil(r.Findings),
		Places: nonNil(r.Places), Excluded: nonNil(r.Excluded), DateSource: r.DateSource,
	}
	if lang.Code == LangFrench {
		jr.ReadingEase = "kandel-moles"
	} else {
		g := round1(r.Grade)
		jr.Grade = &g
	}
	if !r.Date.IsZero() {
		jr.Date = r.Date.Format(time.DateOnly)
	}
	for i := range jr.Places {
		jr.Places[i].Jurisdictions = nonNil(jr.Places[i].Jurisdictions)
		jr.Places[i].Names = nonNil(jr.Places[i].Names)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jr); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// JSON encodes reports as an indented JSON array, one object per file,
// ending in a newline.
func JSON(reports []Report) ([]byte, error) {
	if reports == nil {
		reports = []Report{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(reports); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FormatText renders reports for a terminal: per file a summary line, the
// gender verdict, then one line per finding as file:line: level: rule:
// message, with the offending text and the fix indented below; and a
// total at the end.
func FormatText(reports []Report) string {
	var b strings.Builder
	var errs, warns, infos int
	for i, r := range reports {
		if i > 0 {
			b.WriteString("\n")
		}
		if r.Language.Code == LangFrench {
			fmt.Fprintf(&b, "%s: %d words, reading ease %.1f (Kandel–Moles, French), %.1f words per sentence, %.0f%% in bullets, %d must-haves\n",
				r.File, r.Words, round1(r.Flesch), round1(r.AvgSentenceWords), 100*r.BulletShare, r.MustHaves)
		} else {
			fmt.Fprintf(&b, "%s: %d words, reading ease %.1f (US grade %.1f), %.1f words per sentence, %.0f%% in bullets, %d must-haves\n",
				r.File, r.Words, round1(r.Flesch), round1(r.Grade), round1(r.AvgSentenceWords), 100*r.BulletShare, r.MustHaves)
		}
		if r.Language.Code != "" && (r.Language.Code != LangEnglish || r.Language.Source == LangFromOption) {
			// An English posting read as English says nothing new; any
			// other outcome says how the language was chosen.
			fmt.Fprintf(&b, "  language: %s (%s)\n", r.Language.Code, r.Language.Note)
		}
		for _, n := range r.NotChecked {
			fmt.Fprintf(&b, "  not checked: %s\n", n)
		}
		if r.Gender.Verdict != VerdictNotScored {
			fmt.Fprintf(&b, "  gender: %s (score %+d", r.Gender.Verdict, r.Gender.Score)
			if len(r.Gender.Masculine) > 0 {
				fmt.Fprintf(&b, "; masculine: %s", summarize(r.Gender.Masculine))
			}
			if len(r.Gender.Feminine) > 0 {
				fmt.Fprintf(&b, "; feminine: %s", summarize(r.Gender.Feminine))
			}
			if r.Gender.Words > 0 {
				fmt.Fprintf(&b, "; per 1,000 words: %.1f masculine, %.1f feminine", r.Gender.MasculinePer1000, r.Gender.FemininePer1000)
			}
			if r.Gender.Method == GenderDecoder {
				b.WriteString("; gender-decoder method")
			}
			b.WriteString(")\n")
		}
		if len(r.Places) > 0 {
			var ps []string
			for _, p := range r.Places {
				ps = append(ps, strings.Join(p.Names, ", "))
			}
			fmt.Fprintf(&b, "  places: %s\n", strings.Join(ps, "; "))
		}
		if r.DateSource == "posting" {
			fmt.Fprintf(&b, "  publication date: %s (the posting's own date)\n", r.Date.Format(time.DateOnly))
		}
		if len(r.Excluded) > 0 {
			w := 0
			for _, e := range r.Excluded {
				w += e.Words
			}
			fmt.Fprintf(&b, "  left out of the wording checks: %d equal-opportunity or legal paragraphs (%d words)\n", len(r.Excluded), w)
		}
		if len(r.Jurisdictions) > 0 {
			fmt.Fprintf(&b, "  pay transparency checked for: %s (guidance, not legal advice)\n", strings.Join(r.Jurisdictions, ", "))
		}
		for _, f := range r.Findings {
			pos := r.File
			if f.Line > 0 {
				pos = fmt.Sprintf("%s:%d", r.File, f.Line)
			}
			fmt.Fprintf(&b, "%s: %s: %s: %s\n", pos, f.Level, f.Rule, f.Message)
			if f.Text != "" {
				fmt.Fprintf(&b, "    text: %s\n", f.Text)
			}
			if f.Fix != "" {
				fmt.Fprintf(&b, "    fix:  %s\n", f.Fix)
			}
		}
		errs += r.Count(LevelError)
		warns += r.Count(LevelWarning)
		infos += r.Count(LevelInfo)
	}
	fmt.Fprintf(&b, "%s: %s, %s, %s\n", plural(len(reports), "file"), plural(errs, "error"), plural(warns, "warning"), plural(infos, "info"))
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 || word == "info" {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
