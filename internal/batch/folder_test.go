package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func names(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return strings.Join(out, " ")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOpenFolderRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".acme-cto.md.123456.tmp", ".cto.pdf.9.tmp", ".rungs-probe-77.tmp", "cto.md", ".keep", "notes.tmp", ".x.tmp"} {
		writeFile(t, filepath.Join(dir, n), "x")
	}
	f, err := OpenFolder(dir, filepath.Join(dir, "..", "plan.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if runtime.GOOS != "linux" {
		return
	}
	if f.RemovedTemps != 3 {
		t.Errorf("removed %d, want 3", f.RemovedTemps)
	}
	if got := names(t, dir); got != ".keep .rungs.lock .x.tmp cto.md notes.tmp" {
		t.Errorf("left %s", got)
	}
	// A second run into the same folder is refused while the first holds
	// it, and told who holds it.
	_, err = OpenFolder(dir, "other.csv")
	var busy *BusyError
	if !errors.As(err, &busy) || !strings.Contains(err.Error(), "another rungs batch (pid ") || !strings.Contains(err.Error(), "plan ../plan.csv") {
		t.Errorf("second run: %v", err)
	}
	// Once the first ends, the lock file goes and the folder is free.
	f.Close()
	if got := names(t, dir); strings.Contains(got, LockFile) {
		t.Errorf("lock file left: %s", got)
	}
	g, err := OpenFolder(dir, "other.csv")
	if err != nil {
		t.Fatalf("after close: %v", err)
	}
	g.Close()
}

// A lock file a killed run left behind is not held: the next run takes it.
func TestOpenFolderTakesOverDeadLock(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, LockFile), "pid 99999, started 2026-01-01T00:00:00Z, plan old.csv\n")
	f, err := OpenFolder(dir, "plan.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, _ := os.ReadFile(filepath.Join(dir, LockFile))
	if strings.Contains(string(data), "99999") || !strings.Contains(string(data), "pid ") {
		t.Errorf("lock file holds %q", data)
	}
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// runPlan stands for a batch run of plan writing files (name to content) and
// producing the names in produces.
func runPlan(t *testing.T, dir, plan string, files map[string]string, produces []string, prune, interrupted bool) Tidy {
	t.Helper()
	f, err := OpenFolder(dir, plan)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	obs := f.Observer()
	res := &Result{Status: Written}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
		res.Files = append(res.Files, FileResult{Path: filepath.Join(dir, name), SHA256: sum(content)})
	}
	obs.Entry(res, 1)
	p := map[string]bool{}
	for _, n := range produces {
		p[n] = true
	}
	tidy, err := f.Finish(p, prune, interrupted)
	if err != nil {
		t.Fatal(err)
	}
	return tidy
}

func TestPrune(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.yaml")
	writeFile(t, filepath.Join(dir, "notes.md"), "the user's own file")
	runPlan(t, dir, plan, map[string]string{"acme-cto.md": "A", "acme-cto.pdf": "B", "acme-vpe.md": "C"}, []string{"acme-cto.md", "acme-cto.pdf", "acme-vpe.md"}, false, false)

	// The company is renamed: new files; the old ones are stale but kept
	// without --prune.
	tidy := runPlan(t, dir, plan, map[string]string{"globex-cto.md": "A2", "globex-cto.pdf": "B2", "acme-vpe.md": "C"}, []string{"globex-cto.md", "globex-cto.pdf", "acme-vpe.md"}, false, false)
	if !slices.Equal(tidy.Stale, []string{"acme-cto.md", "acme-cto.pdf"}) || len(tidy.Pruned) > 0 {
		t.Errorf("without --prune: %+v", tidy)
	}
	// An interrupted run with --prune prunes nothing.
	tidy = runPlan(t, dir, plan, nil, []string{"globex-cto.md", "globex-cto.pdf", "acme-vpe.md"}, true, true)
	if len(tidy.Pruned) > 0 || len(tidy.Stale) != 2 {
		t.Errorf("interrupted: %+v", tidy)
	}
	// The user edited one stale file: --prune keeps it.
	writeFile(t, filepath.Join(dir, "acme-cto.pdf"), "edited by hand")
	// An entry that failed this time (acme-vpe.md not written) still
	// belongs to the plan: not pruned.
	tidy = runPlan(t, dir, plan, map[string]string{"globex-cto.md": "A2"}, []string{"globex-cto.md", "globex-cto.pdf", "acme-vpe.md"}, true, false)
	if !slices.Equal(tidy.Pruned, []string{"acme-cto.md"}) || !slices.Equal(tidy.Edited, []string{"acme-cto.pdf"}) || len(tidy.Stale) > 0 {
		t.Errorf("--prune: %+v", tidy)
	}
	if got := names(t, dir); got != ".rungs-state.json acme-cto.pdf acme-vpe.md globex-cto.md globex-cto.pdf notes.md" {
		t.Errorf("left %s", got)
	}
	// The plan drops acme-vpe.md: pruned now.
	tidy = runPlan(t, dir, plan, nil, []string{"globex-cto.md", "globex-cto.pdf"}, true, false)
	if !slices.Equal(tidy.Pruned, []string{"acme-vpe.md"}) {
		t.Errorf("second --prune: %+v", tidy)
	}
}

// Files another plan writes into the same folder, and names a hand-edited
// state file points outside the folder, are never pruned.
func TestPruneTouchesOnlyThisPlansFiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	os.Mkdir(dir, 0o755)
	writeFile(t, filepath.Join(root, "outside.md"), "X")
	runPlan(t, dir, filepath.Join(root, "a.yaml"), map[string]string{"shared.md": "S", "a.md": "A"}, []string{"shared.md", "a.md"}, false, false)
	runPlan(t, dir, filepath.Join(root, "b.yaml"), map[string]string{"shared.md": "S"}, []string{"shared.md"}, false, false)
	state, _ := os.ReadFile(filepath.Join(dir, StateFile))
	hacked := strings.Replace(string(state), `"a.md"`, `"../outside.md"`, 1)
	hacked = strings.Replace(hacked, sum("A"), sum("X"), 1)
	writeFile(t, filepath.Join(dir, StateFile), hacked)
	tidy := runPlan(t, dir, filepath.Join(root, "a.yaml"), nil, nil, true, false)
	if len(tidy.Pruned) > 0 {
		t.Errorf("pruned %v", tidy.Pruned)
	}
	if _, err := os.Stat(filepath.Join(root, "outside.md")); err != nil {
		t.Error("a file outside the folder was removed")
	}
	if _, err := os.Stat(filepath.Join(dir, "shared.md")); err != nil {
		t.Error("a file plan b writes was removed")
	}
}

func TestUnreadableState(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, StateFile), `{"version": 7, "plans": []}`)
	if _, err := OpenFolder(dir, "plan.csv"); err == nil || !strings.Contains(err.Error(), "(version 7, want 1); remove it") {
		t.Errorf("got %v", err)
	}
	if got := names(t, dir); strings.Contains(got, LockFile) {
		t.Errorf("lock file left after a failed open: %s", got)
	}
}

func TestSafeName(t *testing.T) {
	for name, want := range map[string]bool{
		"acme-cto.md": true, "株式会社-cto.pdf": true,
		"": false, ".": false, "..": false, "../x.md": false, "a/b.md": false, `a\b.md`: false,
		LockFile: false, StateFile: false, ".acme-cto.md.123.tmp": false,
	} {
		if got := safeName(name); got != want {
			t.Errorf("safeName(%q) = %v, want %v", name, got, want)
		}
	}
}
