package lint

import (
	"encoding/json"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDataLoads(t *testing.T) {
	if err := dataError(); err != nil {
		t.Fatal(err)
	}
	d := get()
	if len(d.masculine) < 40 || len(d.feminine) < 40 {
		t.Errorf("stem lists too short: %d masculine, %d feminine", len(d.masculine), len(d.feminine))
	}
	for _, list := range [][]string{d.masculine, d.feminine} {
		seen := map[string]bool{}
		for _, s := range list {
			if seen[s] {
				t.Errorf("duplicate stem %q", s)
			}
			seen[s] = true
			for _, o := range list {
				if o != s && strings.HasPrefix(s, o) {
					t.Errorf("stem %q is covered by %q", s, o)
				}
			}
		}
	}
	if !slices.Contains(d.exceptions, "sharepoint") {
		t.Error("exception sharepoint missing")
	}
}

func TestDataErrors(t *testing.T) {
	g, p, y := mustRead("data/gender.yaml"), mustRead("data/phrasing.yaml"), mustRead("data/pay.yaml")
	cases := []struct{ name, gender, phrasing, pay, want string }{
		{"unknown field", "masculine: [a]\nfeminin: [b]\n", "", "", `unknown field "feminin"; did you mean feminine?`},
		{"bad level", "", "rules:\n  - {id: x, name: X, level: fatal, reason: r, fix: f, patterns: [a]}\n", "", `level "fatal"`},
		{"bad match", "", "rules:\n  - {id: x, name: X, level: info, reason: r, fix: f, match: everywhere, patterns: [a]}\n", "", `match "everywhere"; valid: words, anywhere`},
		{"bad regexp", "", "rules:\n  - {id: x, name: X, level: info, reason: r, fix: f, patterns: ['a(']}\n", "", "pattern"},
		{"bad lang", "", "rules:\n  - {id: x, name: X, level: info, lang: de, reason: r, fix: f, patterns: [a]}\n", "", `lang "de"; valid: en, fr`},
		{"same id and lang", "", "rules:\n  - {id: x, name: X, level: info, lang: fr, reason: r, fix: f, patterns: [a]}\n  - {id: x, name: X, level: info, lang: fr, reason: r, fix: f, patterns: [b]}\n", "", `duplicate rule id "x"`},
		{"bad date", "", "", "jurisdictions:\n  - {id: x, name: X, region: us, law: L, source: S, effective: soon, requires: [{element: pay-range}]}\n", "not YYYY-MM-DD"},
		{"bad element", "", "", "jurisdictions:\n  - {id: x, name: X, region: us, law: L, source: S, effective: 2020-01-01, requires: [{element: salary}]}\n", `element "salary"`},
		{"basis without its source", "", "", "jurisdictions:\n  - {id: x, name: X, region: us, law: L, source: S, effective: 2020-01-01, requires: [{element: pay-range}], basis: {effective: statute, threshold: unchecked, requires: unchecked}}\n", "basis.effective is statute but no source of effective has that basis"},
		{"source of another basis", "", "", "jurisdictions:\n  - {id: x, name: X, region: us, law: L, source: S, effective: 2020-01-01, requires: [{element: pay-range}], basis: {effective: statute, threshold: unchecked, requires: unchecked}, sources: [{fact: effective, basis: secondary, cite: C, url: U}]}\n", "basis.effective is statute but no source"},
		{"bad source fact", "", "", "jurisdictions:\n  - {id: x, name: X, region: us, law: L, source: S, effective: 2020-01-01, requires: [{element: pay-range}], basis: {effective: unchecked, threshold: unchecked, requires: unchecked}, sources: [{fact: date, basis: statute, cite: C, url: U}]}\n", `source fact "date"; valid: effective, threshold, requires`},
		{"unchecked source", "", "", "jurisdictions:\n  - {id: x, name: X, region: us, law: L, source: S, effective: 2020-01-01, requires: [{element: pay-range}], basis: {effective: unchecked, threshold: unchecked, requires: unchecked}, sources: [{fact: effective, basis: unchecked, cite: C, url: U}]}\n", `source basis "unchecked"`},
		{"source without url", "", "", "jurisdictions:\n  - {id: x, name: X, region: us, law: L, source: S, effective: 2020-01-01, requires: [{element: pay-range}], basis: {effective: official, threshold: unchecked, requires: unchecked}, sources: [{fact: effective, basis: official, cite: C}]}\n", "a source of effective needs cite and url"},
	}
	for _, c := range cases {
		gg, pp, yy := g, p, y
		if c.gender != "" {
			gg = []byte(c.gender)
		}
		if c.phrasing != "" {
			pp = []byte(c.phrasing)
		}
		if c.pay != "" {
			yy = []byte(c.pay)
		}
		_, err := parseData(gg, pp, yy)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

// findingsOf returns the rules of the findings of a one-paragraph posting.
func rulesIn(r Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// TestPhrasingRules checks every rule against its own examples: it fires on
// each bad one and not on any good one.
func TestPhrasingRules(t *testing.T) {
	for _, r := range get().rules {
		if len(r.Bad) == 0 || len(r.Good) == 0 {
			t.Errorf("rule %s: needs bad and good examples", r.ID)
		}
		// A rule of both languages is tried in English; its French
		// postings are tested in french_test.go.
		opts := Options{Lang: r.Lang}
		if r.Lang == "" {
			opts.Lang = LangEnglish
		}
		for _, ex := range r.Bad {
			if !slices.Contains(rulesIn(Check("t.md", []byte(ex), opts)), r.ID) {
				t.Errorf("rule %s (%s) does not fire on bad example %q", r.ID, opts.Lang, ex)
			}
		}
		for _, ex := range r.Good {
			if slices.Contains(rulesIn(Check("t.md", []byte(ex), opts)), r.ID) {
				t.Errorf("rule %s (%s) fires on good example %q", r.ID, opts.Lang, ex)
			}
		}
	}
}

func TestPhrasingDetails(t *testing.T) {
	cases := []struct {
		text, rule, match string
	}{
		{"He or she will lead.", "gendered-pronoun", "He or she"},
		{"Estimate man-hours.", "gendered-word", "man-hours"},
		{"A fast\npaced team.", "pressure", "fast paced"},
		{"Competitive salary.", "vague-pay", "Competitive salary"},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.text), Options{})
		var got []string
		for _, f := range r.Findings {
			if f.Rule == c.rule {
				got = append(got, f.Text)
			}
		}
		if len(got) != 1 || got[0] != c.match {
			t.Errorf("%q: %s matches %q, want exactly [%q]", c.text, c.rule, got, c.match)
		}
	}
	// "Competitive salary" is vague pay, not a competitive environment.
	if slices.Contains(rulesIn(Check("t.md", []byte("Competitive salary."), Options{})), "competitive") {
		t.Error("competitive fires on 'competitive salary'")
	}
	// Text in code blocks is not posting text.
	if slices.Contains(rulesIn(Check("t.md", []byte("```\nhe ninja\n```\n"), Options{})), "gendered-pronoun") {
		t.Error("rules fire inside a code block")
	}
}

func TestFindingLines(t *testing.T) {
	b, err := os.ReadFile("testdata/bad.md")
	if err != nil {
		t.Fatal(err)
	}
	r := Check("bad.md", b, Options{})
	want := map[string]int{"gendered-pronoun": 5, "native-speaker": 10, "culture-fit": 11, "pay-open-ended": 22, "must-haves": 7}
	for rule, line := range want {
		found := false
		for _, f := range r.Findings {
			if f.Rule == rule {
				found = true
				if f.Line != line {
					t.Errorf("%s at line %d, want %d", rule, f.Line, line)
				}
			}
		}
		if !found {
			t.Errorf("no %s finding", rule)
		}
	}
	if !r.HasErrors() {
		t.Error("bad.md has no errors")
	}
	for i := 1; i < len(r.Findings); i++ {
		a, b := r.Findings[i-1], r.Findings[i]
		if a.Line > b.Line || (a.Line == b.Line && a.Rule > b.Rule) {
			t.Errorf("findings out of order: %v before %v", a, b)
		}
	}
}

func TestGoodPosting(t *testing.T) {
	b, err := os.ReadFile("testdata/good.md")
	if err != nil {
		t.Fatal(err)
	}
	r := Check("good.md", b, Options{})
	if r.HasErrors() {
		t.Errorf("good.md has errors:\n%s", FormatText([]Report{r}))
	}
	if !reflect.DeepEqual(r.Jurisdictions, []string{"co"}) {
		t.Errorf("jurisdictions %v, want [co]", r.Jurisdictions)
	}
	if r.MustHaves != 4 {
		t.Errorf("must-haves %d, want 4", r.MustHaves)
	}
}

func TestVerdict(t *testing.T) {
	cases := []struct {
		masc, fem int
		want      string
	}{
		{0, 0, VerdictEmpty}, {2, 2, VerdictNeutral}, {0, 1, VerdictFeminine}, {0, 3, VerdictFeminine},
		{0, 4, VerdictStronglyFeminine}, {1, 4, VerdictFeminine}, {1, 5, VerdictStronglyFeminine}, {1, 0, VerdictMasculine},
		{3, 0, VerdictMasculine}, {4, 0, VerdictStronglyMasculine}, {4, 1, VerdictMasculine}, {5, 1, VerdictStronglyMasculine}, {9, 2, VerdictStronglyMasculine},
	}
	for _, c := range cases {
		if got := verdict(c.masc, c.fem); got != c.want {
			t.Errorf("verdict(%d masculine, %d feminine) = %q, want %q", c.masc, c.fem, got, c.want)
		}
	}
}

func TestGenderCounting(t *testing.T) {
	// A word that matches two stems of one list counts once.
	m := genderMatcher{masculine: []string{"lead", "leader"}, feminine: []string{"support", "supportive"}}
	u := &unit{text: "Leaders lead supportive teams."}
	u.spans = []span{{0, 1}}
	g := genderOf(m.scan([]*unit{u}))
	if !reflect.DeepEqual(g.Masculine, []string{"leaders", "lead"}) || !reflect.DeepEqual(g.Feminine, []string{"supportive"}) {
		t.Errorf("got masculine %q feminine %q", g.Masculine, g.Feminine)
	}
	if g.Score != -1 || g.Verdict != VerdictMasculine {
		t.Errorf("score %d verdict %q", g.Score, g.Verdict)
	}

	cases := []struct {
		text       string
		masc, fem  []string
		score      int
		verdictStr string
	}{
		{"We co-operate and share.", nil, []string{"co-operate", "share"}, 2, VerdictFeminine},
		{"A data-driven and self-confident engineer.", []string{"driven", "self-confident"}, nil, -2, VerdictMasculine},
		{"We use SharePoint and share notes.", nil, []string{"share"}, 1, VerdictFeminine},
		{"The team lead's notes; leadership.", []string{"lead", "leadership"}, nil, -2, VerdictMasculine},
		{"Nothing coded here.", nil, nil, 0, VerdictEmpty},
		{"Lead with support.", []string{"lead"}, []string{"support"}, 0, VerdictNeutral},
		{"Inter-personal skills, well-supported.", nil, []string{"inter-personal", "supported"}, 2, VerdictFeminine},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.text), Options{})
		if !reflect.DeepEqual(r.Gender.Masculine, nonNil(c.masc)) || !reflect.DeepEqual(r.Gender.Feminine, nonNil(c.fem)) ||
			r.Gender.Score != c.score || r.Gender.Verdict != c.verdictStr {
			t.Errorf("%q: got %+v; want masculine %q feminine %q score %d %s", c.text, r.Gender, c.masc, c.fem, c.score, c.verdictStr)
		}
	}
	// The embedded lists: no word is coded both ways.
	d := get()
	for _, s := range d.masculine {
		if hasStem(s, d.feminine) {
			t.Errorf("masculine stem %q is also feminine", s)
		}
	}
}

