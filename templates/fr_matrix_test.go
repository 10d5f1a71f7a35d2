package templates_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/lint"
)

// Thresholds of the French matrix (issue 17, item 6). Do not loosen them
// to make a posting pass: rewrite the French text instead.
const (
	// maxFrEnglishShare bounds the share of English function words in a
	// French document, once the titles French postings keep in English
	// are taken out. A posting is 300 to 900 words and an English
	// sentence of 12 to 20 words holds 3 to 6 of these words ("You own the
	// roadmap and the budget for your team"), so one English sentence in
	// the shortest posting is 1% or more: half of that catches it. The
	// words were chosen because none is a French word, so a French text,
	// once the English titles are out, scores 0.
	maxFrEnglishShare = 0.005
	// maxEnglishWordsPerLine: a line (a paragraph, a bullet, a heading)
	// with this many English function words is an English sentence, even
	// in a long document where the share hides it.
	maxEnglishWordsPerLine = 2
)

// frEnglishWords are frequent English words that are not French words
// (not "a", "on", "or", "son", nor "it", which French postings use as in
// "budget IT").
var frEnglishWords = map[string]bool{
	"the": true, "and": true, "you": true, "your": true, "of": true, "to": true, "with": true,
	"is": true, "are": true, "for": true, "this": true, "that": true, "will": true, "we": true,
	"our": true, "from": true, "by": true, "be": true, "have": true, "has": true,
	"who": true, "what": true, "when": true, "which": true, "their": true, "they": true,
}

// keptTitles are the texts the French data keeps in English, longest
// first: the job and level titles French tech companies use as they are
// ("Head of Engineering"). Only these may bring English words into a
// French document; the catalog and ladder tests pin the list.
func keptTitles(t testing.TB, e frEnv) []string {
	t.Helper()
	en, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []string
	add := func(enTexts, frTexts []l10n.Text) {
		byPath := map[string]string{}
		for _, x := range enTexts {
			byPath[x.Path] = x.Text
		}
		for _, x := range frTexts {
			if byPath[x.Path] == x.Text && !seen[x.Text] {
				seen[x.Text] = true
				out = append(out, x.Text)
			}
		}
	}
	add(l10n.Texts(en), l10n.Texts(e.cat))
	_, lad := ladderData(t)
	add(l10n.Texts(lad), l10n.Texts(e.lad))
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// frWords are the words of a text, lower-cased: runs of letters and
// hyphens, so an English compound French uses as one word
// ("one-to-one") is not read as English function words.
func frWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
}

// frEnglish returns the share of English function words in a French
// document with its kept titles taken out, and the worst line: the one
// with the most such words, and how many.
func frEnglish(md string, titles []string) (share float64, worst string, worstN int) {
	for _, tt := range titles {
		md = strings.ReplaceAll(md, tt, " ")
	}
	all, hits := 0, 0
	for _, line := range strings.Split(md, "\n") {
		ws := frWords(line)
		n := 0
		for _, w := range ws {
			if frEnglishWords[w] {
				n++
			}
		}
		all += len(ws)
		hits += n
		if n > worstN {
			worst, worstN = line, n
		}
	}
	if all == 0 {
		return 0, "", 0
	}
	return float64(hits) / float64(all), worst, worstN
}

var (
	frPlaceholderRe = regexp.MustCompile(`\{[A-Za-z][A-Za-z0-9_.]*\}`)
	// A preposition before a definite article must contract: "du", "au",
	// "des", "aux". "de le" and "à les" stay right only before a verb,
	// where "le" and "les" are pronouns ("de les former"); frPronounUse
	// tells those apart.
	// Go's \b is ASCII-only: "déjà le" would match, so a letter before
	// the preposition is excluded by hand.
	frContractionRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(de|à) (le|les) (\p{L}+)`)
	// frUnaccented are French words the data writes with an accent; found
	// without it, an accent was lost on the way.
	frUnaccented = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(equipes?|ingenieurs?|ingenierie|experiences?|premieres?|deja|etre|securite|qualite|strategies?|donnees|reseaux?|societes?|developpement|activites?|responsabilites?|decisions?|evolutions?|reussite|defis?|periodes?|methodes?|systemes?|reperer|elabore[rz]?)(?:[^\p{L}]|$)`)
	// frMojibake are UTF-8 read as Latin-1, and the replacement character.
	frMojibake = []string{"Ã©", "Ã¨", "Ã ", "Ã§", "Å“", "Â«", "Â»", "Â ", "\uFFFD"}
)

