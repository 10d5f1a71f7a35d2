package snapshot

import (
	"bytes"
	"errors"
	"testing"
	"testing/fstest"
)

type v1 struct {
	Name  string
	Items []string
}

type v2 struct {
	Name  string
	Items []string
	Added int // a field the YAML may set: an old snapshot must not be used
}

func TestHashFollowsFilesAndType(t *testing.T) {
	files := fstest.MapFS{"a.yaml": {Data: []byte("a: 1\n")}, "b.yaml": {Data: []byte("b: 2\n")}, "notes.txt": {Data: []byte("x")}}
	h1, err := Hash(v1{}, files, ".", "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	same, _ := Hash(v1{}, files, ".", "*.yaml")
	if !bytes.Equal(h1, same) {
		t.Error("the same files and type give another hash")
	}
	files["notes.txt"] = &fstest.MapFile{Data: []byte("y")}
	if h, _ := Hash(v1{}, files, ".", "*.yaml"); !bytes.Equal(h, h1) {
		t.Error("a file the patterns leave out changed the hash")
	}
	files["b.yaml"] = &fstest.MapFile{Data: []byte("b: 3\n")}
	if h, _ := Hash(v1{}, files, ".", "*.yaml"); bytes.Equal(h, h1) {
		t.Error("an edited YAML file keeps the hash")
	}
	files["b.yaml"] = &fstest.MapFile{Data: []byte("b: 2\n")}
	if h, _ := Hash(v2{}, files, ".", "*.yaml"); bytes.Equal(h, h1) {
		t.Error("a type with a new field keeps the hash")
	}
}

func TestRoundTripAndStale(t *testing.T) {
	hash := []byte("files")
	data, err := Encode(hash, v1{Name: "x", Items: []string{"a", "b"}})
	if err != nil {
		t.Fatal(err)
	}
	var got v1
	if err := Decode(data, hash, &got); err != nil || got.Name != "x" || len(got.Items) != 2 {
		t.Fatalf("decode: %v, %+v", err, got)
	}
	if err := Decode(data, []byte("other files"), &got); !errors.Is(err, ErrStale) {
		t.Errorf("other files: %v, want ErrStale", err)
	}
	if err := Decode(nil, hash, &got); err == nil {
		t.Error("an empty snapshot decoded")
	}
}