func TestGenderFinding(t *testing.T) {
	r := Check("t.md", []byte("# Role\n\nLead an ambitious, driven team.\n"), Options{})
	if !slices.Contains(rulesIn(r), "gender-coded") {
		t.Errorf("no gender-coded finding for %+v", r.Gender)
	}
	r = Check("t.md", []byte("Support a kind team that shares what it learns.\n"), Options{})
	if slices.Contains(rulesIn(r), "gender-coded") {
		t.Error("gender-coded finding on feminine-coded text")
	}
}

func TestFlesch(t *testing.T) {
	if got := flesch(0, 0, 0); got != 0 {
		t.Errorf("flesch of nothing = %v", got)
	}
	cases := []struct {
		text               string
		words, sents, syls int
		want               float64
	}{
		// 6 words, 6 syllables: 206.835 - 1.015*6 - 84.6 = 116.145
		{"The cat sat on the mat.", 6, 1, 6, 116.145},
		// 9 words, 2 sentences, 9 syllables: 206.835 - 1.015*4.5 - 84.6 = 117.6675
		{"The cat sat on the mat. The dog ran.", 9, 2, 9, 117.6675},
		// engineering 4 + management 3 + requires 2 + communication 5 = 14
		// syllables in 4 words: 206.835 - 1.015*4 - 84.6*3.5 = -93.325
		{"Engineering management requires communication.", 4, 1, 14, -93.325},
		// A bullet list: each item without punctuation is a sentence.
		// 6 words, 3 sentences; build 1, services 3, review 2, code 1,
		// ship 1, often 2 = 10 syllables: 206.835 - 2.03 - 141 = 63.805
		{"- build services\n- review code\n- ship often\n", 6, 3, 10, 63.805},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.text), Options{})
		doc := parse([]byte(c.text))
		syls := 0
		for _, u := range doc.units {
			syls += countSyllables(u.text)
		}
		if r.Sentences != c.sents || syls != c.syls {
			t.Errorf("%q: %d sentences, %d syllables; want %d, %d", c.text, r.Sentences, syls, c.sents, c.syls)
		}
		if math.Abs(r.Flesch-c.want) > 1e-9 {
			t.Errorf("%q: Flesch %v, want %v", c.text, r.Flesch, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		md   string
		want []int // words per sentence
	}{
		{"One two three. Four five!", []int{3, 2}},
		{"Use tools, e.g. Go and Node.js. Then ship.", []int{6, 2}},
		{"- a bullet without a stop\n- another one.", []int{5, 2}},
		{"Location: Berlin\nType: Full-time", []int{2, 2}},
		{"A wrapped\nline of prose. Done", []int{5, 1}},
		{"Acme Inc. builds tools.", []int{4}},
		{"She said \"hi.\" Then left.", []int{3, 2}},
		{"# Heading only", nil},
	}
	for _, c := range cases {
		doc := parse([]byte(c.md))
		var got []int
		for _, u := range doc.units {
			if u.kind == kindParagraph || u.kind == kindBullet {
				for _, s := range sentences(u) {
					got = append(got, s.Words)
				}
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: sentence lengths %v, want %v", c.md, got, c.want)
		}
	}
}

func TestShape(t *testing.T) {
	long := strings.Repeat("We build good tools for clinics. ", 150) // 900 words
	cases := []struct {
		name, md string
		opts     Options
		rule     string
		fires    bool
	}{
		{"short", "A short posting.", Options{}, "length", true},
		{"long", long, Options{}, "length", true},
		{"long executive", long[:len(long)-200], Options{Executive: true}, "length", false},
		{"right length", strings.Repeat("We build good tools for clinics. ", 80), Options{}, "length", false},
		{"no bullets", strings.Repeat("We build good tools. ", 20), Options{}, "bullet-share", true},
		{"all bullets", strings.Repeat("- We build good tools.\n", 20), Options{}, "bullet-share", true},
		{"a third", strings.Repeat("We build good tools here. ", 10) + "\n\n" + strings.Repeat("- We build good tools.\n", 5), Options{}, "bullet-share", false},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.md), c.opts)
		if got := slices.Contains(rulesIn(r), c.rule); got != c.fires {
			t.Errorf("%s: %s fires = %v, want %v (words %d, bullets %.2f)", c.name, c.rule, got, c.fires, r.Words, r.BulletShare)
		}
	}
}

