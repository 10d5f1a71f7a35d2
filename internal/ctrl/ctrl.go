// Package ctrl finds and escapes control characters: the C0 controls
// (U+0000 to U+001F), DEL (U+007F) and the C1 controls (U+0080 to U+009F),
// plus the Unicode line and paragraph separators. A user's text with one
// of them is refused as input, and every message that echoes user text or
// a path escapes them, so nothing Rungs writes to a terminal can move the
// cursor, retitle the window or recolour it.
package ctrl

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// Is reports whether r is a control character in the sense of this
// package.
func Is(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029'
}

// Allow says which control characters a text may hold.
type Allow struct {
	Tab     bool
	Newline bool // "\n"
	CR      bool // "\r", as in files with Windows line ends
}

// Text allows tabs and newlines: free text over several lines.
var Text = Allow{Tab: true, Newline: true}

// File allows tabs and both line ends: a text file such as a template.
var File = Allow{Tab: true, Newline: true, CR: true}

func (a Allow) ok(r rune) bool {
	switch r {
	case '\t':
		return a.Tab
	case '\n':
		return a.Newline
	case '\r':
		return a.CR
	}
	return !Is(r)
}

// Find returns the byte offset and the rune of the first control character
// s holds that a does not allow, or -1.
func Find(s string, a Allow) (int, rune) {
	for i, r := range s {
		if !a.ok(r) {
			return i, r
		}
	}
	return -1, 0
}

// Name names a control character for a message: "ESC (U+001B)".
func Name(r rune) string {
	names := map[rune]string{0: "NUL", 7: "BEL", 8: "backspace", 9: "tab", 10: "line feed", 13: "carriage return",
		0x1b: "ESC", 0x7f: "DEL", 0x85: "NEL", 0x9b: "CSI", 0x9d: "OSC", 0x2028: "line separator", 0x2029: "paragraph separator"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("%s (%U)", n, r)
	}
	return fmt.Sprintf("%U", r)
}

// Problem describes the first disallowed control character in s, for a
// message such as "name has ESC (U+001B) at character 3; ...", or "" when
// there is none.
func Problem(s string, a Allow) string {
	i, r := Find(s, a)
	if i < 0 {
		return ""
	}
	return fmt.Sprintf("a control character, %s, at character %d", Name(r), utf8.RuneCountInString(s[:i])+1)
}

// Escape returns s with every control character other than tab and
// newline written as a Go escape (\x1b, \u0085), and invalid UTF-8 bytes
// as \xNN: safe to print on a terminal.
func Escape(s string) string {
	if !needs(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x80 && Is(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Is(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needs(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r != '\t' && r != '\n' && Is(r)) {
			return true
		}
		i += size
	}
	return false
}

// Writer escapes, as Escape does, everything written through it. A rune
// split across two writes is held until it is complete. It is safe for
// concurrent use, as an *os.File is.
type Writer struct {
	mu      sync.Mutex
	w       io.Writer
	pending []byte
}

// NewWriter returns a Writer over w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	data := p
	if len(w.pending) > 0 {
		data = append(w.pending, p...)
		w.pending = nil
	}
	// Hold back an incomplete rune at the end.
	cut := len(data)
	for k := 1; k <= 3 && k <= len(data); k++ {
		c := data[len(data)-k]
		if c < 0x80 {
			break
		}
		if c >= 0xc0 { // a start byte
			if !utf8.FullRune(data[len(data)-k:]) {
				cut = len(data) - k
			}
			break
		}
	}
	w.pending = append([]byte(nil), data[cut:]...)
	if _, err := io.WriteString(w.w, Escape(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is held back, escaped.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.pending) == 0 {
		return nil
	}
	_, err := io.WriteString(w.w, Escape(string(w.pending)))
	w.pending = nil
	return err
}
