package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Issue 13: infinite, special and huge files fail at once with exit 3,
// reading (and allocating) next to nothing. Before, --company /dev/zero
// read 1.4 GB in 13 s and a 1 GiB file was read whole before the 4 MiB
// limit was checked.
func TestBoundedReadsFailFast(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(1 << 30) // sparse: no disk used
	f.Close()
	manifest := filepath.Join(dir, "plan.yaml")
	os.WriteFile(manifest, []byte("documents:\n  - role: cto\n    company: big.yaml\n"), 0o644)
	// A templates folder and a catalog folder each holding a huge file
	// (and, on Linux, a link to /dev/zero) under a name they read.
	tmpl := filepath.Join(dir, "tmpl")
	cat := filepath.Join(dir, "cat")
	os.Mkdir(tmpl, 0o755)
	os.Mkdir(cat, 0o755)
	os.Link(big, filepath.Join(tmpl, "jd.md.tmpl"))
	os.Link(big, filepath.Join(cat, "roles.yaml"))
	cases := [][]string{
		{"jd", "--role", "cto", "--templates", tmpl},
		{"jd", "--role", "cto", "--catalog", cat},
		{"jd", "--role", "cto", "--company", big},
		{"validate", big},
		{"batch", manifest, "-o", filepath.Join(dir, "out")},
		{"lint", big},
		{"ladder", "--ladder", big},
	}
	if runtime.GOOS == "linux" {
		cases = append(cases,
			[]string{"jd", "--role", "cto", "--company", "/dev/zero"},
			[]string{"validate", "/dev/zero"},
			[]string{"lint", "/dev/zero"},
			[]string{"ladder", "--ladder", "/dev/zero"},
		)
		zt, zc := filepath.Join(dir, "ztmpl"), filepath.Join(dir, "zcat")
		os.Mkdir(zt, 0o755)
		os.Mkdir(zc, 0o755)
		os.Symlink("/dev/zero", filepath.Join(zt, "jd.md.tmpl"))
		os.Symlink("/dev/zero", filepath.Join(zc, "roles.yaml"))
		cases = append(cases,
			[]string{"jd", "--role", "cto", "--templates", zt},
			[]string{"jd", "--role", "cto", "--catalog", zc},
		)
	}
	for _, args := range cases {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		var out, errb strings.Builder
		code := run(args, strings.NewReader(""), &out, &errb, func(string) string { return "" })
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		if code != exitInvalidData {
			t.Errorf("%v: exit %d, want 3; stderr %s", args, code, errb.String())
		}
		// The memory bound is the guarantee; the time bound only catches
		// a read that blocks, and is generous so a busy machine passes.
		if elapsed > 30*time.Second {
			t.Errorf("%v: took %v", args, elapsed)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
			t.Errorf("%v: allocated %d MB", args, alloc>>20)
		}
	}
}
