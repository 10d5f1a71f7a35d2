package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/rungs/rungs/output/docxdoc"
)

// frAccents are the characters French needs and a careless encoder, font
// or escaper loses: the accents, the cedilla, the ligature and the
// quotation marks.
var frAccents = []string{"é", "è", "à", "ç", "œ", "«", "»", "É"}

// frCompany is a French company whose own words carry every one of
// frAccents ("Quadrille Énergie", "au cœur"), so the posting has all of
// them whichever texts the catalog picks.
const frCompany = "../../templates/testdata/golden-fr/company-fr.yaml"

// writeFrench writes the French enterprise VP posting in every format and
// returns the files by extension.
func writeFrench(t *testing.T) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	var stderr strings.Builder
	args := []string{"jd", "--role", "vp-engineering", "--company", frCompany, "--format", "md,html,pdf,docx,jsonld", "-o", dir}
	if code := run(args, strings.NewReader(""), io.Discard, &stderr, func(string) string { return "" }); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	files := map[string][]byte{}
	for _, ext := range []string{"md", "html", "pdf", "docx", "jsonld"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*."+ext))
		if len(paths) != 1 {
			t.Fatalf("%s files: %v", ext, paths)
		}
		data, err := os.ReadFile(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		files[ext] = data
	}
	return files
}

// accentedWords are the words of a text that hold a letter outside ASCII,
// each once, sorted.
func accentedWords(s string) []string {
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, r := range w {
			if r > unicode.MaxASCII {
				seen[w] = true
				break
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// htmlText is what a reader of an HTML page sees: tags out, entities read.
func htmlText(s string) string {
	return html.UnescapeString(htmlTag.ReplaceAllString(s, " "))
}

// pdfText extracts the text a PDF draws, page by page, from the strings
// of its "Tj" operators. Rungs' PDF fonts are Identity-H with code points
// as CIDs and an identity ToUnicode map (output/pdfdoc), so each string is
// UTF-16BE, exactly what a text extractor reads. Strings are joined with
// a newline: a word cut between two runs (a bold label, a fallback font)
// then shows as two, which accentedWords' check allows for by also
// reading the runs joined without one.
func pdfText(t *testing.T, pdf []byte) (lines, joined string) {
	t.Helper()
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), conf)
	if err != nil {
		t.Fatalf("pdfcpu: %v", err)
	}
	var runs []string
	for p := 1; p <= ctx.PageCount; p++ {
		rd, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			t.Fatalf("page %d: %v", p, err)
		}
		if rd == nil {
			continue
		}
		content, err := io.ReadAll(rd)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, tjStrings(content)...)
	}
	return strings.Join(runs, "\n"), strings.Join(runs, "")
}

// tjStrings decodes the literal strings shown by Tj in a content stream.
func tjStrings(content []byte) []string {
	var out []string
	for i := 0; i < len(content); i++ {
		if content[i] != '(' {
			continue
		}
		var raw []byte
		j := i + 1
		for ; j < len(content) && content[j] != ')'; j++ {
			c := content[j]
			if c == '\\' && j+1 < len(content) {
				j++
				c = content[j]
				switch {
				case c == 'n':
					c = '\n'
				case c == 'r':
					c = '\r'
				case c == 't':
					c = '\t'
				case c == 'b':
					c = '\b'
				case c == 'f':
					c = '\f'
				case c >= '0' && c <= '7':
					v := 0
					for k := 0; k < 3 && j < len(content) && content[j] >= '0' && content[j] <= '7'; k++ {
						v = v*8 + int(content[j]-'0')
						j++
					}
					j--
					c = byte(v)
				}
			}
			raw = append(raw, c)
		}
		if j+1 <= len(content) && bytes.HasPrefix(content[j+1:], []byte(" Tj")) {
			u := make([]uint16, 0, len(raw)/2)
			for k := 0; k+1 < len(raw); k += 2 {
				u = append(u, uint16(raw[k])<<8|uint16(raw[k+1]))
			}
			out = append(out, string(utf16.Decode(u)))
		}
		i = j
	}
	return out
}

