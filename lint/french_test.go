package lint

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rungs/rungs/internal/golden"
)

// French syllables as a careful reader says them (the convention of
// frenchSyllables: a final mute e, -es and verb -ent silent; a mute e
// inside a word counted).
var frenchSyllableCases = []struct {
	word string
	want int
}{
	// one vowel group
	{"le", 1}, {"que", 1}, {"des", 1}, {"vous", 1}, {"nous", 1}, {"sont", 1}, {"yeux", 1},
	{"feuille", 1}, {"œuvre", 1}, {"gens", 1},
	// final mute e, -es, verb -ent
	{"équipe", 2}, {"équipes", 2}, {"table", 1}, {"tables", 1}, {"pratique", 2}, {"langue", 1},
	{"salaire", 2}, {"entreprise", 3}, {"astreinte", 2}, {"travaillent", 2}, {"peuvent", 1},
	{"utilisent", 3}, {"étudient", 3}, {"mises", 1},
	// -ent said, -ment, -ents
	{"moment", 2}, {"souvent", 2}, {"talents", 2}, {"recrutement", 4}, {"développement", 5},
	{"patient", 2}, {"client", 2}, {"clients", 2},
	// é, tréma, y
	{"journée", 2}, {"idée", 2}, {"année", 2}, {"créer", 2}, {"réunion", 3}, {"vidéo", 3},
	{"réaliser", 4}, {"poésie", 3}, {"aéroport", 4}, {"été", 2}, {"naïf", 2}, {"Noël", 2},
	{"payer", 2}, {"crayon", 2}, {"moyen", 2}, {"voyage", 2}, {"système", 2}, {"analyse", 3},
	{"cycle", 1},
	// words of postings
	{"rémunération", 5}, {"expérience", 3}, {"ingénieur", 3}, {"ingénieures", 3},
	{"production", 3}, {"travail", 2}, {"vie", 1}, {"aujourd'hui", 3}, {"l'équipe", 2},
	{"qu'il", 1}, {"manager", 3}, {"startup", 2}, {"roadmap", 2}, {"software", 2},
	// acronyms, numbers, hyphens (as in English)
	{"CDI", 3}, {"80", 1}, {"000", 1}, {"porte-parole", 3}, {"", 0},
}

func TestFrenchSyllables(t *testing.T) {
	for _, c := range frenchSyllableCases {
		if got := syllablesWith(c.word, frenchSyllables); got != c.want {
			t.Errorf("French syllables(%q) = %d, want %d", c.word, got, c.want)
		}
	}
}

func TestKandelMoles(t *testing.T) {
	// 100 words, 10 sentences, 150 syllables: 207 − 10.15 − 110.4.
	if got := kandelMoles(100, 10, 150); math.Abs(got-86.45) > 1e-9 {
		t.Errorf("kandelMoles(100, 10, 150) = %v, want 86.45", got)
	}
	if kandelMoles(0, 0, 0) != 0 {
		t.Error("kandelMoles of nothing is not 0")
	}
}

func TestDetectLanguage(t *testing.T) {
	cases := []struct {
		name, text, want, source, note string
	}{
		{"clear French", "Vous rejoignez une équipe de douze personnes qui écrit ses décisions et partage ce qu'elle apprend. Le poste est basé à Lyon.", LangFrench, LangFromText, ""},
		{"clear English", "You will join a team of twelve engineers who write things down and share what they learn. The role is based in Denver.", LangEnglish, LangFromText, ""},
		{"French with English job words", "Vous serez le Staff Engineer de l'équipe : roadmap, design docs, code review et on-call avec les SRE.", LangFrench, LangFromText, ""},
		{"mixed, mostly French", "Nous recherchons une personne pour guider l'architecture de la plateforme et des équipes. You will own the design of the platform.", LangFrench, LangFromText, "mixed"},
		{"mixed, mostly English", "You will own the design of the platform and write the docs for the team. Le poste est à Paris.", LangEnglish, LangFromText, "mixed"},
		{"short French", "Salaire : selon le profil.", LangFrench, LangFromText, "few function words"},
		{"short English", "Apply by Friday.", LangEnglish, LangFromText, "few function words"},
		{"no function word", "Go, Kubernetes, Postgres.", LangEnglish, LangFromFallback, "no French or English function word"},
		{"empty", "", LangEnglish, LangFromFallback, "no French or English function word"},
		{"elisions", "L'équipe d'Acme qu'elle n'oublie.", LangFrench, LangFromText, ""},
	}
	for _, c := range cases {
		l := DetectLanguage(c.text)
		if l.Code != c.want || l.Source != c.source || !strings.Contains(l.Note, c.note) {
			t.Errorf("%s: %+v, want %s from %s with a note that says %q", c.name, l, c.want, c.source, c.note)
		}
	}
}

