package strictyaml

import (
	"strings"
	"testing"
)

type inner struct {
	Name string `yaml:"name"`
}

type doc struct {
	Title string           `yaml:"title"`
	Count int              `yaml:"count"`
	Items []inner          `yaml:"items"`
	Map   map[string]inner `yaml:"map"`
	Skip  string           `yaml:"-"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ok", "title: x\ncount: 2\nitems: [{name: a}]\n", nil},
		{"empty", "", nil},
		{"unknown top", "titel: x\n", []string{`f.yaml:1: unknown field "titel"; did you mean title?`}},
		{"unknown nested", "items:\n  - nam: a\nmap:\n  k: {nme: b}\n", []string{`f.yaml:2: unknown field "nam"`, `f.yaml:4: unknown field "nme"`}},
		{"ignored field", "Skip: x\n", []string{`unknown field "Skip"`}},
		{"duplicate", "title: a\ntitle: b\n", []string{"f.yaml:2:"}},
		{"type", "count: many\n", []string{`f.yaml:1: got text "many", want a whole number`}},
		{"list type", "items: {a: 1}\n", []string{"f.yaml:1: got a mapping, want a list"}},
		{"utf8", "title: ok\ntitle2: \xff\n", []string{"f.yaml:2: invalid UTF-8"}},
		{"two documents", "title: a\n---\ntitle: b\n", []string{"f.yaml:2: more than one YAML document"}},
		{"aliases", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n", []string{"unknown field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			_, err := Decode("f.yaml", []byte(tt.in), &d)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("expected an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestBillionLaughs(t *testing.T) {
	in := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	var v map[string]any
	if _, err := Decode("f.yaml", []byte(in), &v); err == nil || !strings.Contains(err.Error(), "excessive aliasing") {
		t.Errorf("error = %v, want excessive aliasing", err)
	}
}

func TestTooLarge(t *testing.T) {
	var v map[string]any
	_, err := Decode("big.yaml", make([]byte, MaxBytes+1), &v)
	if err == nil || !strings.Contains(err.Error(), "the limit is") {
		t.Errorf("error = %v", err)
	}
}

func TestListSortsAndFlattens(t *testing.T) {
	var l List
	l.Add("b.yaml", 2, "two")
	l.Add("a.yaml", 9, "nine")
	l.Add("a.yaml", 1, "one")
	err := l.Err()
	if got := err.Error(); got != "a.yaml:1: one\na.yaml:9: nine\nb.yaml:2: two" {
		t.Errorf("sorted = %q", got)
	}
	if n := len(Errors(err)); n != 3 {
		t.Errorf("Errors = %d", n)
	}
	if (List{}).Err() != nil {
		t.Error("empty list is not nil")
	}
}
