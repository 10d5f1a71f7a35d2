package lint

import (
	"embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rungs/rungs/internal/strictyaml"
)

//go:embed data/*.yaml
var dataFS embed.FS

// genderFile is the shape of data/gender.yaml.
type genderFile struct {
	Masculine  []string `yaml:"masculine"`
	Feminine   []string `yaml:"feminine"`
	Exceptions []string `yaml:"exceptions"`
	Decoder    struct {
		Masculine  []string `yaml:"masculine"`
		Feminine   []string `yaml:"feminine"`
		Hyphenated []string `yaml:"hyphenated"`
		Exceptions []string `yaml:"exceptions"`
	} `yaml:"decoder"`
}

// phrasingFile is the shape of data/phrasing.yaml.
type phrasingFile struct {
	Rules []phraseRuleData `yaml:"rules"`
}

type phraseRuleData struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Level    string   `yaml:"level"`
	Source   string   `yaml:"source"`
	Reason   string   `yaml:"reason"`
	Fix      string   `yaml:"fix"`
	Patterns []string `yaml:"patterns"`
	// Match is "words" (the default: patterns match whole words) or
	// "anywhere" (patterns match as written, outside inline code).
	Match  string   `yaml:"match"`
	Except []string `yaml:"except"`
	Bad    []string `yaml:"bad"`
	Good   []string `yaml:"good"`
	// Lang is the language the rule applies to: LangEnglish, LangFrench,
	// or empty for both (words such as "ninja" that French postings use
	// too). Two rules may share an id when their languages differ: the
	// French age limit is "age-limit" too.
	Lang string `yaml:"lang"`
}

// payFile is the shape of data/pay.yaml.
type payFile struct {
	Jurisdictions []Jurisdiction `yaml:"jurisdictions"`
	Places        []struct {
		ID     string   `yaml:"id"`
		Name   string   `yaml:"name"`
		Region string   `yaml:"region"`
		Cities []string `yaml:"cities"`
		States []string `yaml:"states"`
	} `yaml:"places"`
	Regions []struct {
		ID    string   `yaml:"id"`
		Names []string `yaml:"names"`
	} `yaml:"regions"`
}

// Jurisdiction is one pay-transparency law as Rungs summarises it. The
// summaries are guidance, not legal advice.
type Jurisdiction struct {
	ID        string        `yaml:"id" json:"id"`
	Name      string        `yaml:"name" json:"name"`
	Region    string        `yaml:"region" json:"region"`
	Law       string        `yaml:"law" json:"law"`
	Source    string        `yaml:"source" json:"source"`
	Effective string        `yaml:"effective" json:"effective"`
	Employees int           `yaml:"employees" json:"employees"`
	Threshold string        `yaml:"threshold" json:"threshold"`
	Requires  []Requirement `yaml:"requires" json:"requires"`
	Cities    []string      `yaml:"cities" json:"-"`
	States    []string      `yaml:"states" json:"-"`
	// CitySuffixes may follow one of Cities without placing a job in the
	// jurisdiction on their own: "Brooklyn, NY" is in New York City,
	// "Albany, NY" is not.
	CitySuffixes []string `yaml:"city_suffixes" json:"-"`
	// Checked says how the summary was checked against current texts.
	Checked string `yaml:"checked" json:"checked,omitempty"`
	// Basis says where each summarised fact was checked.
	Basis Basis `yaml:"basis" json:"basis"`
	// Sources name what each fact was checked against, so a reader can
	// open the same text: every fact whose basis is not unchecked has at
	// least one source of that basis.
	Sources []Source `yaml:"sources" json:"sources,omitempty"`
}

// Source is one text a fact of a jurisdiction was checked against.
type Source struct {
	// Fact is effective, threshold or requires.
	Fact string `yaml:"fact" json:"fact"`
	// Basis is statute, official or secondary.
	Basis string `yaml:"basis" json:"basis"`
	// Cite names the text: the section, the guidance or the summary.
	Cite string `yaml:"cite" json:"cite"`
	// URL is where the text was read.
	URL string `yaml:"url" json:"url"`
}

