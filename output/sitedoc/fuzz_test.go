package sitedoc

import (
	"bytes"
	"testing"
)

// FuzzParseManifest: any bytes give entries or an error, never a panic,
// and every entry's path stays inside the folder; a parsed manifest
// written back parses to the same entries.
func FuzzParseManifest(f *testing.F) {
	f.Add([]byte("0000000000000000000000000000000000000000000000000000000000000000  index.html\n"))
	f.Add([]byte("x  ../a\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ParseManifest(data)
		if err != nil {
			return
		}
		var b bytes.Buffer
		for _, e := range entries {
			if !safePath(e.Path) {
				t.Fatalf("unsafe path %q accepted", e.Path)
			}
			b.WriteString(e.SHA256 + "  " + e.Path + "\n")
		}
		again, err := ParseManifest(b.Bytes())
		if err != nil || len(again) != len(entries) {
			t.Fatalf("round trip: %v, %d entries, want %d", err, len(again), len(entries))
		}
	})
}