func TestMustHaves(t *testing.T) {
	items := func(n int) string { return strings.Repeat("- a thing\n", n) }
	cases := []struct {
		md   string
		want int
	}{
		{"## Requirements\n\n" + items(9), 9},
		{"## What you'll bring\n\n" + items(3) + "\n## Nice to have\n\n" + items(4), 3},
		{"## Qualifications\n\n### Technical\n\n" + items(2) + "\n### Preferred qualifications\n\n" + items(5), 2},
		{"**Requirements**\n\n" + items(4) + "\n**Benefits**\n\n" + items(6), 4},
		{"Must have:\n\n" + items(2) + "  - nested\n", 2},
		{"## What you will do\n\n" + items(7), 0},
	}
	for _, c := range cases {
		if got := Check("t.md", []byte(c.md), Options{}).MustHaves; got != c.want {
			t.Errorf("%q: %d must-haves, want %d", c.md, got, c.want)
		}
	}
	if !slices.Contains(rulesIn(Check("t.md", []byte(cases[0].md), Options{})), "must-haves") {
		t.Error("9 must-haves not flagged")
	}
}

func TestReadabilityFindings(t *testing.T) {
	hard := "Comprehensive organizational transformation necessitates substantial interdisciplinary collaboration."
	r := Check("t.md", []byte(hard), Options{})
	if !slices.Contains(rulesIn(r), "reading-ease") {
		t.Errorf("no reading-ease finding at Flesch %.1f", r.Flesch)
	}
	long := strings.TrimSpace(strings.Repeat("and we build tools ", 9)) + "."
	r = Check("t.md", []byte(long), Options{})
	if !slices.Contains(rulesIn(r), "long-sentence") || len(r.LongestSentences) != 1 || r.LongestSentences[0].Words != 36 {
		t.Errorf("long sentence not reported: %+v", r.LongestSentences)
	}
	easy := "We make tools. You fix bugs. We ship."
	if rules := rulesIn(Check("t.md", []byte(easy), Options{})); slices.Contains(rules, "reading-ease") || slices.Contains(rules, "long-sentence") {
		t.Errorf("easy text flagged: %v", rules)
	}
}

