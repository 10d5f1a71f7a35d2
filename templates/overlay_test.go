package templates

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTemplates(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestUserTemplatesRefuseUnsafeFunctions checks that reading the
// environment, files, the clock or randomness fails at parse time.
func TestUserTemplatesRefuseUnsafeFunctions(t *testing.T) {
	for _, call := range []string{`env "HOME"`, `expandenv "$HOME"`, `readFile "/etc/passwd"`, `include "x" .`, `now`, `randAlpha 8`, `genPrivateKey "rsa"`, `uuidv4`} {
		name := strings.Fields(call)[0]
		t.Run(name, func(t *testing.T) {
			dir := writeTemplates(t, map[string]string{"jd.md.tmpl": "# Title\n\n{{ " + call + " }}\n"})
			_, err := LoadWithOverlay(dir)
			want := filepath.Join(dir, "jd.md.tmpl") + `:3: function "` + name + `" not defined; templates may call only: `
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error = %v\nwant it to contain %q", err, want)
			}
		})
	}
}

func TestUserTemplateReplacesBuiltin(t *testing.T) {
	dir := writeTemplates(t, map[string]string{
		"jd.md.tmpl":      "# {{ .Title | upper }}\n{{ template \"footer.md.tmpl\" . }}\n",
		"footer.md.tmpl":  "Made by {{ .Who | md }}\n",
		"notes.txt":       "ignored",
		"broken.md.tmpl~": "{{",
	})
	set, err := LoadWithOverlay(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := set.Render("jd.md.tmpl", map[string]string{"Title": "cto", "Who": "*us*"})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "# CTO\nMade by \\*us\\*\n" {
		t.Errorf("output = %q", out)
	}
	if len(set.Files) != 2 {
		t.Errorf("files = %v", set.Files)
	}
}

func TestUserTemplateErrorsHavePositions(t *testing.T) {
	dir := writeTemplates(t, map[string]string{
		"jd.md.tmpl":  "# A\n{{ .Nope }}\n",
		"bad.md.tmpl": "ok\n{{ if }}\n",
	})
	_, err := LoadWithOverlay(dir)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "bad.md.tmpl")+":2: missing value for if") {
		t.Fatalf("parse error = %v", err)
	}
	dir = writeTemplates(t, map[string]string{"jd.md.tmpl": "# A\n{{ .Nope }}\n"})
	set, err := LoadWithOverlay(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = set.Render("jd.md.tmpl", map[string]string{})
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "jd.md.tmpl")+":2: ") {
		t.Errorf("execution error = %v", err)
	}
}

func TestUserTemplateOutputCap(t *testing.T) {
	dir := writeTemplates(t, map[string]string{"jd.md.tmpl": `{{ repeat 100000000 "x" }}`})
	set, err := LoadWithOverlay(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := set.Render("jd.md.tmpl", nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("error = %v, want ErrTooLarge", err)
	}
}

func TestMissingTemplatesFolder(t *testing.T) {
	_, err := LoadWithOverlay(filepath.Join(t.TempDir(), "nope"))
	if err == nil || !strings.Contains(err.Error(), "templates folder: no such file or directory") {
		t.Errorf("error = %v", err)
	}
}