// The facts a Source can support, as named in Basis.
var facts = []string{"effective", "threshold", "requires"}

// Basis says, for the effective date, the employer threshold and the
// required elements of a jurisdiction, what they were checked against: one
// of the Basis* constants. A reader can then tell a fact read in the law
// itself from one taken from a summary.
type Basis struct {
	Effective string `yaml:"effective" json:"effective"`
	Threshold string `yaml:"threshold" json:"threshold"`
	Requires  string `yaml:"requires" json:"requires"`
}

// What a fact of a jurisdiction was checked against.
const (
	// BasisStatute: the text of the law or regulation itself.
	BasisStatute = "statute"
	// BasisOfficial: the enforcing government's own guidance.
	BasisOfficial = "official"
	// BasisSecondary: published summaries (law firms, HR bodies).
	BasisSecondary = "secondary"
	// BasisUnchecked: not checked against a current text.
	BasisUnchecked = "unchecked"
)

var bases = []string{BasisStatute, BasisOfficial, BasisSecondary, BasisUnchecked}

// Requirement is one element a jurisdiction asks a posting to contain.
type Requirement struct {
	// Element is one of the Element* constants.
	Element string `yaml:"element" json:"element"`
	Text    string `yaml:"text" json:"text"`
	// Since is the date the element took effect when later than the
	// jurisdiction's own date (YYYY-MM-DD), else empty.
	Since string `yaml:"since" json:"since,omitempty"`
	// Law names the amendment that added the element, else empty.
	Law string `yaml:"law" json:"law,omitempty"`
}

// The elements a pay-transparency law can require.
const (
	ElementPayRange     = "pay-range"
	ElementNoOpenEnded  = "no-open-ended"
	ElementBenefits     = "benefits"
	ElementDeadline     = "deadline"
	ElementNeutralTitle = "neutral-title"
)

var elements = []string{ElementPayRange, ElementNoOpenEnded, ElementBenefits, ElementDeadline, ElementNeutralTitle}

// Requirement returns the jurisdiction's requirement for element, and
// whether it has one.
func (j Jurisdiction) Requirement(element string) (Requirement, bool) {
	for _, r := range j.Requires {
		if r.Element == element {
			return r, true
		}
	}
	return Requirement{}, false
}

// How a phrasing rule's patterns match (the match field).
const (
	// MatchWords: each pattern matches whole words only.
	MatchWords = "words"
	// MatchAnywhere: patterns match as written, anywhere in the text
	// except inside inline code (for rules about punctuation, such as
	// placeholders in square brackets).
	MatchAnywhere = "anywhere"
	// MatchLetters: each pattern matches whole words, where a word is a
	// run of letters and digits of any script: for French, whose words
	// start and end with letters such as "â" and "é" that the ASCII
	// word bounds of MatchWords do not see.
	MatchLetters = "letters"
)

// phraseRule is a compiled phrasing rule.
type phraseRule struct {
	phraseRuleData
	re      *fastRE
	excepts []*regexp.Regexp
}

// phraseWindow bounds a phrasing match: no pattern spans more bytes.
const phraseWindow = 512

// data is everything loaded from the embedded files.
type data struct {
	masculine, feminine []string
	exceptions          []string
	// hyphenStems are the stems that contain a hyphen; a hyphenated word
	// that starts with one is matched whole instead of split.
	hyphenStems []string
	// decoder holds the gender-decoder's own lists (GenderDecoder).
	decoder genderMatcher
	rules   []*phraseRule
	// rulesEN and rulesFR are the rules checked on an English and on a
	// French posting: those of the language and those of both.
	rulesEN, rulesFR []*phraseRule
	jurisdictions    []Jurisdiction
	// places are known places without a law Rungs checks (no Requires).
	places  []Jurisdiction
	regions map[string]string // region name -> region id
	// known holds every city, state and suffix name of the jurisdictions
	// and places: a place none of whose parts is known is no place.
	known map[string]bool
}

