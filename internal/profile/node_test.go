package profile

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// A company given inline in another file is read as strictly as a
// company file, and its errors carry the enclosing file's lines.
func TestParseCompanyNode(t *testing.T) {
	var doc yaml.Node
	src := "defaults:\n  company:\n    name: Acme\n    engineers: 12\n    work_model: remote\n"
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	node := doc.Content[0].Content[1].Content[1]
	c, err := ParseCompanyNode("plan.yaml", node)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Acme" || c.Engineers != 12 || c.File() != "plan.yaml" || c.Line("engineers") != 4 {
		t.Errorf("company = %+v, line %d", c, c.Line("engineers"))
	}

	for _, tt := range []struct{ src, want string }{
		{"company:\n  name: Acme\n  engineer: 3\n", `plan.yaml:3: unknown field "engineer"; did you mean engineers?`},
		{"company:\n  engineers: lots\n", `plan.yaml:2: got text "lots", want a whole number`},
		{"company:\n  work_model: boat\n", `plan.yaml:2: work_model: unknown value "boat"`},
		{"company: [a]\n", "plan.yaml:1: company: want a file name or a mapping"},
	} {
		var d yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &d); err != nil {
			t.Fatal(err)
		}
		_, err := ParseCompanyNode("plan.yaml", d.Content[0].Content[1])
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error = %v, want %q", err, tt.want)
		}
	}
}
