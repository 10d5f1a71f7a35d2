package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestArchetypeHintNamesValidID checks that an unknown archetype's hint
// names an id from the valid list it prints, not an alias missing from it
// (review ladder4, item 31).
func TestArchetypeHintNamesValidID(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{"operational", "did you mean infrastructure (also called operations)?"},
		{"infrastructur", "did you mean infrastructure?"},
		{"productled", "did you mean product?"},
		{"visonary", "did you mean visionary?"},
	} {
		_, err := c.Archetype(tt.in)
		var u *UnknownError
		if !errors.As(err, &u) {
			t.Fatalf("%s: error %v, want an UnknownError", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %q, want %q", tt.in, err, tt.want)
		}
		if id, _, _ := strings.Cut(u.Nearest, " "); !slices.Contains(u.Valid, id) {
			t.Errorf("%s: hint %q is not in the valid list %v", tt.in, u.Nearest, u.Valid)
		}
	}
}
