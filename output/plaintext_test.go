package output

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// PlainText reads a heading as its words: markup dropped, raw HTML left
// out, backslash escapes read as the characters they escape.
func TestPlainText(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"# Chief Technology Officer\n", "Chief Technology Officer"},
		{"# **Staff** Engineer *(L3)*\n", "Staff Engineer (L3)"},
		{"# A \\<b\\> \\& B\\_C\n", "A <b> & B_C"},
		{"# [Link](http://x.example) text\n", "Link text"},
		{"# Before <span>raw</span> after\n", "Before raw after"},
	} {
		src := []byte(c.md)
		doc := Markdown.Parser().Parse(text.NewReader(src))
		var h ast.Node
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if n.Kind() == ast.KindHeading {
				h = n
				break
			}
		}
		if got := PlainText(h, src); got != c.want {
			t.Errorf("PlainText(%q) = %q, want %q", c.md, got, c.want)
		}
	}
}
