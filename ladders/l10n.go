package ladders

import (
	"embed"
	"io/fs"
	"path"
	"sync"

	"github.com/rungs/rungs/internal/l10n"
)

// l10nFS holds the translations of the built-in ladder: one folder per
// language under l10n/, one file per English file (see internal/l10n).
//
//go:embed l10n
var l10nFS embed.FS

// L10nFS returns the embedded translation folders, for tests and tools.
func L10nFS() fs.FS { return l10nFS }

type langCache struct {
	mu sync.Mutex
	m  map[string]translated
}

type translated struct {
	lad     *Ladder
	missing []l10n.Text
	err     error
}

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
	l.langs.mu.Lock()
	defer l.langs.mu.Unlock()
	if t, ok := l.langs.m[lang]; ok {
		return t.lad, t.missing, t.err
	}
	t := l.translate(lang)
	l.langs.m[lang] = t
	return t.lad, t.missing, t.err
}

func (l *Ladder) translate(lang string) translated {
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
				return translated{err: e}
			}
			sources[0].Over = l10n.ByPath(english)
			if u := l.userL10n; u != nil {
				sources = append(sources, l10n.Source{FS: u.FS, Dir: path.Join(u.Dir, lang), Prefix: u.Prefix + lang + "/"})
			}
		}
	}
	if err != nil {
		return translated{err: err}
	}
	missing, err := l10n.Translate(fresh, sources...)
	if err != nil {
		return translated{err: err}
	}
	if err := fresh.finish(); err != nil {
		return translated{err: err}
	}
	fresh.reload, fresh.userL10n = l.reload, l.userL10n
	return translated{lad: fresh, missing: missing}
}
