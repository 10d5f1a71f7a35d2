package catalog

import (
	_ "embed"

	"github.com/rungs/rungs/internal/snapshot"
)

// builtinSnapshot is the built-in catalog, loaded and validated from the
// YAML files at generate time (go generate ./internal/snapshot): decoding
// it costs a few milliseconds, parsing the YAML about twenty.
//
//go:embed builtin.gob
var builtinSnapshot []byte

// loadBuiltin decodes the snapshot when it was made from the embedded
// YAML files and the current types, and loads the YAML otherwise.
func loadBuiltin() (*Catalog, error) {
	if c, err := decodeSnapshot(builtinSnapshot); err == nil {
		return c, nil
	}
	return Load(BuiltinLayer())
}

// decodeSnapshot decodes a snapshot of the built-in catalog and rebuilds
// its indexes.
func decodeSnapshot(data []byte) (*Catalog, error) {
	hash, err := BuiltinHash()
	if err != nil {
		return nil, err
	}
	c := &Catalog{}
	if err := snapshot.Decode(data, hash, c); err != nil {
		return nil, err
	}
	if err := c.finish(); err != nil {
		return nil, err
	}
	return c, nil
}

// BuiltinHash identifies the built-in catalog's files and types, for
// its snapshot.
func BuiltinHash() ([]byte, error) {
	return snapshot.Hash(Catalog{}, builtinFS, ".", "*.yaml", "*.yml")
}
