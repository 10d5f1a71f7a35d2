package lint

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// levelOf returns the level of the first finding of rule whose text
// contains text, or "".
func levelOf(r Report, rule, text string) string {
	for _, f := range r.Findings {
		if f.Rule == rule && strings.Contains(strings.ToLower(f.Text), strings.ToLower(text)) {
			return f.Level
		}
	}
	return ""
}

func TestContextFindings(t *testing.T) {
	cases := []struct {
		md, rule, text, level string
	}{
		{"In his essay, Paul Graham argues that startups move fast.", "gendered-pronoun", "his", LevelInfo},
		{"Pat Kua and his five archetypes shape how we think about tech leads.", "gendered-pronoun", "his", LevelInfo},
		{"The engineer will own his roadmap.", "gendered-pronoun", "his", LevelError},
		{"The Engineering Manager will own his roadmap.", "gendered-pronoun", "his", LevelError},
		{"Our app is serving millions of men, women, and kids every day.", "gendered-word", "women", LevelInfo},
		{"We build health products for women.", "gendered-word", "women", LevelInfo},
		{"We want men who can ship.", "gendered-word", "men", LevelError},
		{"Join a team of great guys who serve customers.", "gendered-word", "guys", LevelError},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.md), Options{})
		if got := levelOf(r, c.rule, c.text); got != c.level {
			t.Errorf("%q: %s %q is %q, want %q", c.md, c.rule, c.text, got, c.level)
		}
	}
}

const eeo = "Acme is an equal opportunity employer. We consider all qualified applicants without regard to race, color, religion, sex, sexual orientation, gender identity, national origin, disability or protected veteran status, and we provide reasonable accommodations. He or she will be treated fairly, and men and women are paid the same."

func TestLegalParagraphs(t *testing.T) {
	md := "# Engineer\n\nYou will lead our analytics work and support the team.\n\n" + eeo + "\n"
	r := Check("t.md", []byte(md), Options{})
	if len(r.Excluded) != 1 || r.Excluded[0].Line != 5 || !strings.Contains(r.Excluded[0].Reason, "equal") {
		t.Fatalf("excluded %+v, want the statement on line 5", r.Excluded)
	}
	for _, f := range r.Findings {
		if f.Line == 5 {
			t.Errorf("finding in the legal statement: %s %q", f.Rule, f.Text)
		}
	}
	for _, w := range append(r.Gender.Masculine, r.Gender.Feminine...) {
		if w == "qualified" || w == "religion" {
			t.Errorf("legal text scored: %v", w)
		}
	}
	// A heading marks its section as legal when its text has a cue.
	md = "# Engineer\n\n## Equal opportunity\n\nWe welcome applicants of any age or disability.\n"
	if r := Check("t.md", []byte(md), Options{}); len(r.Excluded) != 1 {
		t.Errorf("section under an EEO heading not excluded: %+v", r.Excluded)
	}
	// Ordinary text is not legal text.
	if ok, _ := isLegal("You will build data pipelines with a team of six engineers.", false); ok {
		t.Error("ordinary text read as legal")
	}
	out, _ := JSON([]Report{r})
	if !strings.Contains(string(out), `"excluded": [`) {
		t.Error("JSON has no excluded list")
	}
}

func TestPlacesAnywhere(t *testing.T) {
	us := []string{"nyc", "nys", "jc", "cle", "ca", "co", "wa", "il", "hi", "dc", "md", "mn", "nj", "vt", "ma"}
	cases := []struct {
		md   string
		want []string
		name string // a recognised name expected among the places
	}{
		{"# Senior Engineer\n\nSan Francisco, CA (Hybrid)\n\nWe build tools.", []string{"ca"}, "California"},
		{"# Senior Engineer\n\n🌎 Remote,San Francisco, CA\n", []string{"ca"}, "California"},
		{"# Engineer\n\nThis role is based in New York City.\n", []string{"nyc", "nys"}, "New York City"},
		{"# Engineer\n\nRemote - United States\n", us, "region: us"},
		{"# Engineer\n\nRemote - US: All locations\n", us, "region: us"},
		{"# Engineer\n\nLocation: London, UK\n", []string{}, "United Kingdom"},
		{"# Engineer\n\nChicago - remote first in US\n", us, "Illinois"},
		{"# Engineer\n\nDiscord · San Francisco, CA\n", []string{"ca"}, "California"},
		{"# Engineer\n\nBangalore, India\n", []string{}, "India"},
		{"# Engineer\n\nToronto, ON\n", []string{"on"}, "Ontario"},
		{"# Engineer · Berlin\n", []string{"eu"}, "European Union"},
		{"# Engineer\n\nWe sell to customers in California and New York.\n", []string{}, ""},
		{"# Engineer\n\nOur team is small. We work from our Denver office.\n", []string{"co"}, "Colorado"},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.md), Options{})
		if !slices.Equal(r.Jurisdictions, c.want) {
			t.Errorf("%q: jurisdictions %v, want %v", c.md, r.Jurisdictions, c.want)
		}
		var names []string
		for _, p := range r.Places {
			names = append(names, p.Names...)
		}
		if c.name != "" && !slices.Contains(names, c.name) {
			t.Errorf("%q: places %v, want %q among them", c.md, names, c.name)
		}
		if c.name == "" && len(names) > 0 {
			t.Errorf("%q: places %v, want none", c.md, names)
		}
	}
	// A place without a law is known: info, no pay error, no no-location.
	r := Check("t.md", []byte("# Engineer\n\nLocation: London, UK\n"), Options{})
	if r.HasErrors() || levelOf(r, "no-pay-law", "London") != LevelInfo || slices.Contains(rulesIn(r), "no-location") {
		t.Errorf("London: %v", rulesIn(r))
	}
	// Remote in the US means the laws in force on the posting date.
	r = Check("t.md", []byte("# Engineer\n\nRemote (US)\n"), Options{Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)})
	if slices.Contains(r.Jurisdictions, "ma") || slices.Contains(r.Jurisdictions, "nj") || !slices.Contains(r.Jurisdictions, "hi") {
		t.Errorf("remote US on 2024-03-01: %v", r.Jurisdictions)
	}
}

