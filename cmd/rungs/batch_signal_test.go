//go:build unix

package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/rungs/rungs/internal/batch"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBatchInterrupt sends SIGINT to a real rungs process in the middle of
// a large batch, then checks the promises: exit code 130, no temporary or
// partial file, and a report that lists exactly the files on disk.
//
// It waits for progress lines rather than sleeping, so it does not depend
// on the machine's speed: the signal arrives after the 50th document and
// long before the 20,000th.
func TestBatchInterrupt(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { testInterrupt(t, sig) })
	}
}

func testInterrupt(t *testing.T, sig syscall.Signal) {
	// testscript.Main put the command on PATH as "rungs".
	bin, err := exec.LookPath("rungs")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	const total = 20000
	var b strings.Builder
	b.WriteString("role,stage,name,format\n")
	roles := []string{"cto", "vpe", "software-engineer"}
	for i := range total {
		fmt.Fprintf(&b, "%s,seed,doc-%05d,md+json\n", roles[i%len(roles)], i)
	}
	if err := os.WriteFile(filepath.Join(dir, "roles.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "batch", "roles.csv", "-o", "out", "--jobs", "2", "--report", "report.json")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Never hang the suite: kill the process if it outlives a minute.
	guard := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer guard.Stop()

	progress := regexp.MustCompile(`^rungs: \[(\d+)/`)
	sc := bufio.NewScanner(stderr)
	sent := false
	var tail []string
	for sc.Scan() {
		line := sc.Text()
		if m := progress.FindStringSubmatch(line); m != nil && !sent {
			if n, _ := strconv.Atoi(m[1]); n >= 50 {
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				sent = true
			}
		}
		if !progress.MatchString(line) {
			tail = append(tail, line)
		}
	}
	err = cmd.Wait()
	if !sent {
		t.Fatalf("no progress seen; stderr: %q", tail)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want code 130; stderr: %q", err, tail)
	}
	if !strings.Contains(strings.Join(tail, "\n"), "rungs: interrupted: ") {
		t.Errorf("stderr does not say it was interrupted: %q", tail)
	}

	// No temporary file anywhere.
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(d.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})

	// The report is complete JSON and lists exactly the files on disk,
	// each with its size and hash: no file is partial.
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Entries []struct {
			Status string `json:"status"`
			Files  []struct {
				Path   string `json:"path"`
				Bytes  int    `json:"bytes"`
				SHA256 string `json:"sha256"`
			} `json:"files"`
		} `json:"entries"`
		Totals struct {
			Entries     int  `json:"entries"`
			Written     int  `json:"written"`
			Skipped     int  `json:"skipped"`
			Interrupted bool `json:"interrupted"`
		} `json:"totals"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("report: %v", err)
	}
	if !rep.Totals.Interrupted || rep.Totals.Entries != total || rep.Totals.Skipped == 0 || rep.Totals.Written < 50 {
		t.Errorf("totals = %+v", rep.Totals)
	}
	listed := map[string]bool{}
	for _, e := range rep.Entries {
		if e.Status != "written" {
			t.Errorf("entry status %q", e.Status)
		}
		for _, f := range e.Files {
			listed[filepath.Base(f.Path)] = true
			got, err := os.ReadFile(filepath.Join(dir, f.Path))
			if err != nil {
				t.Errorf("listed file: %v", err)
				continue
			}
			sum := sha256.Sum256(got)
			if len(got) != f.Bytes || hex.EncodeToString(sum[:]) != f.SHA256 {
				t.Errorf("%s is not the file the report describes", f.Path)
			}
		}
	}
	onDisk, err := os.ReadDir(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []os.DirEntry
	for _, e := range onDisk {
		// The folder's own record is not a document.
		if e.Name() != batch.StateFile {
			docs = append(docs, e)
		}
	}
	onDisk = docs
	for _, e := range onDisk {
		if !listed[e.Name()] {
			t.Errorf("%s is on disk but not in the report", e.Name())
		}
	}
	if len(onDisk) != len(listed) {
		t.Errorf("%d files on disk, %d in the report", len(onDisk), len(listed))
	}
}
