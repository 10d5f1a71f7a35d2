package locale

import (
	"strings"
	"sync"
	"testing"
)

func TestEnglishLoads(t *testing.T) {
	en := English()
	if len(en.Keys()) == 0 {
		t.Fatal("English catalog has no messages")
	}
	// English checked against itself: the reference rules hold for it.
	if _, err := Load("en.yaml", "en", enYAML, en); err != nil {
		t.Fatalf("en.yaml against itself: %v", err)
	}
}

func TestTextAndCount(t *testing.T) {
	c, err := Load("t.yaml", "en", []byte(`
a.hello: "Hello {who}, from {where}."
a.plain: "No values."
a.count:
  one: "one engineer"
  other: "{n} engineers in {city}"
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ got, want string }{
		{c.Text("a.hello", Args{"who": "Ada", "where": "{Paris}"}), "Hello Ada, from {Paris}."},
		{c.Text("a.plain", nil), "No values."},
		{c.Count("a.count", 1, "1", Args{"city": "Lyon"}), "one engineer"},
		{c.Count("a.count", 0, "0", Args{"city": "Lyon"}), "0 engineers in Lyon"},
		{c.Count("a.count", 1500, "1,500", Args{"city": "Lyon"}), "1,500 engineers in Lyon"},
		{c.Text("a.nope", nil), "{missing message a.nope}"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
	if vars, _ := c.Vars("a.count"); strings.Join(vars, ",") != "city,n" {
		t.Errorf("Vars(a.count) = %v, want [city n]", vars)
	}
	verb, err := Load("v.yaml", "en", []byte("a.v:\n  one: \"{who} weighs\"\n  other: \"{who} weigh\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := verb.Count("a.v", 2, "2", Args{"who": "they"}); got != "they weigh" {
		t.Errorf("plural without {n}: got %q", got)
	}
	if vars, _ := verb.Vars("a.v"); strings.Join(vars, ",") != "n,who" {
		t.Errorf("Vars(a.v) = %v, want [n who]: Count always supplies n", vars)
	}
	if !c.Plural("a.count") || c.Plural("a.plain") {
		t.Error("Plural wrong")
	}
}

func TestFrenchPluralAtZero(t *testing.T) {
	ref, _ := Load("en.yaml", "en", []byte("plural.zero: other\na.n:\n  one: \"one engineer\"\n  other: \"{n} engineers\"\n"), nil)
	fr, err := Load("fr.yaml", "fr", []byte("plural.zero: one\na.n:\n  one: \"{n} ingénieur\"\n  other: \"{n} ingénieurs\"\n"), ref)
	if err != nil {
		t.Fatal(err)
	}
	if got := fr.Count("a.n", 0, "0", nil); got != "0 ingénieur" {
		t.Errorf("French zero: got %q", got)
	}
	if got := ref.Count("a.n", 0, "0", nil); got != "0 engineers" {
		t.Errorf("English zero: got %q", got)
	}
}

// TestLoadErrors: each bad file gets one error naming the line and the fix.
func TestLoadErrors(t *testing.T) {
	ref, err := Load("en.yaml", "en", []byte("a.hello: \"Hello {who}.\"\na.count:\n  one: \"one\"\n  other: \"{n} of them\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
		ref  *Catalog
		want string
	}{
		{"unknown key", "a.hello: \"Bonjour {who}.\"\na.helo: \"x\"\na.count:\n  one: \"un\"\n  other: \"{n}\"\n", ref, `fr.yaml:2: unknown message key "a.helo"`},
		{"missing key", "a.hello: \"Bonjour {who}.\"\n", ref, `missing message key "a.count"`},
		{"placeholder dropped", "a.hello: \"Bonjour.\"\na.count:\n  one: \"un\"\n  other: \"{n}\"\n", ref, `fr.yaml:1: message "a.hello" uses placeholders {}; English uses {who}`},
		{"placeholder invented", "a.hello: \"Bonjour {qui}.\"\na.count:\n  one: \"un\"\n  other: \"{n}\"\n", ref, `English uses {who}`},
		{"plural shape", "a.hello: \"Bonjour {who}.\"\na.count: \"{n}\"\n", ref, `English gives plural forms one and other`},
		{"unknown form", "a.x:\n  one: \"a\"\n  few: \"{n}\"\n", nil, `unknown plural form "few"`},
		{"missing form", "a.x:\n  other: \"{n}\"\n", nil, `needs both plural forms`},
		{"unmatched brace", "a.x: \"Hello {who.\"\n", nil, `unmatched brace`},
		{"bad placeholder", "a.x: \"Hello {Who Is}.\"\n", nil, `is not a name`},
		{"bad key", "Hello: \"x\"\n", nil, `use dotted lower-case words`},
		{"empty", "a.x: \"\"\n", nil, `is empty`},
		{"not text", "a.x: 3\n", nil, `give a quoted text`},
		{"not a mapping", "- a\n", nil, `want a mapping`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("fr.yaml", "fr", []byte(tt.data), tt.ref)
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestMayOmit: a translation may leave the archetype's name out of the VP
// posting's delivery note, and out of no other message.
func TestMayOmit(t *testing.T) {
	ref, err := Load("en.yaml", "en", []byte("posting.delivery.vp: \"The CTO works as {article} {archetype}, focused on {focus}.\"\nwarning.x: \"the {archetype} archetype\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load("fr.yaml", "fr", []byte("posting.delivery.vp: \"Notre CTO se consacre à {focus}.\"\nwarning.x: \"l'archétype {archetype}\"\n"), ref); err != nil {
		t.Errorf("leaving {archetype} out of posting.delivery.vp: %v", err)
	}
	if _, err := Load("fr.yaml", "fr", []byte("posting.delivery.vp: \"Notre CTO se consacre à {focus}.\"\nwarning.x: \"l'archétype\"\n"), ref); err == nil {
		t.Error("leaving {archetype} out of warning.x was accepted")
	}
}

// TestNumberConcurrent: batch workers format numbers with one shared
// printer per language (run with -race).
func TestNumberConcurrent(t *testing.T) {
	fr, ok := For("fr")
	if !ok {
		t.Skip("no French messages embedded")
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 200 {
				n := 1000*i + j + 1000
				if got := fr.Number(n); !strings.Contains(got, "\u00a0") {
					t.Errorf("Number(%d) = %q, want a no-break space", n, got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
