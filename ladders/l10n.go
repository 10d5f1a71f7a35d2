package ladders

import (
	"embed"
	"io/fs"
	"path"

	"github.com/rungs/rungs/internal/l10n"
)

// l10nFS holds the translations of the built-in ladder: one folder per
// language under l10n/, one file per English file (see internal/l10n).
//
//go:embed l10n
var l10nFS embed.FS

// L10nFS returns the embedded translation folders, for tests and tools.
func L10nFS() fs.FS { return l10nFS }

// In returns the ladder written in language lang, and the texts that
// stay in English because no translation covers them. English ("" or
// "en") is the ladder itself. Other languages are made once per ladder
// and kept:
//   - the built-in ladder takes the built-in translations, which cover
//     every text (a test checks it);
//   - a user's ladder takes the built-in translations wherever it kept
//     the built-in English, and, when read from a folder, the user's own
//     translations from l10n/<lang>/ in that folder.
func (l *Ladder) In(lang string) (*Ladder, []l10n.Text, error) {
	if lang == "" || lang == "en" || l.langs == nil {
		return l, nil, nil
	}
	return l.langs.Get(lang, l.translate)
}

func (l *Ladder) translate(lang string) (*Ladder, []l10n.Text, error) {
	sources := []l10n.Source{{FS: l10nFS, Dir: path.Join("l10n", lang), Prefix: "ladders/l10n/" + lang + "/"}}
	var fresh *Ladder
	var err error
	if l.reload == nil {
		fresh, err = loadBuiltin()
	} else {
		fresh, err = l.reload()
		if err == nil {
			english, e := loadBuiltin()
			if e != nil {
				return nil, nil, e
			}
			sources[0].Over = l10n.ByPath(english)
			if u := l.userL10n; u != nil {
				sources = append(sources, l10n.Source{FS: u.FS, Dir: path.Join(u.Dir, lang), Prefix: u.Prefix + lang + "/"})
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
	fresh.reload, fresh.userL10n = l.reload, l.userL10n
	return fresh, missing, nil
}
