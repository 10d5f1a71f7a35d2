package l10n

import (
	"fmt"
	"strings"
	"testing"
)

// The test content mirrors the shapes the catalog and the ladder use: a
// list keyed by id, a list of strings, a map of texts, a list of entries
// without id (by position), and fields that are not texts.
type testItem struct {
	ID    string   `yaml:"id"`
	Text  string   `yaml:"text" l10n:"text"`
	Notes []string `yaml:"notes" l10n:"text"`
	Level int      `yaml:"level"`
}

type testSized struct {
	Text string `yaml:"text" l10n:"text"`
	Min  int    `yaml:"min"`
}

type testDoc struct {
	Title  string            `yaml:"title" l10n:"text"`
	Items  []testItem        `yaml:"items"`
	Labels map[string]string `yaml:"labels" l10n:"text"`
	Sized  []testSized       `yaml:"sized"`
	Stage  string            `yaml:"stage"`
}

func newDoc() *testDoc {
	return &testDoc{
		Title: "Engineering ladder",
		Items: []testItem{
			{ID: "build", Text: "Build features for {size} engineers", Notes: []string{"Ship weekly", "Review code"}, Level: 2},
			{ID: "hire", Text: "Hire engineers", Level: 3},
		},
		Labels: map[string]string{"ic": "IC track", "mgmt": "Management track"},
		Sized:  []testSized{{Text: "Small team", Min: 1}, {Text: "Large team", Min: 100}},
		Stage:  "seed",
	}
}

// fullFR translates every text of newDoc.
const fullFR = `title: Grille d'évolution
items:
  build:
    text: Construire des fonctionnalités pour {size} ingénieurs
    notes: [Livrer chaque semaine, Relire le code]
  hire:
    text: Recruter des ingénieurs
labels:
  ic: Filière experte
  mgmt: Filière management
sized:
  - text: Petite équipe
  - text: Grande équipe
`

func TestApplyTranslatesEveryText(t *testing.T) {
	d := newDoc()
	set := map[string]bool{}
	if err := Apply(d, "fr/doc.yaml", []byte(fullFR), set); err != nil {
		t.Fatal(err)
	}
	if m := Missing(d, set); len(m) != 0 {
		t.Errorf("missing after a full translation: %s", pathsOf(m, 10))
	}
	if d.Items[0].Text != "Construire des fonctionnalités pour {size} ingénieurs" || d.Items[0].Notes[1] != "Relire le code" ||
		d.Labels["mgmt"] != "Filière management" || d.Sized[1].Text != "Grande équipe" || d.Title != "Grille d'évolution" {
		t.Errorf("texts not laid over: %+v", d)
	}
	// What is not a text stays as the English had it.
	if d.Items[0].ID != "build" || d.Items[1].Level != 3 || d.Sized[1].Min != 100 || d.Stage != "seed" {
		t.Errorf("a translation changed what is not a text: %+v", d)
	}
	if len(set) != len(Texts(newDoc())) {
		t.Errorf("set has %d paths, the English %d texts", len(set), len(Texts(newDoc())))
	}
}

func TestApplyPartialLeavesMissing(t *testing.T) {
	d := newDoc()
	set := map[string]bool{}
	if err := Apply(d, "fr/doc.yaml", []byte("items:\n  hire:\n    text: Recruter\n"), set); err != nil {
		t.Fatal(err)
	}
	m := Missing(d, set)
	if len(m) != len(Texts(d))-1 {
		t.Errorf("%d missing, want every text but one: %s", len(m), pathsOf(m, 20))
	}
	for _, x := range m {
		if x.Path == "items.hire.text" {
			t.Error("items.hire.text is reported missing after it was translated")
		}
	}
	if got := pathsOf(m, 2); got != fmt.Sprintf("title, items.build.text, and %d more", len(m)-2) {
		t.Errorf("missing = %s, want title and items.build.text first", got)
	}
}

