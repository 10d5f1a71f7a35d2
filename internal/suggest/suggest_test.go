package suggest

import "testing"

func TestNearest(t *testing.T) {
	stages := []string{"seed", "early", "growth", "enterprise", "series-a", "series-b"}
	tests := []struct {
		in, want string
	}{
		{"serie-a", "series-a"},
		{"grwth", "growth"},
		{"SEED", "seed"},
		{"ent", "enterprise"},
		{"banana", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Nearest(tt.in, stages); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"é", "e", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestHint(t *testing.T) {
	got := Hint("serie-a", []string{"seed", "series-a"})
	want := "; did you mean series-a? valid: seed, series-a"
	if got != want {
		t.Errorf("Hint = %q, want %q", got, want)
	}
}
