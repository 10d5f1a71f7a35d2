package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoGenerateTimeCodeLinked keeps generate-time tools out of the
// binary: the schema generator parses Go source (go/parser), and nothing
// rungs runs needs that.
func TestNoGenerateTimeCodeLinked(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "go/") || strings.HasSuffix(pkg, "/internal/schemagen") {
			t.Errorf("rungs links %s, a generate-time package", pkg)
		}
	}
}