func TestLanguageOption(t *testing.T) {
	md := []byte("# Engineer\n\nYou will build services.\n")
	r := Check("t.md", md, Options{Lang: LangFrench})
	if r.Language.Code != LangFrench || r.Language.Source != LangFromOption || !strings.Contains(r.Language.Note, "--lang fr") {
		t.Errorf("Lang fr: %+v", r.Language)
	}
	if r.Gender.Verdict != VerdictNotScored || len(r.NotChecked) != 1 || !strings.Contains(r.NotChecked[0], "Gaucher, Friesen & Kay") {
		t.Errorf("French report scores gender wording: %+v, %q", r.Gender, r.NotChecked)
	}
	if r := Check("t.md", md, Options{}); r.Language.Code != LangEnglish || r.Gender.Verdict == VerdictNotScored || len(r.NotChecked) != 0 {
		t.Errorf("English posting: %+v, %+v", r.Language, r.Gender)
	}
}

func TestTitleHF(t *testing.T) {
	hits := []string{"Software Engineer (H/F)", "Staff Engineer (F/H)", "CTO H/F", "Tech Lead (H/F/X)", "Ingénieur (F/H/NB)",
		"Développeur - H/F", "Développeur·se (H-F)", "Head of Engineering (m/f/d)", "Directeur ou directrice technique, femme ou homme", "DSI (tous genres)"}
	misses := []string{"Software Engineer", "Développeur Backend", "Head of HR", "Tech Lead - Finance", "CTO (Paris)"}
	for _, s := range hits {
		if !hasHF(s) {
			t.Errorf("hasHF(%q) = false, want true", s)
		}
	}
	for _, s := range misses {
		if hasHF(s) {
			t.Errorf("hasHF(%q) = true, want false", s)
		}
	}
	fr := Options{Lang: LangFrench}
	if got := levelOf(Check("t.md", []byte("# Développeur Backend\n\nVous développez des services.\n"), fr), "title-hf", "Développeur Backend"); got != LevelWarning {
		t.Errorf("title without H/F: %q, want a warning", got)
	}
	if slices.Contains(rulesIn(Check("t.md", []byte("# Développeur Backend (H/F)\n\nVous développez des services.\n"), fr)), "title-hf") {
		t.Error("title-hf fires on a title with (H/F)")
	}
	if slices.Contains(rulesIn(Check("t.md", []byte("# Backend Engineer\n\nYou build services.\n"), Options{Lang: LangEnglish})), "title-hf") {
		t.Error("title-hf fires on an English posting")
	}
	// The EU's gender-neutral title rule takes "(H/F)" as neutral in French.
	eu := Options{Lang: LangFrench, Jurisdictions: []string{"eu"}}
	if slices.Contains(rulesIn(Check("t.md", []byte("# Développeur (H/F)\n\nSalaire : 50 000 € bruts par an.\n"), eu)), "pay-neutral-title") {
		t.Error("pay-neutral-title fires on (H/F) in a French posting")
	}
}

