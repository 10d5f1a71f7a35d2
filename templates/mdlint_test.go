package templates_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/rungs/rungs/templates"
)

// The generated Markdown must pass markdownlint-cli2's default rules except
// MD013 (line length: a paragraph is one line, so it reflows anywhere).
// scripts/check-markup.sh runs markdownlint itself where Node is installed;
// this test checks, without Node, the rules the templates could break, on
// every golden file and every example.

var lintMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))

// mdLint returns one line per problem, named after markdownlint's rules.
func mdLint(src []byte) []string {
	var probs []string
	add := func(line int, rule, msg string) { probs = append(probs, fmt.Sprintf("%d: %s %s", line, rule, msg)) }
	lines := strings.Split(string(src), "\n")
	if !bytes.HasSuffix(src, []byte("\n")) || bytes.HasSuffix(src, []byte("\n\n")) {
		add(len(lines), "MD047", "the file must end with exactly one newline")
	}
	fence := false
	blank := 0
	for i, l := range lines {
		n := i + 1
		if strings.HasPrefix(l, "```") {
			fence = !fence
		}
		if strings.TrimSpace(l) == "" {
			blank++
			if blank == 2 && i < len(lines)-1 {
				add(n, "MD012", "multiple consecutive blank lines")
			}
		} else {
			blank = 0
		}
		if fence {
			continue
		}
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") {
			add(n, "MD009", "trailing space")
		}
		if strings.Contains(l, "\t") {
			add(n, "MD010", "hard tab")
		}
		// MD060 (table column style): a delimiter row is written
		// "| --- | --- |", with a space either side of each dash run.
		if tableDelimiter.MatchString(l) && !spacedDelimiter.MatchString(l) {
			add(n, "MD060", "table delimiter row without spaces: "+l)
		}
		// axe-core's empty-table-header (not a markdownlint rule): the
		// row above a delimiter row is the header, and every cell of it
		// needs a name, for screen readers.
		if tableDelimiter.MatchString(l) && i > 0 {
			head := strings.Trim(strings.TrimSpace(lines[i-1]), "|")
			for _, cell := range strings.Split(head, "|") {
				if strings.TrimSpace(cell) == "" {
					add(n-1, "empty-table-header", "a table header cell without text: "+lines[i-1])
					break
				}
			}
		}
	}

	doc := lintMarkdown.Parser().Parse(text.NewReader(src))
	lineOf := func(n ast.Node) int {
		for c := n; c != nil; c = c.FirstChild() {
			if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
				return bytes.Count(src[:c.Lines().At(0).Start], []byte("\n")) + 1
			}
			if t, ok := c.(*ast.Text); ok {
				return bytes.Count(src[:t.Segment.Start], []byte("\n")) + 1
			}
		}
		return 0
	}
	seen := map[string]int{}
	prevLevel, h1s := 0, 0
	first := true
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			ln := lineOf(n)
			txt := string(n.Lines().Value(src))
			if first && n.Level != 1 {
				add(ln, "MD041", "the first line must be a level-one heading")
			}
			if n.Level == 1 {
				h1s++
				if h1s > 1 {
					add(ln, "MD025", "more than one level-one heading")
				}
			}
			if prevLevel > 0 && n.Level > prevLevel+1 {
				add(ln, "MD001", fmt.Sprintf("heading level %d after %d", n.Level, prevLevel))
			}
			prevLevel = n.Level
			if at, dup := seen[txt]; dup {
				add(ln, "MD024", fmt.Sprintf("heading %q repeats line %d", txt, at))
			} else {
				seen[txt] = ln
			}
			if strings.HasSuffix(strings.TrimSpace(txt), ":") || strings.HasSuffix(strings.TrimSpace(txt), ".") {
				add(ln, "MD026", "trailing punctuation in heading "+txt)
			}
		case *ast.Paragraph:
			// MD036: a paragraph that is nothing but emphasis, and does
			// not end in punctuation, reads as a heading.
			if first {
				add(lineOf(n), "MD041", "the first line must be a level-one heading")
			}
			if c := n.FirstChild(); c != nil && c == n.LastChild() {
				if _, ok := c.(*ast.Emphasis); ok {
					body := strings.TrimSpace(string(n.Lines().Value(src)))
					inner := strings.Trim(body, "*_")
					if inner != "" && !strings.ContainsAny(inner[len(inner)-1:], ".,;:!?") {
						add(lineOf(n), "MD036", "emphasis used as a heading: "+body)
					}
				}
			}
		}
		if n.Kind() != ast.KindDocument {
			first = false
		}
		return ast.WalkContinue, nil
	})
	for _, off := range needlessEscapes(src) {
		add(bytes.Count(src[:off], []byte("\n"))+1, "escape", fmt.Sprintf("needless backslash before %q", src[off+1]))
	}
	return probs
}

