package docxdoc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// pkg is an unpacked .docx: its parts by name, in zip order.
type pkg struct {
	names []string
	parts map[string][]byte
	files []*zip.File
}

func (p *pkg) part(t testing.TB, name string) string {
	t.Helper()
	data, ok := p.parts[name]
	if !ok {
		t.Fatalf("no part %s", name)
	}
	return string(data)
}

// checkPackage unzips a .docx and checks it as Word would: every part is
// well-formed XML, the content types name every part and only parts that
// exist, every relationship points at a part (or out, for hyperlinks),
// and every r:id the XML uses is a relationship of its part.
func checkPackage(t testing.TB, docx []byte) *pkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("does not unzip: %v", err)
	}
	p := &pkg{parts: map[string][]byte{}, files: zr.File}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if _, dup := p.parts[f.Name]; dup {
			t.Fatalf("part %s twice", f.Name)
		}
		p.names = append(p.names, f.Name)
		p.parts[f.Name] = data
		if err := wellFormed(data); err != nil {
			t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
		}
	}
	if len(p.names) == 0 || p.names[0] != "[Content_Types].xml" {
		t.Fatalf("[Content_Types].xml is not the first entry: %v", p.names)
	}

	// Content types.
	var types struct {
		Defaults []struct {
			Extension   string `xml:"Extension,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(p.parts["[Content_Types].xml"], &types); err != nil {
		t.Fatal(err)
	}
	ctype := map[string]string{}
	for _, o := range types.Overrides {
		name := strings.TrimPrefix(o.PartName, "/")
		if _, ok := p.parts[name]; !ok {
			t.Errorf("content type for missing part %s", o.PartName)
		}
		ctype[name] = o.ContentType
	}
	byExt := map[string]string{}
	for _, d := range types.Defaults {
		byExt[d.Extension] = d.ContentType
	}
	for _, name := range p.names[1:] {
		if _, ok := ctype[name]; ok {
			continue
		}
		if _, ok := byExt[strings.TrimPrefix(path.Ext(name), ".")]; !ok {
			t.Errorf("part %s has no content type", name)
		}
		if !strings.HasSuffix(name, ".rels") {
			t.Errorf("part %s has only a default content type", name)
		}
	}
	if ctype["word/document.xml"] != ctBase+"document.main+xml" {
		t.Errorf("main document content type = %q", ctype["word/document.xml"])
	}

	// Relationships: from the package and from every part that has them.
	rels := func(name string) map[string]string { // id -> target part or URL
		t.Helper()
		var rs struct {
			Rel []struct {
				ID         string `xml:"Id,attr"`
				Type       string `xml:"Type,attr"`
				Target     string `xml:"Target,attr"`
				TargetMode string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(p.parts[name], &rs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		dir := path.Dir(path.Dir(name)) // _rels/x.rels is about the folder above
		out := map[string]string{}
		for _, r := range rs.Rel {
			if _, dup := out[r.ID]; dup {
				t.Errorf("%s: id %s twice", name, r.ID)
			}
			if r.TargetMode == "External" {
				if !strings.HasSuffix(r.Type, "/hyperlink") {
					t.Errorf("%s: external %s relationship", name, r.Type)
				}
				out[r.ID] = r.Target
				continue
			}
			target := path.Clean(path.Join(dir, r.Target))
			if _, ok := p.parts[target]; !ok {
				t.Errorf("%s: %s points at missing part %s", name, r.ID, target)
			}
			out[r.ID] = target
		}
		return out
	}
	root := rels("_rels/.rels")
	found := map[string]bool{}
	for _, target := range root {
		found[target] = true
	}
	for _, want := range []string{"word/document.xml", "docProps/core.xml", "docProps/app.xml"} {
		if !found[want] {
			t.Errorf("_rels/.rels lacks %s", want)
		}
	}
	docRels := rels("word/_rels/document.xml.rels")
	used := map[string]bool{}
	for _, target := range docRels {
		used[target] = true
	}
	for _, name := range p.names {
		if strings.HasPrefix(name, "word/") && !strings.Contains(name, "_rels") && name != "word/document.xml" && !used[name] {
			t.Errorf("part %s is not related to the document", name)
		}
	}
	rid := regexp.MustCompile(`r:id="([^"]+)"`)
	for _, name := range []string{"word/document.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml"} {
		own := docRels
		if name != "word/document.xml" {
			own = nil // headers and footers have no relationships of their own
		}
		for _, m := range rid.FindAllStringSubmatch(string(p.parts[name]), -1) {
			if _, ok := own[m[1]]; !ok {
				t.Errorf("%s uses %s, which is not one of its relationships", name, m[1])
			}
		}
	}
	return p
}

// wellFormed reads every token of an XML document.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

var (
	// linkDest is the destination of an inline link, which is not text.
	linkDest = regexp.MustCompile(`\]\([^)\s]*(\s+"[^"]*")?\)`)
	// listNumber is an ordered list item's number: Word numbers the items.
	listNumber = regexp.MustCompile(`(?m)^([ \t>]*)\d{1,9}[.)]([ \t]|$)`)
	// fenceInfo is a code fence with its info string.
	fenceInfo = regexp.MustCompile("(?m)^(\\s*```+)[^`\n]*$")
)

// mdWords are the words of a Markdown source a reader must find: runs of
// letters and digits, leaving out link destinations, code fences' info
// strings and the numbers of ordered list items (list numbering).
func mdWords(md string) []string {
	md = linkDest.ReplaceAllString(md, "]")
	md = fenceInfo.ReplaceAllString(md, "$1")
	md = listNumber.ReplaceAllString(md, "$1")
	return words(md)
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// checkWords fails unless the text holds every word of the Markdown, as
// many times as the Markdown has it.
func checkWords(t testing.TB, md, text string) {
	t.Helper()
	have := map[string]int{}
	for _, w := range words(text) {
		have[w]++
	}
	want := map[string]int{}
	var missing []string
	for _, w := range mdWords(md) {
		want[w]++
		if want[w] == have[w]+1 {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of the Markdown's words are missing from word/document.xml (or fewer times), such as %q", len(missing), missing[:min(len(missing), 10)])
	}
}
