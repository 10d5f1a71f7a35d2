package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAtomicFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	a.Write([]byte("new "))
	a.Write([]byte("content"))
	// Until Commit, readers see the old file.
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("before commit: %q", data)
	}
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new content" {
		t.Errorf("after commit: %q", data)
	}
	a.Abort() // a no-op once committed

	b, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	b.Write([]byte("discarded"))
	b.Abort()
	if data, _ := os.ReadFile(path); string(data) != "new content" {
		t.Errorf("after abort: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
