package ladders

import (
	"io/fs"
	"sort"
	"testing"
)

// FuzzLoad replaces one of the built-in ladder files with arbitrary bytes
// and loads the set through strict decoding and validation, as a custom
// ladder folder is loaded: any input gives a ladder or an error with a
// file name, never a panic. A ladder that loads answers every lookup of
// the ids it lists.
//
//	go test -run '^$' -fuzz=FuzzLoad ./ladders
func FuzzLoad(f *testing.F) {
	names, err := fs.Glob(builtinFS, "*.yaml")
	if err != nil || len(names) == 0 {
		f.Fatalf("built-in ladder files: %v %v", names, err)
	}
	sort.Strings(names)
	files := make([][]byte, len(names))
	for i, n := range names {
		if files[i], err = fs.ReadFile(builtinFS, n); err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), files[i])
	}
	f.Add(uint8(0), []byte("levels:\n  - {id: x, track: ic, grade: 1}\n  - {id: x, track: ic, grade: 1}\n"))
	f.Add(uint8(1), []byte("a: &a [*a, *a, *a]\nb: &b [*a, *a]\n"))
	f.Add(uint8(2), []byte("settings: {}\nsettings: {}\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		if len(data) > 256<<10 {
			t.Skip("over the loader's input cap")
		}
		l := &Ladder{}
		var failed bool
		for i, n := range names {
			d := files[i]
			if i == int(which)%len(names) {
				d = data
			}
			if err := l.add(n, d); err != nil {
				if err.Error() == "" {
					t.Fatalf("%s: empty error", n)
				}
				failed = true
			}
		}
		if failed {
			return
		}
		if err := l.finish(); err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		for _, id := range l.LevelIDs() {
			v, err := l.Level(id)
			if err != nil {
				t.Fatalf("level %s listed but not found: %v", id, err)
			}
			l.Below(v)
			l.Above(v)
			l.Shared(v)
		}
		for _, id := range l.TrackIDs() {
			if _, err := l.Track(id); err != nil {
				t.Fatalf("track %s listed but not found: %v", id, err)
			}
			l.TrackLevels(id)
		}
		for _, id := range l.DimensionIDs() {
			if _, err := l.Dimension(id); err != nil {
				t.Fatalf("dimension %s listed but not found: %v", id, err)
			}
		}
	})
}