func TestVaguePayOnlyWithoutRange(t *testing.T) {
	with := "Location: Denver, CO\n\nThe base pay range is $120,000 to $150,000 per year; pay may vary within the range, depending on experience."
	if r := Check("t.md", []byte(with), Options{}); slices.Contains(rulesIn(r), "vague-pay") {
		t.Errorf("vague-pay with a range: %v", rulesIn(r))
	}
	without := "Competitive salary, depending on experience."
	if r := Check("t.md", []byte(without), Options{}); !slices.Contains(rulesIn(r), "vague-pay") {
		t.Errorf("no vague-pay without a range: %v", rulesIn(r))
	}
}

func TestPayZonesAndTables(t *testing.T) {
	md := "# Engineer\n\nLocation: Remote (US)\n\n| Zone | Min | Max |\n|---|---|---|\n| A | $100,000 | $120,000 |\n"
	r := Check("t.md", []byte(md), Options{})
	if slices.Contains(rulesIn(r), "pay-range") {
		t.Errorf("table row range not read: %v", rulesIn(r))
	}
	md = "# Engineer\n\nSan Francisco, CA\n\nZone A: USD $135,200 - USD $169,000\n\nYou are eligible for up to $500 to spend on professional development.\n"
	r = Check("t.md", []byte(md), Options{})
	if r.HasErrors() {
		t.Errorf("false pay error: %v", rulesIn(r))
	}
	md = "# Engineer\n\nNew York, NY\n\nThe salary range is $150,000 - $180,000. You get up to $500 to spend on professional development.\n"
	if r := Check("t.md", []byte(md), Options{}); r.HasErrors() {
		t.Errorf("false NYC error: %v", r.Findings)
	}
}

