package main

import (
	"bytes"
	"slices"
	"testing"

	"github.com/rungs/rungs/internal/schema"
)

// TestSchemasAreFresh fails when a Go type or a kind's parameters changed
// and `go generate ./internal/schema` was not run.
func TestSchemasAreFresh(t *testing.T) {
	for _, d := range documents {
		want, err := Build(d.Name, "../..")
		if err != nil {
			t.Fatal(err)
		}
		got, ok := schema.Get(d.Name)
		if !ok {
			t.Fatalf("internal/schema/%s is missing; run go generate ./internal/schema", schema.FileName(d.Name))
		}
		if !bytes.Equal(got, want) {
			t.Errorf("internal/schema/%s is stale; run go generate ./internal/schema and commit the result", schema.FileName(d.Name))
		}
	}
}

// TestEveryShippedSchemaIsGenerated keeps the list of schemas the binary
// ships and the list this tool writes the same.
func TestEveryShippedSchemaIsGenerated(t *testing.T) {
	var names []string
	for _, d := range documents {
		names = append(names, d.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, schema.Names()) {
		t.Errorf("schemagen writes %v; internal/schema ships %v", names, schema.Names())
	}
}
