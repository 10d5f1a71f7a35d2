package generator

import (
	"regexp"
	"strings"
	"testing"
)

// Frequency words separate neighbouring levels (CONTENT.md, ladders 3):
// the same behaviour holds sometimes at one level, usually at the next,
// as a matter of course (or by default) at the one above, where it is also
// taught. "Always" is not used: in calibration it reads as a veto, where
// one miss fails the case (review ladder4, item 4).
var freqWords = []struct {
	re   *regexp.Regexp
	rank int
}{
	{regexp.MustCompile(`\bsometimes\b`), 1},
	{regexp.MustCompile(`\busually\b(?: about| the pieces)?`), 2},
	{regexp.MustCompile(`\bas a matter of course\b|\b[Bb]y default\b`), 3},
}

var alwaysRe = regexp.MustCompile(`(?i)\balways\b`)

// freqRank returns the highest frequency word in a text, 0 for none.
// "usually about" (a count) and "usually the pieces" (which ones, not how
// often) are not frequencies.
func freqRank(text string) int {
	r := 0
	for _, w := range freqWords {
		for _, m := range w.re.FindAllString(text, -1) {
			if w.rank == 2 && m != "usually" {
				continue
			}
			r = max(r, w.rank)
		}
	}
	return r
}

// TestFrequencyProgression checks that the frequency words climb with the
// levels on every ladder: wherever two neighbouring levels on a track use
// one in the same dimension, the higher level's is the more frequent; the
// chains the ladder relies on are complete; "always" is not used; and the
// top word comes with
// teaching.
func TestFrequencyProgression(t *testing.T) {
	l := builtinLadder(t)
	chains := []struct {
		track, dim string
		levels     []string
	}{
		{"ic", "delivery", []string{"staff-engineer", "senior-staff-engineer", "principal-engineer"}},
		{"ic", "influence", []string{"staff-engineer", "senior-staff-engineer", "principal-engineer"}},
		{"management", "delivery", []string{"engineering-manager", "senior-engineering-manager", "director-of-engineering"}},
		{"management", "craft", []string{"senior-engineering-manager", "director-of-engineering", "senior-director-of-engineering"}},
	}
	for _, a := range ladderArchetypes {
		for _, n := range []int{15, 60, 120, 300, 1000, 3000} {
			for _, track := range []string{"ic", "management"} {
				lv, err := CareerLadder(l, lprof("growth", n, a), track)
				if err != nil {
					t.Fatal(err)
				}
				prev := map[string]int{}
				expect := map[string]map[string]string{}
				for _, v := range lv.Levels {
					expect[v.ID] = map[string]string{}
					for _, e := range v.Expectations {
						expect[v.ID][e.Dimension] = e.Expect
						r := freqRank(e.Expect)
						if p := prev[e.Dimension]; r > 0 && p > 0 && r <= p {
							t.Errorf("%s/%d %s %s: frequency %d does not climb from the level below (%d): %q", a, n, v.ID, e.Dimension, r, p, e.Expect)
						}
						if r == 3 && !strings.Contains(e.Expect, "teach") && !strings.Contains(e.Expect, "coach") {
							t.Errorf("%s/%d %s %s: as a matter of course, but nothing taught: %q", a, n, v.ID, e.Dimension, e.Expect)
						}
						if alwaysRe.MatchString(e.Expect) {
							t.Errorf("%s/%d %s %s: \"always\" reads as a veto in calibration: %q", a, n, v.ID, e.Dimension, e.Expect)
						}
						prev[e.Dimension] = r
					}
				}
				if n != 3000 {
					continue
				}
				for _, c := range chains {
					if c.track != track {
						continue
					}
					for i, id := range c.levels {
						if got := freqRank(expect[id][c.dim]); got != i+1 {
							t.Errorf("%s/%d %s %s: frequency %d, want %d in the chain %v: %q", a, n, id, c.dim, got, i+1, c.levels, expect[id][c.dim])
						}
					}
				}
			}
		}
	}
}