func TestPostingDate(t *testing.T) {
	for md, want := range map[string]string{
		"**Acme** · Seed · 5 engineers · Posted 2023-06-01\n":                            "2023-06-01",
		"Date posted: March 3, 2026\n":                                                   "2026-03-03",
		"Posted on 3 Sept 2025.":                                                         "2025-09-03",
		"<script type=\"application/ld+json\">{\"datePosted\": \"2024-02-29\"}</script>": "2024-02-29",
		"We posted our results in 2023.":                                                 "",
		"Posted 2026-13-45":                                                              "",
	} {
		got := postingDate([]byte(md))
		if (want == "" && !got.IsZero()) || (want != "" && got.Format(time.DateOnly) != want) {
			t.Errorf("%q: %v, want %q", md, got, want)
		}
	}
	// lint agrees with jd: a posting dated before Colorado's deadline rule
	// gets info, not an error, with no --date.
	md := "# Engineer\n\nPosted 2023-06-01\n\nLocation: Denver, CO\n\nPay: $100,000 - $120,000 per year. Medical, dental and a 401(k).\n"
	r := Check("t.md", []byte(md), Options{})
	if r.DateSource != "posting" || levelOf(r, "pay-deadline", "") != LevelInfo {
		t.Errorf("date %v (%s), deadline %q", r.Date, r.DateSource, levelOf(r, "pay-deadline", ""))
	}
	r = Check("t.md", []byte(md), Options{Date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	if r.DateSource != "option" || levelOf(r, "pay-deadline", "") != LevelError {
		t.Errorf("--date wins: %v (%s)", r.Date, r.DateSource)
	}
}

func TestGenderFair(t *testing.T) {
	md := "# Tech Lead\n\n## Responsibilities\n\nYou work with our Tech Lead in Pleasanton for Champion Energy. We offer a competitive salary. See https://example.com/leadership and lead.example.io.\n\nYou will lead the design and support the team.\n"
	r := Check("t.md", []byte(md), Options{})
	if !slices.Equal(r.Gender.Masculine, []string{"lead"}) || !slices.Equal(r.Gender.Feminine, []string{"support"}) {
		t.Errorf("fair: masculine %v, feminine %v; want [lead] [support]", r.Gender.Masculine, r.Gender.Feminine)
	}
	if r.Gender.Method != GenderFair || r.Gender.Words == 0 || r.Gender.MasculinePer1000 <= 0 {
		t.Errorf("fair: %+v", r.Gender)
	}
	d := Check("t.md", []byte(md), Options{GenderMethod: GenderDecoder})
	if d.Gender.Method != GenderDecoder || len(d.Gender.Masculine) < 6 {
		t.Errorf("decoder: %+v", d.Gender)
	}
	// The decoder counts a word once per stem it starts with.
	d = Check("t.md", []byte("Strong interpersonal skills."), Options{GenderMethod: GenderDecoder})
	if len(d.Gender.Feminine) != 2 {
		t.Errorf("decoder on interpersonal: %v, want two matches (interpersona, interpersonal)", d.Gender.Feminine)
	}
	f := Check("t.md", []byte("Strong interpersonal skills."), Options{})
	if len(f.Gender.Feminine) != 1 {
		t.Errorf("fair on interpersonal: %v, want one", f.Gender.Feminine)
	}
}

func TestAgeRules(t *testing.T) {
	for md, want := range map[string]string{
		"The position requires that the employee be 30 years or younger.": "age-limit",
		"Join our young team of digital natives.":                         "age-coded",
		"Candidates must be no older than 40.":                            "age-limit",
		"At least 5 years of experience.":                                 "",
	} {
		r := Check("t.md", []byte(md), Options{})
		got := ""
		for _, f := range r.Findings {
			if strings.HasPrefix(f.Rule, "age-") {
				got = f.Rule
				if !strings.Contains(f.Message, "ADEA") && !strings.Contains(f.Message, "2000/78/EC") {
					t.Errorf("%q: no legal reference in %q", md, f.Message)
				}
				break
			}
		}
		if got != want {
			t.Errorf("%q: %q, want %q", md, got, want)
		}
	}
}

func TestGradeAndInlineBullets(t *testing.T) {
	r := Check("t.md", []byte("We build tools. You ship code.\n\nStack: Go • Kubernetes • Postgres • Terraform\n"), Options{})
	if r.Grade == 0 || r.BulletShare < 0.3 {
		t.Errorf("grade %.1f, bullet share %.2f", r.Grade, r.BulletShare)
	}
	if g := grade(100, 10, 150); math.Abs(g-(0.39*10+11.8*1.5-15.59)) > 1e-9 {
		t.Errorf("grade formula: %v", g)
	}
}

// TestCorpus lints the corpus of real-posting forms (testdata/corpus):
// for every case, the places found, the pay verdict, and no error-level
// finding but those a careful reader accepts.
func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) < 40 {
		t.Fatalf("corpus has %d cases, want at least 40", len(cases))
	}
	sources := map[string]bool{"fixtures-2026-09": true, "uber-appsec": true, "gartner": true, "issue-14": true,
		"issue-14-forms": true, "salary-formats": true, "posting-quotes": true}
	ids := map[string]bool{}
	for _, c := range cases {
		if !sources[c.Source] || c.Employer == "" || c.Where == "" || ids[c.ID] || !slices.Contains([]string{"range", "none", "open"}, c.Pay) {
			t.Errorf("%s: every case needs a unique id, a source listed in the file's header, an employer, where the job is and a pay verdict (range, none or open)", c.ID)
		}
		ids[c.ID] = true
	}
	date := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	placed, withPlace, payRight, sameVerdict := 0, 0, 0, 0
	for _, c := range cases {
		r := Check(c.ID+".md", []byte(c.MD), Options{Date: date})
		if dr := Check(c.ID+".md", []byte(c.MD), Options{Date: date, GenderMethod: GenderDecoder}); dr.Gender.Verdict == r.Gender.Verdict {
			sameVerdict++
		} else {
			t.Logf("%s: gender %s (fair: %v / %v), decoder %s (%v / %v)", c.ID, r.Gender.Verdict, r.Gender.Masculine, r.Gender.Feminine,
				dr.Gender.Verdict, dr.Gender.Masculine, dr.Gender.Feminine)
		}
		withPlace++
		want := c.Laws
		if want == nil {
			want = []string{}
		}
		if slices.Equal(r.Jurisdictions, want) && len(r.Places) > 0 {
			placed++
		} else {
			t.Errorf("%s (%s): jurisdictions %v (places %+v), want %v", c.ID, c.Where, r.Jurisdictions, r.Places, want)
		}
		d := parse([]byte(c.MD))
		var rows []textLine
		for _, l := range d.lines {
			if l.row {
				rows = append(rows, l)
			}
		}
		f := findPayIn(d.units, rows)
		got := "none"
		switch {
		case len(f.ranges) > 0:
			got = "range"
		case len(f.openEnded) > 0:
			got = "open"
		}
		if got == c.Pay {
			payRight++
		} else {
			t.Errorf("%s: pay %s %v, want %s", c.ID, got, f.ranges, c.Pay)
		}
		for _, fd := range r.Findings {
			if fd.Rule == "vague-pay" && c.Pay == "range" {
				t.Errorf("%s:%d: vague-pay beside a stated range: %s", c.ID, fd.Line, fd.Text)
			}
			if fd.Level != LevelError || slices.Contains(c.Errors, fd.Rule) {
				continue
			}
			if fd.Rule == "pay-benefits" && !c.Benefits || fd.Rule == "pay-deadline" && !c.Deadline {
				continue // the excerpt leaves out what the posting says elsewhere
			}
			t.Errorf("%s:%d: false error %s: %s", c.ID, fd.Line, fd.Rule, fd.Message)
		}
	}
	t.Logf("corpus: %d cases; places right %d/%d; pay verdicts right %d/%d; gender verdict same as the decoder method %d/%d", len(cases), placed, withPlace, payRight, len(cases), sameVerdict, len(cases))
}

