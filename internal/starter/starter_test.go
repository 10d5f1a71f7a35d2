package starter

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// TestWrittenFilesMatchTheirSchemas checks every YAML file `rungs init
// --eject` writes against the schema its $schema line names.
func TestWrittenFilesMatchTheirSchemas(t *testing.T) {
	files, err := Files(true)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".yaml") || strings.Contains(f.Path, "/l10n/") {
			// Translation files mirror the English files' texts and are
			// checked by their loader (rungs validate), not by a schema.
			continue
		}
		first, _, _ := strings.Cut(string(f.Data), "\n")
		_, ref, ok := strings.Cut(first, "$schema=")
		if !ok {
			t.Errorf("%s has no $schema line", f.Path)
			continue
		}
		name := strings.TrimSuffix(ref[strings.LastIndex(ref, "/")+1:], ".schema.json")
		if err := validate(t, name, f.Data); err != nil {
			t.Errorf("%s does not match the %s schema: %v", f.Path, name, err)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("checked %d files", checked)
	}
}

func TestCompanyFileParses(t *testing.T) {
	for _, eject := range []bool{false, true} {
		files, err := Files(eject)
		if err != nil {
			t.Fatal(err)
		}
		c, err := profile.ParseCompany("company.yaml", files[0].Data)
		if err != nil {
			t.Fatalf("eject=%v: %v", eject, err)
		}
		if len(c.Stack) == 0 || c.Team == "" || len(c.InterviewProcess) == 0 {
			t.Errorf("eject=%v: stack, team and interview_process should be filled in: %+v", eject, c)
		}
		// titles and title_suffix are shown as commented examples.
		for _, key := range []string{"\n# titles:\n#   senior-engineer: ", "\n# title_suffix: (m/w/d)\n"} {
			if !strings.Contains(string(files[0].Data), key) {
				t.Errorf("eject=%v: no commented example %q", eject, key)
			}
		}
		if eject != (c.Catalog == "catalog" && c.Ladder == "ladder" && c.Templates == "templates") {
			t.Errorf("eject=%v: catalog=%q ladder=%q templates=%q", eject, c.Catalog, c.Ladder, c.Templates)
		}
	}
}

func validate(t *testing.T, name string, data []byte) error {
	t.Helper()
	raw, ok := schema.Get(name)
	if !ok {
		t.Fatalf("no schema %q", name)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("s.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("s.json")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(v)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(inst)
}

// TestCommentedExamplesResolve uncomments the titles and title_suffix
// examples: they must be valid as written.
func TestCommentedExamplesResolve(t *testing.T) {
	files, err := Files(false)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer("\n# titles:", "\ntitles:", "\n#   senior-engineer:", "\n  senior-engineer:", "\n#   vpe:", "\n  vpe:", "\n# title_suffix:", "\ntitle_suffix:").Replace(string(files[0].Data))
	c, err := profile.ParseCompany("company.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Resolve(cat, profile.Input{Company: c})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.PostingTitle("vp-engineering", ""); got != "VP of Engineering (m/w/d)" {
		t.Errorf("PostingTitle = %q", got)
	}
	if err := validate(t, "company", []byte(src)); err != nil {
		t.Errorf("schema: %v", err)
	}
}