func TestDetectJurisdictions(t *testing.T) {
	cases := []struct {
		loc  string
		want []string
	}{
		{"New York, NY", []string{"nyc", "nys"}},
		{"New York City", []string{"nyc", "nys"}},
		{"NYC (hybrid)", []string{"nyc", "nys"}},
		{"Brooklyn, New York", []string{"nyc", "nys"}},
		{"New York", []string{"nyc", "nys"}},
		{"Albany, NY", []string{"nys"}},
		{"Buffalo, New York", []string{"nys"}},
		{"San Francisco, CA", []string{"ca"}},
		{"Los Angeles", []string{"ca"}},
		{"Fresno, California, USA", []string{"ca"}},
		{"Denver, CO 80202", []string{"co"}},
		{"Colorado", []string{"co"}},
		{"Seattle WA", []string{"wa"}},
		{"Spokane, Washington", []string{"wa"}},
		{"Washington, DC", []string{"dc"}},
		{"Chicago, IL", []string{"il"}},
		{"Aurora, IL", []string{"il"}},
		{"Berlin, Germany", []string{"eu"}},
		{"Paris", []string{"eu"}},
		{"Paris, TX", nil},
		{"Dublin, CA", []string{"ca"}},
		{"Remote (EU)", []string{"eu"}},
		{"Remote (US)", []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma"}},
		{"US-based remote", []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma"}},
		{"United States", []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma"}},
		{"Remote", []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma", "eu", "bc", "on"}},
		{"Anywhere (worldwide)", []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma", "eu", "bc", "on"}},
		{"Remote (UK)", nil},
		{"London, UK", nil},
		{"Toronto, Canada", []string{"on"}},
		{"Calgary, Canada", nil},
		{"Vancouver, BC", []string{"bc"}},
		{"Vancouver, WA", []string{"wa"}},
		{"Jersey City, NJ", []string{"jc", "nj"}},
		{"Cleveland, OH", []string{"cle"}},
		{"Columbus, OH", nil},
		{"Boston, MA", []string{"ma"}},
		{"Minneapolis, MN", []string{"mn"}},
		{"Baltimore, Maryland", []string{"md"}},
		{"Honolulu, HI", []string{"hi"}},
		{"Burlington, VT", []string{"vt"}},
		{"Remote - United States", []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma"}},
		{"Remote - US: All locations", []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma"}},
		{"Remote - Canada", []string{"bc", "on"}},
		{"Austin, TX, USA", nil},
		{"New York, NY or San Francisco, CA", []string{"nyc", "nys", "ca"}},
		{"Berlin / Remote (Europe)", []string{"eu"}},
		{"Hybrid (Chicago, IL)", []string{"il"}},
		{"Seattle, WA; Denver, CO", []string{"co", "wa"}},
		{"", nil},
	}
	for _, c := range cases {
		got := DetectJurisdictions(c.loc)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("DetectJurisdictions(%q) = %v, want %v", c.loc, got, c.want)
		}
	}
}

func TestLocationLines(t *testing.T) {
	cases := []struct {
		md   string
		want []string
	}{
		{"**Location:** Denver, CO", []string{"co"}},
		{"Location - Berlin", []string{"eu"}},
		{"Based in Seattle, WA", []string{"wa"}},
		{"- Office: Chicago", []string{"il"}},
		{"| Field | Value |\n|---|---|\n| Location | Brooklyn, NY |\n", []string{"nyc", "nys"}},
		{"**Team:** Platform\n**Location:** Paris, France", []string{"eu"}},
		{"We sell to customers in California and New York.", []string{}},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.md), Options{})
		if !reflect.DeepEqual(r.Jurisdictions, c.want) {
			t.Errorf("%q: jurisdictions %v, want %v", c.md, r.Jurisdictions, c.want)
		}
	}
	r := Check("t.md", []byte("No location here."), Options{})
	if !slices.Contains(rulesIn(r), "no-location") {
		t.Error("no no-location finding")
	}
}

func TestFindPay(t *testing.T) {
	cases := []struct {
		text         string
		ranges, open int
		min, max     float64
	}{
		{"The salary is $120,000–$150,000 per year.", 1, 0, 120000, 150000},
		{"Pay: €60k - €75k.", 1, 0, 60000, 75000},
		{"Base pay USD 120,000 to 150,000.", 1, 0, 120000, 150000},
		{"Between $100K and $120K a year.", 1, 0, 100000, 120000},
		{"Salary 120.000 € – 150.000 € gross.", 1, 0, 120000, 150000},
		{"We pay $120–150k.", 1, 0, 120000, 150000},
		{"120,000 - 150,000 per year", 1, 0, 120000, 150000},
		{"Salary: $95,000", 1, 0, 95000, 95000},
		{"We pay $45 per hour.", 1, 0, 45, 45},
		{"Salary: $120,000 and up.", 0, 1, 0, 0},
		{"Salary up to $150,000.", 0, 1, 0, 0},
		{"Base salary starting at $90k.", 0, 1, 0, 0},
		{"We pay $130k+ in base.", 0, 1, 0, 0},
		{"5–10 years of experience.", 0, 0, 0, 0},
		{"From 2023-2024 we grew.", 0, 0, 0, 0},
		{"A learning budget of up to $2,000 a year.", 0, 0, 0, 0},
		{"Signing bonus: $5,000–$10,000.", 0, 0, 0, 0},
		{"Bonus up to 15%.", 0, 0, 0, 0},
		// Real pay lines (issue 14).
		{"Zone A: USD $135,200 - USD $169,000", 1, 0, 135200, 169000},
		{"You are eligible for up to $500 to spend on professional development.", 0, 0, 0, 0},
		{"The base pay range is $150,000 to $180,000. You also get up to $500 to spend on professional development.", 1, 0, 150000, 180000},
		{"Salary: ~$120k to $150k", 1, 0, 120000, 150000},
		{"We pay $50/hr - $65/hr.", 1, 0, 50, 65},
		{"Interns earn $8,000 - $10,000 per month.", 1, 0, 8000, 10000},
		{"$45 to $60 an hour", 1, 0, 45, 60},
		{"Salary: $120,000 + $10,000 signing bonus", 1, 0, 120000, 120000},
		{"A $2,000 learning stipend and a $1,000 home office budget.", 0, 0, 0, 0},
		{"Referral bonus of $3,000 for each hire.", 0, 0, 0, 0},
		{"Hiring range: CA$110,000 – CA$130,000", 1, 0, 110000, 130000},
	}
	for _, c := range cases {
		doc := parse([]byte(c.text))
		var rows []textLine
		for _, l := range doc.lines {
			if l.row {
				rows = append(rows, l)
			}
		}
		f := findPayIn(doc.units, rows)
		if len(f.ranges) != c.ranges || len(f.openEnded) != c.open {
			t.Errorf("%q: %d ranges %v, %d open-ended %v; want %d, %d", c.text, len(f.ranges), f.ranges, len(f.openEnded), f.openEnded, c.ranges, c.open)
			continue
		}
		if c.ranges == 1 && (f.ranges[0].min != c.min || f.ranges[0].max != c.max) {
			t.Errorf("%q: range %v–%v, want %v–%v", c.text, f.ranges[0].min, f.ranges[0].max, c.min, c.max)
		}
	}
}

func TestBenefitsAndDeadline(t *testing.T) {
	cases := []struct {
		md                 string
		benefits, deadline bool
	}{
		{"## Benefits\n\n- Good stuff", false, false},
		{"## Benefits\n\n- 30 days of paid leave", true, false},
		{"## Compensation and benefits\n\n- **Base pay:** USD 100,000 – 120,000 per year", false, false},
		{"- Health, dental and vision cover", true, false},
		{"We offer medical and dental cover.", true, false},
		{"We offer medical cover.", false, false},
		{"Great benefits!", false, false},
		{"Apply by 2026-12-31.", false, true},
		{"Applications close on March 1, 2027.", false, true},
		{"The application window closes 15 January 2027.", false, true},
		{"Deadline: 12/31/2026", false, true},
		{"Open until filled.", false, false},
		{"Apply by sending your CV.", false, false},
		{"We offer a generous parental leave policy and fertility assistance.", true, false},
		{"- Retirement plan with employer match\n- Life insurance", true, false},
		{"## What we offer\n\n- 16 weeks of paid family leave", true, false},
	}
	for _, c := range cases {
		f := findPay(parse([]byte(c.md)).units)
		if f.benefits != c.benefits || f.deadline != c.deadline {
			t.Errorf("%q: benefits %v deadline %v, want %v %v", c.md, f.benefits, f.deadline, c.benefits, c.deadline)
		}
	}
}

func TestTitleProblem(t *testing.T) {
	cases := map[string]string{
		"Salesman":                        "Salesman",
		"Software Engineer (m/f)":         "(m/f)",
		"Software Engineer (m/w/d)":       "",
		"Software Engineer (all genders)": "",
		"Chairwoman of the Board":         "Chairwoman",
		"Head of Engineering":             "",
		"Human Resources Lead":            "",
	}
	for title, want := range cases {
		if got := titleProblem(title); got != want {
			t.Errorf("titleProblem(%q) = %q, want %q", title, got, want)
		}
	}
}

// posting builds a posting for a location with the given pay elements.
func posting(title, location string, parts ...string) string {
	var b strings.Builder
	b.WriteString("# " + title + "\n\n**Location:** " + location + "\n\nWe build tools.\n\n")
	for _, p := range parts {
		b.WriteString(p + "\n\n")
	}
	return b.String()
}

const (
	partRange    = "The base salary is $140,000–$165,000 per year."
	partOpen     = "The base salary is $140,000 and up."
	partBenefits = "## Benefits\n\n- Medical and dental cover\n- A 401(k) plan"
	partDeadline = "Apply by 2026-12-31."
)

func payRules(r Report, id string) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Jurisdiction == id {
			out = append(out, f.Rule)
		}
	}
	sort := slices.Clone(out)
	slices.Sort(sort)
	return sort
}

func TestPayRules(t *testing.T) {
	full := []string{partRange, partBenefits, partDeadline}
	cases := []struct {
		id, location, title string
		parts               []string
		want                []string
	}{
		{"nyc", "New York, NY", "Engineer", full, nil},
		{"nyc", "New York, NY", "Engineer", []string{partRange}, nil},
		{"nyc", "New York, NY", "Engineer", nil, []string{"pay-range"}},
		{"nyc", "New York, NY", "Engineer", []string{partOpen}, []string{"pay-open-ended", "pay-range"}},
		{"ca", "San Jose, CA", "Engineer", []string{partRange}, nil},
		{"ca", "San Jose, CA", "Engineer", []string{partBenefits}, []string{"pay-range"}},
		{"co", "Denver, CO", "Engineer", full, nil},
		{"co", "Denver, CO", "Engineer", []string{partRange, partBenefits}, []string{"pay-deadline"}},
		{"co", "Denver, CO", "Engineer", []string{partRange, partDeadline}, []string{"pay-benefits"}},
		{"co", "Denver, CO", "Engineer", nil, []string{"pay-benefits", "pay-deadline", "pay-range"}},
		// POST Rule 11.1.3(A): "accepted on an ongoing basis" stands in for
		// a date; the Division's guidance rules out open-ended ranges.
		{"co", "Denver, CO", "Engineer", []string{partRange, partBenefits, "Applications are accepted on an ongoing basis."}, nil},
		{"co", "Denver, CO", "Engineer", []string{partOpen, partBenefits, partDeadline}, []string{"pay-open-ended", "pay-range"}},
		{"wa", "Seattle, WA", "Engineer", []string{partRange, partBenefits}, nil},
		{"wa", "Seattle, WA", "Engineer", []string{partRange}, []string{"pay-benefits"}},
		{"il", "Chicago, IL", "Engineer", []string{partRange, partBenefits}, nil},
		{"il", "Chicago, IL", "Engineer", []string{partBenefits}, []string{"pay-range"}},
		// The Department of Labor's FAQ rejects "up to" and "starting at".
		{"il", "Chicago, IL", "Engineer", []string{partOpen, partBenefits}, []string{"pay-open-ended", "pay-range"}},
		{"eu", "Berlin, Germany", "Engineer (m/f/d)", []string{"Salary: €70,000–€85,000 per year."}, nil},
		{"eu", "Berlin, Germany", "Engineer (m/f)", []string{"Salary: €70,000–€85,000 per year."}, []string{"pay-neutral-title"}},
		{"eu", "Paris", "Salesman", nil, []string{"pay-neutral-title", "pay-range"}},
	}
	for _, c := range cases {
		md := posting(c.title, c.location, c.parts...)
		r := Check("t.md", []byte(md), Options{})
		if !slices.Contains(r.Jurisdictions, c.id) {
			t.Errorf("%s: jurisdiction not detected from %q", c.id, c.location)
			continue
		}
		if got := payRules(r, c.id); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %v: pay findings %v, want %v", c.id, c.parts, got, c.want)
		}
		for _, f := range r.Findings {
			if f.Jurisdiction != "" && (f.Level != LevelError || f.Law == "" || !strings.Contains(f.Message, f.Law)) {
				t.Errorf("%s: finding %+v should be an error naming the law", c.id, f)
			}
		}
	}
}

func TestPayOptions(t *testing.T) {
	md := []byte(posting("Engineer", "Denver, CO", partRange, partBenefits))
	// Before 2024 Colorado did not require a deadline: info, not error.
	r := Check("t.md", md, Options{Date: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)})
	for _, f := range r.Findings {
		if f.Rule == "pay-deadline" && f.Level != LevelInfo {
			t.Errorf("deadline before 2024 is %s", f.Level)
		}
	}
	r = Check("t.md", md, Options{Date: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if !r.HasErrors() {
		t.Error("deadline missing in 2025 is not an error")
	}
	// Explicit jurisdictions replace detection.
	r = Check("t.md", md, Options{Jurisdictions: []string{"wa"}})
	if !reflect.DeepEqual(r.Jurisdictions, []string{"wa"}) || r.HasErrors() {
		t.Errorf("explicit wa: %v %v", r.Jurisdictions, rulesIn(r))
	}
	// Below a law's threshold the law does not apply.
	r = Check("t.md", []byte(posting("Engineer", "Seattle, WA")), Options{Employees: 10})
	if len(r.Jurisdictions) != 0 || r.HasErrors() {
		t.Errorf("10 employees in WA: %v %v", r.Jurisdictions, rulesIn(r))
	}
	r = Check("t.md", md, Options{Jurisdictions: []string{"mars"}})
	if !slices.Contains(rulesIn(r), "unknown-jurisdiction") {
		t.Error("unknown jurisdiction not reported")
	}
}

func TestParseJurisdictions(t *testing.T) {
	got, err := ParseJurisdictions("nyc, ca,eu")
	if err != nil || !reflect.DeepEqual(got, []string{"nyc", "ca", "eu"}) {
		t.Errorf("got %v %v", got, err)
	}
	got, err = ParseJurisdictions("us")
	if err != nil || len(got) != 15 {
		t.Errorf("us: %v %v", got, err)
	}
	got, err = ParseJurisdictions("all")
	if err != nil || len(got) != 18 {
		t.Errorf("all: %v %v", got, err)
	}
	_, err = ParseJurisdictions("nyc,colorado")
	if err == nil || !strings.Contains(err.Error(), `unknown jurisdiction "colorado"; did you mean co?`) {
		t.Errorf("colorado: %v", err)
	}
}

func TestJSONSchema(t *testing.T) {
	b, err := os.ReadFile("testdata/bad.md")
	if err != nil {
		t.Fatal(err)
	}
	reports := []Report{Check("bad.md", b, Options{}), Check("empty.md", nil, Options{})}
	out, err := JSON(reports)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d objects, want 2", len(got))
	}
	for _, obj := range got {
		for _, k := range []string{"file", "words", "flesch", "gender", "findings", "language", "language_source", "language_note", "reading_ease_formula", "grade", "not_checked"} {
			if _, ok := obj[k]; !ok {
				t.Errorf("key %q missing", k)
			}
		}
		g := obj["gender"].(map[string]any)
		for _, k := range []string{"score", "verdict", "masculine", "feminine"} {
			if _, ok := g[k]; !ok {
				t.Errorf("gender key %q missing", k)
			}
		}
		if _, ok := g["masculine"].([]any); !ok {
			t.Errorf("masculine is %T, want a list", g["masculine"])
		}
		if _, ok := obj["findings"].([]any); !ok {
			t.Errorf("findings is %T, want a list", obj["findings"])
		}
		for _, f := range obj["findings"].([]any) {
			fm := f.(map[string]any)
			for _, k := range []string{"rule", "level", "line", "text", "message"} {
				if _, ok := fm[k]; !ok {
					t.Errorf("finding key %q missing in %v", k, fm)
				}
			}
		}
		fl := obj["flesch"].(float64)
		if math.Abs(fl*10-math.Round(fl*10)) > 1e-9 {
			t.Errorf("flesch %v not rounded to one decimal", fl)
		}
	}
	if got[0]["file"] != "bad.md" || got[1]["gender"].(map[string]any)["verdict"] != VerdictEmpty {
		t.Errorf("unexpected values: %v", got)
	}
	again, _ := JSON([]Report{Check("bad.md", b, Options{}), Check("empty.md", nil, Options{})})
	if string(again) != string(out) {
		t.Error("JSON output is not deterministic")
	}
}

func TestFormatText(t *testing.T) {
	b, err := os.ReadFile("testdata/bad.md")
	if err != nil {
		t.Fatal(err)
	}
	out := FormatText([]Report{Check("bad.md", b, Options{})})
	for _, want := range []string{
		"bad.md: 89 words",
		"gender: strongly masculine-coded (score -11",
		"bad.md:5: error: gendered-pronoun:",
		"    text: He\n",
		"    fix:  Speak to the reader",
		"pay transparency checked for: nyc, nys (guidance, not legal advice)",
		"1 file: 7 errors,",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func FuzzCheck(f *testing.F) {
	for _, name := range []string{"testdata/bad.md", "testdata/good.md", "testdata/fr/bad.md", "testdata/fr/good.md"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"", "#", "- ", "| a |\n|---|\n| b |", "**Location:** (((", "Location: Remote (US", "$1-$2 and up", "\xff\xfe", "e.g.", "Apply by 2026-13-45", "€9999999999999999999999k–€1", "[Pay] [a](b) [c][d] [^1] `[x]` [ ] [[e]]", "[a]: http://x\n\n[a]", "[" + strings.Repeat("[a", 500)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		done := make(chan Report, 1)
		go func() { done <- Check("f.md", md, Options{}) }()
		var r Report
		select {
		case r = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Check took over 5s on %q", md)
		}
		if _, err := JSON([]Report{r}); err != nil {
			t.Fatalf("JSON: %v", err)
		}
		_ = FormatText([]Report{r})
		if math.IsNaN(r.Flesch) || math.IsInf(r.Flesch, 0) || r.Words < 0 || r.BulletShare < 0 || r.BulletShare > 1 {
			t.Fatalf("bad numbers: %+v", r)
		}
	})
}