// TestLawBasis: every law says what its facts were checked against, and
// the two facts checked in the statute text this time hold.
func TestLawBasis(t *testing.T) {
	byID := map[string]Jurisdiction{}
	for _, j := range Jurisdictions() {
		byID[j.ID] = j
		if j.Basis.Effective == "" || j.Basis.Threshold == "" || j.Basis.Requires == "" {
			t.Errorf("%s: basis %+v", j.ID, j.Basis)
		}
	}
	// Every fact that is not unchecked names what it was read in, and no
	// law is left unchecked after the 2026-12-02 review.
	for _, j := range Jurisdictions() {
		for _, b := range []struct{ fact, v string }{{"effective", j.Basis.Effective}, {"threshold", j.Basis.Threshold}, {"requires", j.Basis.Requires}} {
			if b.v == BasisUnchecked {
				t.Errorf("%s: %s unchecked", j.ID, b.fact)
			}
			if !slices.ContainsFunc(j.Sources, func(s Source) bool { return s.Fact == b.fact && s.Basis == b.v && s.URL != "" }) {
				t.Errorf("%s: %s is %s but no source says where", j.ID, b.fact, b.v)
			}
		}
	}
	// Corrections of the 2026-12-02 review, each in the text read.
	for _, c := range []struct {
		id, law string
		want    bool
	}{
		{"co", "8-5-201", true},      // CDLE guidance: no "and up" / "up to"
		{"il", "112/10(b-25)", true}, // IDOL FAQ: no "up to" / "starting at"
		{"nj", "34:6B-23", false},    // NJDOL page; was 34:11-56a41
		{"wa", "SSB 5408", false},    // the 2025 amendment allows a single amount
		{"vt", "495p", true},
		{"dc", "32–1453.01", true},
	} {
		j := byID[c.id]
		if _, ok := j.Requirement(ElementNoOpenEnded); ok != c.want || !strings.Contains(j.Law, c.law) {
			t.Errorf("%s: law %q, no-open-ended %v, want %q and %v", c.id, j.Law, ok, c.law, c.want)
		}
	}
	if co := byID["co"]; !strings.Contains(co.Source, "INFO #9A") {
		t.Errorf("Colorado source cut at a YAML comment: %q", co.Source)
	}
	if hi := byID["hi"]; hi.Employees != 50 || hi.Effective != "2024-01-01" || !strings.Contains(hi.Law, "378-2.8") || hi.Basis.Requires != BasisStatute {
		t.Errorf("Hawaii: %+v", hi)
	}
	bc := byID["bc"]
	if _, ok := bc.Requirement(ElementNoOpenEnded); !ok || bc.Effective != "2023-11-01" || !strings.Contains(bc.Law, "s. 2") {
		t.Errorf("British Columbia: %+v", bc)
	}
	r := Check("t.md", []byte("# Engineer\n\nVancouver, BC\n\nPay: up to $120,000 CAD per year.\n"), Options{Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if levelOf(r, "pay-open-ended", "") != LevelError {
		t.Errorf("British Columbia, open-ended pay: %v", rulesIn(r))
	}
}
