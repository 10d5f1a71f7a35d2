package sitedoc

import (
	"bytes"
	"slices"
	"sort"

	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/templates"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// target is a level the site can link to: the ways the documents name it,
// and its page.
type target struct {
	names [][]byte // "Staff Engineer (L3)", "Staff Engineer (L3, reserved)"
	title []byte   // "Staff Engineer", as the overview's first column has it
	code  []byte
	page  string
}

// targets are the levels with a page, as the documents name them: the
// labels the generator writes (LevelRef.Label, worded by the locale, so
// "(L4, réservé)" in French), filled and reserved, because a document may
// name a reserved level either way, with the language's typography, as
// the templates' Markdown has it.
func (b *builder) targets() []target {
	var out []target
	for _, v := range b.ladder.Levels {
		t := target{title: []byte(v.Title), code: []byte(v.Code), page: levelPage(v.ID)}
		for _, st := range []string{"filled", "reserved"} {
			r := v.Ref()
			r.Status = st
			t.names = append(t.names, templates.Typography(b.words.Lang(), []byte(r.Label())))
		}
		out = append(out, t)
	}
	// The longest name first, so "Senior Staff Engineer (L4)" is not
	// taken for "Staff Engineer".
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].title) > len(out[j].title) })
	return out
}

// insertion is text to put into the Markdown before the byte at.
type insertion struct {
	at   int
	text string
}

// linkLevels turns the documents' mentions of a level into links to its
// page: "Staff Engineer (L3)" in a sentence or a list, and "**Staff
// Engineer** L3" in the first column of the overview. It leaves alone
// headings, existing links, and the page's own level; the words do not
// change, only the links are added.
func linkLevels(md []byte, from string, targets []target) []byte {
	doc, err := output.ParseMarkdown("sitedoc", md)
	if err != nil {
		return md
	}
	var ins []insertion
	link := func(start, stop int, page string) {
		if page == from {
			return
		}
		ins = append(ins, insertion{start, "["}, insertion{stop, "](" + rel(from, page) + ")"})
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Heading, *ast.Link, *ast.AutoLink, *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			if n.PreviousSibling() == nil {
				if start, stop, page, ok := overviewCell(n, md, targets); ok {
					link(start, stop, page)
					return ast.WalkSkipChildren, nil
				}
			}
		}
		// Runs of text in this node's children: goldmark splits a sentence
		// into several text nodes where an inline parser could start.
		for c := n.FirstChild(); c != nil; {
			start, stop, next := textRun(c)
			c = next
			if start < 0 {
				continue
			}
			for at := start; at < stop; {
				i, t, name := findName(md[at:stop], targets)
				if i < 0 {
					break
				}
				link(at+i, at+i+len(name), t.page)
				at += i + len(name)
			}
		}
		return ast.WalkContinue, nil
	})
	if len(ins) == 0 {
		return md
	}
	slices.SortStableFunc(ins, func(a, b insertion) int { return a.at - b.at })
	var out bytes.Buffer
	at := 0
	for _, x := range ins {
		out.Write(md[at:x.at])
		out.WriteString(x.text)
		at = x.at
	}
	out.Write(md[at:])
	return out.Bytes()
}

// textRun returns the source range of the text nodes from c on that
// follow each other in the source, and the node after them; start is -1
// when c is not text.
func textRun(c ast.Node) (start, stop int, next ast.Node) {
	t, ok := c.(*ast.Text)
	if !ok {
		return -1, -1, c.NextSibling()
	}
	start, stop = t.Segment.Start, t.Segment.Stop
	next = c.NextSibling()
	for next != nil {
		u, ok := next.(*ast.Text)
		if !ok || u.Segment.Start != stop || t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
		t, stop, next = u, u.Segment.Stop, next.NextSibling()
	}
	return start, stop, next
}

// findName finds the first mention of a level in text.
func findName(text []byte, targets []target) (int, target, []byte) {
	best, bt, bn := -1, target{}, []byte(nil)
	for _, t := range targets {
		for _, name := range t.names {
			if i := bytes.Index(text, name); i >= 0 && (best < 0 || i < best || i == best && len(name) > len(bn)) {
				best, bt, bn = i, t, name
			}
		}
	}
	return best, bt, bn
}

// overviewCell recognises the first cell of an overview row, "**Staff
// Engineer** L3" (", reserved" may follow), and returns the range to link.
func overviewCell(cell ast.Node, md []byte, targets []target) (int, int, string, bool) {
	em, ok := cell.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return 0, 0, "", false
	}
	start, stop, _ := textRun(em.FirstChild())
	if start < 2 || !bytes.Equal(md[start-2:start], []byte("**")) {
		return 0, 0, "", false
	}
	rest, ok := em.NextSibling().(*ast.Text)
	if !ok {
		return 0, 0, "", false
	}
	after := md[rest.Segment.Start:]
	for _, t := range targets {
		if !bytes.Equal(md[start:stop], t.title) {
			continue
		}
		code := append([]byte(" "), t.code...)
		if bytes.HasPrefix(after, code) && rest.Segment.Start == stop+2 {
			return start - 2, rest.Segment.Start + len(code), t.page, true
		}
	}
	return 0, 0, "", false
}
