package l10n

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/rungs/rungs/internal/strictyaml"
)

// Source is one folder of translation files.
type Source struct {
	FS  fs.FS
	Dir string
	// Prefix goes before file names in messages ("catalog/l10n/fr/").
	Prefix string
	// Over, when set, is the English the files were written for, by
	// path: the content is a user's version of it, and the files are
	// laid on with ApplyOver.
	Over map[string]string
}

// Translate lays every *.yaml file of each source, in name order, over
// v, and returns the texts still in English. A source folder that does
// not exist translates nothing. Every error of every file is reported.
func Translate(v any, sources ...Source) ([]Text, error) {
	set := map[string]bool{}
	var errs strictyaml.List
	for _, src := range sources {
		entries, err := fs.ReadDir(src.FS, src.Dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, &strictyaml.Error{File: strings.TrimSuffix(src.Prefix, "/"), Msg: err.Error()}
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := fs.ReadFile(src.FS, path.Join(src.Dir, name))
			if err != nil {
				return nil, &strictyaml.Error{File: src.Prefix + name, Msg: err.Error()}
			}
			if src.Over != nil {
				err = ApplyOver(v, src.Prefix+name, data, set, src.Over)
			} else {
				err = Apply(v, src.Prefix+name, data, set)
			}
			errs = append(errs, strictyaml.Errors(err)...)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return Missing(v, set), nil
}

// ByPath maps each text of v to its path, for Source.Over.
func ByPath(v any) map[string]string {
	m := map[string]string{}
	for _, t := range Texts(v) {
		m[t.Path] = t.Text
	}
	return m
}
