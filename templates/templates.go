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
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"
	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/strictyaml"
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
	fm := template.FuncMap{}
	for _, name := range sprigAllowed {
		f, ok := sprigFuncs[name]
		if !ok {
			panic("templates: sprig has no function " + name) // caught by tests
		}
		fm[name] = f
	}
	fm["md"] = Escape
	fm["mdInline"] = EscapeInline
	fm["url"] = safeURL
	fm["count"] = count
	fm["longDate"] = locale.English().Date
	fm["repeat"] = repeat
	return fm
}

var builtin = func() *template.Template {
	t := template.Must(template.New("").Option("missingkey=error").Funcs(Funcs()).ParseFS(builtinFS, "*.md.tmpl"))
	boundRanges(t)
	return t
}()

// sprigFuncs is sprig's hermetic function map, to pick from.
var sprigFuncs = sprig.HermeticTxtFuncMap()

func sprigFunc(name string) any { return sprigFuncs[name] }

// BuiltinFS returns the embedded templates, for `rungs init --eject`.
func BuiltinFS() fs.FS { return builtinFS }

// Render executes the built-in template name (such as "jd.md.tmpl").
func Render(name string, data any) ([]byte, error) {
	return Execute(builtin, name, data)
}

// MaxTemplateBytes caps the size of one user template file.
const MaxTemplateBytes = 256 << 10

// Set is the built-in templates, possibly with a user's on top.
type Set struct {
	t *template.Template
	// Files lists the user template files that replaced or added to the
	// built-in ones.
	Files []string
	// names maps a template name to the file it was read from, for
	// error messages.
	names map[string]string
	// lang is the language of the templates ("" is English); dir the
	// user's folder they were loaded from, where l10n/<lang>/ holds the
	// user's templates in other languages (see In).
	lang, dir string
	// langs are the set's other languages, made once each.
	langs l10n.Cache[*Set]
}

// Builtin returns the built-in templates as a Set.
func Builtin() *Set { return &Set{t: builtin} }

// LoadWithOverlay parses every *.md.tmpl file in dir on top of the built-in
// templates: a file with a built-in template's name replaces it, any other
// name adds a template others can call. A template that calls a function
// outside the allowlist fails here, at parse time, with file:line. Every
// bad file is reported, not just the first.
func LoadWithOverlay(dir string) (*Set, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &strictyaml.Error{File: dir, Msg: "templates folder: " + err.Error()}
	}
	t, err := builtin.Clone()
	if err != nil {
		return nil, err
	}
	set := &Set{t: t, names: map[string]string{}, dir: dir}
	var errs strictyaml.List
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md.tmpl") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		// Bounded: a template is read no further than its cap, and a
		// device or pipe named *.md.tmpl fails at once.
		data, err := readTemplate(path)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			errs.Add(path, 0, "%v", err)
			continue
		}
		if err := set.add(path, e.Name(), data); err != nil {
			errs = append(errs, strictyaml.Errors(err)...)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return set, nil
}

// readTemplate reads a user template no further than its cap, so a
// device or pipe named *.md.tmpl fails at once.
func readTemplate(path string) ([]byte, error) {
	return boundedio.ReadFile(path, MaxTemplateBytes)
}

// ParseFile checks one template file without keeping it, for `rungs
// validate`.
func ParseFile(path string, data []byte) error {
	t, err := builtin.Clone()
	if err != nil {
		return err
	}
	s := &Set{t: t, names: map[string]string{}}
	return s.add(path, filepath.Base(path), data)
}

func (s *Set) add(path, name string, data []byte) error {
	if len(data) > MaxTemplateBytes {
		return &strictyaml.Error{File: path, Msg: fmt.Sprintf("template is %d bytes; the limit is %d KiB", len(data), MaxTemplateBytes>>10)}
	}
	if !utf8.Valid(data) {
		return &strictyaml.Error{File: path, Msg: "invalid UTF-8: save the file as UTF-8"}
	}
	if _, err := s.t.New(name).Parse(string(data)); err != nil {
		return positioned(err, map[string]string{name: path})
	}
	boundRanges(s.t)
	s.Files = append(s.Files, path)
	s.names[name] = path
	return nil
}

