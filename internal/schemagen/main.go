// Command schemagen writes the JSON Schemas in internal/schema from the Go
// types and, for the batch manifest, from the fields the kinds declare.
// Run it with `go generate ./internal/schema`. It parses Go source for the
// fields' doc comments, so it is a generate-time tool, never linked into
// rungs; TestSchemasAreFresh here fails when a committed schema is stale.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/rungs/rungs/internal/schema"
)

func main() {
	// go generate runs in the schema folder; the module root is above it.
	root := "../.."
	for _, d := range documents {
		data, err := Build(d.Name, root)
		if err != nil {
			fmt.Fprintln(os.Stderr, "schemagen:", err)
			os.Exit(1)
		}
		path := filepath.Join(root, "internal", "schema", schema.FileName(d.Name))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "schemagen:", err)
			os.Exit(1)
		}
	}
}