var (
	tableDelimiter  = regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+\s*$`)
	spacedDelimiter = regexp.MustCompile(`^\|( :?-+:? \|)+$`)
)

// needlessEscapes returns, for each character escaped in src whose escapes
// change nothing (the document renders the same with all of them
// removed), the offset of its first escape. Such an escape shows as a
// stray backslash wherever the Markdown is read as plain text (a job
// board's text field, an email). Escapes of one character are removed
// together, because a pair ("\*x\*") may be needed where either alone is
// not.
func needlessEscapes(src []byte) []int {
	var want bytes.Buffer
	if err := lintMarkdown.Convert(src, &want); err != nil {
		return nil
	}
	// Brackets and angle brackets work in pairs: they are removed together.
	class := func(c byte) byte {
		switch c {
		case ']':
			return '['
		case '>':
			return '<'
		}
		return c
	}
	first := map[byte]int{}
	var order []byte
	for i := 0; i+1 < len(src); i++ {
		if src[i] == '\\' && isASCIIPunct(src[i+1]) {
			if _, ok := first[class(src[i+1])]; !ok {
				first[class(src[i+1])] = i
				order = append(order, class(src[i+1]))
			}
			i++ // the escaped character is not itself an escape
		}
	}
	var out []int
	for _, c := range order {
		var variant []byte
		for i := 0; i < len(src); i++ {
			if src[i] == '\\' && i+1 < len(src) && isASCIIPunct(src[i+1]) {
				if class(src[i+1]) != c {
					variant = append(variant, src[i])
				}
				variant = append(variant, src[i+1])
				i++
				continue
			}
			variant = append(variant, src[i])
		}
		var got bytes.Buffer
		if lintMarkdown.Convert(variant, &got) == nil && bytes.Equal(got.Bytes(), want.Bytes()) {
			out = append(out, first[c])
		}
	}
	return out
}

func isASCIIPunct(b byte) bool {
	return b >= '!' && b <= '/' || b >= ':' && b <= '@' || b >= '[' && b <= '`' || b >= '{' && b <= '~'
}

// Every golden document and example passes.
func TestGeneratedMarkdownLints(t *testing.T) {
	var files []string
	for _, pattern := range []string{"testdata/golden/*.md", "testdata/golden/*/*.md", "../examples/*.md"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d documents found", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range mdLint(src) {
			t.Errorf("%s:%s", f, p)
		}
	}
}

// The checker itself finds what it is meant to find.
func TestMdLintFindsProblems(t *testing.T) {
	for _, c := range []struct{ md, rule string }{
		{"# T\n\n#### Deep\n", "MD001"},
		{"# T\n\n## A\n\n## A\n", "MD024"},
		{"# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "MD060"},
		{"# T\n\n| | b |\n| --- | --- |\n| 1 | 2 |\n", "empty-table-header"},
		{"# T\n\n*IC track · Span: teams*\n\nText.\n", "MD036"},
		{"# T\n\nPay: 0\\.05% of equity.\n", "escape"},
		{"# T\n\nText. \n", "MD009"},
		{"# T\n\n\n\nText.\n", "MD012"},
		{"## T\n", "MD041"},
		{"# T\n\n# U\n", "MD025"},
		{"# T\n\nText.", "MD047"},
	} {
		probs := strings.Join(mdLint([]byte(c.md)), "\n")
		if !strings.Contains(probs, c.rule) {
			t.Errorf("%q: want %s, got %q", c.md, c.rule, probs)
		}
	}
	clean := "# T\n\n*IC track* · Span: teams\n\n**What changes:**\n\n| a | b |\n| --- | --- |\n| 1\\|2 | \\*x\\* |\n\n1\\. is not a list, \\[x\\](y) not a link.\n"
	if probs := mdLint([]byte(clean)); len(probs) != 0 {
		t.Errorf("false positives: %q", probs)
	}
}

// The escaper leaves alone what CommonMark reads literally in running text
// and guards what it would not, at the start of a line too; either way the
// text reads back as it was given.
func TestEscapeOnlyWhereNeeded(t *testing.T) {
	for in, want := range map[string]string{
		"snake_case and a_b_c": "snake_case and a_b_c",
		"_lead and trail_":     `\_lead and trail\_`,
		"a > b":                "a > b",
		"> quoted":             `\> quoted`,
		"<b>":                  `\<b>`,
		"*x*":                  `\*x\*`,
		"0.05%":                "0.05%",
		"2026.":                `2026\.`,
		"1. First":             `1\. First`,
		"3) Third":             `3\) Third`,
		"C# and F#":            "C# and F#",
		"#1 priority":          "#1 priority",
		"# heading":            `\# heading`,
		"###":                  `\###`,
		"- item":               `\- item`,
		"-5% churn":            "-5% churn",
		"+ item":               `\+ item`,
		"+33 1 23":             "+33 1 23",
		"===":                  `\===`,
		"R&D [draft]":          `R&D \[draft\]`,
		"&copy; 2026":          `\&copy; 2026`,
		"~50 people":           `\~50 people`,
	} {
		got := templates.Escape(in)
		if got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
		for _, ctx := range []string{"%s\n", "Text before %s\n", "- %s\n"} {
			var html bytes.Buffer
			if err := lintMarkdown.Convert([]byte(fmt.Sprintf(ctx, got)), &html); err != nil {
				t.Fatal(err)
			}
			bare := strings.NewReplacer("<p>", "", "</p>", "", "<ul>", "", "</ul>", "", "<li>", "", "</li>", "").Replace(html.String())
			shown := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`).Replace(bare)
			if !strings.Contains(shown, in) || strings.Contains(bare, "<") {
				t.Errorf("Escape(%q) = %q renders as %q in %q", in, got, html.String(), ctx)
			}
		}
	}
}
