package generator

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// The scope thresholds of the IC levels in the middle of the track, each
// stated once (review ladder4, item 1): a staff engineer's system is
// changed by two to four teams, a senior staff engineer's platform or area
// is depended on by five to ten teams inside one org, and a principal
// engineer's is a whole group or a platform more than ten teams across the
// company depend on.
const (
	l4Threshold = "five to ten teams"
	l4Sign      = "five or more teams"
	l5Threshold = "more than ten teams"
)

var teamCountRe = regexp.MustCompile(`\b(?:two|three|four|five|six|seven|eight|nine|ten|[0-9]+)(?: (?:to|or) (?:three|four|five|six|ten|twenty|[0-9]+))?(?: or more)? teams\b|more than ten teams`)

// TestSeniorStaffPrincipalDistinct checks that Senior Staff (L4) and
// Principal (L5) can be told apart at every size where both are on the
// ladder: their scope lines and examples differ, each states its own
// threshold, the Staff sign for L4 and the growth plan's need agree with
// it, and L4 examples stay inside one org.
func TestSeniorStaffPrincipalDistinct(t *testing.T) {
	l := builtinLadder(t)
	l4, l5 := lvl(t, l, "senior-staff-engineer"), lvl(t, l, "principal-engineer")
	if !strings.Contains(l4.Scope, l4Threshold) || !strings.Contains(l4.Size.Needs, l4Threshold) {
		t.Errorf("L4 scope %q and needs %q must both state %q", l4.Scope, l4.Size.Needs, l4Threshold)
	}
	if !strings.Contains(l5.Scope, l5Threshold) {
		t.Errorf("L5 scope %q must state %q", l5.Scope, l5Threshold)
	}
	for _, a := range ladderArchetypes {
		for _, n := range []int{150, 200, 300, 500, 1000, 3000, 5000} {
			lv, err := CareerLadder(l, lprof("enterprise", n, a), "ic")
			if err != nil {
				t.Fatal(err)
			}
			v4, ok4 := lv.Level("senior-staff-engineer")
			v5, ok5 := lv.Level("principal-engineer")
			v3, _ := lv.Level("staff-engineer")
			if !ok4 || !ok5 {
				t.Fatalf("%s/%d: L4 or L5 missing", a, n)
			}
			if v4.Scope == v5.Scope {
				t.Errorf("%s/%d: L4 and L5 share the scope %q", a, n, v4.Scope)
			}
			for _, b := range v4.Behaviours {
				for _, c := range v5.Behaviours {
					if b == c {
						t.Errorf("%s/%d: L4 and L5 share the example %q", a, n, b)
					}
				}
				for _, w := range []string{"every team", "whole company", "company-wide", "two-year", "multi-year"} {
					if strings.Contains(b, w) {
						t.Errorf("%s/%d: L4 example at L5 scope (%q): %q", a, n, w, b)
					}
				}
			}
			// Every team count a text on the L4 card, or the sign that
			// leads to L4, gives is the L4 threshold.
			texts := append([]string{v4.Scope, v4.Summary}, v3.Signals...)
			for _, s := range texts {
				for _, m := range teamCountRe.FindAllString(s, -1) {
					if m != l4Threshold && m != l4Sign {
						t.Errorf("%s/%d: %q gives the L4 threshold as %q, want %q", a, n, s, m, l4Threshold)
					}
				}
			}
			found := false
			for _, s := range v3.Signals {
				found = found || strings.Contains(s, l4Sign)
			}
			if n >= 150 && !found {
				t.Errorf("%s/%d: no Staff sign names the L4 scope %q: %q", a, n, l4Sign, v3.Signals)
			}
			for _, m := range teamCountRe.FindAllString(v5.Scope, -1) {
				if m != l5Threshold {
					t.Errorf("%s/%d: L5 scope gives %q, want %q", a, n, m, l5Threshold)
				}
			}
		}
	}
}

var wordNum = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty": 20}

