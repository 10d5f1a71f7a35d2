package profile

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rungs/rungs/catalog"
)

func builtin(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestResolveDefaultsAndOverrides(t *testing.T) {
	cat := builtin(t)
	p, err := Resolve(cat, Input{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stage.ID != DefaultStage || p.Archetype.ID != DefaultArchetype || p.Size != p.Stage.DefaultSize || p.ArchetypeGiven {
		t.Errorf("defaults = %s %s %d %v", p.Stage.ID, p.Archetype.ID, p.Size, p.ArchetypeGiven)
	}
	if !p.Date.IsZero() {
		t.Errorf("date = %v, want none without a date source", p.Date)
	}

	c, err := ParseCompany("c.yaml", []byte("stage: series-b\nengineers: 70\narchetype: external\ndate: 2026-01-02\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err = Resolve(cat, Input{Company: c, SourceDateEpoch: "0"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stage.ID != "growth" || p.Size != 70 || p.Archetype.ID != "external" || !p.ArchetypeGiven {
		t.Errorf("from file = %s %d %s", p.Stage.ID, p.Size, p.Archetype.ID)
	}
	if !p.Date.Equal(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date = %v, want the file's date", p.Date)
	}
	p, err = Resolve(cat, Input{Company: c, Stage: "seed", Size: "4", Archetype: "product"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stage.ID != "seed" || p.Size != 4 || p.Archetype.ID != "product" {
		t.Errorf("flags do not override the file: %s %d %s", p.Stage.ID, p.Size, p.Archetype.ID)
	}
	p, err = Resolve(cat, Input{SourceDateEpoch: "1700000000"})
	if err != nil || p.Date.Format(time.DateOnly) != "2023-11-14" {
		t.Errorf("SOURCE_DATE_EPOCH date = %v, %v", p.Date, err)
	}
}

func TestResolveErrors(t *testing.T) {
	cat := builtin(t)
	c, err := ParseCompany("c.yaml", []byte("name: A\nstage: serie-b\narchetype: visonary\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       Input
		flag     string
		contains string
	}{
		{"flag stage", Input{Stage: "serie-a"}, "stage", `--stage: unknown stage "serie-a"; did you mean series-a?`},
		{"flag archetype", Input{Archetype: "infra-ops"}, "archetype", "--archetype: unknown archetype"},
		{"flag size", Input{Size: "-1"}, "size", "--size: -1 is too small"},
		{"file stage", Input{Company: c}, "", `c.yaml:2: stage: unknown stage "serie-b"; did you mean series-b?`},
		{"file archetype", Input{Company: c, Stage: "seed"}, "", `c.yaml:3: archetype: unknown archetype "visonary"; did you mean visionary?`},
		{"epoch", Input{SourceDateEpoch: "yesterday"}, "", "SOURCE_DATE_EPOCH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(cat, tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Fatalf("error = %v, want %q", err, tt.contains)
			}
			var fe *FlagError
			if got := errors.As(err, &fe); got != (tt.flag != "") {
				t.Errorf("FlagError = %v, want %v", got, tt.flag != "")
			}
		})
	}
}

func TestResolveUnknownCompensationRole(t *testing.T) {
	cat := builtin(t)
	c, err := ParseCompany("c.yaml", []byte("compensation:\n  ctoo: {min: 1, max: 2, currency: EUR}\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Resolve(cat, Input{Company: c})
	if err == nil || !strings.Contains(err.Error(), `c.yaml:2: compensation: unknown role "ctoo"; did you mean cto?`) {
		t.Errorf("error = %v", err)
	}
}
