package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Acme Robotics", "acme-robotics"},
		{"Café Crème, Inc.", "cafe-creme-inc"},
		{"  --Ünïcödé--  ", "unicode"},
		{"../../etc/passwd", "etc-passwd"},
		{"日本", "日本"},
		{"Ελληνική Εταιρεία Α.Ε.", "ελληνικη-εταιρεια-α-ε"},
		{"Рога и Копыта", "рога-и-копыта"},
		{"株式会社がんばる", "株式会社がんばる"},
		{"شركة النور", "شركة-النور"},
		{"חברה בע\"מ", "חברה-בע-מ"},
		{"हिन्दी कंपनी", "हिन्दी-कंपनी"},
		{"삼성전자", "삼성전자"},
		{"\u202eevil\u202c co", "evil-co"},
		{"😀🚀", ""},
		{strings.Repeat("日", 30), strings.Repeat("日", 26)},
		{"", ""},
		{strings.Repeat("a", 100), strings.Repeat("a", 80)},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Names in any script keep their letters; names with none fall back to a
// short stable hash: never a bare document name, never two names on one
// file.
func TestFileNameScripts(t *testing.T) {
	seen := map[string]string{}
	for _, name := range []string{"Acme", "Ωμέγα", "Омега", "オメガ", "オメガ株式会社", "أوميغا", "אומגה", "😀", "🚀", "★★★", "!!!"} {
		got := FileName(name, "cto", "md")
		if got == "cto.md" {
			t.Errorf("FileName(%q) is bare", name)
		}
		if prev, ok := seen[got]; ok {
			t.Errorf("%q and %q both give %s", prev, name, got)
		}
		seen[got] = name
		if again := FileName(name, "cto", "md"); again != got {
			t.Errorf("FileName(%q) not stable: %s, %s", name, got, again)
		}
	}
	if got := FileName("😀", "cto", "md"); len(hashOf("😀")) != 8 || got != "name-"+hashOf("😀")+"-cto.md" {
		t.Errorf("hash fallback = %s, want name-<8 hex digits>-cto.md", got)
	}
}

func hashOf(s string) string {
	n := NameSlug(s)
	return strings.TrimPrefix(n, "name-")
}

func TestFileName(t *testing.T) {
	if got := FileName("Acme", "cto", "md"); got != "acme-cto.md" {
		t.Errorf("FileName = %q", got)
	}
	if got := FileName("", "ladder", "pdf"); got != "ladder.pdf" {
		t.Errorf("FileName without company = %q", got)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	if err := WriteFile(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "two" {
		t.Fatalf("content = %q, %v", data, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A folder that does not exist fails and leaves nothing behind.
	if err := WriteFile(filepath.Join(dir, "missing", "b.md"), []byte("x")); err == nil {
		t.Error("write into a missing folder succeeded")
	}
}

// Without sync the write is as atomic: the new content under the name,
// no temporary file left. SyncDir flushes a folder and names the one it
// cannot open.
func TestWriteFileSyncPolicy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	for _, c := range []struct {
		data string
		sync bool
	}{{"one", false}, {"two", true}, {"three", false}} {
		if err := WriteFileSync(path, []byte(c.data), c.sync); err != nil {
			t.Fatalf("sync %v: %v", c.sync, err)
		}
		data, err := os.ReadFile(path)
		if err != nil || string(data) != c.data {
			t.Fatalf("sync %v: content = %q, %v", c.sync, data, err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
			t.Fatalf("sync %v: mode %v, %v", c.sync, fi.Mode(), err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := WriteFileSync(filepath.Join(dir, "missing", "b.md"), []byte("x"), false); err == nil {
		t.Error("write into a missing folder succeeded")
	}
	if err := SyncDir(dir); err != nil {
		t.Errorf("SyncDir(%s): %v", dir, err)
	}
	if err := SyncDir(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("SyncDir of a missing folder: %v, want an error naming it", err)
	}
}

func TestJSON(t *testing.T) {
	got, err := JSON(map[string]string{"a": "<b>&"})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "{\n  \"a\": \"<b>&\"\n}\n" {
		t.Errorf("JSON = %q", got)
	}
}

// OneLine joins lines and runs of spaces, and keeps the no-break spaces
// French typography puts where a line must not break.
func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                                   "",
		"  a \n\t b  ":                       "a b",
		"Acme\u00a0: grille":                 "Acme\u00a0: grille",
		"de 80\u202f000\u00a0€\n bruts":      "de 80\u202f000\u00a0€ bruts",
		"«\u00a0x\u00a0»  \u2003 y":          "«\u00a0x\u00a0» y",
		"figure\u2007space\u2009thin\u3000x": "figure\u2007space thin x",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
