package starter

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/rungs/rungs/internal/boundedio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/output"
	"go.yaml.in/yaml/v3"
)

// Outcome is what Install did, each list of paths relative to the folder,
// in the order of Files.
type Outcome struct {
	// Wrote are the files that were missing.
	Wrote []string
	// Same already had the content init writes.
	Same []string
	// Kept exist with other content and were left alone (no --force).
	Kept []string
	// Replaced were replaced with --force, each after a copy to Backups[i].
	Replaced, Backups []string
	// Added are the keys init --eject added to the existing company
	// file, which was kept otherwise.
	Added []string
	// ToAdd are lines init --eject could not add to the existing company
	// file (its layout is not one init can edit safely): the user adds them.
	ToAdd []string
	// Differs names the keys the existing company file sets to another
	// folder than the ejected copies: key: value.
	Differs []string
}

// ejectKeys are the keys a company file needs to use ejected copies, with
// the folder each names.
var ejectKeys = []struct{ key, value string }{
	{"catalog", "catalog"},
	{"ladder", "ladder"},
	{"templates", "templates"},
}

// Install writes the starter files into dir without destroying work: a
// missing file is written, an existing one is left alone unless force is
// given, and then only after a copy to FILE.bak (or FILE.bak.2, ...). With
// eject, an existing company.yaml is kept, and the catalog, ladder and
// templates keys that point at the ejected copies are added to it,
// keeping its comments and layout.
func Install(dir string, eject, force bool) (Outcome, error) {
	var out Outcome
	files, err := Files(eject)
	if err != nil {
		return out, err
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		old, err := boundedio.ReadFile(p, 0)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return out, err
			}
			if err := output.WriteFile(p, f.Data); err != nil {
				return out, err
			}
			out.Wrote = append(out.Wrote, f.Path)
			continue
		case err != nil:
			return out, fmt.Errorf("%s: %v", p, unwrap(err))
		case bytes.Equal(old, f.Data):
			out.Same = append(out.Same, f.Path)
			continue
		}
		if force {
			bak, err := backup(p, old)
			if err != nil {
				return out, err
			}
			if err := output.WriteFile(p, f.Data); err != nil {
				return out, err
			}
			out.Replaced = append(out.Replaced, f.Path)
			out.Backups = append(out.Backups, filepath.ToSlash(mustRel(dir, bak)))
			continue
		}
		out.Kept = append(out.Kept, f.Path)
		if eject && f.Path == "company.yaml" {
			if err := addEjectKeys(p, old, &out); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// backup copies data, the content of path, to the first free name of
// path.bak, path.bak.2, ...
func backup(path string, data []byte) (string, error) {
	for i := 1; i < 1000; i++ {
		bak := path + ".bak"
		if i > 1 {
			bak += fmt.Sprint(".", i)
		}
		f, err := os.OpenFile(bak, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("%s: %v", bak, unwrap(err))
		}
		_, err = f.Write(data)
		if err2 := f.Sync(); err == nil {
			err = err2
		}
		if err2 := f.Close(); err == nil {
			err = err2
		}
		if err != nil {
			os.Remove(bak)
			return "", fmt.Errorf("%s: %v", bak, unwrap(err))
		}
		return bak, nil
	}
	return "", fmt.Errorf("%s: 999 backups exist already; remove some", path)
}

// commentedKey matches the commented-out hint the starter company file
// carries for a key, such as "# catalog: catalog".
func commentedKey(key, value string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^#[ \t]*` + key + `:[ \t]*` + value + `[ \t]*$`)
}

// addEjectKeys adds to the company file at path (content data) the keys
// that point at the ejected copies, as text, so that every comment and
// the layout stay as the user wrote them: a commented-out hint
// ("# catalog: catalog") is uncommented, a missing key is appended. When
// the result would not parse to the same company with the keys added (a
// flow mapping, a file that does not parse), nothing is written and the
// lines to add are returned in out.ToAdd.
func addEjectKeys(path string, data []byte, out *Outcome) error {
	present := topKeys(data)
	var missing []string
	for _, k := range ejectKeys {
		if v, ok := present[k.key]; ok {
			if v != k.value {
				out.Differs = append(out.Differs, k.key+": "+v)
			}
			continue
		}
		missing = append(missing, k.key+": "+k.value)
	}
	if len(missing) == 0 {
		return nil
	}
	text := string(data)
	var appendLines []string
	for _, k := range ejectKeys {
		line := k.key + ": " + k.value
		if _, ok := present[k.key]; ok {
			continue
		}
		re := commentedKey(k.key, k.value)
		if loc := re.FindStringIndex(text); loc != nil {
			text = text[:loc[0]] + line + text[loc[1]:]
			continue
		}
		appendLines = append(appendLines, line)
	}
	if len(appendLines) > 0 {
		if !strings.HasSuffix(text, "\n") && text != "" {
			text += "\n"
		}
		text += "\n# Your own copies of the built-in data, written by rungs init --eject.\n" + strings.Join(appendLines, "\n") + "\n"
	}
	if !sameWithKeys(path, data, []byte(text)) {
		out.ToAdd = missing
		return nil
	}
	if _, err := backup(path, data); err != nil {
		return err
	}
	if err := output.WriteFile(path, []byte(text)); err != nil {
		return err
	}
	for _, m := range missing {
		k, _, _ := strings.Cut(m, ":")
		out.Added = append(out.Added, k)
	}
	return nil
}

// topKeys returns the top-level scalar keys of a YAML mapping and their
// values ("" for a value that is not a scalar).
func topKeys(data []byte) map[string]string {
	keys := map[string]string{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return keys
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := ""
		if m.Content[i+1].Kind == yaml.ScalarNode {
			v = m.Content[i+1].Value
		}
		keys[m.Content[i].Value] = v
	}
	return keys
}

// sameWithKeys reports whether edited parses as before with only the eject
// keys set: the edit changed nothing else.
func sameWithKeys(path string, before, edited []byte) bool {
	a, err := profile.ParseCompany(path, before)
	if err != nil {
		return false
	}
	b, err := profile.ParseCompany(path, edited)
	if err != nil {
		return false
	}
	for _, k := range ejectKeys {
		v := map[string]string{"catalog": b.Catalog, "ladder": b.Ladder, "templates": b.Templates}[k.key]
		if v == "" {
			return false
		}
	}
	got, want := *b, *a
	got.Catalog, got.Ladder, got.Templates = "", "", ""
	want.Catalog, want.Ladder, want.Templates = "", "", ""
	ja, err1 := yaml.Marshal(want)
	jb, err2 := yaml.Marshal(got)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

func mustRel(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil {
		return r
	}
	return p
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
