package lint

import (
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// unitKind says what a piece of text is in the posting.
type unitKind int

const (
	kindHeading   unitKind = iota // a Markdown heading
	kindLabel                     // a short bold or colon-ended paragraph used as a heading
	kindParagraph                 // a paragraph outside lists
	kindBullet                    // a paragraph or text inside a list item
	kindCell                      // a table cell
)

// labelLevel is the heading level given to label paragraphs: below every
// real heading, so a label section ends at the next label or heading.
const labelLevel = 7

// unit is one block of plain text with a map back to source lines.
type unit struct {
	kind  unitKind
	level int    // heading level; labelLevel for labels
	text  string // plain text; soft and hard line breaks are '\n'
	spans []span // ascending by off
	// code are the [start, end) offsets of inline code in text.
	code [][2]int
	// legal: an equal-opportunity or legal paragraph (see legal.go).
	legal bool
	// nwords caches the unit's word count once Check has counted it.
	nwords int
	// flat, lower and starts cache flatten(text), its ASCII lowercase and
	// its word starts (see forms).
	flat, lower string
	starts      []int32
	// buf collects the text while the unit is built (see add and done):
	// a Builder hands its bytes over as the text without a copy.
	buf strings.Builder
}

// inCode reports whether the byte at off is inside inline code.
func (u *unit) inCode(off int) bool {
	for _, c := range u.code {
		if off >= c[0] && off < c[1] {
			return true
		}
	}
	return false
}

// span records that the plain text from off onwards came from line.
type span struct{ off, line int }

func (u *unit) add(s string, line int) {
	if s == "" {
		return
	}
	u.mark(line)
	u.buf.WriteString(s)
}

// addBytes is add for text still in the source's bytes: no string is
// made for it.
func (u *unit) addBytes(b []byte, line int) {
	if len(b) == 0 {
		return
	}
	u.mark(line)
	u.buf.Write(b)
}

// mark records that the text added next comes from line.
func (u *unit) mark(line int) {
	if n := len(u.spans); n == 0 || u.spans[n-1].line != line {
		u.spans = append(u.spans, span{u.buf.Len(), line})
	}
}

// done turns the collected bytes into the unit's text. Appending to a byte
// slice keeps building a unit linear in its size.
func (u *unit) done() *unit {
	u.text = u.buf.String()
	u.buf = strings.Builder{}
	return u
}

// lineAt returns the source line of the byte at off in the unit's text.
func (u *unit) lineAt(off int) int {
	i := sort.Search(len(u.spans), func(i int) bool { return u.spans[i].off > off })
	if i == 0 {
		if len(u.spans) == 0 {
			return 0
		}
		return u.spans[0].line
	}
	return u.spans[i-1].line
}

func (u *unit) firstLine() int { return u.lineAt(0) }

// forms returns the unit's text flattened (line breaks as spaces), that
// text lowercased in ASCII, and its word starts, computed once.
func (u *unit) forms() (flat, lower string, starts []int32) {
	if u.starts == nil {
		u.flat = flatten(u.text)
		u.lower = lowerASCII(u.flat)
		u.starts = wordStarts(u.flat)
	}
	return u.flat, u.lower, u.starts
}

// textLine is one line of plain text: a line of a paragraph, or a table
// row with its cells joined by ": ". Location lines are found among them.
type textLine struct {
	text string
	line int
	row  bool // a table row
}

// document is a posting reduced to what the checks need.
type document struct {
	units []*unit
	lines []textLine
	title *unit // the first level-1 heading, else the first heading

	pay      payFacts // see payFacts
	payFound bool
	// lang is the language the posting is checked as (LangEnglish when
	// empty); it chooses the words that read pay.
	lang string

	mustHaves    int
	mustHaveLine int // line of the first must-have heading that has items
}

// mustHaveHeading matches the headings whose lists are must-have
// requirements; mustHaveNot excludes optional ones ("Nice to have",
// "Preferred qualifications", "Bonus points").
var (
	mustHaveHeading = regexp.MustCompile(`(?i)what you(['’]ll)? bring|requirement|must[ -]haves?|qualification|ce que vous apportez|profil recherch|votre profil|prérequis|pré-requis|compétences requises|exigences|indispensable`)
	mustHaveNot     = regexp.MustCompile(`(?i)nice[ -]to[ -]have|preferred|bonus|optional|plus\b|apprécié|souhaité|atouts?\b|idéalement`)
)

// mustHaveWords and mustHaveNotWords are words without an s, lowercase:
// every match of mustHaveHeading (of mustHaveNot) holds one of them, in
// any ASCII case, since (?i) folds only s and k to letters outside ASCII
// (ſ, the Kelvin sign). A heading with none of them is decided without
// running the expression, which most headings are: the expression costs
// more than the rest of the walk over a heading.
var (
	mustHaveWords    = []string{"bring", "requirement", "have", "qualification", "apportez", "profil", "requi", "exigence", "indi"}
	mustHaveNotWords = []string{"nice", "preferred", "bonu", "optional", "plu", "appr\xc3\xa9ci", "ouhait", "atout", "id\xc3\xa9al"}
)

// matchHeading is re.MatchString(s), run only when s holds one of words.
func matchHeading(re *regexp.Regexp, words []string, s string) bool {
	for _, w := range words {
		if containsLowerASCII(s, w) {
			return re.MatchString(s)
		}
	}
	return false
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))

type section struct {
	level          int
	mustHave, skip bool
	line           int
}

type walker struct {
	src        []byte
	lineStarts []int
	doc        *document
	listDepth  int
	sections   []section
}

