package ladders

import (
	_ "embed"

	"github.com/rungs/rungs/internal/snapshot"
)

// builtinSnapshot is the built-in ladder, loaded and validated from the
// YAML files at generate time (go generate ./internal/snapshot).
//
//go:embed builtin.gob
var builtinSnapshot []byte

// loadBuiltin decodes the snapshot when it was made from the embedded
// YAML files and the current types, and loads the YAML otherwise.
func loadBuiltin() (*Ladder, error) {
	if l, err := decodeSnapshot(builtinSnapshot); err == nil {
		return l, nil
	}
	return LoadFS(builtinFS, ".", "ladders/")
}

// decodeSnapshot decodes a snapshot of the built-in ladder and rebuilds
// its indexes.
func decodeSnapshot(data []byte) (*Ladder, error) {
	hash, err := BuiltinHash()
	if err != nil {
		return nil, err
	}
	l := &Ladder{}
	if err := snapshot.Decode(data, hash, l); err != nil {
		return nil, err
	}
	// The ladder the snapshot was made from had its settings block.
	l.settingsSeen = true
	if err := l.finish(); err != nil {
		return nil, err
	}
	return l, nil
}

// BuiltinHash identifies the built-in ladder's files and types, for its
// snapshot.
func BuiltinHash() ([]byte, error) {
	return snapshot.Hash(Ladder{}, builtinFS, ".", "*.yaml", "*.yml")
}
