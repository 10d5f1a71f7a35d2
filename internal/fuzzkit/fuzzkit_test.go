package fuzzkit

import (
	"bytes"
	"testing"
)

func TestSections(t *testing.T) {
	md := []byte("# A\n\ntext\n\n## B\n\n" + string(bytes.Repeat([]byte("x"), 25)) + "\n## C\n")
	got := Sections(md, 10)
	if !bytes.Equal(bytes.Join(got, nil), md) {
		t.Fatalf("sections lose text: %q", got)
	}
	for _, s := range got {
		if len(s) > 10 || len(bytes.TrimSpace(s)) == 0 {
			t.Errorf("section %q: over 10 bytes or empty", s)
		}
	}
}
