package ladders

import (
	"reflect"
	"testing"

	"github.com/rungs/rungs/internal/snapshot"
)

// The committed snapshot is what loading the YAML gives today; when this
// fails, run go generate ./internal/snapshot and commit the result.
func TestSnapshotUpToDate(t *testing.T) {
	got, err := decodeSnapshot(builtinSnapshot)
	if err != nil {
		t.Fatalf("ladders/builtin.gob: %v; run go generate ./internal/snapshot", err)
	}
	fromYAML, err := LoadFS(builtinFS, ".", "ladders/")
	if err != nil {
		t.Fatal(err)
	}
	hash, err := BuiltinHash()
	if err != nil {
		t.Fatal(err)
	}
	// The YAML tree behind positions is not in a snapshot: compare with
	// the YAML ladder after the same encoding.
	data, err := snapshot.Encode(hash, fromYAML)
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeSnapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("ladders/builtin.gob differs from the YAML files; run go generate ./internal/snapshot")
	}
	if len(got.Levels) == 0 || got.Levels[0].File == "" || got.Levels[0].Line == 0 {
		t.Errorf("the snapshot lost the items' file and line: %+v", got.Levels[0].Pos)
	}
}

// A snapshot of other files is never used: Builtin then loads the YAML.
func TestStaleSnapshotIsIgnored(t *testing.T) {
	lad, err := LoadFS(builtinFS, ".", "ladders/")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := snapshot.Encode([]byte("other files"), lad)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeSnapshot(stale); err != snapshot.ErrStale {
		t.Errorf("decodeSnapshot(stale) = %v, want ErrStale", err)
	}
	if _, err := decodeSnapshot(nil); err == nil {
		t.Error("decodeSnapshot(nil) succeeded")
	}
}

func BenchmarkBuiltinFromSnapshot(b *testing.B) {
	for b.Loop() {
		if _, err := decodeSnapshot(builtinSnapshot); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuiltinFromYAML(b *testing.B) {
	for b.Loop() {
		if _, err := LoadFS(builtinFS, ".", "ladders/"); err != nil {
			b.Fatal(err)
		}
	}
}
