// Package locale holds the words a reader sees that the rules in generator
// used to write as Go string literals. Each language is one YAML file of
// keyed messages with named placeholders ({n}, {where}) and, where a count
// changes the words, plural forms (one, other). Rules pick a key and the
// values; the file holds the words, so a language is added as data.
//
// English is the reference: its keys and the placeholders each key uses
// are the contract every other language's file is checked against.
package locale

import (
	"embed"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/suggest"
	"go.yaml.in/yaml/v3"
	xcurrency "golang.org/x/text/currency"
	xlanguage "golang.org/x/text/language"
	xmessage "golang.org/x/text/message"
)

//go:embed en.yaml
var enYAML []byte

// files holds every language's messages, one <tag>.yaml each: adding a
// file adds a language.
//
//go:embed *.yaml
var files embed.FS

// Args gives the value of each named placeholder of a message.
type Args map[string]string

// message is one key's words: text alone, or plural forms.
type message struct {
	text  string // when the message has no plural forms
	one   string
	other string
	// plural is set when the message has the forms one and other.
	plural bool
	// vars are the placeholders the message uses, sorted.
	vars []string
	line int
}

// Catalog is one language's messages.
type Catalog struct {
	lang string
	msgs map[string]message
	// zeroIsOne is the plural rule of languages that count 0 as one
	// (French: "0 ingénieur"), from the message plural.zero.
	zeroIsOne bool
	// p formats numbers the language's way; made once, on first use, and
	// safe for concurrent use (its buffers come from a pool per call).
	printerOnce sync.Once
	p           *xmessage.Printer
}

// Lang is the catalog's language tag ("en").
func (c *Catalog) Lang() string { return c.lang }

// Keys lists the catalog's keys, sorted.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.msgs))
	for k := range c.msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Vars lists the placeholders the key's message uses, sorted, and whether
// the key exists.
func (c *Catalog) Vars(key string) ([]string, bool) {
	m, ok := c.msgs[key]
	return m.vars, ok
}

// Plural reports whether the key's message has plural forms.
func (c *Catalog) Plural(key string) bool {
	m, ok := c.msgs[key]
	return ok && m.plural
}

var english = mustLoad("en.yaml", "en", enYAML, nil)

// English is the reference catalog, embedded in the binary.
func English() *Catalog { return english }

// others are the embedded languages besides English, by tag, each read
// and checked against English on first use: a run in English never
// parses them (the file names say which languages there are).
var others = func() map[string]func() *Catalog {
	m := map[string]func() *Catalog{}
	entries, _ := files.ReadDir(".")
	for _, e := range entries {
		lang, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || lang == "en" {
			continue
		}
		name := e.Name()
		m[lang] = sync.OnceValue(func() *Catalog {
			data, _ := files.ReadFile(name)
			return mustLoad(name, lang, data, english)
		})
	}
	return m
}()

