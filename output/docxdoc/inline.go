package docxdoc

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
)

// style is the look of a stretch of inline text.
type style struct {
	bold, italic, strike, code bool
	url                        string // external link target
	anchor                     string // bookmark of an internal link
}

// run is inline text in one style, as collected from the AST.
type run struct {
	text string
	st   style
	brk  bool // a hard line break; text is empty
}

// textWriter resolves backslash escapes and entity references the way
// goldmark's own HTML renderer does; its output is HTML-escaped, which
// html.UnescapeString undoes exactly. (As in pdfdoc.)
var textWriter = ghtml.NewWriter()

func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, 0) < 0 {
		return b
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	textWriter.Write(w, b)
	_ = w.Flush()
	return []byte(html.UnescapeString(buf.String()))
}

// collect appends the runs of the inline children of n. anchors maps
// heading ids to bookmarks (nil: internal links are plain text).
func collect(n ast.Node, src []byte, st style, anchors map[string]string, out []run) []run {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = collectNode(c, src, st, anchors, out)
	}
	return out
}

func collectNode(c ast.Node, src []byte, st style, anchors map[string]string, out []run) []run {
	switch c := c.(type) {
	case *ast.Text:
		out = append(out, run{text: string(unescape(c.Segment.Value(src))), st: st})
		switch {
		case c.HardLineBreak():
			out = append(out, run{brk: true, st: st})
		case c.SoftLineBreak():
			out = append(out, run{text: " ", st: st})
		}
	case *ast.String:
		v := c.Value
		if !c.IsCode() && !c.IsRaw() {
			v = unescape(v)
		}
		out = append(out, run{text: string(v), st: st})
	case *ast.CodeSpan:
		var b strings.Builder
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		cs := st
		cs.code = true
		out = append(out, run{text: strings.ReplaceAll(b.String(), "\n", " "), st: cs})
	case *ast.Emphasis:
		es := st
		if c.Level >= 2 {
			es.bold = true
		} else {
			es.italic = true
		}
		out = collect(c, src, es, anchors, out)
	case *ast.Link:
		out = collect(c, src, linkStyle(st, string(c.Destination), anchors), anchors, out)
	case *ast.AutoLink:
		dest := string(c.URL(src))
		if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
			dest = "mailto:" + dest
		}
		out = append(out, run{text: string(c.Label(src)), st: linkStyle(st, dest, anchors)})
	case *ast.Image:
		// Images are not fetched (documents must build offline and
		// deterministically); their alternative text stands in.
		is := st
		is.italic = true
		out = collect(c, src, is, anchors, out)
	case *ast.RawHTML:
		// Raw HTML is dropped, as in the HTML output.
	case *east.Strikethrough:
		ss := st
		ss.strike = true
		out = collect(c, src, ss, anchors, out)
	case *east.TaskCheckBox:
		box := "[ ] "
		if c.IsChecked {
			box = "[x] "
		}
		cs := st
		cs.code = true
		out = append(out, run{text: box, st: cs})
	default:
		out = collect(c, src, st, anchors, out)
	}
	return out
}

// linkSchemes are the URL schemes that become clickable links; anything
// else (javascript:, relative paths that lead nowhere outside a web site)
// stays plain text, as the HTML renderer's safe mode drops it.
var linkSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true, "ftp": true}

// linkStyle styles a link: a fragment that names a heading of this
// document jumps to its bookmark, other fragments are plain text, and an
// absolute URL of a safe scheme becomes an external hyperlink.
func linkStyle(st style, dest string, anchors map[string]string) style {
	dest = strings.TrimSpace(dest)
	if strings.HasPrefix(dest, "#") {
		if name, ok := anchors[dest[1:]]; ok {
			st.anchor, st.url = name, ""
		}
		return st
	}
	if u := safeURL(dest); u != "" {
		st.url, st.anchor = u, ""
	}
	return st
}

// safeURL returns dest as a well-formed absolute URI (Word refuses a
// document whose hyperlink target is not one), or "" when it cannot be a
// link.
func safeURL(dest string) string {
	u, err := url.Parse(dest)
	if err != nil || !linkSchemes[strings.ToLower(u.Scheme)] {
		return ""
	}
	if u.Opaque == "" && u.Host == "" && strings.ToLower(u.Scheme) != "mailto" && strings.ToLower(u.Scheme) != "tel" {
		return ""
	}
	s := u.String()
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' {
			return ""
		}
	}
	return s
}