// Render executes template name of the set. A user template that fails
// or passes its budget is invalid data: the error names its file and line.
func (s *Set) Render(name string, data any) ([]byte, error) {
	out, err := Execute(s.t, name, data)
	if err == nil && s.lang != "" {
		out = Typography(s.lang, out)
	}
	if err != nil && len(s.names) > 0 {
		var cause error
		for _, c := range []error{ErrTooLarge, ErrBudget} {
			if errors.Is(err, c) {
				cause = c
			}
		}
		err = positioned(err, s.names)
		var se *strictyaml.Error
		if file, ok := s.names[name]; ok && cause != nil && !errors.As(err, &se) {
			err = &strictyaml.Error{File: file, Msg: err.Error()}
		}
		if cause != nil {
			err = &limitError{err: err, cause: cause}
		}
		return nil, err
	}
	return out, err
}

// limitError is a user template's budget error: invalid data with its
// file and line (exit 3), that still matches ErrTooLarge or ErrBudget.
type limitError struct {
	err   error
	cause error
}

func (e *limitError) Error() string   { return e.err.Error() }
func (e *limitError) Unwrap() []error { return []error{e.err, e.cause} }

var rangeCallRe = regexp.MustCompile(`executing "[^"]*" at <` + rangeFunc + `>: error calling ` + rangeFunc + `: `)

