package docxdoc

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"github.com/rungs/rungs/internal/locale"
)

// The XML of the package parts other than the body. Every value from the
// input goes through esc (encoding/xml's escaping).

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	nsR       = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	relBase   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	ctBase    = `application/vnd.openxmlformats-officedocument.wordprocessingml.`
)

// Colours, as in the PDF.
const (
	colText      = "1F2328"
	colHeading   = "122B45"
	colQuote     = "3D4652"
	colLink      = "1A56A8"
	colRule      = "C4CBD4"
	colGrid      = "C9D0D8"
	colHead      = "EEF1F5"
	colCode      = "F6F8FA"
	colFurniture = "6B7480"
)

// Fonts every editor has: see the package documentation.
const (
	fontText = "Arial"
	fontCode = "Courier New"
)

// overrides are the content types of the parts, in package order; the
// zip holds exactly these parts plus the relationships.
var overrides = []struct{ part, ctype string }{
	{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
	{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	{"/word/document.xml", ctBase + "document.main+xml"},
	{"/word/styles.xml", ctBase + "styles+xml"},
	{"/word/numbering.xml", ctBase + "numbering+xml"},
	{"/word/settings.xml", ctBase + "settings+xml"},
	{"/word/fontTable.xml", ctBase + "fontTable+xml"},
	{"/word/header1.xml", ctBase + "header+xml"},
	{"/word/header2.xml", ctBase + "header+xml"},
	{"/word/footer1.xml", ctBase + "footer+xml"},
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func contentTypes() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, o := range overrides {
		b.WriteString(`<Override PartName="` + o.part + `" ContentType="` + o.ctype + `"/>`)
	}
	b.WriteString(`</Types>`)
	return b.Bytes()
}

func packageRels() []byte {
	return []byte(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)
}

func (r *renderer) documentRels() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, rel := range []struct {
		id           int
		kind, target string
	}{
		{ridStyles, "styles", "styles.xml"},
		{ridNumbering, "numbering", "numbering.xml"},
		{ridSettings, "settings", "settings.xml"},
		{ridFontTable, "fontTable", "fontTable.xml"},
		{ridHeaderPortrait, "header", "header1.xml"},
		{ridHeaderLandscape, "header", "header2.xml"},
		{ridFooter, "footer", "footer1.xml"},
	} {
		b.WriteString(`<Relationship Id="rId` + strconv.Itoa(rel.id) + `" Type="` + relBase + rel.kind + `" Target="` + rel.target + `"/>`)
	}
	for i, target := range r.links {
		b.WriteString(`<Relationship Id="rId` + strconv.Itoa(ridFirstLink+i) + `" Type="` + relBase + `hyperlink" Target="` + esc(target) + `" TargetMode="External"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

func coreProps(m docMeta) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range []struct{ tag, value string }{
		{"dc:title", m.title},
		{"dc:subject", m.subject},
		{"dc:creator", m.author},
		{"cp:keywords", m.keywords},
		{"dc:language", m.lang},
	} {
		if e.value != "" {
			b.WriteString(`<` + e.tag + `>` + esc(e.value) + `</` + e.tag + `>`)
		}
	}
	d := m.date.Format(time.RFC3339)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

func appProps(m docMeta) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	b.WriteString(`<Application>Rungs</Application><DocSecurity>0</DocSecurity>`)
	if m.author != "" {
		b.WriteString(`<Company>` + esc(m.author) + `</Company>`)
	}
	b.WriteString(`</Properties>`)
	return b.Bytes()
}

func (r *renderer) document() []byte {
	var b bytes.Buffer
	b.Grow(r.body.Len() + 1024)
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	b.Write(r.body.Bytes())
	r.sectPr(&b, r.land)
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes()
}

// styles are Word's built-in styles, under their built-in names (so Word,
// LibreOffice, Google Docs and python-docx know them: "heading 1" shows as
// Heading 1), set in the PDF's type scale. Sizes are in half points.
func styles(lang string) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>`)
	b.WriteString(`<w:rFonts w:ascii="` + fontText + `" w:eastAsia="` + fontText + `" w:hAnsi="` + fontText + `" w:cs="` + fontText + `"/>`)
	b.WriteString(`<w:color w:val="` + colText + `"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="` + esc(lang) + `"/>`)
	b.WriteString(`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)

	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)

	heading := func(id, name string, priority int, pPr, rPr string) {
		b.WriteString(`<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>`)
		b.WriteString(`<w:uiPriority w:val="` + strconv.Itoa(priority) + `"/><w:qFormat/>`)
		b.WriteString(`<w:pPr><w:keepNext/><w:keepLines/>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`)
	}
	heading("Title", "Title", 10, `<w:spacing w:before="0" w:after="200" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>`,
		`<w:b/><w:bCs/><w:color w:val="`+colHeading+`"/><w:kern w:val="28"/><w:sz w:val="44"/><w:szCs w:val="44"/>`)
	heading("Heading1", "heading 1", 9, `<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="2" w:color="`+colRule+`"/></w:pBdr><w:spacing w:before="400" w:after="120" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="0"/>`,
		`<w:b/><w:bCs/><w:color w:val="`+colHeading+`"/><w:sz w:val="29"/><w:szCs w:val="29"/>`)
	heading("Heading2", "heading 2", 9, `<w:spacing w:before="280" w:after="80" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="1"/>`,
		`<w:b/><w:bCs/><w:color w:val="`+colHeading+`"/><w:sz w:val="24"/><w:szCs w:val="24"/>`)
	heading("Heading3", "heading 3", 9, `<w:spacing w:before="200" w:after="40" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="2"/>`,
		`<w:b/><w:bCs/><w:sz w:val="21"/><w:szCs w:val="21"/>`)

	b.WriteString(`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:after="60"/></w:pPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/>` +
		`<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="` + colRule + `"/></w:pBdr><w:ind w:left="284"/></w:pPr><w:rPr><w:color w:val="` + colQuote + `"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="SourceCode"><w:name w:val="Source Code"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepLines/><w:shd w:val="clear" w:color="auto" w:fill="` + colCode + `"/><w:spacing w:before="60" w:after="200" w:line="240" w:lineRule="auto"/></w:pPr>` +
		`<w:rPr><w:rFonts w:ascii="` + fontCode + `" w:hAnsi="` + fontCode + `" w:cs="` + fontCode + `"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>`)
	for _, hf := range []struct{ id, name string }{{"Header", "header"}, {"Footer", "footer"}} {
		b.WriteString(`<w:style w:type="paragraph" w:styleId="` + hf.id + `"><w:name w:val="` + hf.name + `"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>` +
			`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="` + colFurniture + `"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>`)
	}
	b.WriteString(`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>` +
		`<w:rPr><w:color w:val="` + colLink + `"/><w:u w:val="single"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="character" w:customStyle="1" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/>` +
		`<w:rPr><w:rFonts w:ascii="` + fontCode + `" w:hAnsi="` + fontCode + `" w:cs="` + fontCode + `"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
		`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>` +
		`<w:tblPr><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="` + colGrid + `"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
		`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="` + colHead + `"/></w:tcPr></w:tblStylePr>` +
		`</w:style>`)
	b.WriteString(`</w:styles>`)
	return b.Bytes()
}

// bullets are the markers of each list level, as in the PDF; all are in
// Arial (WGL4).
var bullets = [3]string{"•", "◦", "▪"}

// numbering writes two abstract lists (bullets; decimal numbers, each level
// counting on its own as Markdown does) and the instances: one shared by
// every bullet list, one per ordered list, starting at its first number.
func (r *renderer) numbering() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<w:numbering xmlns:w="` + nsW + `">`)
	for abs := range 2 {
		b.WriteString(`<w:abstractNum w:abstractNumId="` + strconv.Itoa(abs) + `"><w:multiLevelType w:val="hybridMultilevel"/>`)
		for lvl := range 9 {
			b.WriteString(`<w:lvl w:ilvl="` + strconv.Itoa(lvl) + `"><w:start w:val="1"/>`)
			if abs == 0 {
				b.WriteString(`<w:numFmt w:val="bullet"/><w:lvlText w:val="` + bullets[lvl%3] + `"/>`)
			} else {
				b.WriteString(`<w:numFmt w:val="decimal"/><w:lvlText w:val="%` + strconv.Itoa(lvl+1) + `."/>`)
			}
			left := listIndent * (lvl + 1)
			b.WriteString(`<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="` + strconv.Itoa(left) + `" w:hanging="` + strconv.Itoa(listIndent) + `"/></w:pPr>`)
			b.WriteString(`<w:rPr><w:rFonts w:ascii="` + fontText + `" w:hAnsi="` + fontText + `" w:cs="` + fontText + `" w:hint="default"/></w:rPr></w:lvl>`)
		}
		b.WriteString(`</w:abstractNum>`)
	}
	b.WriteString(`<w:num w:numId="` + strconv.Itoa(numBullets) + `"><w:abstractNumId w:val="0"/></w:num>`)
	for i, o := range r.ordered {
		lvl := strconv.Itoa(o.level)
		b.WriteString(`<w:num w:numId="` + strconv.Itoa(numBullets+1+i) + `"><w:abstractNumId w:val="1"/>`)
		b.WriteString(`<w:lvlOverride w:ilvl="` + lvl + `"><w:startOverride w:val="` + strconv.Itoa(o.start) + `"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.Bytes()
}

func settings(lang string) []byte {
	return []byte(xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="` + esc(lang) + `"/></w:settings>`)
}

func fontTable() []byte {
	return []byte(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">` +
		`<w:font w:name="` + fontText + `"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
		`<w:font w:name="` + fontCode + `"><w:panose1 w:val="02070309020205020404"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
		`</w:fonts>`)
}

// header is the running header: the title at the left, the company at a
// right tab stop on the text column's edge (width, in twips), and a rule
// under both.
func header(m docMeta, width int) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Header"/>`)
	if m.title != "" || m.author != "" {
		b.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="` + colRule + `"/></w:pBdr>`)
	}
	b.WriteString(`<w:tabs><w:tab w:val="right" w:pos="` + strconv.Itoa(width) + `"/></w:tabs></w:pPr>`)
	if m.title != "" {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + esc(m.title) + `</w:t></w:r>`)
	}
	if m.author != "" {
		b.WriteString(`<w:r><w:tab/><w:t xml:space="preserve">` + esc(m.author) + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p></w:hdr>`)
	return b.Bytes()
}

// footer reads "Page X of Y" in the document's language (the
// document.page_of message), X and Y being Word fields (PAGE, NUMPAGES)
// that every client updates as it lays the document out.
func footer(words *locale.Catalog) []byte {
	field := func(instr string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	// The message is filled with markers (a locale message holds no NUL
	// byte of its own), then cut at them into text runs and fields, so the
	// words around the numbers stay in the order the language puts them.
	const page, pages = "\x00PAGE\x00", "\x00NUMPAGES\x00"
	msg := words.Text("document.page_of", locale.Args{"page": page, "pages": pages})
	for len(msg) > 0 {
		i := strings.IndexByte(msg, 0)
		if i < 0 {
			i = len(msg)
		}
		if i > 0 {
			b.WriteString(`<w:r><w:t xml:space="preserve">` + esc(msg[:i]) + `</w:t></w:r>`)
		}
		msg = msg[i:]
		switch {
		case strings.HasPrefix(msg, page):
			b.WriteString(field("PAGE"))
			msg = msg[len(page):]
		case strings.HasPrefix(msg, pages):
			b.WriteString(field("NUMPAGES"))
			msg = msg[len(pages):]
		case msg != "":
			msg = msg[1:] // a NUL of the message itself: not text Word can hold
		}
	}
	b.WriteString(`</w:p></w:ftr>`)
	return []byte(b.String())
}
