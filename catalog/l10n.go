package catalog

import (
	"embed"
	"io/fs"
	"path"

	"github.com/rungs/rungs/internal/l10n"
)

// l10nFS holds the translations of the built-in catalog: one folder per
// language under l10n/, one file per English file (see internal/l10n).
//
//go:embed l10n
var l10nFS embed.FS

// L10nFS returns the embedded translation folders, for tests and tools.
func L10nFS() fs.FS { return l10nFS }

// In returns the catalog written in language lang, and the texts that
// stay in English because no translation covers them. English ("" or
// "en") is the catalog itself. Other languages are made once per catalog
// and kept:
//   - the built-in catalog takes the built-in translations, which cover
//     every text (a test checks it);
//   - a catalog with a user's folder on top takes the built-in
//     translations wherever the user kept the built-in English, and the
//     user's own translations from l10n/<lang>/ in their folder.
func (c *Catalog) In(lang string) (*Catalog, []l10n.Text, error) {
	if lang == "" || lang == "en" {
		return c, nil, nil
	}
	if c.langs == nil {
		// A catalog not made by Load or the snapshot (a test's literal)
		// has no translations to offer.
		return c, nil, nil
	}
	return c.langs.Get(lang, c.translate)
}

func (c *Catalog) translate(lang string) (*Catalog, []l10n.Text, error) {
	builtin := l10n.Source{FS: l10nFS, Dir: path.Join("l10n", lang), Prefix: "catalog/l10n/" + lang + "/"}
	var fresh *Catalog
	var err error
	sources := []l10n.Source{builtin}
	if c.layers == nil {
		fresh, err = loadBuiltin()
	} else {
		fresh, err = Load(c.layers...)
		if err == nil {
			english, e := loadBuiltin()
			if e != nil {
				return nil, nil, e
			}
			sources[0].Over = l10n.ByPath(english)
			for _, l := range c.layers[1:] {
				sources = append(sources, l10n.Source{FS: l.FS, Dir: path.Join(l.Dir, "l10n", lang), Prefix: l.Prefix + "l10n/" + lang + "/"})
			}
		}
	}
	if err != nil {
		return nil, nil, err
	}
	missing, err := l10n.Translate(fresh, sources...)
	if err != nil {
		return nil, nil, err
	}
	if err := fresh.finish(); err != nil {
		return nil, nil, err
	}
	fresh.layers = c.layers
	return fresh, missing, nil
}
