package generator

import (
	"slices"
	"strings"
	"testing"

	"github.com/rungs/rungs/ladders"
)

// activeIDs are the rungs a ladder shows and can fill.
func activeIDs(lv *LadderView) []string {
	var out []string
	for _, v := range lv.Levels {
		if !v.Reserved {
			out = append(out, v.ID)
		}
	}
	return out
}

// TestRungsAddedWithSize checks item 1 of issue 11: at 1,000 engineers the
// ladder has at least 12 active levels, including every active level of
// the 120-engineer ladder, and rungs the smaller ladder lacks; at 5
// engineers it keeps 5 levels or fewer.
func TestRungsAddedWithSize(t *testing.T) {
	l := builtinLadder(t)
	for _, a := range ladderArchetypes {
		small, _ := CareerLadder(l, lprof("seed", 5, a), "all")
		mid, _ := CareerLadder(l, lprof("growth", 120, a), "all")
		big, _ := CareerLadder(l, lprof("enterprise", 1000, a), "all")
		if n := len(small.Levels); n > 5 {
			t.Errorf("%s: %d levels at 5 engineers, want 5 or fewer", a, n)
		}
		if n := len(activeIDs(big)); n < 12 {
			t.Errorf("%s: %d active levels at 1000 engineers, want at least 12: %v", a, n, activeIDs(big))
		}
		for _, id := range activeIDs(mid) {
			if !slices.Contains(activeIDs(big), id) {
				t.Errorf("%s: %s is active at 120 but not at 1000", a, id)
			}
		}
		if len(big.Levels) <= len(mid.Levels) || len(mid.Levels) <= len(small.Levels) {
			t.Errorf("%s: %d, %d, %d levels at 5, 120, 1000; want more at each size", a, len(small.Levels), len(mid.Levels), len(big.Levels))
		}
		for _, id := range []string{"senior-staff-engineer", "senior-engineering-manager", "senior-director-of-engineering", "svp-engineering"} {
			if _, ok := mid.Level(id); ok {
				t.Errorf("%s: %s is on the 120 ladder; it is added from a few hundred engineers", a, id)
			}
			if v, ok := big.Level(id); !ok || v.Reserved {
				t.Errorf("%s: %s should be active at 1000", a, id)
			}
		}
		huge, _ := CareerLadder(l, lprof("enterprise", 3000, a), "all")
		if v, ok := huge.Level("fellow"); !ok || v.Reserved {
			t.Errorf("%s: a fellow should be active at 3000", a)
		}
	}
}

// TestNewRungsHaveFullDepth checks that every rung, new ones included, has
// an expectation in every dimension with short, expect and change, at
// least two behaviours and signals, and that the rungs added with size
// have size notes with numbers that fit.
func TestNewRungsHaveFullDepth(t *testing.T) {
	l := builtinLadder(t)
	for _, v := range l.Levels {
		if len(v.Behaviours) < 3 || len(v.Signals) < 2 {
			t.Errorf("%s: %d behaviours, %d signals", v.ID, len(v.Behaviours), len(v.Signals))
		}
		for _, d := range l.Dimensions {
			e := v.Expectations[d.ID]
			if e.Short == "" || e.Expect == "" || (e.Change == "" && v.ID != "software-engineer") {
				t.Errorf("%s/%s: short, expect or change missing", v.ID, d.ID)
			}
		}
	}
	for _, id := range []string{"senior-engineering-manager", "senior-director-of-engineering", "svp-engineering", "senior-staff-engineer", "vp-engineering"} {
		v, _ := l.Level(id)
		note := LadderSizeText(tr, l, v.NoteAt(1000), 1000, func(ladders.Level) bool { return true })
		if !strings.ContainsAny(note, "0123456789") && !containsNumberWord(note) {
			t.Errorf("%s at 1000: the size note gives no count: %q", id, note)
		}
	}
}

