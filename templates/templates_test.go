package templates

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"text/template"
	"unicode"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Acme", "Acme"},
		{"A*B_C", `A\*B_C`},
		{"_A_", `\_A\_`},
		{"<script>", `\<script>`},
		{"&copy; &#169; R&D & co", `\&copy; \&#169; R&D & co`},
		{"# Title", `\# Title`},
		{"Pay: 1 | 2", `Pay: 1 \| 2`},
		{"- bullet", `\- bullet`},
		{"1. first", `1\. first`},
		{"line\nbreak", "line break"},
		{"![img](x)", `!\[img\](x)`},
		{"C# and C++", "C# and C++"},
		{"Café — ünïcode’s", "Café — ünïcode’s"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFuncsAllowlist checks that no function reaching the environment,
// files, the clock, randomness or crypto is available to templates.
func TestFuncsAllowlist(t *testing.T) {
	fm := Funcs()
	for _, name := range []string{"env", "expandenv", "now", "date", "randAlpha", "randInt", "uuidv4", "genPrivateKey",
		"derivePassword", "readFile", "include", "getHostByName", "shuffle", "htmlDate", "unixEpoch"} {
		if _, ok := fm[name]; ok {
			t.Errorf("template function %q must not be available", name)
		}
	}
	_, err := template.New("x").Funcs(fm).Parse(`{{ env "HOME" }}`)
	if err == nil || !strings.Contains(err.Error(), `function "env" not defined`) {
		t.Errorf("parse error = %v", err)
	}
}

func TestOutputCap(t *testing.T) {
	set := template.Must(template.New("x").Funcs(Funcs()).Parse(`{{ repeat 100000000 "x" }}`))
	_, err := Execute(set, "x", nil)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("error = %v, want ErrTooLarge", err)
	}
}

func TestOutputCapLoop(t *testing.T) {
	set := template.Must(template.New("x").Parse(`{{ range . }}{{ . }}{{ end }}`))
	big := make([]string, 3000)
	for i := range big {
		big[i] = strings.Repeat("y", 1000)
	}
	if _, err := Execute(set, "x", big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("error = %v, want ErrTooLarge", err)
	}
}

func TestMissingKeyIsError(t *testing.T) {
	set := template.Must(template.New("x").Option("missingkey=error").Parse(`{{ .nope }}`))
	if _, err := Execute(set, "x", map[string]string{}); err == nil {
		t.Error("missing key rendered without error")
	}
}

func TestTidy(t *testing.T) {
	got := string(tidy([]byte("\n\n# A  \n\n\n\ntext\n\n\n")))
	if got != "# A\n\ntext\n" {
		t.Errorf("tidy = %q", got)
	}
}

// FuzzEscape checks that escaped text cannot open a Markdown block or
// inline construct: no line breaks, and every special character escaped.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"Acme", "*bold* _it_ `code` [link](x) <b>", "# h\n- li\n1. x", "\\*", "Café — ’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEscaped(t, s, Escape(s), true)
		checkEscaped(t, s, EscapeInline(s), false)
	})
}

// checkEscaped fails when an escaped value keeps a line break or leaves a
// Markdown character unescaped where it could be read as markup: an
// underscore is left alone only inside a word, '>' only past the start of
// a value that may start a line, '&' only when no entity reference
// follows.
func checkEscaped(t *testing.T, s, out string, lineStart bool) {
	t.Helper()
	if strings.ContainsAny(out, "\n\r") {
		t.Fatalf("escape(%q) = %q keeps a line break", s, out)
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(out); i++ {
		c := out[i]
		if strings.IndexByte("`*_[]<>|~&", c) < 0 {
			continue
		}
		// Count the backslashes before it: an odd number escapes it.
		n := 0
		for j := i - 1; j >= 0 && out[j] == '\\'; j-- {
			n++
		}
		if n%2 == 1 {
			continue
		}
		switch c {
		case '_':
			before, _ := utf8.DecodeLastRuneInString(out[:i])
			after, _ := utf8.DecodeRuneInString(out[i+1:])
			if i > 0 && word(before) && word(after) {
				continue
			}
		case '>':
			if i > 0 || !lineStart {
				continue
			}
		case '&':
			if !entityRef.MatchString(out[i:]) {
				continue
			}
		}
		t.Fatalf("escape(%q) = %q leaves %q unescaped at %d", s, out, c, i)
	}
}

func TestEscapeInline(t *testing.T) {
	for in, want := range map[string]string{
		"0.05% to 0.1%":     "0.05% to 0.1%",
		"1. not a list":     "1. not a list",
		"*bold* [link]":     `\*bold\* \[link\]`,
		"up to 15%\nof pay": "up to 15% of pay",
	} {
		if got := EscapeInline(in); got != want {
			t.Errorf("EscapeInline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{1: "1 engineer", 3: "3 engineers", 999: "999 engineers", 1500: "1,500 engineers", 1234567: "1,234,567 engineers"} {
		if got := count("engineer", n); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

// tidyReference is tidy as first written, with a split and a join: the
// in-place tidy must give the same bytes.
func tidyReference(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return []byte(strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n")
}

func FuzzTidy(f *testing.F) {
	for _, s := range []string{"", "\n", "a", "a\n", "\n\n# A  \n\n\n\ntext\n\n\n", " \t\n\t", "a \n \nb\t\n\n\nc", "\r\n\r\n", "x\n\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := tidyReference(b)
		if got := tidy(bytes.Clone(b)); !bytes.Equal(got, want) {
			t.Fatalf("tidy(%q) = %q, want %q", b, got, want)
		}
	})
}
