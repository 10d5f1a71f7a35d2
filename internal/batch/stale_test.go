package batch

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestLockOutputRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".acme-cto.md.123456.tmp", ".cto.pdf.9.tmp", "cto.md", ".keep", "notes.tmp", ".x.tmp"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	unlock, removed, err := LockOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if runtime.GOOS != "linux" {
		return
	}
	if removed != 2 {
		t.Errorf("removed %d, want 2", removed)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != ".keep .x.tmp cto.md notes.tmp" {
		t.Errorf("left %s", got)
	}
	// A second run into the same folder is refused while the first holds it.
	if _, _, err := LockOutput(dir); err == nil || !strings.Contains(err.Error(), "another rungs batch is writing into") {
		t.Errorf("second lock: %v", err)
	}
}
