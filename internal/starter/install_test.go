package starter

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestAddEjectKeys(t *testing.T) {
	for _, tc := range []struct {
		name, file, want string
		added, toAdd     []string
		differs          []string
	}{
		{
			name:  "appended, comments kept",
			file:  "# ours\nname: Initech # legal name\n",
			want:  "# ours\nname: Initech # legal name\n\n# Your own copies of the built-in data, written by rungs init --eject.\ncatalog: catalog\nladder: ladder\ntemplates: templates\n",
			added: []string{"catalog", "ladder", "templates"},
		},
		{
			name:  "hints uncommented",
			file:  "name: X\n# catalog: catalog\n#  ladder:  ladder \n# templates: templates\n",
			want:  "name: X\ncatalog: catalog\nladder: ladder\ntemplates: templates\n",
			added: []string{"catalog", "ladder", "templates"},
		},
		{
			name:    "a key set elsewhere is kept",
			file:    "name: X\ncatalog: our-catalog\n",
			want:    "name: X\ncatalog: our-catalog\n\n# Your own copies of the built-in data, written by rungs init --eject.\nladder: ladder\ntemplates: templates\n",
			added:   []string{"ladder", "templates"},
			differs: []string{"catalog: our-catalog"},
		},
		{
			name:  "flow mapping: lines to add instead",
			file:  "{name: X, ladder: ladder}\n",
			want:  "{name: X, ladder: ladder}\n",
			toAdd: []string{"catalog: catalog", "templates: templates"},
		},
		{
			name:  "a file that does not parse is left alone",
			file:  "name: [X\n",
			want:  "name: [X\n",
			toAdd: []string{"catalog: catalog", "ladder: ladder", "templates: templates"},
		},
		{
			name: "nothing to add",
			file: "catalog: catalog\nladder: ladder\ntemplates: templates\n",
			want: "catalog: catalog\nladder: ladder\ntemplates: templates\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "company.yaml")
			if err := os.WriteFile(p, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			var out Outcome
			if err := addEjectKeys(p, []byte(tc.file), &out); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(p)
			if string(got) != tc.want {
				t.Errorf("file:\n%s\nwant:\n%s", got, tc.want)
			}
			if !slices.Equal(out.Added, tc.added) || !slices.Equal(out.ToAdd, tc.toAdd) || !slices.Equal(out.Differs, tc.differs) {
				t.Errorf("added %v, to add %v, differs %v", out.Added, out.ToAdd, out.Differs)
			}
			bak, err := os.ReadFile(p + ".bak")
			switch {
			case len(tc.added) > 0 && (err != nil || string(bak) != tc.file):
				t.Errorf("no backup of the file as it was: %v", err)
			case len(tc.added) == 0 && err == nil:
				t.Error("a backup of a file left alone")
			}
		})
	}
}

// Install writes what is missing, keeps the rest, and with force replaces
// after a backup, never overwriting an older backup.
func TestInstallKeepsWork(t *testing.T) {
	dir := t.TempDir()
	mine := "name: Mine\n"
	os.WriteFile(filepath.Join(dir, "company.yaml"), []byte(mine), 0o644)
	os.WriteFile(filepath.Join(dir, "company.yaml.bak"), []byte("older backup\n"), 0o644)
	out, err := Install(dir, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(out.Kept, []string{"company.yaml"}) || len(out.Wrote) != 5 || len(out.Replaced) > 0 {
		t.Errorf("first: %+v", out)
	}
	out, err = Install(dir, false, true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(out.Replaced, []string{"company.yaml"}) || !slices.Equal(out.Backups, []string{"company.yaml.bak.2"}) || len(out.Same) != 5 {
		t.Errorf("force: %+v", out)
	}
	for name, want := range map[string]string{"company.yaml.bak": "older backup\n", "company.yaml.bak.2": mine} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "company.yaml")); !strings.Contains(string(got), "$schema=schema/company.schema.json") {
		t.Error("company.yaml not replaced")
	}
}
