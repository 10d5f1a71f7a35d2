package lint

import (
	"bytes"
	"fmt"
	"runtime"
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
	// Inputs at the 4 MiB read cap that cost the parser a node each few
	// bytes: lines, list items, links and autolinks.
	{"lines", func(n int) []byte { return bytes.Repeat([]byte("a\n"), n/2) }, 4 << 20},
	{"items", func(n int) []byte { return bytes.Repeat([]byte("- a\n"), n/4) }, 4 << 20},
	{"links", func(n int) []byte { return bytes.Repeat([]byte("[a]"), n/3) }, 4 << 20},
	{"autolinks", func(n int) []byte { return bytes.Repeat([]byte("<a "), n/3) }, 4 << 20},
}

// maxAlloc bounds the bytes lint allocates in all on one pathological
// input. Peak memory is lower than the total allocated, so this keeps the
// peak under the 256 MB the hardening issue sets (the 2.3 MB emphasis file
// used to peak near 500 MB). Bytes allocated do not depend on the
// machine's speed, so the test cannot fail on a busy machine.
const maxAlloc = 256 << 20

// TestPathologicalInputs lints the two inputs that used to take minutes.
// It checks what the result says, not how long it took: timing lives in
// BenchmarkPathological, so a busy machine cannot fail the test suite.
func TestPathologicalInputs(t *testing.T) {
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			in := p.make(p.size)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			r := Check("p.md", in, Options{})
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes in %v, %d MB allocated", p.size, elapsed, alloc>>20)
			if alloc > maxAlloc {
				t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, maxAlloc>>20)
			}
			want := "input-limit"
			if p.name == "quotes" {
				want = "nesting"
			}
			if !strings.Contains(rulesOf(r), want) {
				t.Errorf("no %s finding: %s", want, rulesOf(r))
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
				b.ReportAllocs()
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

func TestLimitSize(t *testing.T) {
	small := []byte("# Engineer\n\n**Pay:** $100 - $120 *per hour* [apply](https://x.test)\n")
	if out, cut, plain := limitSize(small); cut != 0 || plain != 0 || !bytes.Equal(out, small) {
		t.Errorf("small input changed: %q %d %d", out, cut, plain)
	}
	long := bytes.Repeat([]byte("a\n"), MaxLines+5)
	out, cut, plain := limitSize(long)
	if cut != MaxLines+1 || plain != 0 || bytes.Count(out, []byte("\n")) != MaxLines {
		t.Errorf("long input: cut at %d, %d lines kept", cut, bytes.Count(out, []byte("\n")))
	}
	marked := append(bytes.Repeat([]byte("*"), MaxMarkup), []byte("\n*a* _b_\n")...)
	out, cut, plain = limitSize(marked)
	if cut != 0 || plain != 2 || len(out) != len(marked) || string(out[MaxMarkup:]) != "\n a   b \n" || marked[MaxMarkup+1] != '*' {
		t.Errorf("markers: plain from %d, tail %q", plain, out[MaxMarkup:])
	}
}

func TestFieldHelpers(t *testing.T) {
	for _, s := range []string{"", "  ", "a", " a  b\tc\n", "é ü ß", "one two three four five six seven"} {
		for n := 0; n < 8; n++ {
			if got, want := moreFields(s, n), len(strings.Fields(s)) > n; got != want {
				t.Errorf("moreFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
		if got, want := squeezeSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("squeezeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
