// Command gen writes the snapshots of the built-in catalog and ladder
// (catalog/builtin.gob, ladders/builtin.gob) from their YAML files. It is
// run by go generate ./internal/snapshot, from that folder, after any
// change to the YAML files or to the types they decode into. A snapshot
// whose content has not changed is left as it is (gob writes maps in no
// fixed order, so its bytes could change with nothing else).
package main

import (
	"fmt"
	"os"
	"reflect"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/snapshot"
	"github.com/rungs/rungs/ladders"
)

func main() {
	cat, err := catalog.Load(catalog.BuiltinLayer())
	check(err)
	hash, err := catalog.BuiltinHash()
	check(err)
	write("../../catalog/builtin.gob", hash, cat, &catalog.Catalog{}, &catalog.Catalog{})

	lad, err := ladders.LoadFS(ladders.BuiltinFS(), ".", "ladders/")
	check(err)
	hash, err = ladders.BuiltinHash()
	check(err)
	write("../../ladders/builtin.gob", hash, lad, &ladders.Ladder{}, &ladders.Ladder{})
}

// write writes the snapshot of v to path unless the file there already
// decodes to the same value. fresh and old are empty values of v's type.
func write(path string, hash []byte, v, fresh, old any) {
	data, err := snapshot.Encode(hash, v)
	check(err)
	// Compare decoded values: what was not encoded (positions in the
	// YAML tree, indexes) is absent from both.
	check(snapshot.Decode(data, hash, fresh))
	if cur, err := os.ReadFile(path); err == nil && snapshot.Decode(cur, hash, old) == nil && reflect.DeepEqual(fresh, old) {
		fmt.Printf("%s: up to date\n", path)
		return
	}
	check(os.WriteFile(path, data, 0o644))
	fmt.Printf("%s: written, %d bytes\n", path, len(data))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