// parse turns Markdown into units. It never fails: any byte sequence is
// some Markdown.
func parse(src []byte) *document {
	w := &walker{src: src, doc: &document{}}
	w.lineStarts = append(w.lineStarts, 0)
	for i, b := range src {
		if b == '\n' {
			w.lineStarts = append(w.lineStarts, i+1)
		}
	}
	root := markdown.Parser().Parse(text.NewReader(src))
	w.block(root)
	if w.doc.title == nil {
		for _, u := range w.doc.units {
			if u.kind == kindHeading {
				w.doc.title = u
				break
			}
		}
	}
	return w.doc
}

// line returns the 1-based line of a byte offset.
func (w *walker) line(off int) int {
	return sort.Search(len(w.lineStarts), func(i int) bool { return w.lineStarts[i] > off })
}

func (w *walker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		u := w.inline(n, kindHeading)
		u.level = n.Level
		if n.Level == 1 && w.doc.title == nil {
			w.doc.title = u
		}
		w.enterSection(u)
		w.push(u)
		return
	case *ast.Paragraph, *ast.TextBlock:
		kind := kindParagraph
		if w.listDepth > 0 {
			kind = kindBullet
		}
		u := w.inline(n, kind)
		if kind == kindParagraph && isLabel(n, u) {
			u.kind, u.level = kindLabel, labelLevel
			w.enterSection(u)
		}
		w.push(u)
		return
	case *ast.List:
		if w.listDepth == 0 {
			if sec, ok := w.mustHaveSection(); ok {
				items := 0
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if _, ok := c.(*ast.ListItem); ok {
						items++
					}
				}
				if items > 0 && w.doc.mustHaveLine == 0 {
					w.doc.mustHaveLine = sec.line
				}
				w.doc.mustHaves += items
			}
		}
		w.listDepth++
		defer func() { w.listDepth-- }()
	case *east.Table:
		w.table(n)
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		return // code, raw HTML and rules are not posting text
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

func (w *walker) table(t *east.Table) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		line := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			u := w.inline(c, kindCell)
			w.push(u)
			cells = append(cells, strings.TrimSpace(strings.ReplaceAll(u.text, "\n", " ")))
			if line == 0 {
				line = u.firstLine()
			}
		}
		if line != 0 {
			w.doc.lines = append(w.doc.lines, textLine{strings.Join(cells, ": "), line, true})
		}
	}
}

// push records a unit and its lines.
func (w *walker) push(u *unit) {
	if strings.TrimSpace(u.text) == "" {
		return
	}
	w.doc.units = append(w.doc.units, u)
	if u.kind == kindCell {
		return // table rows are recorded whole by table
	}
	start := 0
	for start <= len(u.text) {
		end := strings.IndexByte(u.text[start:], '\n')
		if end < 0 {
			end = len(u.text)
		} else {
			end += start
		}
		if s := strings.TrimSpace(u.text[start:end]); s != "" {
			w.doc.lines = append(w.doc.lines, textLine{s, u.lineAt(start), false})
		}
		start = end + 1
	}
}

func (w *walker) enterSection(u *unit) {
	for len(w.sections) > 0 && w.sections[len(w.sections)-1].level >= u.level {
		w.sections = w.sections[:len(w.sections)-1]
	}
	w.sections = append(w.sections, section{
		level:    u.level,
		mustHave: matchHeading(mustHaveHeading, mustHaveWords, u.text),
		skip:     matchHeading(mustHaveNot, mustHaveNotWords, u.text),
		line:     u.firstLine(),
	})
}

// mustHaveSection reports whether the current section is a must-have one:
// the nearest enclosing heading that says either way decides, so
// "Requirements > Technical" counts and "Requirements > Nice to have" does
// not.
func (w *walker) mustHaveSection() (section, bool) {
	for i := len(w.sections) - 1; i >= 0; i-- {
		s := w.sections[i]
		if s.skip {
			return s, false
		}
		if s.mustHave {
			return s, true
		}
	}
	return section{}, false
}

// isLabel reports whether a paragraph acts as a heading: all of it bold
// ("**Requirements**"), or a short line ending in a colon
// ("Requirements:").
func isLabel(n ast.Node, u *unit) bool {
	t := strings.TrimSpace(u.text)
	if t == "" || strings.Contains(t, "\n") || moreFields(t, 6) {
		return false
	}
	if strings.HasSuffix(t, ":") {
		return true
	}
	if n.ChildCount() == 1 {
		if e, ok := n.FirstChild().(*ast.Emphasis); ok && e.Level == 2 {
			return true
		}
	}
	return false
}

// inline collects the plain text of a block's inline content.
func (w *walker) inline(n ast.Node, kind unitKind) *unit {
	u := &unit{kind: kind}
	last := 0
	if lines := n.Lines(); n.Type() == ast.TypeBlock && lines != nil && lines.Len() > 0 {
		last = w.line(lines.At(0).Start)
	}
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Value(w.src)
				if !c.IsRaw() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				last = w.line(c.Segment.Start)
				u.addBytes(v, last)
				if c.SoftLineBreak() || c.HardLineBreak() {
					u.add("\n", last)
				}
			case *ast.String:
				u.addBytes(c.Value, last)
			case *ast.AutoLink:
				u.addBytes(c.Label(w.src), last)
			case *ast.RawHTML, *east.TaskCheckBox:
				u.add(" ", last)
			case *ast.CodeSpan:
				start := u.buf.Len()
				walk(c)
				u.code = append(u.code, [2]int{start, u.buf.Len()})
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return u.done()
}
