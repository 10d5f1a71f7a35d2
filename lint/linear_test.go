package lint

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The two inputs of the hardening issue (13.4) that used to take minutes:
// a megabyte of '>' (block quotes nested a million deep) and 2.3 MB of
// "*a " followed by '['. Each must lint within a few seconds, and doubling
// the input must not much more than double the time.
var pathological = []struct {
	name string
	make func(n int) []byte
	size int
}{
	{"quotes", func(n int) []byte { return bytes.Repeat([]byte(">"), n) }, 1 << 20},
	{"emphasis", func(n int) []byte { return append(bytes.Repeat([]byte("*a "), n/3), '[') }, 2300000},
}

// TestPathologicalInputs lints the two inputs that used to take minutes.
// It checks what the result says, not how long it took: timing lives in
// BenchmarkPathological, so a busy machine cannot fail the test suite.
func TestPathologicalInputs(t *testing.T) {
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			start := time.Now()
			r := Check("p.md", p.make(p.size), Options{})
			t.Logf("%d bytes in %v", p.size, time.Since(start))
			if p.name == "quotes" && !strings.Contains(rulesOf(r), "nesting") {
				t.Errorf("no nesting finding: %s", rulesOf(r))
			}
		})
	}
}

// BenchmarkPathological times each pathological input at an eighth and a
// quarter of its full size: linear time shows as a ratio of about 2
// between the two (quadratic would give 4). Run with
// go test ./lint -run '^$' -bench Pathological.
func BenchmarkPathological(b *testing.B) {
	for _, p := range pathological {
		for _, n := range []int{p.size / 8, p.size / 4} {
			in := p.make(n)
			b.Run(fmt.Sprintf("%s-%d", p.name, n), func(b *testing.B) {
				for b.Loop() {
					Check("p.md", in, Options{})
				}
			})
		}
	}
}

func rulesOf(r Report) string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, " ")
}

func TestLimitNesting(t *testing.T) {
	deep := strings.Repeat("> ", 40) + "text\nplain\n" + strings.Repeat("- ", 30) + "item"
	out, cut := limitNesting([]byte(deep))
	if len(cut) != 2 || cut[0] != 1 || cut[1] != 3 {
		t.Fatalf("cut lines %v, want [1 3]", cut)
	}
	if bytes.Count(out, []byte("\n")) != 2 || !bytes.Contains(out, []byte("text")) || !bytes.Contains(out, []byte("item")) {
		t.Errorf("lines or text lost: %q", out)
	}
	if n := bytes.Count(bytes.SplitN(out, []byte("\n"), 2)[0], []byte(">")); n != MaxNesting {
		t.Errorf("kept %d markers, want %d", n, MaxNesting)
	}
	same := []byte("> quote\n- item\n1. one\n")
	if out, cut := limitNesting(same); cut != nil || !bytes.Equal(out, same) {
		t.Errorf("shallow input changed: %q %v", out, cut)
	}
}
