package ladders_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/ladders"
)

// sameInFrench are the ladder texts a French ladder keeps in English, by
// path: the level and band titles French tech companies use as they are
// (issue 17: "Staff Engineer", "VP Engineering"), and one dimension label,
// "Influence", which is the same word in French. Any other text that reads
// as the English is a translation left out.
var sameInFrench = map[string]string{
	"dimensions.influence.short":                             "Influence",
	"levels.software-engineer.title":                         "Software Engineer",
	"levels.senior-engineer.title":                           "Senior Software Engineer",
	"levels.staff-engineer.title":                            "Staff Engineer",
	"levels.senior-staff-engineer.title":                     "Senior Staff Engineer",
	"levels.principal-engineer.title":                        "Principal Engineer",
	"levels.distinguished-engineer.title":                    "Distinguished Engineer",
	"levels.fellow.title":                                    "Fellow",
	"levels.engineering-manager.title":                       "Engineering Manager",
	"levels.senior-engineering-manager.title":                "Senior Engineering Manager",
	"levels.director-of-engineering.title":                   "Director of Engineering",
	"levels.senior-director-of-engineering.title":            "Senior Director of Engineering",
	"levels.vp-engineering.titles.head-of-engineering.title": "Head of Engineering",
	"levels.cto.title":                                       "CTO",
	"hats.tech-lead.title":                                   "Tech Lead",
	"career_path.cto.title":                                  "CTO",
	"bands.software-engineer.title":                          "Software Engineer",
	"bands.senior-engineer.title":                            "Senior Software Engineer",
	"bands.staff-engineer.title":                             "Staff Engineer",
	"bands.senior-staff-engineer.title":                      "Senior Staff Engineer",
	"bands.principal-engineer.title":                         "Principal Engineer",
	"bands.distinguished-engineer.title":                     "Distinguished Engineer",
	"bands.fellow.title":                                     "Fellow",
	"bands.engineering-manager.title":                        "Engineering Manager",
	"bands.senior-engineering-manager.title":                 "Senior Engineering Manager",
	"bands.director-of-engineering.title":                    "Director of Engineering",
	"bands.senior-director-of-engineering.title":             "Senior Director of Engineering",
	"bands.head-of-engineering.title":                        "Head of Engineering",
	"bands.cto.title":                                        "CTO",
}

// TestFrenchLadderComplete checks that the built-in French translation
// covers every text of the built-in ladder (levels, dimensions,
// behaviours, signals, FAQ, hats, bands), and that the only texts still
// reading as the English are those of sameInFrench.
func TestFrenchLadderComplete(t *testing.T) {
	en, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fr, missing, err := en.In("fr")
	if err != nil {
		t.Fatalf("In(fr): %v", err)
	}
	if len(missing) > 0 {
		t.Errorf("%d ladder texts have no French translation: %s", len(missing), pathsOf(missing, 20))
	}
	english := l10n.ByPath(en)
	frTexts := l10n.Texts(fr)
	if len(frTexts) != len(english) {
		t.Errorf("the French ladder has %d texts, the English %d", len(frTexts), len(english))
	}
	same := 0
	for _, tx := range frTexts {
		if tx.Text != english[tx.Path] {
			continue
		}
		same++
		if want, ok := sameInFrench[tx.Path]; !ok || want != tx.Text {
			t.Errorf("%s (%s) reads as the English in French: %q; translate it, or add it to sameInFrench if French ladders keep this title in English", tx.Path, tx.File, tx.Text)
		}
	}
	t.Logf("%d ladder texts, %d kept in English", len(frTexts), same)
	again, _, err := en.In("fr")
	if err != nil || again != fr {
		t.Errorf("a second In(fr) gave another ladder (err %v)", err)
	}
	if same, _, _ := en.In("en"); same != en {
		t.Error("In(en) is not the ladder itself")
	}
}

var (
	// A preposition before a definite article contracts ("du", "au",
	// "des", "aux"), except before an infinitive, where "le" and "les"
	// are pronouns ("de les former"). Go's \b is ASCII-only, so the
	// letter before is excluded by hand ("déjà le" is right).
	frUncontracted = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(de|à) (le|les) (\p{L}+)`)
	frInfinitive   = regexp.MustCompile(`(?i)(er|ir|re)$`)
	// The reader is "vous": no familiar address.
	frFamiliar = regexp.MustCompile(`(?:^|[^\p{L}])(tu|toi|ta|tes|ton équipe|ton code)(?:[^\p{L}]|$)`)
)

// TestFrenchWording checks every French text, including those no golden
// document shows: articles contracted, the reader addressed as "vous",
// and no doubled space, UTF-8 read as Latin-1 or replacement character.
func TestFrenchWording(t *testing.T) {
	fr := frenchTexts(t)
	for _, tx := range fr {
		for _, m := range frUncontracted.FindAllStringSubmatch(tx.Text, -1) {
			if !frInfinitive.MatchString(m[3]) {
				t.Errorf("%s (%s): %q does not contract", tx.Path, tx.File, strings.TrimSpace(m[0]))
			}
		}
		if m := frFamiliar.FindStringSubmatch(tx.Text); m != nil {
			t.Errorf("%s (%s): %q: address the reader as vous", tx.Path, tx.File, m[1])
		}
		for _, bad := range []string{"  ", "Ã", "\uFFFD"} {
			if strings.Contains(tx.Text, bad) {
				t.Errorf("%s (%s): holds %q", tx.Path, tx.File, bad)
			}
		}
	}
}

// frenchTexts are the texts of the built-in ladders in French.
func frenchTexts(t *testing.T) []l10n.Text {
	t.Helper()
	en, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fr, _, err := en.In("fr")
	if err != nil {
		t.Fatal(err)
	}
	return l10n.Texts(fr)
}

// pathsOf names the first most texts of a list, for a failure message.
func pathsOf(ts []l10n.Text, most int) string {
	var ps []string
	for i, x := range ts {
		if i == most {
			ps = append(ps, fmt.Sprintf("and %d more", len(ts)-most))
			break
		}
		ps = append(ps, x.Path)
	}
	return strings.Join(ps, ", ")
}
