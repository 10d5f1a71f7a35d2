//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rungs/rungs/internal/batch"
)

// holdLock holds a folder's batch lock as another run would: the lock file
// names it, and it is locked until the script ends.
//
//	holdlock out
func holdLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdlock DIR")
	}
	dir := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(dir, 0o755))
	f, err := os.OpenFile(filepath.Join(dir, batch.LockFile), os.O_RDWR|os.O_CREATE, 0o644)
	ts.Check(err)
	_, err = f.WriteString("pid 4242, started 2026-12-02T09:00:00Z, plan ../other.csv\n")
	ts.Check(err)
	ts.Check(syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB))
	ts.Defer(func() { f.Close() })
}
