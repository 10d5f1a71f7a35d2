// Package schema provides JSON Schemas for the files users write:
// company.yaml, batch manifests, catalog files and ladder files. The
// schemas are generated from the Go types and the kinds' declared
// parameters by internal/schemagen (go generate), a tool kept out of the
// binary, and committed; a test there fails when they are stale. Editors
// use them through the `# yaml-language-server: $schema=...` line that
// `rungs init` writes.
package schema

//go:generate go run ../schemagen

import (
	"embed"
	"slices"
)

//go:embed *.schema.json
var files embed.FS

// names are the schemas Rungs ships; internal/schemagen writes them.
var names = []string{"catalog", "company", "ladder", "manifest"}

// Names lists the schema names, sorted.
func Names() []string { return slices.Clone(names) }

// Get returns the committed schema for name.
func Get(name string) ([]byte, bool) {
	data, err := files.ReadFile(name + ".schema.json")
	return data, err == nil
}

// FileName is the file name a schema is written under.
func FileName(name string) string { return name + ".schema.json" }
