package pipeline

import (
	"slices"
	"testing"

	"github.com/rungs/rungs/internal/locale"
)

// Every kind names itself in every language's metadata, and in English
// as the kind's Subject says (the words the CLI's help uses), so moving
// the word to the locale changed no English document.
func TestKindWords(t *testing.T) {
	for _, lang := range locale.Languages() {
		words := locale.Must(lang)
		for _, k := range Kinds {
			key := "document.kind." + k.Name
			if _, ok := words.Vars(key); !ok {
				t.Errorf("%s: no message %s for kind %s", lang, key, k.Name)
			}
			if lang == "en" && words.Text(key, nil) != k.Subject {
				t.Errorf("en: %s is %q; the kind's Subject is %q", key, words.Text(key, nil), k.Subject)
			}
		}
		if _, ok := words.Vars("document.kind.other"); !ok {
			t.Errorf("%s: no message document.kind.other", lang)
		}
	}
}

// A French document's metadata is French: the kind, the word before the
// company, and the no-break space before a colon as in the title.
func TestMetaFrench(t *testing.T) {
	const nb = "\u00a0"
	for _, c := range []struct {
		template, md, lang, subject string
		keywords                    []string
	}{
		{"jd.md.tmpl", "# Chief Technology Officer (H/F)\n", "fr",
			"Offre d'emploi" + nb + ": Chief Technology Officer (H/F) chez Crème Brûlée Labs",
			[]string{"Chief Technology Officer (H/F)", "offre d'emploi", "Crème Brûlée Labs"}},
		{"ladder.md.tmpl", "# Crème Brûlée Labs" + nb + ": grille de carrière de l'équipe technique\n", "fr",
			"Grille de carrière de l'équipe technique chez Crème Brûlée Labs",
			[]string{"Crème Brûlée Labs" + nb + ": grille de carrière de l'équipe technique", "grille de carrière", "Crème Brûlée Labs"}},
		{"ladder-level.md.tmpl", "# Staff Engineer (L3)\n", "fr-FR",
			"Fiche de niveau" + nb + ": Staff Engineer (L3) chez Crème Brûlée Labs",
			[]string{"Staff Engineer (L3)", "fiche de niveau", "Crème Brûlée Labs"}},
		{"custom.md.tmpl", "# Note\n", "fr",
			"Document" + nb + ": Note chez Crème Brûlée Labs",
			[]string{"Note", "document", "Crème Brûlée Labs"}},
		{"jd.md.tmpl", "# Chief Technology Officer\n", "en",
			"Job description: Chief Technology Officer at Crème Brûlée Labs",
			[]string{"Chief Technology Officer", "job description", "Crème Brûlée Labs"}},
		{"ladder.md.tmpl", "# Crème Brûlée Labs: engineering career ladder\n", "de",
			"Engineering career ladder at Crème Brûlée Labs",
			[]string{"Crème Brûlée Labs: engineering career ladder", "career ladder", "Crème Brûlée Labs"}},
	} {
		m := metaOf(&Input{Template: c.template, Markdown: []byte(c.md), View: View{Author: "Crème Brûlée Labs", Language: c.lang}})
		if m.subject != c.subject || !slices.Equal(m.keywords, c.keywords) {
			t.Errorf("%s in %s: subject %q, keywords %q; want %q, %q", c.template, c.lang, m.subject, m.keywords, c.subject, c.keywords)
		}
	}
}

// A title that starts with the company and a colon loses them in the
// subject, whatever the spaces around the colon.
func TestAfterCompany(t *testing.T) {
	for _, c := range []struct {
		title, rest string
		ok          bool
	}{
		{"Acme: ladder", "ladder", true},
		{"Acme\u00a0: grille", "grille", true},
		{"Acme : grille", "grille", true},
		{"Acme Corp: ladder", "", false},
		{"Acme", "", false},
		{"Ladder", "", false},
	} {
		if rest, ok := afterCompany(c.title, "Acme"); rest != c.rest || ok != c.ok {
			t.Errorf("afterCompany(%q) = %q, %v; want %q, %v", c.title, rest, ok, c.rest, c.ok)
		}
	}
}
