// Package templates holds the Markdown templates that turn view models into
// documents, and the function map they may call. Markdown is the one
// intermediate form: PDF and HTML are rendered from it, so a template
// change reaches every format.
//
// Templates get an explicit allowlist of functions: string, list and
// formatting helpers only. Nothing reads the environment, files, the
// network, the clock or randomness. Execution uses missingkey=error, and
// output is capped (MaxOutput) so a runaway template fails fast.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

//go:embed *.md.tmpl
var builtinFS embed.FS

// MaxOutput is the largest document a template may produce: 1 MiB. Real
// documents are a few kilobytes.
const MaxOutput = 1 << 20

// ErrTooLarge is returned when a template's output passes MaxOutput.
var ErrTooLarge = fmt.Errorf("template output passes the %d MiB limit", MaxOutput>>20)

// sprigAllowed are the sprig functions templates may call: pure string,
// list, number and default helpers. Sprig's hermetic map still holds
// random, crypto and environment functions, so it is only a source to
// pick from.
var sprigAllowed = []string{
	"trim", "trimAll", "trimPrefix", "trimSuffix", "upper", "lower", "title", "untitle",
	"replace", "contains", "hasPrefix", "hasSuffix", "trunc", "abbrev", "initials", "wrap",
	"indent", "nindent", "quote", "squote", "cat", "plural", "nospace", "snakecase", "camelcase", "kebabcase",
	"join", "splitList", "list", "first", "last", "rest", "initial", "uniq", "compact", "has", "without", "sortAlpha", "reverse",
	"default", "empty", "coalesce", "ternary", "toString", "atoi", "int", "add", "sub", "mul", "div", "mod", "max", "min",
	"dict", "get", "hasKey", "keys",
}

// Funcs returns the function map every template gets.
func Funcs() template.FuncMap {
	sp := sprig.HermeticTxtFuncMap()
	fm := template.FuncMap{}
	for _, name := range sprigAllowed {
		f, ok := sp[name]
		if !ok {
			panic("templates: sprig has no function " + name) // caught by tests
		}
		fm[name] = f
	}
	fm["md"] = Escape
	fm["url"] = safeURL
	fm["count"] = count
	fm["repeat"] = repeat
	return fm
}

var builtin = template.Must(template.New("").Option("missingkey=error").Funcs(Funcs()).ParseFS(builtinFS, "*.md.tmpl"))

// Render executes the built-in template name (such as "jd.md.tmpl").
func Render(name string, data any) ([]byte, error) {
	return Execute(builtin, name, data)
}

// Execute runs template name from set with the output cap.
func Execute(set *template.Template, name string, data any) ([]byte, error) {
	w := &cappedBuffer{limit: MaxOutput}
	if err := set.ExecuteTemplate(w, name, data); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("template %s: %w", name, ErrTooLarge)
		}
		return nil, err
	}
	return tidy(w.Bytes()), nil
}

// tidy trims trailing spaces, collapses runs of blank lines left by
// omitted sections, and ends the document with one newline.
func tidy(b []byte) []byte {
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

type cappedBuffer struct {
	bytes.Buffer
	limit int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.Len()+len(p) > c.limit {
		return 0, ErrTooLarge
	}
	return c.Buffer.Write(p)
}

// repeat is sprig's repeat with the output cap applied before the string
// is built, so a template cannot allocate gigabytes.
func repeat(n int, s string) (string, error) {
	if n < 0 {
		return "", fmt.Errorf("repeat: count %d is negative", n)
	}
	if n > 0 && len(s) > 0 && n > MaxOutput/len(s) {
		return "", ErrTooLarge
	}
	return strings.Repeat(s, n), nil
}

// Escape makes text safe to place in Markdown: characters that would start
// emphasis, code, links, HTML, tables or headings are backslash-escaped,
// and line breaks become spaces so a value cannot open a new block.
func Escape(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", "")), " ")
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '#', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	// A value that starts with digits and a dot would become a numbered
	// list: "1. Ship it" -> "1\. Ship it".
	out := b.String()
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && j < len(out) && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// safeURL returns an http(s) URL fit for a Markdown autolink (<...>), or an
// error for anything else.
func safeURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("url: %q is not an http or https URL", s)
	}
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u.String()), nil
}

// count words a number with a noun: count "engineer" 1 -> "1 engineer".
func count(noun string, n int) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
