package pdfdoc

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// inspected is what the tests learn from a PDF through pdfcpu.
type inspected struct {
	ctx   *model.Context
	pages []string // the text drawn on each page, one string per text operator, joined by "\n"
}

func (in *inspected) text() string { return strings.Join(in.pages, "\n") }

var pdfcpuOnce sync.Once

// validationConfig returns a pdfcpu configuration. Documents are validated
// in relaxed mode because fpdf deviates from the letter of ISO 32000 in two
// ways every viewer accepts: link annotations are written inline in /Annots
// rather than as indirect objects, and outline items with children have
// /Count 0 (read as "closed"). strictValid checks everything else strictly
// on documents with neither links nor nested headings.
func validationConfig(mode int) *model.Configuration {
	// pdfcpu would otherwise create a configuration directory in $HOME.
	pdfcpuOnce.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = mode
	return conf
}

func strictValid(t testing.TB, pdf []byte) {
	t.Helper()
	if err := api.Validate(bytes.NewReader(pdf), validationConfig(model.ValidationStrict)); err != nil {
		t.Fatalf("pdfcpu strict: %v", err)
	}
}

// inspect validates pdf with pdfcpu and extracts the text of
// every page from its content streams. fpdf's UTF-8 fonts use Identity-H
// with CIDs equal to the Unicode code points, and an identity ToUnicode map,
// so the strings decode as UTF-16BE to exactly what a text extractor sees.
func inspect(t testing.TB, pdf []byte) *inspected {
	t.Helper()
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), validationConfig(model.ValidationRelaxed))
	if err != nil {
		t.Fatalf("pdfcpu: invalid PDF: %v", err)
	}
	if !bytes.Contains(pdf, []byte("beginbfrange\n<0000> <FFFF> <0000>\nendbfrange")) {
		t.Fatal("the fonts' ToUnicode map is not the identity: text would not extract")
	}
	in := &inspected{ctx: ctx}
	for p := 1; p <= ctx.PageCount; p++ {
		rd, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			t.Fatalf("page %d content: %v", p, err)
		}
		var content []byte
		if rd != nil {
			content, err = io.ReadAll(rd)
			if err != nil {
				t.Fatal(err)
			}
		}
		in.pages = append(in.pages, strings.Join(showStrings(content), "\n"))
	}
	return in
}

// showStrings returns the strings of the "(...) Tj" operators of a content
// stream, decoded from UTF-16BE.
func showStrings(content []byte) []string {
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
				switch e := content[j]; e {
				case 'n':
					c = '\n'
				case 'r':
					c = '\r'
				case 't':
					c = '\t'
				case 'b':
					c = '\b'
				case 'f':
					c = '\f'
				default:
					if e >= '0' && e <= '7' {
						v := 0
						for k := 0; k < 3 && j < len(content) && content[j] >= '0' && content[j] <= '7'; k++ {
							v = v*8 + int(content[j]-'0')
							j++
						}
						j--
						c = byte(v)
					} else {
						c = e
					}
				}
			}
			raw = append(raw, c)
		}
		if !bytes.HasPrefix(content[j+1:], []byte(" Tj")) {
			i = j
			continue
		}
		u := make([]uint16, 0, len(raw)/2)
		for k := 0; k+1 < len(raw); k += 2 {
			u = append(u, uint16(raw[k])<<8|uint16(raw[k+1]))
		}
		out = append(out, string(utf16.Decode(u)))
		i = j
	}
	return out
}

// pdftotext runs poppler's pdftotext when it is installed, as a second,
// independent check of text extraction.
func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; the pure-Go text check still ran")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// drawn records every string drawn while f runs.
type drawnText struct {
	page      int
	landscape bool
	x, y, w   float64
	s         string
}

func recordText(t *testing.T, f func()) []drawnText {
	t.Helper()
	var got []drawnText
	textHook = func(page int, landscape bool, x, y, w float64, s string) {
		got = append(got, drawnText{page, landscape, x, y, w, s})
	}
	defer func() { textHook = nil }()
	f()
	return got
}

// checkMargins fails when drawn text crosses the page margins.
func checkMargins(t *testing.T, paper string, drawn []drawnText) {
	t.Helper()
	size := papers[paper]
	for _, d := range drawn {
		w, h := size.Wd, size.Ht
		if d.landscape {
			w, h = h, w
		}
		const eps = 0.01
		if d.x < marginSide-eps || d.x+d.w > w-marginSide+eps || d.y < 0 || d.y > h {
			t.Errorf("page %d: %q at x=%.2f..%.2f y=%.2f crosses the margins (page %.0f×%.0f)", d.page, d.s, d.x, d.x+d.w, d.y, w, h)
		}
	}
}
