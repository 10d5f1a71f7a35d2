package ctrl

import (
	"bytes"
	"testing"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                 "plain",
		"a\tb\nc":               "a\tb\nc",
		"\x1b]0;pwned\a\x1b[2J": `\x1b]0;pwned\x07\x1b[2J`,
		"back\bspace\x7f":       `back\x08space\x7f`,
		"c1 \u009b31m \u0085":   `c1 \u009b31m \u0085`,
		"bad \xff utf8":         `bad \xff utf8`,
		"Ελληνικά 中文 😀":         "Ελληνικά 中文 😀",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFind(t *testing.T) {
	if i, r := Find("ab\x1bc", Text); i != 2 || r != 0x1b {
		t.Errorf("Find = %d %U", i, r)
	}
	if i, _ := Find("a\tb\nc", Text); i != -1 {
		t.Errorf("tab and newline are text: %d", i)
	}
	if i, _ := Find("a\r\n", Text); i != 1 {
		t.Errorf("CR is not text: %d", i)
	}
	if i, _ := Find("a\r\n", File); i != -1 {
		t.Errorf("CR is allowed in files: %d", i)
	}
	if i, r := Find("x\u0085", Text); i != 1 || r != 0x85 {
		t.Errorf("C1: %d %U", i, r)
	}
}

func TestWriterSplitRune(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	in := []byte("a\u009bb é\x1b")
	for i := range in {
		w.Write(in[i : i+1])
	}
	w.Flush()
	if got, want := b.String(), `a\u009bb é\x1b`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if bytes.IndexByte(b.Bytes(), 0x1b) >= 0 {
		t.Error("raw ESC written")
	}
}
