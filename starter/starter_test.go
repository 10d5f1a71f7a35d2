package starter

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rungs/rungs/profile"
	"github.com/rungs/rungs/schema"
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
		if !strings.HasSuffix(f.Path, ".yaml") {
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