// TestFrenchRules: French hits and non-hits of the rules that read French
// wording, each checked as a French posting.
func TestFrenchRules(t *testing.T) {
	cases := []struct {
		text, rule, match string // match "" means the rule must not fire
	}{
		{"Vous avez moins de 35 ans.", "age-limit", "avez moins de 35 ans"},
		{"Âgé de 25 à 35 ans.", "age-limit", "Âgé de 25 à 35 ans"},
		{"Candidat âgé(e) de 25 à 35 ans.", "age-limit", "âgé(e) de 25 à 35 ans"},
		{"Profils entre 25 et 40 ans.", "age-limit", "entre 25 et 40 ans"},
		{"Âge : 25-35 ans.", "age-limit", "25-35 ans"},
		{"45 ans maximum.", "age-limit", "45 ans maximum"},
		{"Né après 1995.", "age-limit", "Né après 1995"},
		{"10 ans d'expérience sont demandés.", "age-limit", ""},
		{"Entre 10 et 15 ans d'expérience.", "age-limit", ""},
		{"Une startup de moins de 10 ans.", "age-limit", ""},
		{"Nous existons depuis 35 ans.", "age-limit", ""},
		{"Une équipe de 25 à 30 personnes.", "age-limit", ""},
		{"De 15 à 20 ans dans l'infrastructure.", "age-limit", ""},
		{"Jeune diplômé(e) bienvenu.", "age-coded", "Jeune diplômé(e)"},
		{"Jeunes diplômés acceptés.", "age-coded", "Jeunes diplômés"},
		{"Une équipe jeune et dynamique.", "age-coded", "équipe jeune"},
		{"Vous êtes dynamique.", "age-coded", "Vous êtes dynamique"},
		{"5 ans d'expérience maximum.", "age-coded", "5 ans d'expérience maximum"},
		{"Programmation dynamique.", "age-coded", ""},
		{"Une jeune entreprise.", "age-coded", ""},
		{"Débutant accepté.", "age-coded", ""},
		{"3 à 5 ans d'expérience.", "experience-range", "3 à 5 ans d'expérience"},
		{"5 ans d'expérience.", "experience-range", ""},
		{"Salaire : selon profil.", "vague-pay", "selon profil"},
		{"Rémunération attractive.", "vague-pay", "Rémunération attractive"},
		{"Salaire à négocier.", "vague-pay", "Salaire à négocier"},
		{"Salaire : de 50 000 à 60 000 € bruts par an, selon profil.", "vague-pay", ""},
		{"Anglais langue maternelle.", "native-speaker", "langue maternelle"},
		{"Anglais courant.", "native-speaker", ""},
		{"Nous cherchons un ninja du code.", "hype-title", "ninja"},
		{"Écrire [le nom de l'équipe].", "placeholder", "[le nom de l'équipe]"},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.text), Options{Lang: LangFrench})
		var got []string
		for _, f := range r.Findings {
			if f.Rule == c.rule {
				got = append(got, f.Text)
			}
		}
		switch {
		case c.match == "" && len(got) > 0:
			t.Errorf("%q: %s fires on %q, want nothing", c.text, c.rule, got)
		case c.match != "" && (len(got) != 1 || got[0] != c.match):
			t.Errorf("%q: %s matches %q, want exactly [%q]", c.text, c.rule, got, c.match)
		}
	}
}

