package lint

import (
	"bytes"
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

func timeCheck(md []byte) time.Duration {
	best := time.Duration(1 << 62)
	for range 5 {
		start := time.Now()
		Check("p.md", md, Options{})
		best = min(best, time.Since(start))
	}
	return best
}

func TestPathologicalInputs(t *testing.T) {
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			start := time.Now()
			r := Check("p.md", p.make(p.size), Options{})
			took := time.Since(start)
			t.Logf("%d bytes in %v", p.size, took)
			// Generous: the machine running the tests may be busy. On an
			// idle machine both take under two seconds.
			if took > 20*time.Second {
				t.Errorf("%d bytes took %v", p.size, took)
			}
			if p.name == "quotes" && !strings.Contains(rulesOf(r), "nesting") {
				t.Errorf("no nesting finding: %s", rulesOf(r))
			}
		})
	}
}

func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			small, large := timeCheck(p.make(p.size/8)), timeCheck(p.make(p.size/4))
			ratio := float64(large) / float64(max(small, time.Millisecond))
			t.Logf("n=%d: %v, 2n: %v, ratio %.2f", p.size/8, small, large, ratio)
			// Linear gives about 2; quadratic 4. Timers on a loaded
			// machine are noisy, hence the margin.
			if ratio > 3.5 {
				t.Errorf("doubling the input multiplied the time by %.2f", ratio)
			}
		})
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