// inlines writes the inline content of n as runs, links grouped in
// w:hyperlink elements.
func (r *renderer) inlines(n ast.Node, base style) {
	r.runsBuf = collect(n, r.src, base, r.anchors, r.runsBuf[:0])
	// goldmark splits text at characters that might start markup; one
	// run per stretch of one style is what Word itself writes.
	runs := r.runsBuf[:0]
	for _, rn := range r.runsBuf {
		if k := len(runs) - 1; k >= 0 && !rn.brk && !runs[k].brk && rn.st == runs[k].st {
			runs[k].text += rn.text
			continue
		}
		runs = append(runs, rn)
	}
	b := &r.body
	for i := 0; i < len(runs); {
		st := runs[i].st
		if st.url == "" && st.anchor == "" {
			r.writeRun(b, runs[i], "")
			i++
			continue
		}
		j := i
		for j < len(runs) && runs[j].st.url == st.url && runs[j].st.anchor == st.anchor {
			j++
		}
		if st.url != "" {
			b.WriteString(`<w:hyperlink r:id="rId` + strconv.Itoa(r.linkID(st.url)) + `" w:history="1">`)
		} else {
			b.WriteString(`<w:hyperlink w:anchor="` + st.anchor + `" w:history="1">`)
		}
		for _, rn := range runs[i:j] {
			r.writeRun(b, rn, "Hyperlink")
		}
		b.WriteString(`</w:hyperlink>`)
		i = j
	}
}

// linkID returns the relationship id of an external link target.
func (r *renderer) linkID(target string) int {
	if id, ok := r.linkIDs[target]; ok {
		return id
	}
	id := ridFirstLink + len(r.links)
	r.links = append(r.links, target)
	r.linkIDs[target] = id
	return id
}

// writeRun writes one run: its properties, then its text, with tabs and
// line breaks as Word's own elements.
func (r *renderer) writeRun(b *bytes.Buffer, rn run, charStyle string) {
	if rn.brk {
		b.WriteString(`<w:r><w:br/></w:r>`)
		return
	}
	if rn.text == "" {
		return
	}
	b.WriteString(`<w:r>`)
	st := rn.st
	if charStyle == "" && st.code {
		charStyle = "VerbatimChar"
	}
	if charStyle != "" || st.bold || st.italic || st.strike || st.code || r.cellSize != 0 {
		b.WriteString(`<w:rPr>`)
		if charStyle != "" {
			b.WriteString(`<w:rStyle w:val="` + charStyle + `"/>`)
		}
		if st.code && charStyle != "VerbatimChar" {
			b.WriteString(`<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>`)
		}
		if st.bold {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if st.italic {
			b.WriteString(`<w:i/><w:iCs/>`)
		}
		if st.strike {
			b.WriteString(`<w:strike/>`)
		}
		if r.cellSize != 0 {
			sz := strconv.Itoa(r.cellSize)
			b.WriteString(`<w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/>`)
		}
		b.WriteString(`</w:rPr>`)
	}
	text := rn.text
	for text != "" {
		i := strings.IndexAny(text, "\t\n\r")
		seg := text
		if i >= 0 {
			seg = text[:i]
		}
		if seg != "" {
			b.WriteString(`<w:t xml:space="preserve">`)
			r.escape(b, seg)
			b.WriteString(`</w:t>`)
		}
		if i < 0 {
			break
		}
		switch text[i] {
		case '\t':
			b.WriteString(`<w:tab/>`)
		case '\n':
			b.WriteString(`<w:br/>`)
		}
		text = text[i+1:]
	}
	b.WriteString(`</w:r>`)
}

// escape writes s as XML character data. encoding/xml replaces what XML
// cannot hold (control characters, invalid UTF-8) with U+FFFD.
func (r *renderer) escape(b *bytes.Buffer, s string) {
	r.tmp.Reset()
	_ = xml.EscapeText(&r.tmp, []byte(s))
	b.Write(r.tmp.Bytes())
}
