package output

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/unicode/norm"
)

// What the document renderers (PDF, HTML, Word) share before they lay out
// the Markdown: its size limit, the language check, the parser and the
// in-document link targets. Each renderer only lays out.

// MaxMarkdown bounds the Markdown a renderer accepts, so a runaway
// template cannot make it allocate without limit.
const MaxMarkdown = 8 << 20

var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// Markdown is the goldmark setup every renderer parses with: tables,
// strikethrough, bare links, task lists and heading ids. Raw HTML is
// parsed (so it does not leak into the text) and then dropped by each
// renderer. goldmark parsers are safe for concurrent use once built.
var Markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// CheckMarkdown refuses Markdown over MaxMarkdown; who names the renderer
// in the message.
func CheckMarkdown(who string, md []byte) error {
	if len(md) > MaxMarkdown {
		return fmt.Errorf("%s: document is %d bytes; the limit is %d", who, len(md), MaxMarkdown)
	}
	return nil
}

// ParseMarkdown checks the size of md and parses it with Markdown.
func ParseMarkdown(who string, md []byte) (ast.Node, error) {
	if err := CheckMarkdown(who, md); err != nil {
		return nil, err
	}
	return Markdown.Parser().Parse(text.NewReader(md)), nil
}

// Language returns the document language: the BCP 47 tag given, or "en"
// when none is.
func Language(who, tag string) (string, error) {
	lang := strings.TrimSpace(tag)
	if lang == "" {
		return "en", nil
	}
	if !langTag.MatchString(lang) {
		return "", fmt.Errorf("%s: language %q is not a BCP 47 tag such as en or fr-CA", who, tag)
	}
	return lang, nil
}

// LinkTargets returns the heading ids that links inside the document point
// to ("#id"), so a renderer makes anchors only where something links.
func LinkTargets(doc ast.Node) map[string]bool {
	targets := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			if d := string(l.Destination); len(d) > 1 && d[0] == '#' {
				targets[d[1:]] = true
			}
		}
		return ast.WalkContinue, nil
	})
	return targets
}

// PlainText is the text of a Markdown node without its markup, as a title
// or a heading reads in metadata and navigation: emphasis and links
// dropped, raw HTML left out, and backslash escapes read as the
// characters they escape (goldmark keeps "\\<" in the text's source).
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(backslashEscape.ReplaceAllString(b.String(), "$1"))
}

// backslashEscape is a CommonMark backslash escape: a backslash before an
// ASCII punctuation character.
var backslashEscape = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

// OneLine collapses the white space of s (line breaks included) to single
// spaces, as a title or a metadata field reads on one line. No-break
// spaces are kept: French puts one before a colon and inside « », and
// between the groups of "80 000", where a line must not break.
func OneLine(s string) string { return strings.Join(strings.FieldsFunc(s, Breakable), " ") }

// Breakable reports whether r is white space a line may break at: any but
// the no-break spaces (U+00A0, U+2007 figure space, U+202F narrow
// no-break space).
func Breakable(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u2007' && r != '\u202f'
}

// HeadingIDs returns the parse options that name a document's headings
// (the ids links point to, "#les-deux-filieres") for language lang, a BCP
// 47 tag. goldmark keeps only ASCII letters and digits, so a French
// heading loses its accented letters ("Les deux filières" becomes
// "les-deux-filires"); in any language but English the accents are
// folded first, so the id reads as the words ("les-deux-filieres"), the
// way a reader would type it. English keeps goldmark's ids as they were,
// so links into the documents published before languages existed still
// reach their heading. Each call gives a fresh context: ids are unique
// per document.
func HeadingIDs(lang string) []parser.ParseOption {
	if primary := strings.ToLower(strings.SplitN(strings.ReplaceAll(lang, "_", "-"), "-", 2)[0]); primary == "" || primary == "en" {
		return nil
	}
	ids := foldedIDs{parser.NewContext().IDs()}
	return []parser.ParseOption{parser.WithContext(parser.NewContext(parser.WithIDs(ids)))}
}

// foldedIDs is goldmark's heading ids over the heading's text with its
// accents folded.
type foldedIDs struct{ parser.IDs }

func (f foldedIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return f.IDs.Generate(FoldAccents(value), kind)
}

// ligatures are the letters folding cannot split into a letter and a mark.
var ligatures = strings.NewReplacer("œ", "oe", "Œ", "OE", "æ", "ae", "Æ", "AE", "ß", "ss")

// FoldAccents writes s without its accents: each letter decomposed
// (NFD), its combining marks dropped, and the ligatures œ, æ and ß
// spelled out ("Mœurs, élève, à" becomes "Moeurs, eleve, a").
func FoldAccents(s []byte) []byte {
	d := norm.NFD.Bytes([]byte(ligatures.Replace(string(s))))
	out := make([]byte, 0, len(d))
	for i := 0; i < len(d); {
		r, n := utf8.DecodeRune(d[i:])
		if !unicode.Is(unicode.Mn, r) {
			out = append(out, d[i:i+n]...)
		}
		i += n
	}
	return out
}