// TestApplyErrors: every bad translation file is refused with name:line
// and a message naming the field, id or key, and what is accepted; the
// English value is left as it was.
func TestApplyErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"unknown id", "items:\n  biuld:\n    text: Construire\n",
			[]string{"fr/doc.yaml:2: items: no item with id \"biuld\"; did you mean build?"}},
		{"unknown field", "items:\n  build:\n    txt: Construire\n",
			[]string{"fr/doc.yaml:3: items.build: unknown field \"txt\"; did you mean text?"}},
		{"unknown map key", "labels:\n  mgnt: Management\n",
			[]string{"fr/doc.yaml:2: labels: no key \"mgnt\" in the English; did you mean mgmt?"}},
		{"list too short", "items:\n  build:\n    notes: [Livrer chaque semaine]\n",
			[]string{"fr/doc.yaml:3: items.build.notes: the English has 2 texts; give 2, in the same order"}},
		{"list too long", "items:\n  build:\n    notes: [a, b, c]\n",
			[]string{"fr/doc.yaml:3: items.build.notes: the English has 2 texts; give 2"}},
		{"positional list too long", "sized:\n  - text: a\n  - text: b\n  - text: c\n",
			[]string{"fr/doc.yaml:2: sized: the English has 2 entries; give 2, in the same order"}},
		{"dropped placeholder", "items:\n  build:\n    text: Construire des fonctionnalités\n",
			[]string{"fr/doc.yaml:3: items.build.text uses placeholders none; the English uses {size}: use the same ones"}},
		{"invented placeholder", "items:\n  hire:\n    text: Recruter {count} ingénieurs\n",
			[]string{"fr/doc.yaml:3: items.hire.text uses placeholders {count}; the English uses none"}},
		{"empty text", "title: \"  \"\n", []string{"fr/doc.yaml:1: title is empty: give its text"}},
		{"null text", "title:\n", []string{"fr/doc.yaml:1: title: give the text as a string"}},
		{"not a text", "stage: amorçage\n", []string{"fr/doc.yaml:1: stage is not a text"}},
		{"id list as a list", "items:\n  - text: a\n", []string{"fr/doc.yaml:2: items: give a mapping from each item's id to its texts"}},
		{"bad yaml", "title: [\n", []string{"fr/doc.yaml"}},
		{"every error at once", "title: \"\"\nitems:\n  biuld:\n    text: x\n",
			[]string{"fr/doc.yaml:1: title is empty", "fr/doc.yaml:3: items: no item with id \"biuld\""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc()
			err := Apply(d, "fr/doc.yaml", []byte(tc.yaml), map[string]bool{})
			if err == nil {
				t.Fatalf("no error for:\n%s", tc.yaml)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if tc.name != "every error at once" && strings.Count(err.Error(), "\n") != 0 {
				t.Errorf("want one error, got:\n%v", err)
			}
			want := newDoc()
			if d.Title != want.Title || d.Items[0].Text != want.Items[0].Text || d.Items[0].Notes[0] != want.Items[0].Notes[0] || d.Items[1].Text != want.Items[1].Text {
				t.Errorf("a refused text was laid over: %+v", d)
			}
		})
	}
}

// A list of texts is copied before it is changed: content that shares
// the English slice (a cached catalog) keeps its English.
func TestApplyDoesNotChangeSharedEnglish(t *testing.T) {
	en := newDoc()
	fr := *en
	fr.Items = append([]testItem(nil), en.Items...)
	if err := Apply(&fr, "fr/doc.yaml", []byte(fullFR), map[string]bool{}); err != nil {
		t.Fatal(err)
	}
	if en.Items[0].Notes[0] != "Ship weekly" || en.Labels["ic"] != "IC track" {
		t.Errorf("the English changed: %+v", en)
	}
}

func TestApplyEmptyFile(t *testing.T) {
	d := newDoc()
	set := map[string]bool{}
	if err := Apply(d, "fr/empty.yaml", nil, set); err != nil {
		t.Errorf("empty file: %v", err)
	}
	if len(set) != 0 || d.Title != "Engineering ladder" {
		t.Error("an empty file translated something")
	}
}