// TestFrenchPay: French pay forms are read as ranges, fixed pay or
// open-ended pay; figures that are not base pay are not.
func TestFrenchPay(t *testing.T) {
	cases := []struct {
		text               string
		ranges, openEnded  int
		lo, hi             float64
		benefits, deadline bool
	}{
		{"Salaire : 80 000 € bruts par an.", 1, 0, 80000, 80000, false, false},
		{"Le salaire est de 80 000 € bruts par an.", 1, 0, 80000, 80000, false, false},
		{"De 80 000 à 95 000 € bruts par an.", 1, 0, 80000, 95000, false, false},
		// As Rungs writes it: no-break spaces in the numbers and before
		// the currency, so a line never breaks inside the amount.
		{"- **Salaire fixe\u00a0:** de 130\u00a0000 à 160\u00a0000\u00a0€ bruts par an", 1, 0, 130000, 160000, false, false},
		{"Salaire : 80\u202f000\u202f€ bruts par an.", 1, 0, 80000, 80000, false, false},
		{"Rémunération : 80\u00a0k€ à 95\u00a0k€.", 1, 0, 80000, 95000, false, false},
		{"Rémunération : 80-95 k€.", 1, 0, 80000, 95000, false, false},
		{"Un salaire entre 80 et 95 k€ par an.", 1, 0, 80000, 95000, false, false},
		{"Salaire : 55k - 75k EUR.", 1, 0, 55000, 75000, false, false},
		{"Salaire de 45,5 k€ à 50 k€ brut annuel.", 1, 0, 45500, 50000, false, false},
		{"Fixe : 4 000 € bruts par mois.", 1, 0, 4000, 4000, false, false},
		{"Salaire à partir de 50 000 € bruts par an.", 0, 1, 50000, 50000, false, false},
		{"Rémunération jusqu'à 60 k€.", 0, 1, 60000, 60000, false, false},
		{"Salaire : 50 k€ et plus.", 0, 1, 50000, 50000, false, false},
		{"Un budget formation de 1 500 € par an.", 0, 0, 0, 0, false, false},
		{"Nous avons levé 5 M€ en 2025.", 0, 0, 0, 0, false, false},
		{"Entre 2 et 5 ans d'expérience.", 0, 0, 0, 0, false, false},
		{"Mutuelle prise en charge à 100 % et tickets restaurant.", 0, 0, 0, 0, true, false},
		{"Candidatures jusqu'au 31 décembre 2026.", 0, 0, 0, 0, false, true},
		{"Date limite de candidature : 15/01/2027.", 0, 0, 0, 0, false, true},
	}
	for _, c := range cases {
		doc := parse([]byte(c.text))
		doc.lang = LangFrench
		f := doc.payFacts()
		if len(f.ranges) != c.ranges || len(f.openEnded) != c.openEnded || f.benefits != c.benefits || f.deadline != c.deadline {
			t.Errorf("%q: %d ranges %v, %d open-ended %v, benefits %v, deadline %v; want %d, %d, %v, %v",
				c.text, len(f.ranges), f.ranges, len(f.openEnded), f.openEnded, f.benefits, f.deadline, c.ranges, c.openEnded, c.benefits, c.deadline)
			continue
		}
		hits := append(f.ranges, f.openEnded...)
		if len(hits) == 1 && (hits[0].min != c.lo || hits[0].max != c.hi) {
			t.Errorf("%q: %v to %v, want %v to %v", c.text, hits[0].min, hits[0].max, c.lo, c.hi)
		}
	}
	// The same French text read as English finds none of the French forms.
	doc := parse([]byte("De 80 000 à 95 000 € bruts par an."))
	if f := doc.payFacts(); len(f.ranges) != 0 {
		t.Errorf("English reading found French pay: %v", f.ranges)
	}
}

func TestFrenchRequired(t *testing.T) {
	cases := []struct {
		name, md, want string // want: the place in the message, or "" for no warning
	}{
		{"English in Paris", "# Engineer\n\n**Location:** Paris, France (hybrid)\n\nYou will build the services of the team.\n", "(Paris)"},
		{"English, remote in France", "# Engineer\n\nLocation: Remote (France)\n\nYou will build the services of the team.\n", "(France)"},
		{"English, based in Lyon", "# Engineer\n\nThis role is based in Lyon. You will build the services of the team.\n", "(Lyon)"},
		{"English in Berlin", "# Engineer\n\nLocation: Berlin\n\nYou will build the services of the team.\n", ""},
		{"English, no place", "# Engineer\n\nYou will build the services of the team.\n", ""},
		{"French in Paris", "# Ingénieur (H/F)\n\nLieu : Paris\n\nVous développez les services de l'équipe.\n", ""},
	}
	for _, c := range cases {
		r := Check("t.md", []byte(c.md), Options{})
		// Named jurisdictions do not hide the place.
		if named := Check("t.md", []byte(c.md), Options{Jurisdictions: []string{"eu"}}); slices.Contains(rulesIn(named), "french-required") != slices.Contains(rulesIn(r), "french-required") {
			t.Errorf("%s: french-required differs with --jurisdiction eu", c.name)
		}
		var msgs []string
		for _, f := range r.Findings {
			if f.Rule == "french-required" {
				msgs = append(msgs, f.Message)
				if f.Level != LevelWarning || !strings.Contains(f.Message, "L5331-4") {
					t.Errorf("%s: %+v", c.name, f)
				}
			}
		}
		switch {
		case c.want == "" && len(msgs) > 0:
			t.Errorf("%s: french-required fires: %q", c.name, msgs)
		case c.want != "" && (len(msgs) != 1 || !strings.Contains(msgs[0], c.want)):
			t.Errorf("%s: %q, want one warning naming %s", c.name, msgs, c.want)
		}
	}
}