// frPronounUse reports whether word, after "de le(s)" or "à le(s)", is a
// verb, so the article is a pronoun and must not contract: infinitives
// end in -er, -ir or -re.
func frPronounUse(word string) bool {
	w := strings.ToLower(word)
	return strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "re")
}

// checkFrench checks what any French document must hold: no leftover
// placeholder or missing message, no uncontracted article, every accent
// kept, and no English but the kept titles.
func checkFrench(t *testing.T, name, md string) {
	t.Helper()
	if !utf8.ValidString(md) {
		t.Errorf("%s: not valid UTF-8", name)
	}
	for _, bad := range []string{"{missing message", "[missing", "MISSING", "%!"} {
		if strings.Contains(md, bad) {
			t.Errorf("%s: contains %q", name, bad)
		}
	}
	if m := frPlaceholderRe.FindString(md); m != "" {
		t.Errorf("%s: placeholder %s left in the text", name, m)
	}
	for _, m := range frContractionRe.FindAllStringSubmatch(md, -1) {
		if !frPronounUse(m[3]) {
			t.Errorf("%s: %q: write %s", name, strings.TrimSpace(m[0]), contracted(m[1], m[2])+" "+m[3])
		}
	}
	for _, bad := range frMojibake {
		if strings.Contains(md, bad) {
			t.Errorf("%s: an accent was mangled: %q", name, bad)
		}
	}
	if m := frUnaccented.FindStringSubmatch(md); m != nil {
		t.Errorf("%s: %q lost its accent", name, m[1])
	}
	if !strings.ContainsAny(md, "éèàç") {
		t.Errorf("%s: no accented letter at all", name)
	}
}

func contracted(prep, art string) string {
	switch strings.ToLower(prep + " " + art) {
	case "de le":
		return "du"
	case "de les":
		return "des"
	case "à le":
		return "au"
	}
	return "aux"
}

// frPostingCase is one posting of the French matrix.
type frPostingCase struct {
	role, stage, archetype string
	size                   int
	company                string
	executive              bool
}

func (c frPostingCase) name() string {
	n := fmt.Sprintf("%s/%s/%d/%s", c.role, c.stage, c.size, c.archetype)
	if c.company != "" {
		n += "/" + c.company
	}
	return n
}

// TestFrenchPostingMatrix renders in French every posting of the English
// matrix (every role at every stage and size point, under every
// archetype), and every role at seed and growth with the full French
// company file (company-full-fr.yaml, the counterpart of the English
// matrix's company-full.yaml), and checks each: inside the English word
// bounds (counted as lint counts them; with the company file in
// TestFrenchPostingWordsWithCompany), 5 to 10 bullets a list and at most
// 8 must-haves, the title with (H/F), the reader addressed as "vous", the
// English function words, and checkFrench.
func TestFrenchPostingMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("the French matrix renders several hundred postings")
	}
	e := newFrEnv(t)
	titles := keptTitles(t, e)
	var cases []frPostingCase
	for _, r := range e.cat.Roles {
		for _, pt := range matrixPoints {
			for _, a := range e.cat.ArchetypeIDs() {
				cases = append(cases, frPostingCase{role: r.ID, stage: pt.stage, size: pt.size, archetype: a, executive: r.Executive})
			}
		}
		for _, st := range []string{"seed", "growth"} {
			cases = append(cases, frPostingCase{role: r.ID, stage: st, size: 6, archetype: "product", company: "company-full-fr.yaml", executive: r.Executive})
		}
	}
	var words, shares []float64
	var withCompany []string
	worstShare, worstShareName := 0.0, ""
	for _, c := range cases {
		p := e.profile(t, c.stage, c.size, c.archetype, c.company)
		jd, err := generator.JD(e.cat, p, c.role)
		if err != nil {
			t.Fatalf("%s: %v", c.name(), err)
		}
		md := string(e.render(t, "jd.md.tmpl", jd))
		name := c.name()
		checkLeftovers(t, name, md)
		checkFrench(t, name, md)

		rep := lint.Check(name, []byte(md), lint.Options{Executive: c.executive, IgnorePostingDate: true})
		maxW := lint.MaxWords
		if c.executive {
			maxW = lint.MaxWordsExecutive
		}
		if c.company != "" {
			// Held in TestFrenchPostingWordsWithCompany, skipped until
			// the note's case is fixed.
			withCompany = append(withCompany, fmt.Sprintf("%s: %d", name, rep.Words))
		} else {
			if rep.Words < lint.MinWords || rep.Words > maxW {
				t.Errorf("%s: %d words, want %d to %d as in English", name, rep.Words, lint.MinWords, maxW)
			}
			words = append(words, float64(rep.Words))
		}
		checkFrenchLists(t, name, md)

		title, _, _ := strings.Cut(md, "\n")
		if !strings.HasPrefix(title, "# ") || !strings.HasSuffix(title, "(H/F)") {
			t.Errorf("%s: title %q does not end with (H/F)", name, title)
		}
		if !slices.Contains(frWords(md), "vous") {
			t.Errorf("%s: does not address the reader as vous", name)
		}
		share, line, n := frEnglish(md, titles)
		shares = append(shares, share)
		if share > worstShare {
			worstShare, worstShareName = share, name
		}
		if share >= maxFrEnglishShare {
			t.Errorf("%s: %.2f%% English function words, want under %.1f%%", name, 100*share, 100*maxFrEnglishShare)
		}
		if n > maxEnglishWordsPerLine {
			t.Errorf("%s: an English sentence (%d English function words): %q", name, n, line)
		}
	}
	slices.Sort(words)
	slices.Sort(shares)
	t.Logf("%d French postings; words without a company file min %.0f, median %.0f, max %.0f; English function words median %.2f%%, max %.2f%% (%s)",
		len(cases), words[0], words[len(words)/2], words[len(words)-1], 100*shares[len(shares)/2], 100*worstShare, worstShareName)
	t.Logf("words with company-full-fr.yaml: %s", strings.Join(withCompany, "; "))
}

