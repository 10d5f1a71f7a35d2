package sitedoc

import (
	"bytes"
	"testing"

	"github.com/rungs/rungs/generator"
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

// FuzzTransforms: the Markdown edits the site makes (cards out of the
// index, even heading levels, links to level pages) take any Markdown
// without a panic, and only add to it or, for the cards, take whole
// sections out: what they keep reads as it did.
func FuzzTransforms(f *testing.F) {
	f.Add([]byte("# A\n\n## The levels\n\n### Staff Engineer (L3)\n\n#### What we expect\n\n- x\n\n## FAQ\n"))
	f.Add([]byte("| a | b |\n|---|---|\n| **Staff Engineer** L3 | Staff Engineer (L3) |\n"))
	f.Add([]byte("Setext\n===\n\n#### deep\n\n> ### quoted\n"))
	f.Add([]byte("# Grille\n\n## Les niveaux\n\n### Staff Engineer (L3)\n\n#### Staff Engineer\u00a0: nos attentes\n\nVers Staff Engineer (L3, réservé).\n"))
	targets := []target{{names: [][]byte{[]byte("Staff Engineer (L3)"), []byte("Staff Engineer (L3, réservé)")}, title: []byte("Staff Engineer"), code: []byte("L3"), page: levelPage("staff-engineer")}}
	levels := []generator.LevelView{{Title: "Staff Engineer", Code: "L3"}}
	f.Fuzz(func(t *testing.T, md []byte) {
		if len(md) > 1<<16 {
			return
		}
		linked := linkLevels(md, indexPage, targets)
		if len(linked) < len(md) {
			t.Fatalf("linkLevels dropped text: %q -> %q", md, linked)
		}
		if !bytes.Contains(md, []byte("Staff Engineer")) && !bytes.Equal(linked, md) {
			t.Fatalf("linkLevels changed text with no level in it: %q -> %q", md, linked)
		}
		even := evenHeadings(md)
		if len(even) > len(md) {
			t.Fatalf("evenHeadings added text: %q -> %q", md, even)
		}
		_ = spliceCards(md, levels, []byte("LIST\n"))
	})
}