// TestApplyOverKeepsUserText: a user changed one text and removed an item
// the translation covers. The user's words stay as written, the texts
// they kept take the translation, and the removed id is passed over
// rather than refused.
func TestApplyOverKeepsUserText(t *testing.T) {
	from := ByPath(newDoc())
	d := newDoc()
	d.Items[0].Text = "Build the platform for {size} engineers" // the user's words
	d.Items = d.Items[:1]                                       // "hire" removed
	set := map[string]bool{}
	if err := ApplyOver(d, "fr/doc.yaml", []byte(fullFR), set, from); err != nil {
		t.Fatal(err)
	}
	if d.Items[0].Text != "Build the platform for {size} engineers" {
		t.Errorf("the user's text was replaced: %q", d.Items[0].Text)
	}
	if d.Items[0].Notes[0] != "Livrer chaque semaine" || d.Title != "Grille d'évolution" {
		t.Errorf("a text the user kept was not translated: %+v", d)
	}
	var missing []string
	for _, m := range Missing(d, set) {
		missing = append(missing, m.Path)
	}
	if strings.Join(missing, " ") != "items.build.text" {
		t.Errorf("missing = %q, want the user's text", missing)
	}
	// A list the user changed in length keeps all of the user's items.
	d = newDoc()
	d.Items[0].Notes = []string{"Ship weekly", "Review code", "Mentor"}
	if err := ApplyOver(d, "fr/doc.yaml", []byte(fullFR), map[string]bool{}, from); err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Items[0].Notes, "|") != "Ship weekly|Review code|Mentor" {
		t.Errorf("notes = %q", d.Items[0].Notes)
	}
	// ApplyOver still refuses a broken translation of what the user kept.
	d = newDoc()
	if err := ApplyOver(d, "fr/doc.yaml", []byte("items:\n  build:\n    text: Sans taille\n"), map[string]bool{}, from); err == nil {
		t.Error("ApplyOver took a text that drops {size}")
	}
}

// TestApplyOverMapKeepsOtherKeys: in a map of texts (a responsibility's
// variants, a promotion's evidence), a user who rewrote one key keeps it,
// and the keys they kept take the translation.
func TestApplyOverMapKeepsOtherKeys(t *testing.T) {
	from := ByPath(newDoc())
	d := newDoc()
	d.Labels["ic"] = "Individual contributors"
	set := map[string]bool{}
	if err := ApplyOver(d, "fr/doc.yaml", []byte(fullFR), set, from); err != nil {
		t.Fatal(err)
	}
	if d.Labels["ic"] != "Individual contributors" || d.Labels["mgmt"] != "Filière management" {
		t.Errorf("labels = %v, want the user's ic and the French mgmt", d.Labels)
	}
}

// TestSkeletonRoundTrip: the files Skeleton writes apply cleanly and
// cover every text, so a translator starting from them can only go
// wrong by what they type.
func TestSkeletonRoundTrip(t *testing.T) {
	files := Skeleton(newDoc(), "# French translation\n")
	if len(files) != 1 || files["other.yaml"] == nil {
		t.Fatalf("files: %v", files)
	}
	data := files["other.yaml"]
	if !strings.HasPrefix(string(data), "# French translation\n") {
		t.Errorf("no header:\n%s", data)
	}
	d := newDoc()
	set := map[string]bool{}
	if err := Apply(d, "other.yaml", data, set); err != nil {
		t.Fatalf("the skeleton does not apply:\n%v\n%s", err, data)
	}
	if m := Missing(d, set); len(m) != 0 {
		t.Errorf("the skeleton leaves out %s:\n%s", pathsOf(m, 10), data)
	}
	if got, want := ByPath(d), ByPath(newDoc()); len(got) != len(want) {
		t.Errorf("texts %d, want %d", len(got), len(want))
	} else {
		for p, s := range want {
			if got[p] != s {
				t.Errorf("%s = %q after the round trip, want %q", p, got[p], s)
			}
		}
	}
	// Same content, same bytes.
	if again := Skeleton(newDoc(), "# French translation\n"); string(again["other.yaml"]) != string(data) {
		t.Error("two skeletons differ")
	}
}

func TestTextsOrderAndPaths(t *testing.T) {
	var paths []string
	for _, x := range Texts(newDoc()) {
		paths = append(paths, x.Path)
	}
	want := "title items.build.text items.build.notes.0 items.build.notes.1 items.hire.text labels.ic labels.mgmt sized.0.text sized.1.text"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("paths:\n got %s\nwant %s", got, want)
	}
}

// pathsOf names the first most texts of a list, for a failure message.
func pathsOf(ts []Text, most int) string {
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
