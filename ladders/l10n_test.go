package ladders_test

import (
	"testing"

	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/internal/l10n/l10ntest"
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
	l10ntest.Complete(t, "ladder", en, fr, missing, sameInFrench)
	again, _, err := en.In("fr")
	if err != nil || again != fr {
		t.Errorf("a second In(fr) gave another ladder (err %v)", err)
	}
	if same, _, _ := en.In("en"); same != en {
		t.Error("In(en) is not the ladder itself")
	}
}

// TestFrenchWording checks every French text, including those no golden
// document shows: articles contracted, the reader addressed as "vous",
// and no doubled space, UTF-8 read as Latin-1 or replacement character.
func TestFrenchWording(t *testing.T) {
	l10ntest.FrenchWording(t, frenchTexts(t))
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