var loadData = sync.OnceValues(func() (*data, error) {
	return parseData(
		mustRead("data/gender.yaml"),
		mustRead("data/phrasing.yaml"),
		mustRead("data/pay.yaml"),
	)
})

func mustRead(name string) []byte {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time; cannot fail
	}
	return b
}

// get returns the embedded data. The data is validated by the package's
// tests, so a failure here is a build defect, not a user error.
func get() *data {
	d, err := loadData()
	if err != nil {
		panic("lint: embedded data is invalid: " + err.Error())
	}
	return d
}

var validLevels = map[string]bool{LevelError: true, LevelWarning: true, LevelInfo: true}

func parseData(genderYAML, phrasingYAML, payYAML []byte) (*data, error) {
	var errs strictyaml.List
	d := &data{regions: map[string]string{}}

	var g genderFile
	if _, err := strictyaml.Decode("lint/data/gender.yaml", genderYAML, &g); err != nil {
		return nil, err
	}
	for _, list := range []*[]string{&g.Masculine, &g.Feminine, &g.Exceptions} {
		for i, s := range *list {
			(*list)[i] = strings.ToLower(strings.TrimSpace(s))
			if (*list)[i] == "" {
				errs.Add("lint/data/gender.yaml", 0, "empty stem")
			}
		}
	}
	d.masculine, d.feminine, d.exceptions = g.Masculine, g.Feminine, g.Exceptions
	d.decoder = genderMatcher{g.Decoder.Masculine, g.Decoder.Feminine, g.Decoder.Exceptions, g.Decoder.Hyphenated}
	if len(g.Decoder.Masculine) == 0 || len(g.Decoder.Feminine) == 0 {
		errs.Add("lint/data/gender.yaml", 0, "decoder lists are required")
	}
	for _, s := range append(append([]string{}, g.Masculine...), g.Feminine...) {
		if strings.Contains(s, "-") {
			d.hyphenStems = append(d.hyphenStems, s)
		}
	}

	var p phrasingFile
	const pf = "lint/data/phrasing.yaml"
	root, err := strictyaml.Decode(pf, phrasingYAML, &p)
	if err != nil {
		return nil, err
	}
	items := strictyaml.Items(root, "rules")
	seen := map[string]bool{}
	for i, r := range p.Rules {
		line := 0
		if i < len(items) {
			line = items[i].Line
		}
		switch {
		case r.ID == "":
			errs.Add(pf, line, "rule without id")
		case seen[r.ID+"/"+r.Lang]:
			errs.Add(pf, line, "duplicate rule id %q", r.ID)
		}
		seen[r.ID+"/"+r.Lang] = true
		if r.Lang != "" && r.Lang != LangEnglish && r.Lang != LangFrench {
			errs.Add(pf, line, "rule %s: lang %q; valid: en, fr, or none for both", r.ID, r.Lang)
		}
		if !validLevels[r.Level] {
			errs.Add(pf, line, "rule %s: level %q; valid: error, warning, info", r.ID, r.Level)
		}
		switch r.Match {
		case "":
			r.Match = MatchWords
		case MatchWords, MatchAnywhere, MatchLetters:
		default:
			errs.Add(pf, line, "rule %s: match %q; valid: %s, %s, %s", r.ID, r.Match, MatchWords, MatchAnywhere, MatchLetters)
		}
		if r.Reason == "" || r.Fix == "" || len(r.Patterns) == 0 {
			errs.Add(pf, line, "rule %s: reason, fix and patterns are required", r.ID)
		}
		pr := &phraseRule{phraseRuleData: r}
		alts := make([]string, len(r.Patterns))
		for k, pat := range r.Patterns {
			if _, err := regexp.Compile(pat); err != nil {
				errs.Add(pf, line, "rule %s: pattern %q: %v", r.ID, pat, err)
			}
			alts[k] = "(?:" + pat + ")"
		}
		// One regexp per rule: leftmost-first alternation makes the longer
		// alternatives listed first win ("he or she" over "he").
		expr := `(?i)\b(?:` + strings.Join(alts, "|") + `)\b`
		if r.Match == MatchAnywhere || r.Match == MatchLetters {
			// MatchLetters checks its word bounds on each match (see
			// matchPhrases).
			expr = `(?i)(?:` + strings.Join(alts, "|") + `)`
		}
		if _, err := regexp.Compile(expr); err != nil {
			continue // reported above
		}
		window := 64 // a phrase of whole words is short
		switch r.Match {
		case MatchAnywhere:
			window = phraseWindow
		case MatchLetters:
			window = 128 // accented letters take two bytes
		}
		pr.re = newFastRE(expr, window)
		for _, ex := range r.Except {
			re, err := regexp.Compile(`(?i)^(?:` + ex + `)`)
			if err != nil {
				errs.Add(pf, line, "rule %s: except %q: %v", r.ID, ex, err)
				continue
			}
			pr.excepts = append(pr.excepts, re)
		}
		d.rules = append(d.rules, pr)
		if r.Lang != LangFrench {
			d.rulesEN = append(d.rulesEN, pr)
		}
		if r.Lang != LangEnglish {
			d.rulesFR = append(d.rulesFR, pr)
		}
	}

	var pay payFile
	const yf = "lint/data/pay.yaml"
	root, err = strictyaml.Decode(yf, payYAML, &pay)
	if err != nil {
		return nil, err
	}
	jitems := strictyaml.Items(root, "jurisdictions")
	validElem := map[string]bool{}
	for _, e := range elements {
		validElem[e] = true
	}
	ids := map[string]bool{}
	for i, j := range pay.Jurisdictions {
		line := 0
		if i < len(jitems) {
			line = jitems[i].Line
		}
		if j.ID == "" || ids[j.ID] {
			errs.Add(yf, line, "jurisdiction id %q is empty or repeated", j.ID)
		}
		ids[j.ID] = true
		if j.Region != "us" && j.Region != "eu" && j.Region != "canada" {
			errs.Add(yf, line, "jurisdiction %s: region %q; valid: us, eu, canada", j.ID, j.Region)
		}
		if _, err := time.Parse(time.DateOnly, j.Effective); err != nil {
			errs.Add(yf, line, "jurisdiction %s: effective %q is not YYYY-MM-DD", j.ID, j.Effective)
		}
		if j.Law == "" || j.Source == "" || j.Name == "" || len(j.Requires) == 0 {
			errs.Add(yf, line, "jurisdiction %s: name, law, source and requires are required", j.ID)
		}
		cited := map[[2]string]bool{} // fact, basis
		for _, src := range j.Sources {
			switch {
			case !slices.Contains(facts, src.Fact):
				errs.Add(yf, line, "jurisdiction %s: source fact %q; valid: %s", j.ID, src.Fact, strings.Join(facts, ", "))
			case src.Basis == BasisUnchecked || !slices.Contains(bases, src.Basis):
				errs.Add(yf, line, "jurisdiction %s: source basis %q; valid: %s, %s, %s", j.ID, src.Basis, BasisStatute, BasisOfficial, BasisSecondary)
			case src.Cite == "" || src.URL == "":
				errs.Add(yf, line, "jurisdiction %s: a source of %s needs cite and url", j.ID, src.Fact)
			}
			cited[[2]string{src.Fact, src.Basis}] = true
		}
		for _, b := range []struct{ field, v string }{{"effective", j.Basis.Effective}, {"threshold", j.Basis.Threshold}, {"requires", j.Basis.Requires}} {
			switch {
			case !slices.Contains(bases, b.v):
				errs.Add(yf, line, "jurisdiction %s: basis.%s %q; valid: %s", j.ID, b.field, b.v, strings.Join(bases, ", "))
			case b.v != BasisUnchecked && !cited[[2]string{b.field, b.v}]:
				// A basis claimed without the text it was read in cannot be
				// re-checked by the next reader.
				errs.Add(yf, line, "jurisdiction %s: basis.%s is %s but no source of %s has that basis; add one (fact: %s, basis: %s, cite, url)", j.ID, b.field, b.v, b.field, b.field, b.v)
			}
		}
		for _, r := range j.Requires {
			if !validElem[r.Element] {
				errs.Add(yf, line, "jurisdiction %s: element %q; valid: %s", j.ID, r.Element, strings.Join(elements, ", "))
			}
			if r.Since != "" {
				if _, err := time.Parse(time.DateOnly, r.Since); err != nil {
					errs.Add(yf, line, "jurisdiction %s: since %q is not YYYY-MM-DD", j.ID, r.Since)
				}
			}
		}
		for k, c := range j.Cities {
			j.Cities[k] = normPlace(c)
		}
		for k, s := range j.States {
			j.States[k] = normPlace(s)
		}
		for k, s := range j.CitySuffixes {
			j.CitySuffixes[k] = normPlace(s)
		}
		d.jurisdictions = append(d.jurisdictions, j)
	}
	for _, p := range pay.Places {
		pl := Jurisdiction{ID: p.ID, Name: p.Name, Region: p.Region}
		for _, c := range p.Cities {
			pl.Cities = append(pl.Cities, normPlace(c))
		}
		for _, c := range p.States {
			pl.States = append(pl.States, normPlace(c))
		}
		if p.ID == "" || p.Name == "" || len(pl.Cities)+len(pl.States) == 0 {
			errs.Add(yf, 0, "place %q: id, name and cities or states are required", p.ID)
		}
		d.places = append(d.places, pl)
	}
	d.known = map[string]bool{}
	for _, j := range append(append([]Jurisdiction{}, d.jurisdictions...), d.places...) {
		for _, list := range [][]string{j.Cities, j.States, j.CitySuffixes} {
			for _, n := range list {
				d.known[n] = true
			}
		}
	}
	for _, r := range pay.Regions {
		for _, n := range r.Names {
			d.regions[normPlace(n)] = r.ID
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	return d, nil
}

// Jurisdictions returns the pay-transparency rules Rungs knows, in a stable
// order. The rules are guidance, not legal advice.
func Jurisdictions() []Jurisdiction {
	js := get().jurisdictions
	out := make([]Jurisdiction, len(js))
	copy(out, js)
	return out
}

// JurisdictionIDs returns the valid jurisdiction ids, sorted.
func JurisdictionIDs() []string {
	var ids []string
	for _, j := range get().jurisdictions {
		ids = append(ids, j.ID)
	}
	sort.Strings(ids)
	return ids
}

// JurisdictionByID returns the jurisdiction with the given id.
func JurisdictionByID(id string) (Jurisdiction, bool) {
	for _, j := range get().jurisdictions {
		if j.ID == id {
			return j, true
		}
	}
	return Jurisdiction{}, false
}

// Rule describes one phrasing rule, for documentation and --help output.
type Rule struct {
	ID, Name, Level, Source, Reason, Fix string
	// Lang is "en", "fr", or "" for a rule of both languages.
	Lang string
}

// PhrasingRules returns the phrasing rules in the order they are checked.
func PhrasingRules() []Rule {
	var out []Rule
	for _, r := range get().rules {
		out = append(out, Rule{ID: r.ID, Name: r.Name, Level: r.Level, Source: r.Source, Reason: r.Reason, Fix: r.Fix, Lang: r.Lang})
	}
	return out
}

// dataError returns the embedded data's load error, for tests.
func dataError() error {
	_, err := loadData()
	if err != nil {
		return fmt.Errorf("embedded data: %w", err)
	}
	return nil
}
