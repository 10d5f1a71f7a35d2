// Command schemagen writes the JSON Schemas in schema/ from the Go types.
// Run it with `go generate ./internal/schema`.
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
	for _, d := range schema.Documents {
		data, err := schema.Build(d.Name, root)
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
