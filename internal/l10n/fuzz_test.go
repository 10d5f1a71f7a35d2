package l10n_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/templates"
)

type fuzzItem struct {
	ID       string            `yaml:"id"`
	Text     string            `yaml:"text" l10n:"text"`
	Signals  []string          `yaml:"signals" l10n:"text"`
	Variants map[string]string `yaml:"variants" l10n:"text"`
	Weight   int               `yaml:"weight"`
}

type fuzzSized struct {
	Text string `yaml:"text" l10n:"text"`
	Min  int    `yaml:"min"`
}

type fuzzDoc struct {
	Title string               `yaml:"title" l10n:"text"`
	Items []fuzzItem           `yaml:"items"`
	Sized []fuzzSized          `yaml:"sized"`
	Bands map[string]fuzzSized `yaml:"bands"`
	IDs   []string             `yaml:"ids"`
}

func newFuzzDoc() *fuzzDoc {
	return &fuzzDoc{
		Title: "Ladder for {size} engineers",
		Items: []fuzzItem{
			{ID: "a", Text: "Ship {what}", Signals: []string{"One", "Two"}, Variants: map[string]string{"seed": "Seed text", "growth": "Growth text"}, Weight: 3},
			{ID: "b", Text: "Hire", Weight: 1},
		},
		Sized: []fuzzSized{{Text: "Small", Min: 1}, {Text: "Large", Min: 100}},
		Bands: map[string]fuzzSized{"l1": {Text: "Band one", Min: 1}},
		IDs:   []string{"a", "b"},
	}
}

// FuzzApply lays arbitrary YAML over content of every shape Apply knows.
// It must never panic; an error must name the file; whatever it accepts
// must keep every non-text field, every list length and every
// placeholder of the English, and mark only real paths as translated.
func FuzzApply(f *testing.F) {
	for _, s := range []string{
		"title: Grille pour {size} ingénieurs\nitems:\n  a:\n    text: Livrer {what}\n    signals: [Un, Deux]\n    variants: {seed: Amorçage, growth: Croissance}\n  b:\n    text: Recruter\nsized:\n  - text: Petite\n  - text: Grande\nbands:\n  l1:\n    text: Bande un\n",
		"items:\n  c:\n    text: x\n",
		"items:\n  - text: x\n",
		"sized: {a: b}\n",
		"ids: [x]\n",
		"title: [\n",
		"title: ~\n",
		"items:\n  a:\n    signals: [a, b, c]\n",
		"bands:\n  l1:\n    min: 3\n",
		"&a [*a]",
		"---\n---\n",
		"",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, over bool) {
		d := newFuzzDoc()
		set := map[string]bool{}
		var err error
		if over {
			err = l10n.ApplyOver(d, "fr/x.yaml", data, set, l10n.ByPath(newFuzzDoc()))
		} else {
			err = l10n.Apply(d, "fr/x.yaml", data, set)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fr/x.yaml") {
				t.Errorf("error without the file name: %v", err)
			}
			return
		}
		en := newFuzzDoc()
		if d.Items[0].Weight != 3 || d.Items[1].ID != "b" || d.Sized[1].Min != 100 || d.Bands["l1"].Min != 1 || strings.Join(d.IDs, ",") != "a,b" {
			t.Errorf("a non-text field changed: %+v", d)
		}
		if len(d.Items) != 2 || len(d.Items[0].Signals) != 2 || len(d.Sized) != 2 || len(d.Items[0].Variants) != 2 || len(d.Bands) != 1 {
			t.Errorf("a shape changed: %+v", d)
		}
		english := l10n.ByPath(en)
		now := l10n.ByPath(d)
		for p := range set {
			if _, ok := english[p]; !ok {
				t.Errorf("set marks %q, which is no text of the English", p)
			}
		}
		for p, s := range now {
			if s == "" {
				t.Errorf("%s became empty", p)
			}
			if !slices.Equal(placeholders(english[p]), placeholders(s)) {
				t.Errorf("%s: placeholders %q became %q", p, english[p], s)
			}
		}
	})
}

var placeholderRe = regexp.MustCompile(`\{[a-z][a-z0-9_]*\}`)

// placeholders lists the {words} of a text, sorted, each once.
func placeholders(s string) []string {
	ps := placeholderRe.FindAllString(s, -1)
	slices.Sort(ps)
	return slices.Compact(ps)
}

// FuzzTypography runs the French spacing rules on arbitrary Markdown. They
// only turn spaces into no-break spaces (or add none): with every no-break
// space read back as a space the text is the input; lines stay lines;
// valid UTF-8 stays valid; a second pass changes nothing; English is left
// alone.
func FuzzTypography(f *testing.F) {
	for _, s := range []string{
		"**Lieu :** Paris ; « télétravail » ! Vraiment ?",
		"Entre 80 000 et 95 000 € bruts par an, 1 500 000 utilisateurs.",
		"Code `a : b` et <https://x.example/a?b> et [lien](https://x.example/c : d)",
		"    code : indenté\n```\nbloc : ici\n```",
		"1 2 3 4 5 000 000",
		"« »",
		"a\u00a0: b",
		"\xff :",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		out := templates.Typography("fr", md)
		back := bytes.ReplaceAll(out, []byte("\u00a0"), []byte(" "))
		in := bytes.ReplaceAll(md, []byte("\u00a0"), []byte(" "))
		if utf8.Valid(md) && !bytes.Equal(back, in) {
			t.Errorf("Typography changed more than spaces:\n in %q\nout %q", md, out)
		}
		if bytes.Count(out, []byte("\n")) != bytes.Count(md, []byte("\n")) {
			t.Errorf("line count changed: %q -> %q", md, out)
		}
		if utf8.Valid(md) && !utf8.Valid(out) {
			t.Errorf("invalid UTF-8 out of valid input %q: %q", md, out)
		}
		if again := templates.Typography("fr", out); !bytes.Equal(again, out) {
			t.Errorf("a second pass changed the text:\n%q\n%q", out, again)
		}
		if en := templates.Typography("en", md); !bytes.Equal(en, md) {
			t.Errorf("English changed: %q -> %q", md, en)
		}
	})
}
