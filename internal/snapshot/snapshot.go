// Package snapshot keeps the embedded data (catalog, ladder) in a decoded,
// validated form that loads in a few milliseconds, instead of parsing
// 300 KB of YAML at the start of every command. A snapshot records the
// hash of the YAML files it was made from; when they change and the
// snapshot is not regenerated, Decode says so and the caller loads the YAML,
// so a stale snapshot is never used (a test in each package fails then).
package snapshot

//go:generate go run ./gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
)

// Hash returns the SHA-256 of the shape of v's type (so that a snapshot
// of an older type is never decoded into a newer one, where a new field
// would silently stay empty) and of the files of dir in fsys whose names
// match one of the patterns: each name and content, in name order.
func Hash(v any, fsys fs.FS, dir string, patterns ...string) ([]byte, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		for _, p := range patterns {
			if ok, _ := path.Match(p, e.Name()); ok && !e.IsDir() {
				names = append(names, e.Name())
				break
			}
		}
	}
	sort.Strings(names)
	h := sha256.New()
	writeType(h, reflect.TypeOf(v), map[reflect.Type]bool{})
	for _, n := range names {
		data, err := fs.ReadFile(fsys, path.Join(dir, n))
		if err != nil {
			return nil, err
		}
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(data)
		h.Write([]byte{0})
	}
	return h.Sum(nil), nil
}

// writeType writes the shape of t: its kind, and the names, tags and
// types of its fields, recursively.
func writeType(w io.Writer, t reflect.Type, seen map[reflect.Type]bool) {
	fmt.Fprintf(w, "%s(", t.Kind())
	defer io.WriteString(w, ")")
	if seen[t] {
		io.WriteString(w, t.String())
		return
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		writeType(w, t.Elem(), seen)
	case reflect.Map:
		writeType(w, t.Key(), seen)
		writeType(w, t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fmt.Fprintf(w, "%s %q ", f.Name, f.Tag)
			writeType(w, f.Type, seen)
		}
	}
}

// header precedes the value in a snapshot.
type header struct {
	Format int
	Hash   []byte
}

// format changes when the encoding of snapshots does.
const format = 1

// Encode returns the snapshot of v, made from the files with the given hash.
func Encode(hash []byte, v any) ([]byte, error) {
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	if err := enc.Encode(header{format, hash}); err != nil {
		return nil, err
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ErrStale is returned by Decode for a snapshot of other files, or of
// another format.
var ErrStale = errors.New("snapshot: made from other files; regenerate it")

// Decode decodes the snapshot data into v when it was made from the files
// with the given hash.
func Decode(data, hash []byte, v any) error {
	dec := gob.NewDecoder(bytes.NewReader(data))
	var h header
	if err := dec.Decode(&h); err != nil {
		return err
	}
	if h.Format != format || !bytes.Equal(h.Hash, hash) {
		return ErrStale
	}
	return dec.Decode(v)
}
