package lint

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFastREMatchesRegexp checks that every phrasing rule finds, through
// its prefix scan, exactly what the plain regular expression finds: on the
// rules' own examples, on the test postings, and on random mixes of their
// words.
func TestFastREMatchesRegexp(t *testing.T) {
	d := get()
	var texts []string
	for _, r := range d.rules {
		texts = append(texts, r.Bad...)
		texts = append(texts, r.Good...)
	}
	for _, f := range []string{"testdata/bad.md", "testdata/good.md", "testdata/typical.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	vocab := strings.Fields(strings.Join(texts, " "))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range 40 {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			b.WriteString([]string{" ", " ", "-", ", ", "\n", ""}[rng.IntN(6)])
		}
		texts = append(texts, b.String())
	}
	usable := 0
	for _, r := range d.rules {
		if r.re.prefixes != nil {
			usable++
		}
		for _, s := range texts {
			s = flatten(s)
			want := r.re.re.FindAllStringIndex(s, -1)
			got := r.re.FindAllIndex(s, "")
			if !slices.EqualFunc(want, got, slices.Equal) {
				t.Errorf("rule %s on %q: prefix scan %v, regexp %v", r.ID, s, got, want)
			}
		}
	}
	if usable < len(d.rules) {
		t.Errorf("only %d of %d rules have literal prefixes", usable, len(d.rules))
	}
}

func TestPrefixSet(t *testing.T) {
	for expr, want := range map[string][]string{
		`(?i)\b(?:m[ae]n)\b`:       {"man", "men"},
		`(?i)\b(?:he|she)\b`:       {"he", "she"},
		`(?i)a[ -]?players?`:       {"a p", "a-p", "apl"},
		`\[[^\[\]]*\]`:             {"["},
		`(?i)\b(?:doe|x*y)\b`:      nil, // x* can be empty, then y: {"doe", "x", "y"}
		`(?i)(?:hard[ -]?core|hr)`: {"har", "hr"},
	} {
		f := newFastRE(expr, 64)
		var got []string
		for p := range f.prefixes {
			got = append(got, p)
		}
		slices.Sort(got)
		if want == nil {
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: prefixes %q, want %q", expr, got, want)
		}
	}
}

// TestWordStartsScan checks that scanning only word starts finds what the
// full scan finds, for every rule that starts with \b.
func TestWordStartsScan(t *testing.T) {
	b, err := os.ReadFile("testdata/typical.md")
	if err != nil {
		t.Fatal(err)
	}
	s := flatten(string(b)) + " Join the guys, he/she said; $120k–$150k. [Placeholder]"
	lower := lowerASCII(s)
	starts := wordStarts(s)
	for _, r := range get().rules {
		want := r.re.FindAllIndex(s, lower)
		got := r.re.findAll(s, lower, starts)
		if !slices.EqualFunc(want, got, slices.Equal) {
			t.Errorf("rule %s: word starts %v, full scan %v", r.ID, got, want)
		}
	}
}
