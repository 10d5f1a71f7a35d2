package locale_test

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/rungs/rungs/internal/locale"
)

// loadFrench loads fr.yaml against the English reference: every English
// key, no other, the same placeholders (less {article}, which is English
// grammar) and the same plural shapes.
func loadFrench(t *testing.T) *locale.Catalog {
	t.Helper()
	data, err := os.ReadFile("fr.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := locale.Load("fr.yaml", "fr", data, locale.English())
	if err != nil {
		t.Fatalf("fr.yaml against English:\n%v", err)
	}
	return fr
}

func TestFrenchLoads(t *testing.T) {
	fr := loadFrench(t)
	if got, want := len(fr.Keys()), len(locale.English().Keys()); got != want {
		t.Errorf("fr.yaml has %d keys, English %d", got, want)
	}
}

// TestFrenchWords checks the French rules the loader cannot: plurals
// French-style (0 and 1 take the singular), the pay in French form, and
// French punctuation (a space before « : ; ? ! », inside « »).
func TestFrenchWords(t *testing.T) {
	fr := loadFrench(t)
	for _, tt := range []struct{ got, want string }{
		{fr.Count("count.engineers", 0, "0", nil), "0 ingénieur"},
		{fr.Count("count.engineers", 1, "1", nil), "1 ingénieur"},
		{fr.Count("count.engineers", 2, "2", nil), "2 ingénieurs"},
		{fr.Count("count.engineers", 1500, "1 500", nil), "1 500 ingénieurs"},
		{fr.Text("posting.pay.range", locale.Args{"min": "80 000", "max": "95 000", "currency": "€", "period": "an"}), "de 80 000 à 95 000\u00a0€ bruts par an"},
		{fr.Text("posting.pay.single", locale.Args{"amount": "4 000", "currency": "€", "period": "mois"}), "4 000\u00a0€ bruts par mois"},
		{fr.Text("ladder.overview.cell", locale.Args{"dimension": "Conception", "weight": "25", "short": "Conçoit des systèmes."}), "Conception 25 % : Conçoit des systèmes."},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for _, key := range fr.Keys() {
		if strings.HasPrefix(key, "typography.") {
			continue // lists of characters, not text
		}
		forms := []string{fr.Text(key, nil)}
		if fr.Plural(key) {
			forms = []string{fr.Count(key, 1, "{n}", nil), fr.Count(key, 2, "{n}", nil)}
		}
		for _, s := range forms {
			if msg := frenchPunctuation(s); msg != "" {
				t.Errorf("%s: %s in %q", key, msg, s)
			}
		}
	}
}

// frenchPunctuation says what breaks French punctuation in s, or "".
// Placeholders are left out: a value such as a URL brings its own colons.
func frenchPunctuation(s string) string {
	r := []rune(s)
	for i, c := range r {
		prevSpace := i > 0 && unicode.IsSpace(r[i-1])
		nextSpace := i+1 == len(r) || unicode.IsSpace(r[i+1])
		switch c {
		case ':', ';', '?', '!', '»':
			if i > 0 && !prevSpace && !strings.ContainsRune("{", r[i-1]) {
				return "no space before " + string(c)
			}
		case '«':
			if !nextSpace {
				return "no space after «"
			}
		case '"':
			return "English quotation mark (use « »)"
		}
	}
	return ""
}

// TestFrenchPunctuationRule pins the punctuation check on both sides.
func TestFrenchPunctuationRule(t *testing.T) {
	for s, bad := range map[string]bool{
		"Le poste : hybride.":         false,
		"En objet « {title} ».":       false,
		"Le poste: hybride.":          true,
		"En objet «{title}».":         true,
		`En objet "{title}".`:         true,
		"Vous postulez ? Oui !":       false,
		"Vous postulez? Oui !":        true,
		"{items} ou {last}":           false,
		"de {min} à {max} {currency}": false,
	} {
		if got := frenchPunctuation(s) != ""; got != bad {
			t.Errorf("frenchPunctuation(%q) reports %v, want %v", s, got, bad)
		}
	}
}

// TestOfferedPlaceholders checks the placeholders a language may use in
// place of English's where the rules offer them (a French date's day and
// month, a French price's symbol), and only there.
func TestOfferedPlaceholders(t *testing.T) {
	ref, err := locale.Load("en.yaml", "en", []byte("date.long: \"{iso}\"\npay.currency: \"{code}\"\na.title: \"{title}\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		data string
		ok   bool
	}{
		{"date.long: \"{day} {month} {year}\"\npay.currency: \"{symbol}\"\na.title: \"{title} (H/F)\"\n", true},
		{"date.long: \"{iso}\"\npay.currency: \"{code} ({symbol})\"\na.title: \"{title}\"\n", true},
		{"date.long: \"{day} {weekday}\"\npay.currency: \"{symbol}\"\na.title: \"{title}\"\n", false},
		{"date.long: \"bientôt\"\npay.currency: \"{symbol}\"\na.title: \"{title}\"\n", false},
		{"date.long: \"{iso}\"\npay.currency: \"{code}\"\na.title: \"{symbol}\"\n", false},
	} {
		_, err := locale.Load("fr.yaml", "fr", []byte(tt.data), ref)
		if (err == nil) != tt.ok {
			t.Errorf("%q: error %v, want ok=%v", tt.data, err, tt.ok)
		}
	}
}
