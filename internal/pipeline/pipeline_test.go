package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
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
		if k.Name == "" || k.Doc == "" || k.Plural == "" || k.Template == "" || k.Subject == "" || k.Check == nil || k.Build == nil || k.Stem == nil {
			t.Errorf("kind %q is incomplete", k.Name)
		}
		for _, r := range k.Requires {
			if !k.Uses(r) {
				t.Errorf("kind %s requires %s but does not use it", k.Name, r)
			}
		}
		for _, p := range k.Params {
			if p.Name == "" || p.Flag == "" || p.Usage == "" || p.Doc == "" || p.Example == "" {
				t.Errorf("kind %s: parameter %q is incomplete", k.Name, p.Name)
			}
		}
	}
	for _, f := range Formats {
		// A site format writes a folder (File.Site): no extension, no
		// Render of one document.
		if f.Name == "" || !f.Site && (f.Ext == "" || f.Render == nil) || f.Site && f.Kinds == nil {
			t.Errorf("format %q is incomplete", f.Name)
		}
	}
}

func TestRender(t *testing.T) {
	cat := fixture(t)
	st, _ := cat.Stage("seed")
	ar, _ := cat.Archetype("product")
	req := &Request{Kind: "jd", Profile: profile.Profile{Stage: st, Size: 5, Archetype: ar},
		Params: Params{"role": "vpe"}, Formats: []string{"json", "md"}}
	res, err := Render(&Env{Cat: cat}, req)
	if err != nil {
		t.Fatal(err)
	}
	files, warnings := res.Files, Messages(res.Warnings)
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
	acme := req.Profile
	acme.Company.Name = "Acme Robotics"
	if got := Stem(&Env{Cat: cat}, k, acme, req.Params); got != "acme-robotics-vp-engineering" {
		t.Errorf("stem = %q", got)
	}
	if got := Stem(&Env{Cat: cat}, k, req.Profile, req.Params); got != "vp-engineering" {
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
			Params: Params{"role": "head-of-engineering"}, Formats: []string{"md"}}
		res, err := Render(&Env{Cat: cat}, req)
		if err != nil {
			t.Fatal(err)
		}
		warnings := Messages(res.Warnings)
		got := strings.Contains(strings.Join(warnings, "\n"), "rarely a separate job")
		if got != c.warns {
			t.Errorf("%s CTO: warns %v, want %v: %q", c.archetype, got, c.warns, warnings)
		}
	}
}

// TestEveryKind builds each kind from its declared parameters, as batch
// and the commands do, and names its file as rungs ladder does.
func TestEveryKind(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	prof, err := profile.Resolve(cat, profile.Input{Stage: "early", Size: "25", Company: &profile.Company{Name: "Acme"}})
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Cat: cat}
	for _, tt := range []struct {
		kind   string
		params Params
		stem   string
	}{
		{"jd", Params{"role": "vpe"}, "acme-vp-engineering"},
		{"ladder", Params{}, "acme-ladder"},
		{"ladder", Params{"track": "IC"}, "acme-ladder-ic"},
		{"promotion", Params{"from": "L2", "to": "staff-engineer"}, "acme-promotion-senior-engineer-to-staff-engineer"},
		{"level", Params{"level": "L3"}, "acme-level-staff-engineer"},
		{"growth", Params{"grow_to": "120"}, "acme-ladder-growth-25-to-120"},
		{"growth", Params{"grow_to": "120", "track": "management"}, "acme-ladder-growth-25-to-120-management"},
	} {
		k, err := LookupKind(tt.kind)
		if err != nil {
			t.Fatal(err)
		}
		p := k.Normalize(tt.params)
		if m := k.Missing(p); m != nil {
			t.Fatalf("%s: %s missing", tt.kind, m.Name)
		}
		if err := k.Check(env, p); err != nil {
			t.Fatalf("%s %v: %v", tt.kind, tt.params, err)
		}
		if got := Stem(env, k, prof, p); got != tt.stem {
			t.Errorf("%s %v: stem %q, want %q", tt.kind, tt.params, got, tt.stem)
		}
		res, err := Render(env, &Request{Kind: tt.kind, Profile: prof, Params: p, Formats: []string{"md"}})
		if err != nil {
			t.Fatalf("%s: %v", tt.kind, err)
		}
		if !bytes.HasPrefix(res.Files[0].Data, []byte("# ")) {
			t.Errorf("%s: markdown starts %q", tt.kind, res.Files[0].Data[:20])
		}
	}
}

// TestKindChecks: a bad parameter is a *ParamError naming it.
func TestKindChecks(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Cat: cat}
	prof, _ := profile.Resolve(cat, profile.Input{Size: "25"})
	for _, tt := range []struct {
		kind   string
		params Params
		param  string
	}{
		{"jd", Params{"role": "ctoo"}, "role"},
		{"ladder", Params{"track": "managment"}, "track"},
		{"promotion", Params{"from": "staff-engineer", "to": "senior-engineer"}, "to"},
		{"level", Params{"level": "tech-lead"}, "level"},
		{"growth", Params{"grow_to": "many"}, "grow_to"},
		{"growth", Params{"grow_to": "20"}, "grow_to"}, // not above 25
	} {
		k, _ := LookupKind(tt.kind)
		err := k.Check(env, tt.params)
		if err == nil && k.CheckProfile != nil {
			err = k.CheckProfile(env, prof, tt.params)
		}
		pe, ok := IsParamError(err)
		if !ok || pe.Param != tt.param {
			t.Errorf("%s %v: error %v, want one about %s", tt.kind, tt.params, err, tt.param)
		}
	}
}

// TestClassify gives each mismatch warning its rule.
func TestClassify(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	prof, err := profile.Resolve(cat, profile.Input{Stage: "seed", Size: "5", Archetype: "infrastructure"})
	if err != nil {
		t.Fatal(err)
	}
	jd, _ := LookupKind("jd")
	res, err := Render(&Env{Cat: cat}, &Request{Kind: "jd", Profile: prof, Params: Params{"role": "vpe"}, Formats: []string{"md"}})
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, w := range res.Warnings {
		rules[w.Rule] = true
	}
	if !rules[RuleArchetypeSize] || !rules[RuleRoleSize] {
		t.Errorf("rules %v; want archetype-size and role-size", rules)
	}
	big, _ := profile.Resolve(cat, profile.Input{Stage: "seed", Size: "300"})
	for _, w := range Classify(jd, big, []string{"something else"}) {
		if w.Rule != RuleRoleSize {
			t.Errorf("an unknown posting warning is %s", w.Rule)
		}
	}
	if ws := Classify(jd, big, jdWarnings(t, cat, big)); len(ws) == 0 || ws[0].Rule != RuleStageSize {
		t.Errorf("a seed company of 300: %+v", ws)
	}
}

func jdWarnings(t *testing.T, cat *catalog.Catalog, prof profile.Profile) []string {
	t.Helper()
	k, _ := LookupKind("jd")
	v, err := k.Build(&Env{Cat: cat}, prof, Params{"role": "cto"})
	if err != nil {
		t.Fatal(err)
	}
	return v.Warnings
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
		if got := subjectOf(locale.English(), c.kind, c.title, c.company); got != c.want {
			t.Errorf("subjectOf(%q, %q, %q) = %q, want %q", c.kind, c.title, c.company, got, c.want)
		}
	}
}