// TestFrenchPostingWordsWithCompany holds the French postings with a full
// company file to the English word bounds, as TestPostingShape holds the
// English ones with company-full.yaml.
func TestFrenchPostingWordsWithCompany(t *testing.T) {
	e := newFrEnv(t)
	for _, r := range e.cat.Roles {
		for _, st := range []string{"seed", "growth"} {
			c := frPostingCase{role: r.ID, stage: st, size: 6, archetype: "product", company: "company-full-fr.yaml", executive: r.Executive}
			jd, err := generator.JD(e.cat, e.profile(t, c.stage, c.size, c.archetype, c.company), c.role)
			if err != nil {
				t.Fatal(err)
			}
			rep := lint.Check(c.name(), e.render(t, "jd.md.tmpl", jd), lint.Options{Executive: c.executive, IgnorePostingDate: true})
			maxW := lint.MaxWords
			if c.executive {
				maxW = lint.MaxWordsExecutive
			}
			if rep.Words < lint.MinWords || rep.Words > maxW {
				t.Errorf("%s: %d words, want %d to %d as in English", c.name(), rep.Words, lint.MinWords, maxW)
			}
		}
	}
}

// checkFrenchLists applies the English list rules to a French posting:
// 5 to 10 bullets a list, at most 8 must-haves; pay and benefits are
// exempt, as in English.
func checkFrenchLists(t *testing.T, name, md string) {
	t.Helper()
	for _, s := range strings.Split(md, "\n## ")[1:] {
		title, body, _ := strings.Cut(s, "\n")
		n := 0
		for _, line := range strings.Split(body, "\n") {
			if strings.HasPrefix(line, "- ") {
				n++
			}
		}
		if n == 0 || strings.HasPrefix(title, "Rémunération") || title == "Avantages" {
			continue
		}
		if n < 5 || n > 10 {
			t.Errorf("%s: section %q has %d bullets, want 5 to 10", name, title, n)
		}
		if title == "Profil recherché" && n > 8 {
			t.Errorf("%s: %d must-haves, want at most 8", name, n)
		}
	}
}

// TestFrenchLadderDocuments runs checkFrench and the English-word checks
// over every French ladder document the English tests build: the ladder
// at every golden size, archetype and track, every level card, every
// promotion guide the site links and the growth plans.
func TestFrenchLadderDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every ladder document")
	}
	e := newFrEnv(t)
	titles := keptTitles(t, e)
	n := 0
	worst, worstName := 0.0, ""
	for _, c := range frenchLadderCases(t, e) {
		md := string(e.render(t, c.tmpl, c.data))
		n++
		checkLeftovers(t, c.name, md)
		checkFrench(t, c.name, md)
		share, line, k := frEnglish(md, titles)
		if share > worst {
			worst, worstName = share, c.name
		}
		if share >= maxFrEnglishShare {
			t.Errorf("%s: %.2f%% English function words, want under %.1f%%", c.name, 100*share, 100*maxFrEnglishShare)
		}
		if k > maxEnglishWordsPerLine {
			t.Errorf("%s: an English sentence (%d English function words): %q", c.name, k, line)
		}
	}
	t.Logf("%d French ladder documents; most English function words %.2f%% (%s)", n, 100*worst, worstName)
}

