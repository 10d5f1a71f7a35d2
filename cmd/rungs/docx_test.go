package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/rungs/rungs/output/docxdoc"
)

// Every kind of document, written as md and docx by the commands: the
// Word document holds every word of the Markdown it was rendered from.
func TestDocxHoldsEveryWordOfEveryKind(t *testing.T) {
	getenv := func(string) string { return "" }
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"posting", []string{"jd", "--role", "cto", "--stage", "early", "--size", "18"}},
		{"posting-exec", []string{"jd", "--role", "vpe", "--stage", "enterprise", "--size", "400", "--archetype", "external"}},
		{"ladder", []string{"ladder", "--stage", "growth", "--size", "120"}},
		{"promotion", []string{"ladder", "--from", "senior-engineer", "--to", "staff-engineer"}},
		{"level", []string{"ladder", "--level", "staff-engineer"}},
		{"growth", []string{"ladder", "--stage", "early", "--size", "18", "--grow-to", "60"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append(tt.args, "--format", "md,docx", "-o", dir)
			var stderr strings.Builder
			if code := run(args, strings.NewReader(""), io.Discard, &stderr, getenv); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			mds, _ := filepath.Glob(filepath.Join(dir, "*.md"))
			if len(mds) != 1 {
				t.Fatalf("files: %v", mds)
			}
			md, err := os.ReadFile(mds[0])
			if err != nil {
				t.Fatal(err)
			}
			docx, err := os.ReadFile(strings.TrimSuffix(mds[0], ".md") + ".docx")
			if err != nil {
				t.Fatal(err)
			}
			text, err := docxdoc.Text(docx)
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]int{}
			for _, w := range wordsOf(text) {
				have[w]++
			}
			want := map[string]int{}
			var missing []string
			for _, w := range wordsOf(markdownText(string(md))) {
				if want[w]++; want[w] == have[w]+1 {
					missing = append(missing, w)
				}
			}
			if len(missing) > 0 {
				t.Errorf("%d words of %s are missing from the DOCX, such as %q", len(missing), filepath.Base(mds[0]), missing[:min(10, len(missing))])
			}
		})
	}
}

var (
	mdLinkDest   = regexp.MustCompile(`\]\([^)\s]*(\s+"[^"]*")?\)`)
	mdListNumber = regexp.MustCompile(`(?m)^([ \t>]*)\d{1,9}[.)]([ \t]|$)`)
)

// markdownText drops what a reader does not see as text: link
// destinations and ordered list numbers (Word numbers the items).
func markdownText(md string) string {
	return mdListNumber.ReplaceAllString(mdLinkDest.ReplaceAllString(md, "]"), "$1")
}

func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
