package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLadderExitCodes checks the documented exit code of each ladder error:
// 2 for a bad flag, 3 for bad input data. Each message is one line.
func TestLadderExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("name: Acme\nengineers: -4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"ladder", "--stage", "growth", "--size", "120"}, exitOK},
		{[]string{"ladder", "--level", "staf-engineer"}, exitUsage},
		{[]string{"ladder", "--level", "tech-lead"}, exitUsage},
		{[]string{"ladder", "--from", "staff-engineer", "--to", "senior-engineer"}, exitUsage},
		{[]string{"ladder", "--from", "staff-engineer", "--to", "staff-engineer"}, exitUsage},
		{[]string{"ladder", "--from", "senior-engineer"}, exitUsage},
		{[]string{"ladder", "--track", "managment"}, exitUsage},
		{[]string{"ladder", "--size", "0"}, exitUsage},
		{[]string{"ladder", "--size", "25", "--grow-to", "25"}, exitUsage},
		{[]string{"ladder", "--company", bad}, exitInvalidData},
		{[]string{"ladder", "--company", filepath.Join(dir, "missing.yaml")}, exitInvalidData},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		if code != tt.code {
			t.Errorf("rungs %s: exit %d, want %d; stderr: %s", strings.Join(tt.args, " "), code, tt.code, stderr.String())
		}
		if code != exitOK && strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 {
			t.Errorf("rungs %s: want a one-line message, got:\n%s", strings.Join(tt.args, " "), stderr.String())
		}
	}
}
