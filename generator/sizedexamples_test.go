package generator

import (
	"strings"
	"testing"
)

// TestExamplesTrueAtSize checks the example behaviours and the signs of
// readiness where a size makes a sentence false: no SVP before the model
// has one, no peer VPs while one VP runs engineering, no managers around a
// CTO of a team under 15, no org or executive team around a Head of
// Engineering, and the VP's signs name the rung that is next at the size.
func TestExamplesTrueAtSize(t *testing.T) {
	l := builtinLadder(t)
	sizes := []int{5, 9, 14, 15, 25, 59, 60, 120, 199, 200, 299, 300, 400, 599, 600, 799, 800, 1000, 1199, 1200, 1500, 3000, 5000}
	for _, a := range ladderArchetypes {
		for _, n := range sizes {
			o := OrgAt(n)
			lv, err := CareerLadder(l, lprof("growth", n, a), "all")
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range lv.Levels {
				if v.Reserved {
					continue
				}
				ex := strings.Join(append(append([]string{}, v.Behaviours...), v.Signals...), "\n")
				if o.SVPs == 0 && strings.Contains(ex, "SVP") {
					t.Errorf("%s/%d %s: an SVP in the examples before there is one: %q", a, n, v.ID, ex)
				}
				if n < VPsFrom && (strings.Contains(ex, "other VPs") || strings.Contains(ex, "peer VP")) {
					t.Errorf("%s/%d %s: peer VPs while one VP runs engineering: %q", a, n, v.ID, ex)
				}
				switch v.ID {
				case "cto":
					if n < 15 && strings.Contains(ex, "manager") {
						t.Errorf("%s/%d CTO: managers in a team of %d: %q", a, n, n, ex)
					}
				case "vp-engineering":
					if n < 60 && (strings.Contains(ex, "org") || strings.Contains(ex, "executive team")) {
						t.Errorf("%s/%d Head of Engineering: a VP's examples: %q", a, n, ex)
					}
					if n >= VPsFrom && !strings.Contains(ex, "VP") {
						t.Errorf("%s/%d VP: the examples never meet the other VPs: %q", a, n, ex)
					}
				}
			}
		}
	}
	// The VP's signs differ at every step of the org: Head of Engineering,
	// the one VP, one of several VPs under the CTO, and on the way to SVP.
	seen := map[string]int{}
	for _, n := range []int{30, 120, 400, 1000} {
		c, err := Card(l, lprof("growth", n, "product"), "vp-engineering")
		if err != nil {
			t.Fatal(err)
		}
		k := strings.Join(c.Card.Signals, "\n")
		if m, dup := seen[k]; dup {
			t.Errorf("the VP's signs at %d are the same as at %d", n, m)
		}
		seen[k] = n
	}
}

// TestExamplesChangeWithSize checks review ladder3 item 4: from Staff and
// Director up, no level reads the same at 120 and at 1,000 engineers once
// its "At this company" line is set aside: its example behaviours or its
// signs differ, because the work and the next rung differ.
func TestExamplesChangeWithSize(t *testing.T) {
	l := builtinLadder(t)
	for _, a := range ladderArchetypes {
		small, err := CareerLadder(l, lprof("growth", 120, a), "all")
		if err != nil {
			t.Fatal(err)
		}
		large, err := CareerLadder(l, lprof("enterprise", 1000, a), "all")
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range small.Levels {
			if (v.Track == "ic" && v.Grade < 3) || (v.Track == "management" && v.Grade < 5) {
				continue
			}
			w, ok := large.Level(v.ID)
			if !ok {
				continue
			}
			at120 := strings.Join(append(append([]string{}, v.Behaviours...), v.Signals...), "\n")
			at1000 := strings.Join(append(append([]string{}, w.Behaviours...), w.Signals...), "\n")
			if at120 == at1000 {
				t.Errorf("%s %s: the same examples and signs at 120 and 1,000 engineers", a, v.ID)
			}
		}
	}
}

// TestJuniorWeightsHoldAcrossStages checks review ladder3 item 17: the
// first two levels weigh the dimensions the same at every stage, so a new
// engineer's review does not weigh strategy more because the company grew.
func TestJuniorWeightsHoldAcrossStages(t *testing.T) {
	l := builtinLadder(t)
	for _, id := range []string{"software-engineer", "senior-engineer"} {
		v, err := l.Level(id)
		if err != nil {
			t.Fatal(err)
		}
		var first []WeightView
		for i, st := range ladderStages {
			w := LevelWeights(l, WeightsID(l, v, 1000), st)
			if i == 0 {
				first = w
				continue
			}
			for j := range w {
				if w[j].Dimension != first[j].Dimension || w[j].Weight != first[j].Weight {
					t.Errorf("%s: %s weighs %s %d%% at %s, %d%% at %s", id, w[j].Dimension, w[j].Dimension, w[j].Weight, st, first[j].Weight, ladderStages[0])
				}
			}
		}
	}
}

// TestCTOExamplesFollowTheArchetype checks review ladder3 item 4: from a
// few hundred engineers each CTO archetype has its own example behaviours.
func TestCTOExamplesFollowTheArchetype(t *testing.T) {
	l := builtinLadder(t)
	seen := map[string]string{}
	for _, a := range ladderArchetypes {
		c, err := Card(l, lprof("enterprise", 1000, a), "cto")
		if err != nil {
			t.Fatal(err)
		}
		k := strings.Join(c.Card.Behaviours, "\n")
		if b, dup := seen[k]; dup {
			t.Errorf("the %s and %s CTOs have the same examples at 1,000 engineers", a, b)
		}
		seen[k] = a
	}
}