// TestFrenchPostings lints the French sample postings and compares the
// JSON and text reports with their goldens (go test ./lint -run
// FrenchPostings -update rewrites them; read the diff first).
func TestFrenchPostings(t *testing.T) {
	files, err := filepath.Glob("testdata/fr/*.md")
	if err != nil || len(files) < 4 {
		t.Fatalf("French samples: %v, %v", files, err)
	}
	want := map[string]struct {
		lang   string
		errors bool
		rules  []string
	}{
		"good.md":          {LangFrench, false, nil},
		"bad.md":           {LangFrench, true, []string{"title-hf", "hype-title", "age-coded", "age-limit", "native-speaker", "experience-range", "vague-pay", "placeholder", "pay-range"}},
		"english-paris.md": {LangEnglish, false, []string{"french-required"}},
		"mixed.md":         {LangFrench, false, nil},
	}
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		r := Check(base, md, Options{})
		js, err := JSON([]Report{r})
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, strings.TrimSuffix(f, ".md")+".json", js)
		golden.Check(t, strings.TrimSuffix(f, ".md")+".txt", []byte(FormatText([]Report{r})))
		w, ok := want[base]
		if !ok {
			t.Errorf("%s: no expectation", base)
			continue
		}
		if r.Language.Code != w.lang || r.HasErrors() != w.errors {
			t.Errorf("%s: language %s, errors %v; want %s, %v", base, r.Language.Code, r.HasErrors(), w.lang, w.errors)
		}
		for _, rule := range w.rules {
			if !slices.Contains(rulesIn(r), rule) {
				t.Errorf("%s: no %s finding", base, rule)
			}
		}
		if base == "good.md" && (len(r.Findings) != 0 || r.Flesch < KandelMolesNote || len(r.Jurisdictions) != 1) {
			t.Errorf("good.md: findings %v, Kandel–Moles %.1f, jurisdictions %v", rulesIn(r), r.Flesch, r.Jurisdictions)
		}
	}
}

func FuzzFrenchSyllables(f *testing.F) {
	for _, c := range frenchSyllableCases {
		f.Add(c.word)
	}
	f.Add("\xff\xfeé")
	f.Fuzz(func(t *testing.T, w string) {
		n := syllablesWith(w, frenchSyllables)
		if n < 0 || n > utf8.RuneCountInString(w)+3*len(w) {
			t.Fatalf("%q: %d syllables", w, n)
		}
		_ = countSyllablesFR(w)
	})
}

func FuzzDetectLanguage(f *testing.F) {
	for _, s := range []string{"", "Vous rejoignez l'équipe.", "You join the team.", "l'", "'", "qu’", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := DetectLanguage(s)
		if (l.Code != LangEnglish && l.Code != LangFrench) || l.French < 0 || l.English < 0 || l.French+l.English > l.Words || l.Note == "" {
			t.Fatalf("%q: %+v", s, l)
		}
	})
}

func TestLanguageDataErrors(t *testing.T) {
	if _, err := loadLanguage(); err != nil {
		t.Fatal(err)
	}
	words := func(prefix string) string {
		var ws []string
		for i := range 30 {
			ws = append(ws, prefix+string(rune('a'+i%26))+string(rune('a'+i/26)))
		}
		return "[" + strings.Join(ws, ", ") + "]"
	}
	cases := []struct{ name, yaml, want string }{
		{"short list", "french: [le]\nenglish: " + words("e") + "\nfrance: [paris]\n", "french: 1 function words"},
		{"word in both", "french: " + words("x") + "\nenglish: " + words("x") + "\nfrance: [paris]\n", "is in both lists"},
		{"no places", "french: " + words("f") + "\nenglish: " + words("e") + "\nfrance: []\n", "france: no place names"},
		{"unknown key", "french: []\nenglsh: []\n", `unknown field "englsh"`},
	}
	for _, c := range cases {
		if _, err := parseLanguage([]byte(c.yaml)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}
