package templates_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/output/sitedoc"
	"github.com/rungs/rungs/templates"
)

// frDir holds the French templates: one file for each English template,
// with the same name, the same define names, the same data fields and the
// same logic; only the words differ (issue 17).
const frDir = "l10n/fr"

// englishFunctionWords are words so frequent in English and so rare in
// French that their share of a text's words tells an English sentence
// left in a French document.
var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "you": true, "of": true, "to": true, "with": true, "is": true, "for": true,
}

// maxEnglishShare is the largest share of English function words a French
// document may hold. Titles French tech companies keep in English ("Head
// of Engineering") bring a few; an English sentence brings many.
const maxEnglishShare = 0.02

// englishShare returns the share of a text's words that are English
// function words, and those words, in order. Words are runs of letters,
// so "d'une" is two words and "L3" is one.
func englishShare(text string) (float64, []string) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return 0, nil
	}
	var hits []string
	for _, w := range words {
		if englishFunctionWords[w] {
			hits = append(hits, w)
		}
	}
	return float64(len(hits)) / float64(len(words)), hits
}

// parseDir parses every *.md.tmpl of a file system with the templates'
// function map, as the built-in set is parsed, and returns the names it
// defines: one per file, and one per define.
func parseDir(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	set, err := template.New("").Option("missingkey=error").Funcs(templates.Funcs()).ParseFS(fsys, "*.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tm := range set.Templates() {
		if tm.Name() != "" && tm.Tree != nil {
			names = append(names, tm.Name())
		}
	}
	sort.Strings(names)
	return names
}

// TestFrenchTemplatesMatchEnglish checks that the French set has every
// English template and define and nothing else, so a document kind cannot
// fall back to English nor call a block English does not have.
func TestFrenchTemplatesMatchEnglish(t *testing.T) {
	en := parseDir(t, templates.BuiltinFS())
	fr := parseDir(t, os.DirFS(frDir))
	if !slices.Equal(en, fr) {
		t.Errorf("French templates define %q; English define %q", fr, en)
	}
	files, err := filepath.Glob(filepath.Join(frDir, "*.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(data) {
			t.Errorf("%s: not UTF-8", f)
		}
		// The generator puts "(H/F)" in the title; a template adding it
		// would print it twice. Comments may say so.
		if strings.Contains(templateComment.ReplaceAllString(string(data), ""), "H/F") {
			t.Errorf("%s: writes H/F itself; the title already carries it", f)
		}
		// Article is English grammar ("a", "an").
		if strings.Contains(string(data), ".Article") {
			t.Errorf("%s: uses .Article, which is English grammar", f)
		}
	}
}

var templateComment = regexp.MustCompile(`(?s)\{\{-? */\*.*?\*/ *-?\}\}`)

// frenchSet is the built-in set with every template replaced by its French
// file: the English files and defines are all replaced, as
// TestFrenchTemplatesMatchEnglish checks.
func frenchSet(t testing.TB) *templates.Set {
	t.Helper()
	set, err := templates.LoadWithOverlay(frDir)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// frCase is one French document to render: a template and its view model.
type frCase struct {
	name string
	tmpl string
	data any
}

// frenchCases are the view models the English golden and shape tests
// build, and more: every posting of the matrix, every ladder at the
// golden sizes for every archetype and track, every level's card, every
// promotion step the site links, growth plans between the golden sizes,
// comparisons of neighbouring levels, and the site's link blocks.
func frenchCases(t *testing.T) []frCase {
	t.Helper()
	cat, lad := ladderData(t)
	var cases []frCase
	for _, g := range goldenMatrix(cat) {
		cases = append(cases, frCase{"jd/" + g.name(), "jd.md.tmpl", jdView(t, cat, g)})
	}
	for _, r := range cat.Roles {
		for _, st := range []string{"seed", "growth"} {
			g := goldenCase{role: r.ID, stage: st, archetype: "product", size: 6, company: "company-full.yaml"}
			cases = append(cases, frCase{"jd/" + g.name(), "jd.md.tmpl", jdView(t, cat, g)})
		}
	}
	archetypes := cat.ArchetypeIDs()
	for i, s := range ladderSizes {
		for _, a := range archetypes {
			p := ladderProfile(t, cat, s.stage, s.size, a)
			for _, track := range []string{"all", "ic", "management"} {
				lv, err := generator.CareerLadder(lad, p, track)
				if err != nil {
					t.Fatal(err)
				}
				cases = append(cases, frCase{fmt.Sprintf("ladder/%d-%s-%s", s.size, a, track), "ladder.md.tmpl", lv})
			}
		}
		// Cards, guides, comparisons and growth plans change with the
		// size more than with the archetype: one archetype per size.
		a := archetypes[i%len(archetypes)]
		p := ladderProfile(t, cat, s.stage, s.size, a)
		cases = append(cases, ladderDocCases(t, lad, p, fmt.Sprintf("%d-%s", s.size, a))...)
		for _, to := range ladderSizes[i+1:] {
			g, err := generator.Growth(lad, p, "all", to.size)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, frCase{fmt.Sprintf("growth/%d-to-%d", s.size, to.size), "ladder-growth.md.tmpl", g})
		}
	}
	return append(cases, siteCases()...)
}

