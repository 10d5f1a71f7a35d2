package catalog_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/internal/l10n/l10ntest"
)

// sameInFrench are the catalog texts a French posting keeps in English, by
// path: job titles French tech companies use as they are (issue 17: "VP
// Engineering", "Staff Engineer"). Any other text that reads as the
// English is a translation left out. The list is by path and text, so a
// title that gets a French form later is simply no longer identical.
var sameInFrench = map[string]string{
	"roles.software-engineer.title":       "Software Engineer",
	"roles.senior-engineer.title":         "Senior Software Engineer",
	"roles.staff-engineer.title":          "Staff Engineer",
	"roles.principal-engineer.title":      "Principal Engineer",
	"roles.tech-lead.title":               "Tech Lead",
	"roles.engineering-manager.title":     "Engineering Manager",
	"roles.director-of-engineering.title": "Director of Engineering",
	"roles.head-of-engineering.title":     "Head of Engineering",
	"roles.vp-engineering.title":          "VP of Engineering",
	"roles.vp-engineering.short_title":    "VP Engineering",
	"roles.cto.title":                     "Chief Technology Officer",
	"roles.cto.short_title":               "CTO",
	"roles.cpo.title":                     "Chief Product Officer",
	"roles.cpo.short_title":               "CPO",
	"career_path.cto.title":               "CTO",
}

// TestFrenchCatalogComplete checks that the built-in French translation
// covers every text of the built-in catalog, and that the only texts
// still reading as the English are the titles of sameInFrench.
func TestFrenchCatalogComplete(t *testing.T) {
	en, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fr, missing, err := en.In("fr")
	if err != nil {
		t.Fatalf("In(fr): %v", err)
	}
	l10ntest.Complete(t, "catalog", en, fr, missing, sameInFrench)
	// The translation is made once and kept: a second call is the same
	// catalog, so every posting of a batch reads the same words.
	again, _, err := en.In("fr")
	if err != nil || again != fr {
		t.Errorf("a second In(fr) gave another catalog (err %v)", err)
	}
	if same, _, _ := en.In("en"); same != en {
		t.Error("In(en) is not the catalog itself")
	}
}

// TestFrenchWording checks every French text, including those no golden
// document shows: articles contracted, the reader addressed as "vous",
// and no doubled space, UTF-8 read as Latin-1 or replacement character.
func TestFrenchWording(t *testing.T) {
	l10ntest.FrenchWording(t, frenchTexts(t))
}

// frenchTexts are the texts of the built-in catalog in French.
func frenchTexts(t *testing.T) []l10n.Text {
	t.Helper()
	en, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fr, _, err := en.In("fr")
	if err != nil {
		t.Fatal(err)
	}
	return l10n.Texts(fr)
}

// userCatalog is the built-in catalog with a user's folder on top: one
// built-in duty reworded, one duty added, and the user's own French files.
func userCatalog(t *testing.T, l10nFR string) (*catalog.Catalog, catalog.Responsibility) {
	t.Helper()
	base, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	first := base.Responsibilities[0]
	fsys := fstest.MapFS{"mine.yaml": &fstest.MapFile{Data: []byte(`
responsibilities:
  - id: ` + first.ID + `
    area: ` + first.Area + `
    roles: [cto]
    weights: {infrastructure: 1, product: 1, visionary: 1, external: 1}
    text: Our own wording for this duty.
    sources: [004_b5aa13debac98d84.txt]
  - id: run-the-guild
    area: knowledge-sharing
    roles: [staff-engineer]
    weights: {infrastructure: 1, product: 1, visionary: 1, external: 1}
    text: Run the monthly frontend guild.
    sources: [004_b5aa13debac98d84.txt]
`)}}
	if l10nFR != "" {
		fsys["l10n/fr/mine.yaml"] = &fstest.MapFile{Data: []byte(l10nFR)}
	}
	c, err := catalog.Load(catalog.BuiltinLayer(), catalog.Layer{FS: fsys, Dir: ".", Prefix: "my/"})
	if err != nil {
		t.Fatal(err)
	}
	return c, first
}

// TestFrenchUserCatalog: a user's reworded duty stays in their words (and
// is reported as untranslated), their own French file translates their
// new duty, and every built-in text they kept is still French.
func TestFrenchUserCatalog(t *testing.T) {
	c, first := userCatalog(t, "responsibilities:\n  run-the-guild:\n    text: Animer chaque mois la guilde frontend.\n")
	fr, missing, err := c.In("fr")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, r := range fr.Responsibilities {
		byID[r.ID] = r.Text
	}
	if got := byID[first.ID]; got != "Our own wording for this duty." {
		t.Errorf("the user's reworded duty reads %q in French, want the user's words", got)
	}
	if got := byID["run-the-guild"]; got != "Animer chaque mois la guilde frontend." {
		t.Errorf("the user's new duty reads %q, want the user's French", got)
	}
	en, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	second := en.Responsibilities[1]
	if byID[second.ID] == second.Text {
		t.Errorf("a built-in duty the user kept is still English: %q", second.Text)
	}
	var paths []string
	for _, m := range missing {
		paths = append(paths, m.Path)
	}
	if want := "responsibilities." + first.ID + ".text"; !slices.Contains(paths, want) {
		t.Errorf("missing %q, want it to name %s", paths, want)
	}
	if len(missing) != 1 {
		t.Errorf("%d texts missing, want only the user's reworded duty: %s", len(missing), l10ntest.Paths(missing, 10))
	}
}

// A user's French file is checked as the built-in ones are: a typo in an
// id is an error with the user's file and line, and the nearest id.
func TestFrenchUserCatalogError(t *testing.T) {
	c, _ := userCatalog(t, "responsibilities:\n  run-the-gild:\n    text: Animer la guilde.\n")
	_, _, err := c.In("fr")
	if err == nil {
		t.Fatal("no error for an unknown id")
	}
	if want := `my/l10n/fr/mine.yaml:2: responsibilities: no item with id "run-the-gild"; did you mean run-the-guild?`; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want %q", err, want)
	}
}
