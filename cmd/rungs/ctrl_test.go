package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Nothing Rungs writes to a terminal carries a raw ESC: not a document a
// custom template filled with escapes (a Go template can write "\x1b"
// from an action), not a message echoing a path.
func TestNoRawEscapeOnTerminal(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "tmpl")
	os.Mkdir(tmpl, 0o755)
	os.WriteFile(filepath.Join(tmpl, "jd.md.tmpl"), []byte("# {{.Title}}\n{{\"\\x1b]0;pwned\\a\\x1b[2J\\b\\u009b\"}}\n"), 0o644)

	var out bytes.Buffer
	old := isTerminal
	isTerminal = func(w any) bool { return w == &out }
	defer func() { isTerminal = old }()
	var errb bytes.Buffer
	code := run([]string{"jd", "--role", "cto", "--templates", tmpl}, strings.NewReader(""), &out, &errb, func(string) string { return "" })
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if bytes.ContainsAny(out.Bytes(), "\x1b\a\b") || strings.Contains(out.String(), "\u009b") {
		t.Errorf("raw control characters on the terminal: %q", out.String())
	}
	if !strings.Contains(out.String(), `\x1b]0;pwned\x07\x1b[2J\x08\u009b`) {
		t.Errorf("escapes not shown: %q", out.String())
	}

	// Piped, the document is left as generated.
	isTerminal = func(any) bool { return false }
	out.Reset()
	run([]string{"jd", "--role", "cto", "--templates", tmpl}, strings.NewReader(""), &out, &errb, func(string) string { return "" })
	if !bytes.Contains(out.Bytes(), []byte("\x1b]0;pwned")) {
		t.Errorf("piped output changed: %q", out.String())
	}

	// Messages are escaped whatever the stream is.
	errb.Reset()
	code = run([]string{"validate", filepath.Join(dir, "x\x1b[31m\a.yaml")}, strings.NewReader(""), &out, &errb, func(string) string { return "" })
	if code != exitInvalidData || bytes.ContainsAny(errb.Bytes(), "\x1b\a") || !strings.Contains(errb.String(), `x\x1b[31m\x07.yaml`) {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