// frenchLadderCases builds, from the French ladder, the documents
// frenchCases builds from the English one.
func frenchLadderCases(t *testing.T, e frEnv) []frCase {
	t.Helper()
	var cases []frCase
	archetypes := e.cat.ArchetypeIDs()
	for i, s := range ladderSizes {
		for _, a := range archetypes {
			p := e.profile(t, s.stage, s.size, a, "")
			for _, track := range []string{"all", "ic", "management"} {
				lv, err := generator.CareerLadder(e.lad, p, track)
				if err != nil {
					t.Fatal(err)
				}
				cases = append(cases, frCase{fmt.Sprintf("ladder/%d-%s-%s", s.size, a, track), "ladder.md.tmpl", lv})
			}
		}
		a := archetypes[i%len(archetypes)]
		p := e.profile(t, s.stage, s.size, a, "")
		cases = append(cases, ladderDocCases(t, e.lad, p, fmt.Sprintf("%d-%s", s.size, a))...)
		for _, to := range ladderSizes[i+1:] {
			g, err := generator.Growth(e.lad, p, "all", to.size)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, frCase{fmt.Sprintf("growth/%d-to-%d", s.size, to.size), "ladder-growth.md.tmpl", g})
		}
	}
	return cases
}

// TestFrenchCheckers pins what the French checks catch and what they let
// through, so a change to a pattern cannot quietly make them pass all.
func TestFrenchCheckers(t *testing.T) {
	titles := []string{"Head of Engineering", "VP Engineering"}
	for _, tc := range []struct {
		text      string
		english   bool // over maxFrEnglishShare or an English sentence
		contracts bool // an uncontracted article
		accent    bool // a word that lost its accent
	}{
		{text: "Vous livrez avec l'équipe fondatrice dès la première semaine."},
		{text: "Vous rejoignez le Head of Engineering et tenez des one-to-one."},
		{text: "Vous pilotez le budget IT et le SI.", english: false},
		{text: "You own the roadmap and the budget for your team.", english: true},
		{text: "Vous parlez de le recrutement.", contracts: true},
		{text: "Vous confiez les plans à les managers.", contracts: true},
		{text: "Vous confiez déjà le recrutement, et apprenez à le voir."},
		{text: "Vous choisissez de les former."},
		{text: "Vous dirigez une equipe de 5 ingénieurs.", accent: true},
		{text: "Votre premiere année.", accent: true},
		{text: "Une équipe de 5 ingénieurs."},
	} {
		share, _, n := frEnglish(tc.text, titles)
		if got := share >= maxFrEnglishShare && n > maxEnglishWordsPerLine; got != tc.english {
			t.Errorf("%q: English %v (share %.2f, %d words), want %v", tc.text, got, share, n, tc.english)
		}
		bad := false
		for _, m := range frContractionRe.FindAllStringSubmatch(tc.text, -1) {
			if !frPronounUse(m[3]) {
				bad = true
			}
		}
		if bad != tc.contracts {
			t.Errorf("%q: uncontracted article %v, want %v", tc.text, bad, tc.contracts)
		}
		if got := frUnaccented.MatchString(tc.text); got != tc.accent {
			t.Errorf("%q: lost accent %v, want %v", tc.text, got, tc.accent)
		}
	}
}

// TestFrenchMoneySpacing: in French an amount and its currency sign are
// kept together by a no-break space ("95 000 €"), as a number and "%"
// are, so a line never starts with the sign.
func TestFrenchMoneySpacing(t *testing.T) {
	e := newFrEnv(t)
	jd, err := generator.JD(e.cat, e.profile(t, "", 0, "", "company-fr.yaml"), "vp-engineering")
	if err != nil {
		t.Fatal(err)
	}
	md := string(e.render(t, "jd.md.tmpl", jd))
	if !strings.Contains(md, "€") {
		t.Fatal("no amount in euros: the test would prove nothing")
	}
	if m := regexp.MustCompile(`\d €`).FindString(md); m != "" {
		t.Errorf("%q: a plain space before the currency sign; want a no-break space", m)
	}
}