// TestSeniorEMSpanPossible checks that the Senior EM's structure can be
// met as written (review ladder4, item 2): the engineers of the team run
// directly plus one or two managers of the other teams stay within the
// stated cap on direct reports, and no text routes a team through a tech
// lead, who has no reports.
func TestSeniorEMSpanPossible(t *testing.T) {
	l := builtinLadder(t)
	capRe := regexp.MustCompile(`(?i)no more than about (\w+) people`)
	teamRe := regexp.MustCompile(`up to about (\w+) engineers? directly|run, up to about (\w+)`)
	for _, a := range ladderArchetypes {
		for _, n := range []int{200, 300, 1000, 3000, 5000} {
			lv, err := CareerLadder(l, lprof("enterprise", n, a), "management")
			if err != nil {
				t.Fatal(err)
			}
			v, ok := lv.Level("senior-engineering-manager")
			if !ok {
				t.Fatalf("%s/%d: no Senior EM", a, n)
			}
			all := strings.Join(append(append([]string{v.Summary, v.Scope}, v.Notes...), v.Behaviours...), " ")
			for _, e := range v.Expectations {
				all += " " + e.Expect
			}
			c := capRe.FindStringSubmatch(all)
			tm := teamRe.FindStringSubmatch(all)
			if c == nil || tm == nil {
				t.Fatalf("%s/%d: the Senior EM card must state its cap and its own team's size: %q", a, n, all)
			}
			team := wordNum[tm[1]+tm[2]]
			if got, limit := team+2, wordNum[c[1]]; team == 0 || got > limit {
				t.Errorf("%s/%d: %d engineers plus two managers make %d direct reports, over the cap of %d", a, n, team, got, limit)
			}
			for _, bad := range []string{"through a tech lead", "tech leads or managers", "tech leads who run"} {
				if strings.Contains(all, bad) {
					t.Errorf("%s/%d: a tech lead has no reports, so %q breaks the cap", a, n, bad)
				}
			}
		}
	}
}

// TestLevelsToComeCounted checks that the FAQ's count of levels still to
// come is the real number at every size: every level of the catalogue not
// on the ladder yet is counted, listed near or named further off.
func TestLevelsToComeCounted(t *testing.T) {
	l := builtinLadder(t)
	for n := 1; n <= 5000; n += 7 {
		lv, err := CareerLadder(l, lprof("growth", n, "product"), "all")
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, v := range LadderTrackLevels(l, "all") {
			if !RungShown(v, n) {
				want++
			}
		}
		if got := len(lv.Absent) + len(lv.Later); got != want {
			t.Errorf("%d: %d levels listed as to come, want %d", n, got, want)
		}
		s := SizeSummary(lv)
		switch {
		case want == 1 && !strings.Contains(s, "1 more level joins"):
			t.Errorf("%d: %q, want 1 more level", n, s)
		case want > 1 && !strings.Contains(s, fmt.Sprintf("%d more levels join", want)):
			t.Errorf("%d: %q, want %d more levels", n, s, want)
		case want == 0 && strings.Contains(s, "more level"):
			t.Errorf("%d: %q, but no level is to come", n, s)
		}
	}
}

// TestSVPSizedForSeveral checks that where there are several SVPs no SVP
// owns what only one person can own: engineering's whole levels process,
// the platform strategy or an audit of all of engineering (review ladder4,
// item 5); and that with one SVP the text still speaks for engineering.
func TestSVPSizedForSeveral(t *testing.T) {
	l := builtinLadder(t)
	for _, a := range ladderArchetypes {
		for _, n := range []int{800, 1000, 1199, 1200, 3000, 5000} {
			lv, err := CareerLadder(l, lprof("enterprise", n, a), "management")
			if err != nil {
				t.Fatal(err)
			}
			v, ok := lv.Level("svp-engineering")
			if !ok {
				t.Fatalf("%s/%d: no SVP", a, n)
			}
			all := strings.Join(append([]string{v.Summary, v.Scope}, v.Behaviours...), " ")
			for _, e := range v.Expectations {
				all += " " + e.Expect
			}
			several := OrgAt(n).SVPs > 1
			for _, bad := range []string{"you own engineering's levels", "You set the platform strategy", "take engineering through"} {
				if several && strings.Contains(all, bad) {
					t.Errorf("%s/%d: one of %d SVPs, yet %q", a, n, OrgAt(n).SVPs, bad)
				}
			}
			if several && !strings.Contains(all, "division") {
				t.Errorf("%s/%d: one of several SVPs, and no division named: %q", a, n, all)
			}
			if !several && strings.Contains(all, "your division") {
				t.Errorf("%s/%d: the only SVP runs engineering, not a division: %q", a, n, all)
			}
		}
	}
}

