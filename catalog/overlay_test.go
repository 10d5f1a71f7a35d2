package catalog

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func overlay(t *testing.T, files map[string]string) (*Catalog, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Load(BuiltinLayer(), Layer{FS: fsys, Dir: ".", Prefix: "my/"})
}

func TestOverlayReplacesAddsAndDisables(t *testing.T) {
	base := mustBuiltin(t)
	first := base.Responsibilities[0]
	c, err := overlay(t, map[string]string{"mine.yaml": `
responsibilities:
  - id: ` + first.ID + `
    area: ` + first.Area + `
    roles: [cto]
    weights: {infrastructure: 1, product: 1, visionary: 1, external: 1}
    text: Our own wording for this duty.
    sources: [004_b5aa13debac98d84.txt]
  - id: run-the-guild
    area: knowledge-sharing
    roles: [staff-engineer]
    weights: {infrastructure: 1, product: 1, visionary: 1, external: 1}
    text: Run the monthly frontend guild.
    sources: [004_b5aa13debac98d84.txt]
disable: [` + base.Responsibilities[1].ID + `]
settings: {bullets: 6}
`})
	if err != nil {
		t.Fatal(err)
	}
	if c.Responsibilities[0].ID != first.ID || c.Responsibilities[0].Text != "Our own wording for this duty." {
		t.Errorf("same id did not replace in place: %+v", c.Responsibilities[0])
	}
	if c.Responsibilities[0].File != "my/mine.yaml" {
		t.Errorf("replaced item position = %s", c.Responsibilities[0].File)
	}
	got := ids(c.Responsibilities, func(r Responsibility) string { return r.ID })
	if !slices.Contains(got, "run-the-guild") {
		t.Error("new id was not added")
	}
	if slices.Contains(got, base.Responsibilities[1].ID) {
		t.Error("disabled item is still there")
	}
	if len(got) != len(base.Responsibilities) {
		t.Errorf("count = %d, want %d (one added, one removed)", len(got), len(base.Responsibilities))
	}
	if c.Settings.Bullets != 6 || c.Settings.ExecutiveBullets != base.Settings.ExecutiveBullets {
		t.Errorf("settings = %+v", c.Settings)
	}
	if !slices.Contains(c.Files, "my/mine.yaml") || !slices.Contains(c.Files, "catalog/roles.yaml") {
		t.Errorf("files = %v", c.Files)
	}
}

func TestOverlayErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"dangling area", "responsibilities:\n  - id: x\n    area: strategyy\n    roles: [cto]\n    text: T.\n    sources: [004_b5aa13debac98d84.txt]\n",
			[]string{`my/a.yaml:3: responsibility "x": unknown area "strategyy"`}},
		{"dangling role", "responsibilities:\n  - id: x\n    area: data\n    roles: [ceo]\n    text: T.\n    sources: [004_b5aa13debac98d84.txt]\n",
			[]string{`my/a.yaml:4: responsibility "x": unknown role "ceo"`}},
		{"duplicate in layer", "skills:\n  - {id: s1, kind: technical, text: A., must: [cto], sources: [004_b5aa13debac98d84.txt]}\n  - {id: s1, kind: technical, text: B., must: [cto], sources: [004_b5aa13debac98d84.txt]}\n",
			[]string{`my/a.yaml:3: skill "s1" is defined twice (first at my/a.yaml:2)`}},
		{"unknown field", "areas:\n  - id: data\n    titel: Data\n", []string{`my/a.yaml:3: unknown field "titel"; did you mean title?`}},
		{"unknown disable", "disable: [no-such-thing]\n", []string{`my/a.yaml:1: disable: no catalog item has the id "no-such-thing"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := overlay(t, map[string]string{"a.yaml": tt.yaml})
			if err == nil {
				t.Fatal("expected an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\nwant %q", err, w)
				}
			}
		})
	}
}