func jdView(t testing.TB, cat *catalog.Catalog, g goldenCase) *generator.JobDescription {
	t.Helper()
	var c *profile.Company
	if g.company != "" {
		data, err := os.ReadFile(filepath.Join("testdata", g.company))
		if err != nil {
			t.Fatal(err)
		}
		if c, err = profile.ParseCompany(g.company, data); err != nil {
			t.Fatal(err)
		}
	}
	p, err := profile.Resolve(cat, profile.Input{Stage: g.stage, Size: fmt.Sprint(g.size), Archetype: g.archetype, Company: c})
	if err != nil {
		t.Fatal(err)
	}
	jd, err := generator.JD(cat, p, g.role)
	if err != nil {
		t.Fatal(err)
	}
	return jd
}

// ladderDocCases are one company's level cards (every level of the data,
// including those not on its ladder), its promotion guides (each level to
// the levels above it and each road in, as the site links them) and its
// comparisons of neighbouring levels.
func ladderDocCases(t *testing.T, lad *ladders.Ladder, p profile.Profile, tag string) []frCase {
	t.Helper()
	var cases []frCase
	for _, v := range lad.Levels {
		c, err := generator.Card(lad, p, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, frCase{"level/" + tag + "-" + v.ID, "ladder-level.md.tmpl", c})
	}
	lv, err := generator.CareerLadder(lad, p, "all")
	if err != nil {
		t.Fatal(err)
	}
	steps := map[[2]string]bool{}
	for _, v := range lv.Levels {
		ups := slices.Clone(v.Next)
		if v.MgmtNext != nil {
			ups = append(ups, *v.MgmtNext)
		}
		for _, r := range append(ups, v.RoadNext...) {
			steps[[2]string{v.ID, r.ID}] = true
		}
		for _, r := range v.Roads {
			steps[[2]string{r.From.ID, v.ID}] = true
		}
		if v.Below != nil {
			steps[[2]string{v.Below.ID, v.ID}] = true
		}
	}
	var keys [][2]string
	for k := range steps {
		if _, ok := lv.Level(k[0]); !ok {
			continue
		}
		if _, ok := lv.Level(k[1]); !ok {
			continue
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+" "+a[1], b[0]+" "+b[1]) })
	for _, k := range keys {
		g, err := generator.Promotion(lad, p, k[0], k[1])
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, frCase{"promotion/" + tag + "-" + k[0] + "-to-" + k[1], "ladder-promotion.md.tmpl", g})
		a, _ := lv.Level(k[0])
		b, _ := lv.Level(k[1])
		cases = append(cases, frCase{"compare/" + tag + "-" + k[0] + "-vs-" + k[1], "ladder-compare.md.tmpl", comparison(lv, a, b)})
	}
	return cases
}

// comparison builds ladder-compare's view model as the site does: one row
// per dimension, in the stage's order.
func comparison(lv *generator.LadderView, a, b generator.LevelView) sitedoc.Comparison {
	byDim := func(v generator.LevelView) map[string]*generator.ExpectationView {
		m := map[string]*generator.ExpectationView{}
		for i := range v.Expectations {
			m[v.Expectations[i].Dimension] = &v.Expectations[i]
		}
		return m
	}
	da, db := byDim(a), byDim(b)
	c := sitedoc.Comparison{LadderMeta: lv.LadderMeta, A: a, B: b}
	for _, col := range lv.Weights {
		if da[col.Dimension] == nil && db[col.Dimension] == nil {
			continue
		}
		c.Rows = append(c.Rows, sitedoc.ComparisonRow{Dimension: col.Dimension, Title: col.Title, A: da[col.Dimension], B: db[col.Dimension]})
	}
	return c
}