func containsNumberWord(s string) bool {
	for _, w := range []string{"two", "three", "four", "five", "six", "eight", "ten", "twelve", "twenty"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// TestWeightsByLevel checks item 2: every level has its own weights at
// every stage, with the floors of issue 11 (L1 and L2 weigh craft at 25%
// or more; the CTO and the VPs weigh strategy and influence together at
// 40% or more), and the weights differ between L1 and the CTO.
func TestWeightsByLevel(t *testing.T) {
	l := builtinLadder(t)
	w := func(level, stage string) map[string]int {
		m := map[string]int{}
		sum := 0
		for _, x := range LevelWeights(l, level, stage) {
			m[x.Dimension] = x.Weight
			sum += x.Weight
		}
		if sum != 100 {
			t.Errorf("%s at %s: weights add up to %d", level, stage, sum)
		}
		return m
	}
	for _, st := range ladderStages {
		for _, id := range []string{"software-engineer", "senior-engineer"} {
			if c := w(id, st)["craft"]; c < 25 {
				t.Errorf("%s at %s weighs craft %d%%, want 25%% or more", id, st, c)
			}
		}
		for _, id := range []string{"cto", "vp-engineering", "svp-engineering"} {
			m := w(id, st)
			if si := m["strategy"] + m["influence"]; si < 40 {
				t.Errorf("%s at %s weighs strategy and influence %d%%, want 40%% or more", id, st, si)
			}
		}
		if slices.Equal(LevelWeights(l, "software-engineer", st), LevelWeights(l, "cto", st)) {
			t.Errorf("at %s, L1 and the CTO weigh the dimensions alike", st)
		}
	}
	// The card uses its level's weights, heaviest first.
	lv, _ := CareerLadder(l, lprof("enterprise", 1000, "product"), "all")
	l1, _ := lv.Level("software-engineer")
	cto, _ := lv.Level("cto")
	if l1.Expectations[0].Dimension != "craft" || (cto.Expectations[0].Dimension != "strategy" && cto.Expectations[0].Dimension != "influence") {
		t.Errorf("enterprise cards start with %s (L1) and %s (CTO)", l1.Expectations[0].Dimension, cto.Expectations[0].Dimension)
	}
	if lv.BandNote == "" || len(lv.Bands) == 0 || strings.Count(lv.BandNote, ". ") > 0 {
		t.Errorf("the ladder should explain its weights by level in one sentence: %q", lv.BandNote)
	}
}

// TestTextTrueAtSize checks item 3: the CTO card from a few hundred
// engineers does not run delivery, whatever the archetype, and the VP card
// at 1,000 speaks of one org among several.
func TestTextTrueAtSize(t *testing.T) {
	l := builtinLadder(t)
	for _, a := range ladderArchetypes {
		for _, n := range []int{300, 1000, 5000} {
			c, err := Card(l, lprof("enterprise", n, a), "cto")
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ToLower(cardText(c.Card))
			for _, bad := range []string{"run delivery yourself", "you run it yourself", "runs delivery until", "while the company is young", "know every engineer by name", "odd implementation task"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s CTO at %d says %q", a, n, bad)
				}
			}
		}
		vp, _ := Card(l, lprof("enterprise", 1000, a), "vp-engineering")
		// The postings' model (OrgAt): about teams/24 orgs of size/VPs
		// engineers each, and from 800 engineers the VPs report to an SVP.
		if !strings.Contains(vp.Card.Scope, "One org of about 200 engineers") || !strings.Contains(cardText(vp.Card), "about 5 VPs of Engineering") || !strings.Contains(cardText(vp.Card), "You report to the SVP of Engineering") {
			t.Errorf("%s VP at 1000: scope %q, notes %q", a, vp.Card.Scope, vp.Card.Notes)
		}
		small, _ := Card(l, lprof("seed", 8, a), "cto")
		if !strings.Contains(cardText(small.Card), "write code") {
			t.Errorf("%s CTO at 8 should still write code", a)
		}
	}
}

func cardText(v *LevelView) string {
	parts := []string{v.Summary, v.Scope}
	parts = append(parts, v.Notes...)
	for _, e := range v.Expectations {
		parts = append(parts, e.Short, e.Expect, e.Change)
	}
	return strings.Join(parts, "\n")
}

// TestManagementGuidesAskForManagementEvidence checks item 4 and the
// review after it: no promotion guide into or within the management
// track, from senior engineer up, mentions pull requests, and from
// engineering manager up none asks for design notes. The evidence follows
// the tier of the target: managers' (team health, managers and tech leads
// grown, hiring, delivery across teams), directors' (calibration, budgets
// owned), executives' (successors, budgets for an org); the road to CTO
// from the IC track asks in IC terms, not for a manager's evidence.
func TestManagementGuidesAskForManagementEvidence(t *testing.T) {
	l := builtinLadder(t)
	tiers := map[string][]string{
		"engineering-manager":            {"attrition", "managers and tech leads you grew", "hiring outcomes", "delivery across your teams"},
		"senior-engineering-manager":     {"attrition", "managers and tech leads you grew", "hiring outcomes", "delivery across your teams"},
		"director-of-engineering":        {"calibration", "attrition", "hiring outcomes", "delivery across your teams", "budgets you owned"},
		"senior-director-of-engineering": {"calibration", "attrition", "hiring outcomes", "delivery across your teams", "budgets you owned"},
		"vp-engineering":                 {"succeed you", "attrition", "budgets you owned", "across departments"},
		"svp-engineering":                {"succeed you", "attrition", "budgets you owned", "across departments"},
	}
	for _, n := range []int{25, 120, 1000} {
		p := lprof("growth", n, "product")
		for _, from := range l.Levels {
			for _, to := range l.Levels {
				if to.Track != "management" || from.Grade < 2 {
					continue
				}
				g, err := Promotion(l, p, from.ID, to.ID)
				if err != nil {
					continue
				}
				text := strings.ToLower(guideText(g))
				if strings.Contains(text, "pull request") {
					t.Errorf("%d: guide %s to %s mentions pull requests", n, from.ID, to.ID)
				}
				if from.Track == "management" && strings.Contains(text, "design note") {
					t.Errorf("%d: guide %s to %s asks for design notes", n, from.ID, to.ID)
				}
				for _, want := range tiers[to.ID] {
					if !strings.Contains(text, want) {
						t.Errorf("%d: guide %s to %s lacks evidence %q", n, from.ID, to.ID, want)
					}
				}
			}
		}
	}
	// The two roads to CTO ask differently: the IC road in IC terms, the
	// management road for an executive's evidence.
	p := lprof("enterprise", 1000, "product")
	ic, _ := Promotion(l, p, "distinguished-engineer", "cto")
	mg, _ := Promotion(l, p, "svp-engineering", "cto")
	icText, mgText := strings.ToLower(guideText(ic)), strings.ToLower(guideText(mg))
	for _, bad := range []string{"attrition", "budgets you owned", "hiring outcomes", "delivery across your teams"} {
		if strings.Contains(icText, bad) {
			t.Errorf("the IC road to CTO asks for a manager's evidence %q", bad)
		}
	}
	for _, want := range []string{"board", "succeed you", "company choices"} {
		if !strings.Contains(mgText, want) {
			t.Errorf("the management road to CTO lacks executive evidence %q", want)
		}
	}
	// No two tiers share one evidence list.
	em, _ := Promotion(l, lprof("growth", 120, "product"), "engineering-manager", "director-of-engineering")
	if slices.Equal(em.Dimensions[0].Evidence, mg.Dimensions[0].Evidence) || slices.Equal(em.Dimensions[0].Evidence, ic.Dimensions[0].Evidence) {
		t.Error("the EM to director guide shares its evidence with a road to CTO")
	}
	// The IC track keeps its engineering evidence.
	g, _ := Promotion(l, lprof("growth", 120, "product"), "senior-engineer", "staff-engineer")
	if !strings.Contains(strings.ToLower(guideText(g)), "pull requests and reviews") {
		t.Error("IC guides should still ask for pull requests and reviews")
	}
}

func guideText(g *PromotionGuide) string {
	var parts []string
	parts = append(parts, g.Notes...)
	if g.Road != nil {
		parts = append(parts, g.Road.Text)
		parts = append(parts, g.Road.Asks...)
	}
	for _, d := range g.Dimensions {
		parts = append(parts, d.Next)
		parts = append(parts, d.Evidence...)
		for _, c := range d.Changes {
			parts = append(parts, c.Text)
		}
	}
	parts = append(parts, g.Behaviours...)
	parts = append(parts, g.Signals...)
	return strings.Join(parts, "\n")
}

// TestTwoRoadsToCTO checks item 5: the CTO card shows both roads (the top
// of the IC track, and VP of Engineering), both promotion guides work in
// one step, and they differ in what they ask.
func TestTwoRoadsToCTO(t *testing.T) {
	l := builtinLadder(t)
	// Each road is shown from its track's top filled rung on this ladder.
	tops := map[int][]string{
		5:    {"principal-engineer", "vp-engineering"},
		120:  {"principal-engineer", "vp-engineering"},
		1000: {"distinguished-engineer", "svp-engineering"},
	}
	for _, n := range []int{5, 120, 1000} {
		p := lprof("growth", n, "external")
		c, _ := Card(l, p, "cto")
		var from []string
		for _, r := range c.Card.Roads {
			from = append(from, r.From.ID)
		}
		if !slices.Equal(from, tops[n]) {
			t.Errorf("%d: CTO roads from %v, want %v", n, from, tops[n])
		}
		if c.Card.TrackTitle == "Management track" {
			t.Errorf("%d: the CTO card is labelled as the management track's alone", n)
		}
		for _, top := range tops[n] {
			g, err := Promotion(l, p, top, "cto")
			if err != nil || g.Road == nil {
				t.Errorf("%d: %s to CTO takes no road (%v)", n, top, err)
			}
		}
		ic, err := Promotion(l, p, "principal-engineer", "cto")
		if err != nil {
			t.Fatal(err)
		}
		mg, err := Promotion(l, p, "vp-engineering", "cto")
		if err != nil {
			t.Fatal(err)
		}
		if len(ic.Steps) != 1 || len(mg.Steps) != 1 || ic.Lateral || mg.Lateral || ic.Road == nil || mg.Road == nil {
			t.Fatalf("%d: both roads should be one step that takes a road: %d / %d steps", n, len(ic.Steps), len(mg.Steps))
		}
		if ic.Road.Title == mg.Road.Title || slices.Equal(ic.Road.Asks, mg.Road.Asks) {
			t.Errorf("%d: the two roads ask the same", n)
		}
		for i, d := range ic.Dimensions {
			if d.Changes[0].Text == mg.Dimensions[i].Changes[0].Text {
				t.Errorf("%d: %s changes the same on both roads", n, d.Dimension)
			}
		}
	}
	// The top of the IC track lists the CTO among its next rungs.
	c, _ := Card(l, lprof("growth", 120, "product"), "principal-engineer")
	if !slices.ContainsFunc(c.Card.RoadNext, func(r LevelRef) bool { return r.ID == "cto" }) {
		t.Errorf("principal engineer's roads up %v lack the CTO", c.Card.RoadNext)
	}
}

// TestSkippedRungs checks that a rung not on the ladder at this size is
// skipped: at 120 the staff engineer's guide goes straight to principal,
// with what changed from staff, and the principal card says what changed
// from Staff Engineer.
func TestSkippedRungs(t *testing.T) {
	l := builtinLadder(t)
	p := lprof("growth", 120, "product")
	g, err := Promotion(l, p, "staff-engineer", "principal-engineer")
	if err != nil {
		t.Fatal(err)
	}
	principal := lvl(t, l, "principal-engineer")
	if len(g.Steps) != 1 || g.Dimensions[0].Changes[0].Text != principal.Expectations[g.Dimensions[0].Dimension].SkipChange {
		t.Errorf("staff to principal at 120: %d steps, change %q", len(g.Steps), g.Dimensions[0].Changes[0].Text)
	}
	lv, _ := CareerLadder(l, p, "all")
	pv, _ := lv.Level("principal-engineer")
	if pv.Below == nil || pv.Below.ID != "staff-engineer" {
		t.Errorf("principal's level below at 120 = %+v", pv.Below)
	}
	big, _ := CareerLadder(l, lprof("enterprise", 1000, "product"), "all")
	pv, _ = big.Level("principal-engineer")
	if pv.Below == nil || pv.Below.ID != "senior-staff-engineer" {
		t.Errorf("principal's level below at 1000 = %+v", pv.Below)
	}
	g, _ = Promotion(l, lprof("enterprise", 1000, "product"), "staff-engineer", "principal-engineer")
	if len(g.Steps) != 2 {
		t.Errorf("staff to principal at 1000: %d steps, want 2 through senior staff", len(g.Steps))
	}
	var _ ladders.Level
}

// TestWeightRule checks the rule the ladder states for its weights: from
// one stage to the next, a level's weight in a dimension moves the way
// the stage's does or stays; the CTO weighs strategy and influence above
// every other dimension; neighbouring levels never weigh alike.
func TestWeightRule(t *testing.T) {
	l := builtinLadder(t)
	stages := l.StageIDs()
	ids := l.LevelIDs()
	ids = append(ids, "head-of-engineering")
	for _, id := range ids {
		b, ok := l.Band(id)
		if !ok {
			t.Fatalf("%s has no weights", id)
		}
		for i := 1; i < len(stages); i++ {
			s0, _ := l.Stage(stages[i-1])
			s1, _ := l.Stage(stages[i])
			for _, d := range l.Dimensions {
				dl := b.Weights[stages[i]][d.ID] - b.Weights[stages[i-1]][d.ID]
				ds := s1.Weights[d.ID] - s0.Weights[d.ID]
				if dl != 0 && (ds == 0 || (dl > 0) != (ds > 0)) {
					t.Errorf("%s, %s to %s: %s moves %+d while the stage moves %+d", id, stages[i-1], stages[i], d.ID, dl, ds)
				}
			}
		}
	}
	for _, st := range stages {
		cto := LevelWeights(l, "cto", st)
		if top := cto[0].Dimension + "," + cto[1].Dimension; top != "strategy,influence" && top != "influence,strategy" || cto[1].Weight == cto[2].Weight {
			t.Errorf("at %s the CTO's heaviest are %v", st, cto[:3])
		}
		for _, v := range l.Levels {
			below, ok := l.Below(v)
			if !ok {
				continue
			}
			if slices.Equal(LevelWeights(l, v.ID, st), LevelWeights(l, below.ID, st)) {
				t.Errorf("at %s %s weighs the dimensions as %s does", st, v.ID, below.ID)
			}
		}
	}
}

// TestReservedCardsReadAsReserved checks that a reserved rung's card
// carries no notes about what its holder does at this size.
func TestReservedCardsReadAsReserved(t *testing.T) {
	l := builtinLadder(t)
	for _, n := range []int{5, 12, 25, 120, 1000} {
		lv, _ := CareerLadder(l, lprof("growth", n, "product"), "all")
		for _, v := range lv.Levels {
			if v.Reserved && len(v.Notes) > 0 {
				t.Errorf("%d: reserved %s carries notes %q", n, v.ID, v.Notes)
			}
		}
	}
}
