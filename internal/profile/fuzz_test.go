package profile

import (
	"testing"
)

// FuzzParseCompany checks that any input gives a company or a clean error,
// never a panic, and that errors carry the file name.
func FuzzParseCompany(f *testing.F) {
	for _, seed := range []string{
		"name: Acme\nengineers: 12\n",
		"compensation:\n  cto: {min: 1, max: 2, currency: EUR, period: year}\n",
		"locations: [{city: Lyon}]\nwork_model: remote\napply: {url: 'https://a.example', email: a@b.example}\n",
		"a: &a [*a, *a]\n",
		"name: [unclosed\n",
		"date: 2026-02-30\n",
		"\xff\xfe",
		"stack: [Go, ~, '']\nteam: |\n  We ship.\n  Daily.\ninterview_process: [a, \"b\\u0007\"]\n",
		"titles: {cto: Chief Technology Officer, vpe: ''}\ntitle_suffix: (m/w/d)\n",
		"titles: [cto]\nstack: {a: b}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCompany("c.yaml", data)
		if err != nil {
			if c != nil {
				t.Fatal("company returned with an error")
			}
			if msg := err.Error(); len(msg) < len("c.yaml") || msg[:6] != "c.yaml" {
				t.Fatalf("error without file name: %q", msg)
			}
		}
	})
}