// TestFrenchAccentsInEveryFormat writes a French posting as Markdown,
// HTML, PDF, Word and JSON-LD, and checks that each keeps every accented
// word of the Markdown, letter for letter: nothing is dropped, escaped
// away, decomposed or drawn as a replacement glyph.
func TestFrenchAccentsInEveryFormat(t *testing.T) {
	files := writeFrench(t)
	md := string(files["md"])
	for _, a := range frAccents {
		if !strings.Contains(md, a) {
			t.Fatalf("the Markdown has no %q: the test would prove nothing for it", a)
		}
	}
	words := accentedWords(md)
	if len(words) < 50 {
		t.Fatalf("only %d accented words in the Markdown", len(words))
	}

	pdfLines, pdfJoined := pdfText(t, files["pdf"])
	docx, err := docxdoc.Text(files["docx"])
	if err != nil {
		t.Fatal(err)
	}
	var ld struct {
		Title       string `json:"title"`
		Description string `json:"description"`
	}
	if err := json.Unmarshal(files["jsonld"], &ld); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	texts := map[string][]string{
		"html":   {htmlText(string(files["html"]))},
		"pdf":    {pdfLines, pdfJoined},
		"docx":   {docx},
		"jsonld": {ld.Title + "\n" + htmlText(ld.Description)},
	}
	for _, format := range []string{"html", "pdf", "docx", "jsonld"} {
		t.Run(format, func(t *testing.T) {
			have := map[string]bool{}
			all := strings.Join(texts[format], "\n")
			for _, text := range texts[format] {
				for _, w := range accentedWords(text) {
					have[w] = true
				}
			}
			var lost []string
			for _, w := range words {
				if !have[w] {
					lost = append(lost, w)
				}
			}
			if len(lost) > 0 {
				t.Errorf("%d of %d accented words of the Markdown are not in the %s, such as %q", len(lost), len(words), format, lost[:min(10, len(lost))])
			}
			for _, a := range frAccents {
				if !strings.Contains(all, a) {
					t.Errorf("the %s has no %q", format, a)
				}
			}
			for _, bad := range []string{"\uFFFD", "Ã©", "Ã¨", "Å“", "Â«"} {
				if strings.Contains(all, bad) {
					t.Errorf("the %s holds %q: an accent was mangled", format, bad)
				}
			}
		})
	}
}

// TestFrenchDocumentLanguage checks that every format of a French posting
// declares French, and says nothing of it in English.
func TestFrenchDocumentLanguage(t *testing.T) {
	files := writeFrench(t)
	t.Run("html", func(t *testing.T) {
		if !bytes.Contains(files["html"], []byte(`<html lang="fr"`)) {
			t.Error(`no <html lang="fr">`)
		}
	})
	t.Run("pdf", func(t *testing.T) {
		if !bytes.Contains(files["pdf"], []byte("/Lang (fr)")) {
			t.Error("no /Lang (fr) in the catalog")
		}
	})
	t.Run("docx", func(t *testing.T) {
		zr, err := zipFiles(files["docx"])
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(zr["word/styles.xml"], `w:lang w:val="fr"`) {
			t.Error(`word/styles.xml does not set w:lang w:val="fr"`)
		}
		if !strings.Contains(zr["docProps/core.xml"], "<dc:language>fr</dc:language>") {
			t.Error("docProps/core.xml does not give dc:language fr")
		}
	})
	t.Run("jsonld", func(t *testing.T) {
		var ld map[string]any
		if err := json.Unmarshal(files["jsonld"], &ld); err != nil {
			t.Fatal(err)
		}
		if ld["inLanguage"] != "fr" {
			t.Errorf("inLanguage = %v, want fr", ld["inLanguage"])
		}
	})
	t.Run("metadata in French", func(t *testing.T) {
		for _, ext := range []string{"html", "pdf"} {
			for _, en := range []string{"Job description", "job description"} {
				if bytes.Contains(files[ext], []byte(en)) {
					t.Errorf("the %s metadata says %q in a French document", ext, en)
				}
			}
		}
	})
}

// zipFiles reads the parts of a Word document by name.
func zipFiles(data []byte) (map[string]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[f.Name] = string(b)
	}
	return out, nil
}
