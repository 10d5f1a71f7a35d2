package lint

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The word prefilters before mustHaveHeading and mustHaveNot rely on (?i)
// folding no ASCII letter but s and k to a letter outside ASCII.
func TestFoldOutsideASCII(t *testing.T) {
	for c := 'a'; c <= 'z'; c++ {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f > unicode.MaxASCII && c != 's' && c != 'k' {
				t.Errorf("%c folds to %U outside ASCII: the prefilter words must not contain it", c, f)
			}
		}
	}
	for _, w := range append(append([]string{}, mustHaveWords...), mustHaveNotWords...) {
		if strings.ContainsAny(w, "skSK") {
			t.Errorf("prefilter word %q holds s or k, which (?i) also matches outside ASCII", w)
		}
	}
}

var headingCases = []string{
	"", "Requirements", "REQUIREMENTS", "What you'll bring", "What you’ll bring", "What you bring",
	"What you will do", "Must-haves", "Must have", "muſt have", "Qualifications", "Preferred qualifications",
	"Nice to have", "nice-to-have", "Nice to-Have", "Bonus points", "BONUſ", "Optional", "Plus", "plus:",
	"Pluses", "pluſx", "pluſ ", "About Acme", "The role", "Compensation", "Benefits", "How to apply",
	"Your first year", "What we offer", "Have fun", "Bring your dog", "plu", "PLUS\n", "plus_",
}

func TestMatchHeading(t *testing.T) {
	for _, s := range headingCases {
		if got, want := matchHeading(mustHaveHeading, mustHaveWords, s), mustHaveHeading.MatchString(s); got != want {
			t.Errorf("must-have %q: %v, the expression says %v", s, got, want)
		}
		if got, want := matchHeading(mustHaveNot, mustHaveNotWords, s), mustHaveNot.MatchString(s); got != want {
			t.Errorf("optional %q: %v, the expression says %v", s, got, want)
		}
	}
}

func TestContainsLowerASCII(t *testing.T) {
	for _, c := range []struct{ s, w string }{
		{"Location: NYC", "location"}, {"LOCATION", "location"}, {"Locatio", "location"}, {"", "a"}, {"abc", ""},
		{"Work From Home", "work "}, {"Work", "work "}, {"Berlin-Based team", "-based"}, {"ÀBASED", "based"},
		{"On-Site In Austin", "site in"}, {"[Remote]", "remote"}, {"REMOTÉ", "remote"},
	} {
		if got, want := containsLowerASCII(c.s, c.w), strings.Contains(lowerASCII(c.s), c.w); got != want {
			t.Errorf("containsLowerASCII(%q, %q) = %v, want %v", c.s, c.w, got, want)
		}
	}
}

// FuzzMatchHeading checks the prefiltered heading and place-phrase tests
// against the expressions alone, and containsLowerASCII against lowering
// first.
func FuzzMatchHeading(f *testing.F) {
	for _, s := range headingCases {
		f.Add(s, "plu")
	}
	f.Add("The job is baſed in Austin", "based")
	f.Add("worK from the office in Oslo", "work ")
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := matchHeading(mustHaveHeading, mustHaveWords, s), mustHaveHeading.MatchString(s); got != want {
			t.Fatalf("must-have %q: %v, the expression says %v", s, got, want)
		}
		if got, want := matchHeading(mustHaveNot, mustHaveNotWords, s), mustHaveNot.MatchString(s); got != want {
			t.Fatalf("optional %q: %v, the expression says %v", s, got, want)
		}
		if got, want := placePhrases(s), placePhrase.FindAllStringSubmatch(s, 4); len(got) != len(want) {
			t.Fatalf("placePhrases(%q) = %q, the expression gives %q", s, got, want)
		}
		w = lowerASCII(w)
		if got, want := containsLowerASCII(s, w), strings.Contains(lowerASCII(s), w); got != want {
			t.Fatalf("containsLowerASCII(%q, %q) = %v, want %v", s, w, got, want)
		}
	})
}

func TestMayNamePlace(t *testing.T) {
	long := strings.Repeat("The team ships weekly. ", 40)
	for _, s := range []string{"", "Location: NYC", "We are BASED in Berlin", "Work From Home", "On-site in Austin",
		"Hybrid", "REMOTE (EU)", "Our office", "Where: Paris", "City: Oslo", "The role", long, long + "Remote",
		strings.Repeat("x", 511) + "B", strings.Repeat("x", 512) + "Based", "Ökologisch ÄMTER based"} {
		l := lowerASCII(s)
		wantName, wantLabel := false, false
		for _, w := range []string{"based", "located", "work ", "office", "remote", "hybrid", "site in", "-based"} {
			wantName = wantName || strings.Contains(l, w)
		}
		for _, w := range []string{"location", "office", "workplace", "place", "where", "city", "based"} {
			wantLabel = wantLabel || strings.Contains(lowerASCII(s[:min(len(s), 40)]), w)
		}
		if got := mayNamePlace(s); got != wantName {
			t.Errorf("mayNamePlace(%.50q) = %v, want %v", s, got, wantName)
		}
		if got := mayLabelPlace(s); got != wantLabel {
			t.Errorf("mayLabelPlace(%.50q) = %v, want %v", s, got, wantLabel)
		}
	}
}

// placePhrases gives what the expression gives, on lines with and
// without a phrase, and with the letters (?i) folds outside ASCII.
func TestPlacePhrases(t *testing.T) {
	for _, s := range []string{
		"", "You work with the team", "This role is based in New York City", "The job is baſed in Austin, TX",
		"We work from our office in Berlin.", "Work at the office in Paris", "worK from the Lisbon office",
		"Remote within the United States", "Remotely from anywhere in Europe", "Hybrid in London",
		"On-site in Denver, CO", "Onsite in Denver", "In-office in Tokyo", "Located in Austin",
		"Based out of Chicago", "The team is located in Oslo", "You will be based   in Rome", "Our office",
		"remote-first", "REMOTE IN CANADA", "hybrid from Madrid", "you can be located out of Boston",
	} {
		want := placePhrase.FindAllStringSubmatch(s, 4)
		got := placePhrases(s)
		if len(got) != len(want) {
			t.Errorf("%q: %q, the expression gives %q", s, got, want)
			continue
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("%q: %q, the expression gives %q", s, got, want)
			}
		}
	}
}
