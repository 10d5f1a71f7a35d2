package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/batch"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// Compile returns a validator for a named schema.
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	data, _ := Get(name)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	url := "https://rungs.dev/schema/" + FileName(name)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("schema %s does not compile: %v", name, err)
	}
	return s
}

// yamlToJSONValue converts YAML to the values a JSON validator expects.
func yamlToJSONValue(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if v == nil {
		v = map[string]any{}
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Validate checks YAML against a schema, for this package's tests and
// for the commands' tests.
func validateYAML(t *testing.T, name string, data []byte) error {
	return compile(t, name).Validate(yamlToJSONValue(t, data))
}

func TestSchemasAcceptShippedFiles(t *testing.T) {
	cat, _ := filepath.Glob("../../catalog/*.yaml")
	for _, f := range cat {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, "catalog", data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	lad, _ := filepath.Glob("../../ladders/*.yaml")
	if len(lad) == 0 {
		t.Error("no ladder files found")
	}
	for _, f := range lad {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, "ladder", data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	companies, _ := filepath.Glob("../../templates/testdata/company-*.yaml")
	for _, f := range companies {
		data, _ := os.ReadFile(f)
		if err := validateYAML(t, "company", data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestSchemasAcceptREADMEExamples validates every YAML block of the README
// whose first line names its schema ("# schema: company").
func TestSchemasAcceptREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatch(readme, -1)
	checked := 0
	for _, b := range blocks {
		body := b[1]
		name := ""
		for _, n := range Names() {
			if bytes.Contains(body, []byte("$schema="+FileName(n))) || bytes.Contains(body, []byte("schema/"+FileName(n))) {
				name = n
			}
		}
		if name == "" {
			continue
		}
		checked++
		if err := validateYAML(t, name, body); err != nil {
			t.Errorf("README example for %s: %v\n%s", name, err, body)
		}
	}
	if checked == 0 {
		t.Error("no README example names a schema")
	}
}

func TestSchemaRejectsUnknownField(t *testing.T) {
	err := validateYAML(t, "company", []byte("name: A\nengineer: 3\n"))
	if err == nil || !strings.Contains(err.Error(), "engineer") {
		t.Errorf("error = %v", err)
	}
	err = validateYAML(t, "company", []byte("work_model: boat\n"))
	if err == nil {
		t.Error("enum not enforced")
	}
}

// TestManifestFieldsMatchBatch keeps the manifest schema in step with the
// fields the batch parser accepts: every kind's parameters included.
func TestManifestFieldsMatchBatch(t *testing.T) {
	data, _ := Get("manifest")
	var m struct {
		Defs struct {
			Entry struct {
				Properties map[string]any `json:"properties"`
			} `json:"entry"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range m.Defs.Entry.Properties {
		got = append(got, k)
	}
	want := append([]string(nil), batch.FieldNames()...)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("manifest schema fields %v, batch fields %v", got, want)
	}
}

func TestLadderSchemaAcceptsBuiltinLadder(t *testing.T) {
	files, _ := filepath.Glob("../../ladders/*.yaml")
	if len(files) == 0 {
		t.Fatal("no ladder files")
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if err := validateYAML(t, "ladder", data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestManifestSchema(t *testing.T) {
	ok := []byte("defaults:\n  company: acme.yaml\n  format: md+pdf\ndocuments:\n  - role: cto\n  - kind: ladder\n    size: 40\nmatrix:\n  role: [cto, vpe]\n  stage: [seed, growth]\n")
	if err := validateYAML(t, "manifest", ok); err != nil {
		t.Errorf("valid manifest rejected: %v", err)
	}
	inline := []byte("defaults:\n  company: {name: Acme, engineers: 12}\ndocuments: [{role: cto}]\n")
	if err := validateYAML(t, "manifest", inline); err != nil {
		t.Errorf("inline company rejected: %v", err)
	}
	kinds := []byte("documents:\n  - {kind: level, level: staff-engineer}\n  - {kind: growth, grow_to: 120, track: ic}\nmatrix:\n  kind: growth\n  grow_to: [60, 120]\n")
	if err := validateYAML(t, "manifest", kinds); err != nil {
		t.Errorf("level cards and growth plans rejected: %v", err)
	}
	if err := validateYAML(t, "manifest", []byte("documents: [{kind: card}]\n")); err == nil {
		t.Error("unknown kind accepted")
	}
	if err := validateYAML(t, "manifest", []byte("documents: [{rol: cto}]\n")); err == nil {
		t.Error("unknown entry field accepted")
	}
}