// TestGrowthPlanIsAPlan checks the growth plan's parts (review ladder4,
// item 6): the ladder at the target size weighs the dimensions as the
// stage given for it does, the count table follows OrgAt, and each level
// that can be filled on the way, and a second VP, comes with a decision.
func TestGrowthPlanIsAPlan(t *testing.T) {
	l := builtinLadder(t)
	p := lprof("growth", 120, "product")
	p.Stage.TypicalMax = 250
	ent := lprof("enterprise", 400, "product")
	g, err := GrowthTo(l, p, "all", 400, ent.Stage)
	if err != nil {
		t.Fatal(err)
	}
	if g.Stage != "enterprise" {
		t.Errorf("stage %q, want enterprise", g.Stage)
	}
	want, err := CareerLadder(l, ent, "all")
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range want.Levels {
		if fmt.Sprint(v.Cells) != fmt.Sprint(g.Levels[i].Cells) {
			t.Errorf("%s: the plan's last table has %v, the enterprise ladder at 400 %v", v.ID, g.Levels[i].Cells, v.Cells)
		}
	}
	same, err := Growth(l, p, "all", 400)
	if err != nil {
		t.Fatal(err)
	}
	if same.Stage != "growth" || !strings.Contains(strings.Join(same.Notes, " "), "You chose that stage") {
		t.Errorf("a chosen stage must be kept and said: %q %q", same.Stage, same.Notes)
	}
	o := OrgAt(400)
	for _, c := range g.Counts {
		var w int
		switch c.What {
		case "Teams of about eight engineers":
			w = o.Teams
		case "Staff engineers":
			w = o.Staff()
		case "Principal engineers":
			w = o.Principals()
		case directorsRow(tr):
			w = o.Directors
		case "VPs of Engineering":
			w = o.VPs
		default:
			continue
		}
		if c.To != w {
			t.Errorf("%s at 400: %d, want %d from OrgAt", c.What, c.To, w)
		}
	}
	if len(g.Counts) < 5 {
		t.Errorf("count table too short: %v", g.Counts)
	}
	all := strings.Join(g.Decisions, "\n")
	for _, w := range []string{"Who becomes Senior Staff Engineer", "Who becomes Senior Engineering Manager", "second VP of Engineering at about 300"} {
		if !strings.Contains(all, w) {
			t.Errorf("no decision %q in %q", w, all)
		}
	}
	// No second VP before VPsFrom: a plan that ends below it has none.
	small, err := Growth(l, p, "all", VPsFrom-1)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(small.Decisions, " "), "second VP") {
		t.Errorf("second VP below %d: %q", VPsFrom, small.Decisions)
	}
}

// TestOverviewShowsTies checks that no overview row hides a dimension
// that weighs as much as one it shows (review ladder4, item 18).
func TestOverviewShowsTies(t *testing.T) {
	l := builtinLadder(t)
	for _, a := range ladderArchetypes {
		for _, n := range []int{5, 25, 120, 1000, 3000} {
			lv, err := CareerLadder(l, lprof(map[bool]string{true: "seed", false: "enterprise"}[n < 10], n, a), "all")
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range lv.Levels {
				row := strings.Join(v.Cells, " ") + " " + v.Tied
				last := v.Expectations[len(v.Cells)-1].Weight
				for _, e := range v.Expectations {
					short := ""
					for _, w := range StageWeights(l, "enterprise") {
						if w.Dimension == e.Dimension {
							short = w.Short
						}
					}
					if e.Weight == last && !strings.Contains(row, short) {
						t.Errorf("%s/%d %s: %s weighs %d%% like the last shown, but the row hides it: %q", a, n, v.ID, e.Title, e.Weight, row)
					}
				}
			}
		}
	}
}

// TestICRouteNamesItsPeer checks that the FAQ's IC route answer names
// the top IC level's management peer at every size, so a reader sees
// where the IC track stops against the management track (review
// ladder4, items 22 and 8), and that no level text keeps the clichés the
// review named.
func TestICRouteNamesItsPeer(t *testing.T) {
	l := builtinLadder(t)
	for n := 15; n <= 5000; n += 11 {
		lv, err := CareerLadder(l, lprof("growth", n, "infrastructure"), "all")
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range lv.FAQ {
			if q.ID == "ic-route-to-the-top" && (!strings.Contains(q.Answer, "the peer of a") || strings.Contains(q.Answer, "{")) {
				t.Errorf("%d: %q", n, q.Answer)
			}
		}
		for _, v := range lv.Levels {
			all := strings.Join(append(append([]string{}, v.Signals...), v.Behaviours...), " ")
			for _, e := range v.Expectations {
				all += " " + e.Expect
			}
			for _, bad := range []string{"culture by example", "ask you to advise them", "Head or VP of Engineering, could"} {
				if strings.Contains(all, bad) {
					t.Errorf("%d %s: %q", n, v.ID, bad)
				}
			}
		}
	}
}
