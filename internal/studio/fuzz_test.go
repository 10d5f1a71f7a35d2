package studio

import (
	"net/url"
	"strings"
	"testing"

	"github.com/rungs/rungs/lint"
)

// FuzzJDPage sends any query to the posting page and its Markdown
// download: never a panic or a 500, and no markup from the input ever
// reaches the page unescaped.
func FuzzJDPage(f *testing.F) {
	h := newServer(f, companyYAML).Handler()
	f.Add("role=cto&mission=We+hire+a+rockstar")
	f.Add("role=cto&name=%3Cscript%3Ealert(1)%3C/script%3E&benefits=-+a%0A-+b")
	f.Add("role=senior&pay_min=1e9&pay_max=-1&currency=usd&city=&region=&country=")
	f.Add("role=cto&apply_url=javascript:alert(1)&stage=seed&size=99999999999")
	f.Add("role=cto&mission=%EE%80%80%EE%80%81x%EE%80%82")
	f.Fuzz(func(t *testing.T, q string) {
		vals, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		rec := get(t, h, "/jd?"+vals.Encode())
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q", rec.Code, q)
		}
		body := rec.Body.String()
		if strings.Contains(body, "<script>") || strings.Contains(body, `href="javascript:`) {
			t.Fatalf("input markup reached the page for %q", q)
		}
		if dl := get(t, h, "/download/jd/md?"+vals.Encode()); dl.Code >= 500 {
			t.Fatalf("download status %d for %q", dl.Code, q)
		}
	})
}

// FuzzMarkFindings marks any finding in any Markdown: the marks always
// pair up and never nest.
func FuzzMarkFindings(f *testing.F) {
	f.Add("# T\n\nWe want a rockstar.\n", 3, "rockstar")
	f.Add("- **a** b\n- c\n", 1, "a b")
	f.Add("| x | y |\n|---|---|\n| a | b |\n", 3, "a")
	f.Add("[rockstar](http://rockstar.example)\n", 1, "rockstar")
	f.Fuzz(func(t *testing.T, src string, line int, text string) {
		fs := []lint.Finding{{Level: lint.LevelWarning, Line: line, Text: text}, {Level: lint.LevelError, Line: line, Text: text}}
		h, _ := markFindings([]byte(src), fs)
		s := string(h)
		depth := 0
		for len(s) > 0 {
			o, c := strings.Index(s, "<mark "), strings.Index(s, "</mark>")
			switch {
			case o < 0 && c < 0:
				s = ""
			case c < 0 || (o >= 0 && o < c):
				depth++
				s = s[o+1:]
			default:
				depth--
				s = s[c+1:]
			}
			if depth < 0 || depth > 1 {
				t.Fatalf("marks nest or close unopened in %q", h)
			}
		}
		if depth != 0 {
			t.Fatalf("a mark is left open in %q", h)
		}
	})
}