var posRe = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::\d+)?: (.*)$`)

// positioned rewrites a text/template error as file:line: message, naming
// the allowed functions when an unknown one was called.
func positioned(err error, files map[string]string) error {
	m := posRe.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	file, ok := files[m[1]]
	if !ok {
		return err
	}
	line, _ := strconv.Atoi(m[2])
	// The range check is inserted by Rungs: name the range, not it.
	msg := rangeCallRe.ReplaceAllString(m[3], "")
	if strings.Contains(msg, "not defined") && strings.HasPrefix(msg, "function ") {
		msg += "; templates may call only: " + strings.Join(FuncNames(), ", ")
	}
	return &strictyaml.Error{File: file, Line: line, Msg: msg}
}

// FuncNames lists the functions templates may call, sorted.
func FuncNames() []string {
	var names []string
	for n := range Funcs() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Execute runs template name from set on a budget: the output cap, the
// cap on every string or list a function builds, the iteration limit of
// ranges and the time budget (see budget.go).
func Execute(set *template.Template, name string, data any) ([]byte, error) {
	b := newBudget()
	t, err := set.Clone()
	if err != nil {
		return nil, err
	}
	t.Funcs(b.funcs())
	w := &cappedBuffer{limit: MaxOutput, budget: b}
	done := make(chan error, 1)
	go func() { done <- t.ExecuteTemplate(w, name, data) }()
	timer := time.NewTimer(Timeout())
	defer timer.Stop()
	select {
	case err = <-done:
	case <-timer.C:
		// The run is abandoned: its functions, ranges and writes fail at
		// their next check, so it ends soon after.
		b.stopped.Store(true)
	}
	if b.stopped.Load() {
		// Out of time, whether the run failed at a check or a range over
		// an integer stopped early and let it finish.
		doing, _ := b.doing.Load().(string)
		if doing == "" {
			doing = "its own loop"
		}
		return nil, fmt.Errorf("template %s: %w: still running after %s, in %s (the time budget is set with --template-timeout)", name, ErrBudget, Timeout(), doing)
	}
	if err != nil {
		if errors.Is(err, ErrTooLarge) && !strings.HasPrefix(err.Error(), "template: ") {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		return nil, err
	}
	return tidy(w.Bytes()), nil
}

// tidy trims trailing spaces, collapses runs of blank lines left by
// omitted sections, and ends the document with one newline.
func tidy(b []byte) []byte {
	// In place: every line written is at most as long as the line read,
	// and every separator written stands for one read, so the writes
	// never overtake the reads. A posting is rendered thousands of times
	// in a batch, and the copies of a split and a join showed.
	w, blank := 0, 0
	started, pending := false, false
	for start := 0; start <= len(b); {
		end := bytes.IndexByte(b[start:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += start
		}
		l := bytes.TrimRight(b[start:end], " \t")
		start = end + 1
		if len(l) == 0 {
			blank++
			if blank == 1 && started {
				pending = true // kept, unless nothing follows it
			}
			continue
		}
		blank = 0
		if started {
			b[w] = '\n'
			w++
		}
		if pending {
			b[w] = '\n'
			w++
			pending = false
		}
		w += copy(b[w:], l)
		started = true
	}
	return append(b[:w], '\n')
}

type cappedBuffer struct {
	bytes.Buffer
	limit  int
	budget *budget
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.Len()+len(p) > c.limit {
		return 0, ErrTooLarge
	}
	if c.budget != nil {
		if err := c.budget.check("writing output"); err != nil {
			return 0, err
		}
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
func Escape(s string) string { return escape(s, true) }

// EscapeInline is Escape for text that never starts a line, such as a
// value after a bold label: "0.05%" stays as it is instead of being
// guarded against reading as a numbered list.
func EscapeInline(s string) string { return escape(s, false) }

// escape backslash-escapes Markdown's inline characters and folds line
// breaks; lineStart adds the guards for text that begins a line. It
// escapes only where CommonMark would read a character as markup, so the
// Markdown also reads right as plain text: an underscore inside a word
// ("snake_case") cannot open emphasis, ">" quotes only at the start of a
// line, and "#", "+", "-", "=" and "1." only start a block when followed
// by a space or ending the line ("#1 priority", "-5%", "0.05%" stay as
// they are).
func escape(s string, lineStart bool) string {
	s = foldSpace(s)
	if !utf8.ValidString(s) {
		// Each invalid byte becomes U+FFFD, as ranging over the string
		// gives it.
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(r)
		}
		s = b.String()
	}
	// Most values (role titles, skills) need no escape at all: return
	// them as they are, without building a copy. The characters escaped
	// are all ASCII, so a byte loop sees every one of them, and never
	// mistakes part of a multi-byte rune for one.
	n := 0
	for i := 0; i < len(s); i++ {
		if escapeAt(s, i, lineStart) {
			n++
		}
	}
	out := s
	if n > 0 {
		var b strings.Builder
		b.Grow(len(s) + n)
		for i := 0; i < len(s); i++ {
			if escapeAt(s, i, lineStart) {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		out = b.String()
	}
	if !lineStart {
		return out
	}
	// A value that starts with digits, a dot or a parenthesis and then a
	// space (or nothing) would become a numbered list: "1. Ship it" ->
	// "1\. Ship it".
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && j < len(out) &&
		(out[j] == '.' || out[j] == ')') && (j+1 == len(out) || out[j+1] == ' ') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// escapeAt tells whether the byte at i of s is escaped. Every character
// escaped is ASCII, so a byte loop sees each one and never mistakes part
// of a multi-byte rune for one.
func escapeAt(s string, i int, lineStart bool) bool {
	switch s[i] {
	case '\\', '`', '*', '[', ']', '<', '|', '~':
		return true
	case '_':
		// Inside a word ("snake_case") an underscore cannot open or
		// close emphasis.
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		return i == 0 || i == len(s)-1 || !isWordRune(before) || !isWordRune(after)
	case '&':
		return entityRef.MatchString(s[i:])
	case '>':
		return lineStart && i == 0
	case '#', '+', '-', '=':
		return lineStart && i == 0 && startsBlock(s)
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// entityRef matches what CommonMark reads as an entity or character
// reference ("&amp;", "&#169;", "&#xA9;"), which an ampersand in plain
// text must not form.
var entityRef = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// startsBlock reports whether text beginning with '#', '+', '-' or '='
// would open a block at the start of a line: an ATX heading (one to six
// '#' then a space or the end), a list item ('+' or '-' then a space or
// the end), a thematic break or setext underline (only '-' or '=', maybe
// spaced).
func startsBlock(s string) bool {
	c := s[0]
	n := 1
	for n < len(s) && s[n] == c {
		n++
	}
	switch c {
	case '#':
		return n <= 6 && (n == len(s) || s[n] == ' ')
	case '+', '-':
		if len(s) == 1 || s[1] == ' ' {
			return true
		}
	}
	if c == '-' || c == '=' {
		return strings.Trim(s, string(c)+" ") == ""
	}
	return false
}

// foldSpace drops carriage returns and folds every run of breaking white
// space to one space, trimming both ends, as strings.Fields and a join would; an
// ASCII string that is already folded (the common case) is returned as it
// is.
func foldSpace(s string) string {
	folded := len(s) == 0 || (s[0] != ' ' && s[len(s)-1] != ' ')
	for i := 0; folded && i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			folded = false
		case c == ' ' && i > 0 && s[i-1] == ' ':
			folded = false
		}
	}
	if folded {
		return s
	}
	return strings.Join(strings.FieldsFunc(strings.ReplaceAll(s, "\r", ""), breakingSpace), " ")
}

// breakingSpace is white space a line may break at: no-break spaces
// (U+00A0, U+202F, U+2007) are kept, since French writes them on purpose
// ("185 000 $US", "Salaire :").
func breakingSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
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

// count words a number with a noun, with thousands separators: count
// "engineer" 1 -> "1 engineer", count "engineer" 1500 -> "1,500 engineers".
func count(noun string, n int) string {
	if n == 1 {
		return "1 " + noun
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s + " " + noun + "s"
}