// Languages lists the tags of the languages Rungs writes, sorted: en and
// one per embedded file.
func Languages() []string {
	tags := []string{"en"}
	for t := range others {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	return tags
}

// Normalize reads a language as a user writes it ("fr", "FR", "fr-FR",
// "fr_CA") as the tag of a language Rungs writes, and reports whether it
// is one. Only the primary subtag counts: the documents do not change
// with the region.
func Normalize(tag string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(t, "-_"); i > 0 {
		t = t[:i]
	}
	_, ok := For(t)
	return t, ok
}

// For returns the messages of language lang, and whether Rungs has it.
func For(lang string) (*Catalog, bool) {
	if lang == "en" {
		return english, true
	}
	load, ok := others[lang]
	if !ok {
		return nil, false
	}
	return load(), true
}

// Must returns the messages of a language the caller already checked
// (For, Languages), and English for "".
func Must(lang string) *Catalog {
	if lang == "" {
		return english
	}
	c, ok := For(lang)
	if !ok {
		panic("locale: no language " + lang) // callers check the tag first
	}
	return c
}

// mustLoad loads an embedded catalog. The embedded files are checked by
// the package's tests, so a failure here is a build mistake, not bad input.
func mustLoad(name, lang string, data []byte, ref *Catalog) *Catalog {
	c, err := Load(name, lang, data, ref)
	if err != nil {
		panic(err)
	}
	return c
}

var (
	keyRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$`)
	varRe = regexp.MustCompile(`\{([^{}]*)\}`)
	idRe  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// Load reads a language's messages from data (read from file name). When
// ref is given (the English catalog), every key of ref must be present,
// no other key may be, and each message must use exactly the placeholders
// ref's message uses, so a translation can neither drop a number nor
// invent a value the rules do not supply. Errors carry file:line.
func Load(name, lang string, data []byte, ref *Catalog) (*Catalog, error) {
	var raw map[string]any
	root, err := strictyaml.Decode(name, data, &raw)
	if err != nil {
		return nil, err
	}
	c := &Catalog{lang: lang, msgs: map[string]message{}}
	defer func() { c.zeroIsOne = c.msgs["plural.zero"].text == "one" }()
	var errs strictyaml.List
	if root == nil || root.Kind != yaml.MappingNode {
		line := 0
		if root != nil {
			line = root.Line
		}
		errs.Add(name, line, "a locale file is a mapping of message keys to text; found none")
		return nil, errs
	}
	var refKeys []string
	if ref != nil {
		refKeys = ref.Keys()
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if !keyRe.MatchString(key) {
			errs.Add(name, k.Line, "message key %q: use dotted lower-case words, such as posting.where.remote", key)
			continue
		}
		if ref != nil {
			if _, ok := ref.msgs[key]; !ok {
				errs.Add(name, k.Line, "unknown message key %q%s", key, suggest.Hint(key, refKeys))
				continue
			}
		}
		m, ok := readMessage(name, key, v, &errs)
		if !ok {
			continue
		}
		if ref != nil {
			want := ref.msgs[key]
			if !placeholdersFit(key, m.vars, want.vars) {
				errs.Add(name, v.Line, "message %q uses placeholders {%s}; English uses {%s}: use the same ones", key, strings.Join(m.vars, "}, {"), strings.Join(want.vars, "}, {"))
			}
			if m.plural != want.plural {
				errs.Add(name, v.Line, "message %q: English gives %s; give the same", key, shape(want))
			}
		}
		c.msgs[key] = m
	}
	for _, k := range refKeys {
		if _, ok := c.msgs[k]; !ok && !hasKey(root, k) {
			errs.Add(name, 0, "missing message key %q", k)
		}
	}
	errs.Sort()
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// grammarOnly are placeholders that carry English grammar, not facts
// ("a" or "an"): another language may leave them out.
var grammarOnly = []string{"article"}

// offered are placeholders the rules pass to a message that English
// leaves unused: a French date names its day and month where English
// keeps the ISO form, and a French price shows the currency's symbol
// where English shows its code. Another language may write them in
// place of English's.
var offered = map[string][]string{
	"date.long":    {"day", "month", "year"},
	"pay.currency": {"symbol"},
}

// mayOmit are placeholders a translation may leave out of one message:
// the VP posting's delivery note names the CTO's archetype ("a Product
// CTO") and its focus; a French recruiter reads the archetype's name as
// an internal label and keeps the focus, which says the same.
var mayOmit = map[string][]string{
	"posting.delivery.vp":     {"archetype"},
	"posting.delivery.vp_org": {"archetype"},
}

// placeholdersFit reports whether a translation's placeholders fit
// English's: the same ones, less those that carry English grammar only,
// or, for a message with offered placeholders, any of English's and the
// offered ones, at least one.
func placeholdersFit(key string, got, want []string) bool {
	if slices.Equal(got, want) || slices.Equal(got, without(want, grammarOnly)) ||
		slices.Equal(got, without(want, append(slices.Clone(grammarOnly), mayOmit[key]...))) {
		return true
	}
	alt, ok := offered[key]
	if !ok || len(got) == 0 {
		return false
	}
	for _, v := range got {
		if !slices.Contains(want, v) && !slices.Contains(alt, v) {
			return false
		}
	}
	return true
}

func without(vars, drop []string) []string {
	out := make([]string, 0, len(vars))
	for _, v := range vars {
		if !slices.Contains(drop, v) {
			out = append(out, v)
		}
	}
	return out
}

func hasKey(root *yaml.Node, key string) bool {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return true
		}
	}
	return false
}

func shape(m message) string {
	if !m.plural {
		return "one text"
	}
	return "plural forms one and other"
}

// readMessage reads one key's value: a string, or a mapping with exactly
// the plural forms one and other.
func readMessage(name, key string, v *yaml.Node, errs *strictyaml.List) (message, bool) {
	m := message{line: v.Line}
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!str":
		if v.Value == "" && !strings.HasPrefix(key, "typography.") {
			errs.Add(name, v.Line, "message %q is empty; give its text", key)
			return m, false
		}
		m.text = v.Value
	case v.Kind == yaml.MappingNode:
		m.plural = true
		for i := 0; i+1 < len(v.Content); i += 2 {
			f, t := v.Content[i], v.Content[i+1]
			if t.Kind != yaml.ScalarNode || t.Tag != "!!str" || t.Value == "" {
				errs.Add(name, t.Line, "message %q, form %q: give a non-empty text", key, f.Value)
				continue
			}
			switch f.Value {
			case "one":
				m.one = t.Value
			case "other":
				m.other = t.Value
			default:
				errs.Add(name, f.Line, "message %q: unknown plural form %q; use one and other", key, f.Value)
			}
		}
		if m.one == "" || m.other == "" {
			errs.Add(name, v.Line, "message %q needs both plural forms, one and other", key)
			return m, false
		}
	default:
		errs.Add(name, v.Line, "message %q: give a quoted text, or plural forms one and other", key)
		return m, false
	}
	vars, ok := placeholders(name, key, v.Line, m, errs)
	if !ok {
		return m, false
	}
	m.vars = vars
	return m, true
}

// placeholders collects the names a message uses: the union of its forms,
// since the "one" form may leave out {n} (English says "one engineer").
func placeholders(name, key string, line int, m message, errs *strictyaml.List) ([]string, bool) {
	seen := map[string]bool{}
	ok := true
	for _, s := range []string{m.text, m.one, m.other} {
		if strings.Count(s, "{") != strings.Count(s, "}") {
			errs.Add(name, line, "message %q has an unmatched brace in %q", key, s)
			ok = false
			continue
		}
		for _, sm := range varRe.FindAllStringSubmatch(s, -1) {
			if !idRe.MatchString(sm[1]) {
				errs.Add(name, line, "message %q: placeholder {%s} is not a name; use lower-case letters, digits and _", key, sm[1])
				ok = false
				continue
			}
			seen[sm[1]] = true
		}
	}
	if m.plural {
		// Count always supplies {n}; a form may choose only a verb
		// ("also weighs", "also weigh") without showing the number.
		seen["n"] = true
	}
	vars := make([]string, 0, len(seen))
	for v := range seen {
		vars = append(vars, v)
	}
	sort.Strings(vars)
	return vars, ok
}

// Text returns the key's message with its placeholders filled from args.
// The generator's tests check that every key it uses exists with the
// placeholders it passes, so a mismatch here is a programming mistake and
// is reported in the text itself rather than hidden.
func (c *Catalog) Text(key string, args Args) string {
	m, ok := c.msgs[key]
	if !ok {
		return "{missing message " + key + "}"
	}
	s := m.text
	if m.plural {
		s = m.other
	}
	return fill(s, args)
}

// Count returns the key's plural form for n, filled from args, with {n}
// set to nStr (the count as the caller writes it, such as "1,500").
func (c *Catalog) Count(key string, n int, nStr string, args Args) string {
	m, ok := c.msgs[key]
	if !ok {
		return "{missing message " + key + "}"
	}
	s := m.text
	if m.plural {
		s = m.other
		if c.pluralOne(n) {
			s = m.one
		}
	}
	full := Args{"n": nStr}
	for k, v := range args {
		full[k] = v
	}
	return fill(s, full)
}

// One reports whether n takes the language's singular ("one") form.
func (c *Catalog) One(n int) bool { return c.pluralOne(n) }

// pluralOne is the language's rule for the "one" form. English and French
// differ at zero (French says "0 ingénieur"), which is why it is per
// language.
func (c *Catalog) pluralOne(n int) bool {
	if n < 0 || n > 1 {
		return false
	}
	return n == 1 || c.zeroIsOne
}

func fill(s string, args Args) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return varRe.ReplaceAllStringFunc(s, func(p string) string {
		if v, ok := args[p[1:len(p)-1]]; ok {
			return v
		}
		return p
	})
}

// Number writes a whole number as the language does: "1,500" in
// English, "1 500" in French (a no-break space, as golang.org/x/text
// has it from CLDR).
func (c *Catalog) Number(n int) string {
	if c.lang == "en" {
		return englishThousands(n)
	}
	return c.printer().Sprintf("%d", n)
}

// Money writes an amount with the language's separators, with two
// decimals only when it has cents.
func (c *Catalog) Money(v float64) string {
	whole := math.Floor(v)
	cents := math.Round((v - whole) * 100)
	if c.lang == "en" {
		s := englishThousands(int(whole))
		if cents > 0 {
			s += fmt.Sprintf(".%02d", int(cents))
		}
		return s
	}
	if cents > 0 {
		return c.printer().Sprintf("%.2f", v)
	}
	return c.printer().Sprintf("%d", int(whole))
}

func (c *Catalog) printer() *xmessage.Printer {
	c.printerOnce.Do(func() { c.p = xmessage.NewPrinter(xlanguage.Make(c.lang)) })
	return c.p
}

// englishThousands formats 1234567 as "1,234,567".
func englishThousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Date writes a YYYY-MM-DD date as the language writes dates in running
// text (date.long); a value that is not such a date is returned as it is.
func (c *Catalog) Date(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	month := c.Text("date.month."+strings.ToLower(t.Month().String()), nil)
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = c.Text("date.first_day", nil)
	}
	return c.Text("date.long", Args{"iso": iso, "day": day, "month": month, "year": strconv.Itoa(t.Year())})
}

// Currency writes an ISO 4217 currency code as pay.currency has it: the
// code, or the language's symbol for it (golang.org/x/text/currency). An
// unknown code is kept as written.
func (c *Catalog) Currency(code string) string {
	symbol := code
	if u, err := xcurrency.ParseISO(code); err == nil {
		symbol = c.printer().Sprint(xcurrency.Symbol(u))
	}
	return c.Text("pay.currency", Args{"code": code, "symbol": symbol})
}

// String shows the catalog in error messages and test failures.
func (c *Catalog) String() string { return fmt.Sprintf("locale %s (%d messages)", c.lang, len(c.msgs)) }
