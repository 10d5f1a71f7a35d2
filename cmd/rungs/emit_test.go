package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A PDF or DOCX is never written to a terminal; text formats are.
func TestBinaryNotToTerminal(t *testing.T) {
	saved := isTerminal
	isTerminal = func(any) bool { return true }
	defer func() { isTerminal = saved }()
	getenv := func(string) string { return "" }

	for _, args := range [][]string{
		{"jd", "--role", "cto", "--stage", "seed", "--format", "pdf"},
		{"jd", "--role", "cto", "--stage", "seed", "--format", "pdf", "-o", "-"},
		{"ladder", "--stage", "seed", "--size", "6", "--format", "pdf"},
		{"jd", "--role", "cto", "--stage", "seed", "--format", "docx"},
		{"ladder", "--level", "staff-engineer", "--format", "docx", "-o", "-"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr, getenv)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if stdout.Len() != 0 {
			t.Errorf("%v: %d bytes written to the terminal", args, stdout.Len())
		}
		if !strings.Contains(stderr.String(), "will not write binary output to a terminal") {
			t.Errorf("%v: stderr %q does not say why", args, stderr.String())
		}
	}

	var stdout, stderr bytes.Buffer
	if code := run([]string{"jd", "--role", "cto", "--stage", "seed", "--format", "html"}, strings.NewReader(""), &stdout, &stderr, getenv); code != 0 {
		t.Fatalf("html to a terminal: exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "<!DOCTYPE html>") {
		t.Error("html not written")
	}

	// Into a folder, the terminal does not matter.
	dir := t.TempDir()
	stderr.Reset()
	if code := run([]string{"jd", "--role", "cto", "--stage", "seed", "--format", "pdf", "-o", dir}, strings.NewReader(""), io.Discard, &stderr, getenv); code != 0 {
		t.Fatalf("pdf into a folder: exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "cto.pdf"))
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("cto.pdf: %v", err)
	}
}