// siteCases are the site's link blocks, with view models shaped as
// sitedoc builds them: every block with all its parts, and a link without
// a page.
func siteCases() []frCase {
	links := []sitedoc.Link{{Label: "Staff Engineer (L3)", Href: "staff-engineer.html"}, {Label: "Fellow (L7, from about 3,000 engineers)"}}
	pairs := []sitedoc.Pair{{A: "Staff Engineer (L3)", B: "Engineering Manager (M3)", Href: "compare/staff-engineer-vs-engineering-manager.html"}}
	meta := generator.LadderMeta{StageLabel: "Growth stage", Size: 120, ArchetypeTitle: "Product CTO", Track: "all"}
	type group struct {
		Title  string
		Levels []sitedoc.Link
	}
	type row struct {
		Level string
		Pairs []sitedoc.Link
	}
	return []frCase{
		{"site/nav", "site-nav", struct{ Title, Home, Compare, Growth string }{"Grille", "index.html", "compare/index.html", "growth.html"}},
		{"site/levels", "site-levels", struct{ Groups []group }{[]group{{"IC track", links}, {"Management track", links}}}},
		{"site/level-links", "site-level-links", struct{ Below, Above, Peers, Into, OutOf, Compare []sitedoc.Link }{links, links, links, links, links, links}},
		{"site/guide-links", "site-guide-links", struct {
			Levels  []sitedoc.Link
			Compare []sitedoc.Pair
		}{links, pairs}},
		{"site/compare-links", "site-compare-links", struct {
			Levels []sitedoc.Link
			Guides []sitedoc.Pair
		}{links, pairs}},
		{"site/compare-index", "site-compare-index", struct {
			Meta     generator.LadderMeta
			Adjacent []sitedoc.Pair
			Rows     []row
		}{meta, pairs, []row{{"Staff Engineer (L3)", links}}}},
	}
}

// TestFrenchTemplatesRender executes every French template against the
// view models the English tests build. Until the French catalog and
// locale land, the data is English, so the English-word check runs on the
// template's own words: every data string of more than one word is
// replaced by a mark first (ids, codes, dates and numbers are single
// words and keep the logic as it is). The documents themselves must
// render from the real data without error.
func TestFrenchTemplatesRender(t *testing.T) {
	set := frenchSet(t)
	worst, worstName, worstHits := 0.0, "", []string(nil)
	cases := frenchCases(t)
	for _, c := range cases {
		if _, err := set.Render(c.tmpl, c.data); err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		md, err := set.Render(c.tmpl, neutral(reflect.ValueOf(c.data)).Interface())
		if err != nil {
			t.Errorf("%s, with the data marked: %v", c.name, err)
			continue
		}
		checkLeftovers(t, c.name, string(md))
		share, hits := englishShare(string(md))
		if share > worst {
			worst, worstName, worstHits = share, c.name, hits
		}
		if share >= maxEnglishShare {
			t.Errorf("%s: %.1f%% of the template's words are English function words (%q); want under %.0f%%:\n%s",
				c.name, 100*share, hits, 100*maxEnglishShare, md)
		}
	}
	t.Logf("%d documents; largest share of English function words in the templates' own words: %.2f%% (%s: %q)", len(cases), 100*worst, worstName, worstHits)
}

// TestFrenchSite builds the whole ladder website with the French
// templates at every golden size, with a growth plan, so every page kind
// and link block runs as rungs ladder --format site runs it.
func TestFrenchSite(t *testing.T) {
	cat, lad := ladderData(t)
	set := frenchSet(t)
	for _, s := range ladderSizes {
		p := ladderProfile(t, cat, s.stage, s.size, "product")
		site, err := sitedoc.Build(sitedoc.Source{Ladder: lad, Profile: p, GrowTo: 3000, Templates: set, Language: "fr"})
		if err != nil {
			t.Fatalf("%d engineers: %v", s.size, err)
		}
		var index string
		for _, f := range site.Files {
			if f.Path == "index.html" {
				index = string(f.Data)
			}
		}
		for _, want := range []string{`<html lang="fr">`, "Comparer deux niveaux", "Plan de croissance", "Chaque niveau a sa propre page"} {
			if !strings.Contains(index, want) {
				t.Errorf("%d engineers: index.html lacks %q", s.size, want)
			}
		}
	}
}

// mark stands for a data string in TestFrenchTemplatesRender: not a
// letter, so it counts as no word.
const mark = "◊"

// neutral returns a deep copy of v in which every string holding a space
// is the mark. Types are kept, so methods and the templates' type checks
// work as on the original; strings without a space (ids, codes, dates,
// statuses) are kept, so the templates take the same branches.
func neutral(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		if strings.ContainsRune(v.String(), ' ') {
			out := reflect.New(v.Type()).Elem()
			out.SetString(mark)
			return out
		}
		return v
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(neutral(v.Elem()))
		return out
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(neutral(v.Elem()))
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if f := out.Field(i); f.CanSet() {
				f.Set(neutral(v.Field(i)))
			}
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(neutral(v.Index(i)))
		}
		return out
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(neutral(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		it := v.MapRange()
		for it.Next() {
			out.SetMapIndex(it.Key(), neutral(it.Value()))
		}
		return out
	}
	return v
}

// TestEnglishShare pins the measure the French tests rely on.
func TestEnglishShare(t *testing.T) {
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"", 0},
		{"Vous livrez des fonctionnalités chaque semaine.", 0},
		{"You ship features to the users.", 0.5},
		{"Head of Engineering", 1.0 / 3},
		{"d'une équipe ◊ L3", 0},
	} {
		got, _ := englishShare(tc.text)
		if diff := got - tc.want; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("englishShare(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
