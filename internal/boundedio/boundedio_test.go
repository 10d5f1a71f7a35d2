package boundedio

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	os.WriteFile(p, []byte("12345"), 0o644)
	if data, err := ReadFile(p, 5); err != nil || string(data) != "12345" {
		t.Fatalf("ReadFile = %q, %v", data, err)
	}
	var tl *TooLargeError
	if _, err := ReadFile(p, 4); !errors.As(err, &tl) || !IsBounded(err) {
		t.Fatalf("over the cap: %v", err)
	}
	if _, err := ReadFile(dir, 4); err == nil || IsBounded(err) {
		t.Fatalf("a folder: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 4); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing: %v", err)
	}
	if _, err := Read(bytes.NewReader(make([]byte, 10)), "<stdin>", 9); !IsBounded(err) {
		t.Fatalf("Read over the cap: %v", err)
	}
}

// Special files fail at once: a device that never ends, and a named pipe
// no one writes to (opening it would block).
func TestSpecialFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /dev/zero and mkfifo")
	}
	fifo := filepath.Join(t.TempDir(), "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/dev/zero", "/dev/urandom", fifo} {
		start := time.Now()
		_, err := ReadFile(p, DefaultMax)
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: %v, want ErrNotRegular", p, err)
		}
		if _, err := Open(p, DefaultMax); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Open %s: %v", p, err)
		}
		// Catches a read that blocks; generous so a busy machine passes.
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s took %v", p, d)
		}
	}
}

// A file that reports a size of 0 but has content (as /proc files do) is
// still cut at the cap by the streaming reader.
func TestOpenCap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "plan.csv")
	os.WriteFile(p, bytes.Repeat([]byte("x"), 100), 0o644)
	rc, err := Open(p, 50)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	buf := make([]byte, 7)
	total := 0
	for {
		n, err := rc.Read(buf)
		total += n
		if err != nil {
			if !IsBounded(err) {
				t.Fatalf("err = %v", err)
			}
			break
		}
	}
	if total > 50 {
		t.Errorf("read %d bytes past a cap of 50", total)
	}
}

func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("abc"), 0o644)
	fsys := DirFS(dir, 2)
	if _, err := fsys.(interface{ ReadFile(string) ([]byte, error) }).ReadFile("a.yaml"); !IsBounded(err) {
		t.Fatalf("DirFS cap: %v", err)
	}
}
