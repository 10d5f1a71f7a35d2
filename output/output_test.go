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
		{"日本", ""},
		{"", ""},
		{strings.Repeat("a", 100), strings.Repeat("a", 80)},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
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

func TestJSON(t *testing.T) {
	got, err := JSON(map[string]string{"a": "<b>&"})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "{\n  \"a\": \"<b>&\"\n}\n" {
		t.Errorf("JSON = %q", got)
	}
}
