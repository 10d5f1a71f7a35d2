package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

func fixture(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.LoadFS(os.DirFS("../../generator/testdata/catalog"), ".", "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseFormats(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{"md", "md", ""},
		{"md+json", "md json", ""},
		{"JSON, markdown,md", "json md", ""},
		{"md+odt", "", `unknown format "odt"`},
		{"md+DOCX", "md docx", ""},
		{"+", "", "no format given"},
	} {
		got, err := ParseFormats(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseFormats(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("ParseFormats(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestLookups(t *testing.T) {
	if _, err := LookupKind("jdd"); err == nil || !strings.Contains(err.Error(), "did you mean jd?") {
		t.Errorf("LookupKind error = %v", err)
	}
	if p, err := ParsePaper(""); err != nil || p != Papers[0] {
		t.Errorf("default paper = %q, %v", p, err)
	}
	if _, err := ParsePaper("a5"); err == nil || !strings.Contains(err.Error(), "did you mean a4?") {
		t.Errorf("ParsePaper error = %v", err)
	}
	// Every kind and format is complete: a new entry cannot forget a part.
	for _, k := range Kinds {
		if k.Name == "" || k.Template == "" || k.Check == nil || k.Build == nil || k.Stem == nil {
			t.Errorf("kind %q is incomplete", k.Name)
		}
		for _, r := range k.Requires {
			if !strings.Contains(strings.Join(k.Uses, " "), r) {
				t.Errorf("kind %s requires %s but does not use it", k.Name, r)
			}
		}
	}
	for _, f := range Formats {
		if f.Name == "" || f.Ext == "" || f.Render == nil {
			t.Errorf("format %q is incomplete", f.Name)
		}
	}
}

func TestRender(t *testing.T) {
	cat := fixture(t)
	st, _ := cat.Stage("seed")
	ar, _ := cat.Archetype("product")
	req := &Request{Kind: "jd", Profile: profile.Profile{Stage: st, Size: 5, Archetype: ar},
		Params: Params{Role: "vpe"}, Formats: []string{"json", "md"}}
	files, warnings, err := Render(&Env{Cat: cat}, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Ext != "json" || files[1].Ext != "md" {
		t.Fatalf("files = %+v", files)
	}
	var v struct{ Role string }
	if err := json.Unmarshal(files[0].Data, &v); err != nil || v.Role != "vp-engineering" {
		t.Errorf("json role = %q, %v", v.Role, err)
	}
	if !bytes.HasPrefix(files[1].Data, []byte("# VP Engineering")) {
		t.Errorf("markdown starts %q", files[1].Data[:min(40, len(files[1].Data))])
	}
	if len(warnings) == 0 {
		t.Error("a VP Engineering of 5 engineers should warn")
	}
	k, _ := LookupKind("jd")
	if got := Stem(&Env{Cat: cat}, k, "Acme Robotics", req.Params); got != "acme-robotics-vp-engineering" {
		t.Errorf("stem = %q", got)
	}
	if got := Stem(&Env{Cat: cat}, k, "", req.Params); got != "vp-engineering" {
		t.Errorf("stem without company = %q", got)
	}
}

// TestJDWarnsFromTheLadder checks that a posting built through the
// pipeline (rungs batch) says a role that is a rung is rarely a separate
// job exactly when the ladder shows the rung reserved: a Head of
// Engineering at 12 engineers (the CTO holds the role), not at 25.
func TestJDWarnsFromTheLadder(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	st, _ := cat.Stage("early")
	for _, c := range []struct {
		archetype string
		size      int
		warns     bool
	}{{"product", 12, true}, {"product", 25, false}, {"external", 25, false}} {
		ar, _ := cat.Archetype(c.archetype)
		req := &Request{Kind: "jd", Profile: profile.Profile{Stage: st, Size: c.size, Archetype: ar},
			Params: Params{Role: "head-of-engineering"}, Formats: []string{"md"}}
		_, warnings, err := Render(&Env{Cat: cat}, req)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(strings.Join(warnings, "\n"), "rarely a separate job")
		if got != c.warns {
			t.Errorf("%s CTO: warns %v, want %v: %q", c.archetype, got, c.warns, warnings)
		}
	}
}

// A document's subject names its kind, title and company once each.
func TestSubjectOf(t *testing.T) {
	for _, c := range []struct{ kind, title, company, want string }{
		{"Career ladder", "Crème Brûlée Labs: engineering career ladder", "Crème Brûlée Labs", "Engineering career ladder at Crème Brûlée Labs"},
		{"Career ladder", "Engineering career ladder", "", "Engineering career ladder"},
		{"Job description", "Chief Technology Officer", "Acme", "Job description: Chief Technology Officer at Acme"},
		{"Job description", "Chief Technology Officer", "", "Job description: Chief Technology Officer"},
		{"Promotion guide", "Promotion guide: Senior Software Engineer to Staff Engineer", "", "Promotion guide: Senior Software Engineer to Staff Engineer"},
		{"Level card", "Staff Engineer (L3)", "Acme", "Level card: Staff Engineer (L3) at Acme"},
		{"Career ladder", "Éclair: échelle", "Éclair", "Career ladder: Échelle at Éclair"},
		{"Document", "", "", "Document"},
	} {
		if got := subjectOf(c.kind, c.title, c.company); got != c.want {
			t.Errorf("subjectOf(%q, %q, %q) = %q, want %q", c.kind, c.title, c.company, got, c.want)
		}
	}
}
