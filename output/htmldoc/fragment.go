package htmldoc

import (
	"bytes"
	"fmt"

	"github.com/rungs/rungs/output"
	"github.com/yuin/goldmark/text"
)

// Fragment renders md to the HTML that goes inside <main>, with the same
// parser, safe mode and table handling as Render, but without the page
// around it: for renderers that put many documents into pages of their
// own, such as the ladder website (output/sitedoc). lang is the BCP 47
// tag of the page's language, for its heading ids (output.HeadingIDs).
func Fragment(md []byte, lang string) ([]byte, error) {
	if err := output.CheckMarkdown("htmldoc", md); err != nil {
		return nil, err
	}
	doc := markdown.Parser().Parse(text.NewReader(md), output.HeadingIDs(lang)...)
	markWidePages(doc)
	var body bytes.Buffer
	body.Grow(len(md) * 2)
	if err := markdown.Renderer().Render(&body, md, doc); err != nil {
		return nil, fmt.Errorf("htmldoc: %w", err)
	}
	return body.Bytes(), nil
}

// Stylesheet returns the CSS every HTML document carries (screen and
// print), so pages that link a stylesheet instead of embedding one look
// the same as the single-file documents.
func Stylesheet() string { return stylesheet }
