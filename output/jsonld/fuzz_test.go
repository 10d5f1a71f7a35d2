package jsonld_test

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rungs/rungs/output/jsonld"
)

// descriptionTag is every tag a description may hold: search engines
// accept p, ul and li in JobPosting.description.
var descriptionTag = regexp.MustCompile(`^</?(?:p|ul|li)>`)

// FuzzEncode: any company values and any posting Markdown give valid
// JSON-LD, or a *MissingError naming what is missing; never a panic. The
// decoded JSON gives back the title and company name; the description
// holds only p, ul and li tags; and the script element that carries it
// cannot be closed early by any value.
//
//	go test -run '^$' -fuzz=FuzzEncode ./output/jsonld
func FuzzEncode(f *testing.F) {
	base, md := build(f, officeCompany, "senior-engineer")
	f.Add(md, base.Title, base.Company.Name, base.Company.Website, "New York", 150000.0, 185000.0, "USD", "year", false)
	f.Add([]byte("# T\n\n</script><script>alert(1)</script>\n\n- <b>x</b> & y\n"), "</script>", "A & B <x>", "javascript:alert(1)", "\u2028", 0.0, 90.0, "EUR", "hour", true)
	f.Add([]byte("| a | b |\n|-|-|\n| <p> | `</ul>` |\n\n```\n<li>\n```\n"), "\xff\xfe", "", "", "", 1.0, 1.0, "", "", false)
	f.Fuzz(func(t *testing.T, md []byte, title, company, website, city string, lo, hi float64, currency, period string, remote bool) {
		if len(md) > 16<<10 {
			t.Skip("large inputs are covered by the unit tests")
		}
		if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo < 0 || hi < 0 {
			t.Skip("company validation refuses pay that is not a finite, non-negative number")
		}
		jd := *base
		jd.Title = title
		jd.Company.Name, jd.Company.Website = company, website
		jd.Company.Addresses = []jsonld.Address{{City: city}}
		jd.Company.WorkModel = ""
		if remote {
			jd.Company.WorkModel = "remote"
		}
		jd.Pay = &jsonld.Pay{Min: lo, Max: hi, Currency: currency, Period: period}
		ld, err := jsonld.Encode(&jd, md)
		var missing *jsonld.MissingError
		if errors.As(err, &missing) {
			if len(missing.Missing) == 0 {
				t.Fatal("MissingError without what is missing")
			}
			return
		}
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		var v struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Org         struct {
				Name string `json:"name"`
			} `json:"hiringOrganization"`
		}
		if err := json.Unmarshal(ld, &v); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, ld)
		}
		if v.Title != validUTF8(title) || v.Org.Name != validUTF8(company) {
			t.Errorf("title %q, organisation %q; want %q, %q", v.Title, v.Org.Name, title, company)
		}
		for i := strings.IndexByte(v.Description, '<'); i >= 0; i = strings.IndexByte(v.Description, '<') {
			tag := descriptionTag.FindString(v.Description[i:])
			if tag == "" {
				t.Fatalf("description holds markup other than p, ul, li at %q", clipAt(v.Description, i))
			}
			v.Description = v.Description[i+len(tag):]
		}
		tag := jsonld.ScriptTag(ld)
		if n := strings.Count(strings.ToLower(tag), "</script"); n != 1 || !strings.HasSuffix(tag, "</script>\n") {
			t.Fatalf("script element closed early:\n%s", tag)
		}
		page := jsonld.Embed([]byte("<html><head></head><body></body></html>"), ld)
		if strings.Count(strings.ToLower(string(page)), "<script") != 1 {
			t.Fatalf("embedded page:\n%s", page)
		}
	})
}

// validUTF8 replaces each invalid byte of s with U+FFFD, as
// encoding/json does.
func validUTF8(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r) // RuneError for an invalid byte
		i += n
	}
	return b.String()
}

func clipAt(s string, i int) string {
	return s[i:min(len(s), i+40)]
}
