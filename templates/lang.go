package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/strictyaml"
)

// l10nFS holds the templates of the other languages: l10n/<lang>/ has one
// file for each English template, with the same name, the same defines
// and the same data; only the words differ.
//
//go:embed l10n
var l10nFS embed.FS

// L10nFS returns the embedded templates of the other languages.
func L10nFS() fs.FS { return l10nFS }

// funcsFor is the function map of a language's templates: Funcs, with
// count and longDate writing numbers and dates the language's way.
func funcsFor(lang string) template.FuncMap {
	fm := Funcs()
	tr := locale.Must(lang)
	fm["count"] = func(noun string, n int) string { return countIn(tr, noun, n) }
	fm["longDate"] = tr.Date
	return fm
}

// countIn is count in a language: "1 500 ingénieurs" in French, where the
// singular covers 0 and 1. English keeps count's own output.
func countIn(tr *locale.Catalog, noun string, n int) string {
	if tr.Lang() == "en" {
		return count(noun, n)
	}
	s := tr.Number(n) + " " + noun
	if !tr.One(n) && !strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "x") {
		s += "s"
	}
	return s
}

// builtinLangs are the built-in template sets of the other languages.
var builtinLangs l10n.Cache[*template.Template]

// builtinIn parses a language's built-in templates once per process.
func builtinIn(lang string) (*template.Template, error) {
	if lang == "" || lang == "en" {
		return builtin, nil
	}
	t, _, err := builtinLangs.Get(lang, parseBuiltin)
	return t, err
}

func parseBuiltin(lang string) (*template.Template, []l10n.Text, error) {
	if _, ok := locale.For(lang); !ok {
		return nil, nil, fmt.Errorf("templates: no language %q; valid: %s", lang, strings.Join(locale.Languages(), ", "))
	}
	t, err := template.New("").Option("missingkey=error").Funcs(funcsFor(lang)).ParseFS(l10nFS, path.Join("l10n", lang, "*.md.tmpl"))
	if err != nil {
		return nil, nil, err
	}
	boundRanges(t)
	return t, nil, nil
}

// In returns the set in language lang: the built-in templates of that
// language, with the user's own templates for it on top when the set was
// loaded from a folder that has an l10n/<lang>/ subfolder. English is the
// set itself. A user's English templates never stand in for another
// language: a French posting from an English template would be neither.
func (s *Set) In(lang string) (*Set, error) {
	if lang == "" || lang == "en" {
		return s, nil
	}
	out, _, err := s.langs.Get(lang, s.translate)
	return out, err
}

// translate makes the set of another language: that language's built-in
// templates, under the user's own for it.
func (s *Set) translate(lang string) (*Set, []l10n.Text, error) {
	base, err := builtinIn(lang)
	if err != nil {
		return nil, nil, err
	}
	out := &Set{t: base, lang: lang}
	if s.dir != "" {
		dir := filepath.Join(s.dir, "l10n", lang)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			if out, err = loadOver(base, dir, lang); err != nil {
				return nil, nil, err
			}
		}
	}
	return out, nil, nil
}

// BuiltinIn returns the built-in templates of a language as a Set.
func BuiltinIn(lang string) (*Set, error) {
	t, err := builtinIn(lang)
	if err != nil {
		return nil, err
	}
	return &Set{t: t, lang: lang}, nil
}

// Typography applies a language's spacing rules to a rendered document:
// in French, a no-break space before : ; ! ? » and after «, and between
// the groups of a number written with spaces ("1 000"), so a line never
// breaks inside them. The rules come from the locale (typography.*), and
// code spans and link targets are left alone.
func Typography(lang string, md []byte) []byte {
	tr, ok := locale.For(lang)
	if !ok || lang == "en" {
		return md
	}
	before := tr.Text("typography.nbsp_before", nil)
	after := tr.Text("typography.nbsp_after", nil)
	if before == "" && after == "" {
		return md
	}
	lines := strings.Split(string(md), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "```") {
			continue
		}
		lines[i] = typoLine(l, before, after)
	}
	return []byte(strings.Join(lines, "\n"))
}

var (
	numberGroupRe = regexp.MustCompile(`(\d) (\d{3})\b`)
	// protectedRe finds the parts of a line no rule may touch: code
	// spans, autolinks and link targets.
	protectedRe = regexp.MustCompile("`[^`]*`|<[^>\\s]+>|\\]\\([^)]*\\)")
)

func typoLine(l, before, after string) string {
	var b strings.Builder
	last := 0
	for _, m := range protectedRe.FindAllStringIndex(l, -1) {
		b.WriteString(typoText(l[last:m[0]], before, after))
		b.WriteString(l[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(typoText(l[last:], before, after))
	return b.String()
}

func typoText(s, before, after string) string {
	for _, p := range before {
		s = strings.ReplaceAll(s, " "+string(p), "\u00a0"+string(p))
	}
	for _, p := range after {
		s = strings.ReplaceAll(s, string(p)+" ", string(p)+"\u00a0")
	}
	for numberGroupRe.MatchString(s) {
		s = numberGroupRe.ReplaceAllString(s, "$1\u00a0$2")
	}
	return s
}

// loadOver parses the user's templates of one language on top of that
// language's built-in ones.
func loadOver(base *template.Template, dir, lang string) (*Set, error) {
	t, err := base.Clone()
	if err != nil {
		return nil, err
	}
	set := &Set{t: t, names: map[string]string{}, lang: lang}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &strictyaml.Error{File: dir, Msg: "templates folder: " + err.Error()}
	}
	var errs strictyaml.List
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md.tmpl") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := readTemplate(p)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			errs.Add(p, 0, "%v", err)
			continue
		}
		if err := set.add(p, e.Name(), data); err != nil {
			errs = append(errs, strictyaml.Errors(err)...)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return set, nil
}
