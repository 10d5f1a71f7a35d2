package generator

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
)

// The ladder rules are tested against the built-in ladder data: the
// thresholds are part of the product (the README documents them), so a
// change to them should show up here.

func builtinLadder(t testing.TB) *ladders.Ladder {
	t.Helper()
	l, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func lprof(stage string, size int, archetype string) profile.Profile {
	return profile.Profile{
		Stage:     catalog.Stage{ID: stage, Title: strings.ToUpper(stage[:1]) + stage[1:]},
		Size:      size,
		Archetype: catalog.Archetype{ID: archetype, Title: archetype + " CTO", Focus: "Its focus."},
	}
}

func lvl(t testing.TB, l *ladders.Ladder, id string) ladders.Level {
	t.Helper()
	v, err := l.Level(id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestResolveTrack(t *testing.T) {
	l := builtinLadder(t)
	for in, want := range map[string]string{"": "all", "all": "all", "IC": "ic", "management": "management",
		"individual-contributor": "ic", "managers": "management"} {
		if got, err := ResolveTrack(l, in); err != nil || got != want {
			t.Errorf("ResolveTrack(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ResolveTrack(l, "managment")
	if err == nil || err.Error() != `unknown track "managment"; did you mean management? valid: ic, management, all` {
		t.Errorf("ResolveTrack(managment) error = %v", err)
	}
}

func TestLadderTrackLevels(t *testing.T) {
	l := builtinLadder(t)
	ids := func(vs []ladders.Level) []string {
		var out []string
		for _, v := range vs {
			out = append(out, v.ID)
		}
		return out
	}
	tests := []struct {
		track string
		want  []string
	}{
		{"ic", []string{"software-engineer", "senior-engineer", "staff-engineer", "senior-staff-engineer", "principal-engineer",
			"distinguished-engineer", "fellow"}},
		{"management", []string{"software-engineer", "senior-engineer", "engineering-manager", "senior-engineering-manager",
			"director-of-engineering", "senior-director-of-engineering", "vp-engineering", "svp-engineering", "cto"}},
		{"all", []string{"software-engineer", "senior-engineer", "staff-engineer", "senior-staff-engineer", "principal-engineer",
			"distinguished-engineer", "fellow", "engineering-manager", "senior-engineering-manager", "director-of-engineering",
			"senior-director-of-engineering", "vp-engineering", "svp-engineering", "cto"}},
	}
	for _, tt := range tests {
		if got := ids(LadderTrackLevels(l, tt.track)); !slices.Equal(got, tt.want) {
			t.Errorf("LadderTrackLevels(%s) = %v, want %v", tt.track, got, tt.want)
		}
	}
}

func TestRungShown(t *testing.T) {
	l := builtinLadder(t)
	tests := []struct {
		level string
		size  int
		want  bool
	}{
		{"software-engineer", 1, true},
		{"staff-engineer", 5, true}, // shown, but reserved
		{"principal-engineer", 29, false},
		{"principal-engineer", 30, true},
		{"engineering-manager", 9, false},
		{"director-of-engineering", 14, false},
		{"director-of-engineering", 15, true},
		{"distinguished-engineer", 199, false},
		{"distinguished-engineer", 200, true},
		{"vp-engineering", 1, true}, // as Head of Engineering
		{"cto", 1, true},
	}
	for _, tt := range tests {
		if got := RungShown(lvl(t, l, tt.level), tt.size); got != tt.want {
			t.Errorf("RungShown(%s, %d) = %v, want %v", tt.level, tt.size, got, tt.want)
		}
	}
}

func TestRungReserved(t *testing.T) {
	l := builtinLadder(t)
	tests := []struct {
		level, stage, archetype string
		size                    int
		want                    bool
		reason                  string // a phrase of the reason
	}{
		{"staff-engineer", "seed", "product", 14, true, "tech lead hat"},
		{"staff-engineer", "seed", "product", 15, false, ""},
		{"director-of-engineering", "early", "product", 59, true, "three layers"},
		{"director-of-engineering", "early", "product", 60, false, ""},
		{"principal-engineer", "growth", "product", 49, true, "staff engineer and the CTO"},
		{"distinguished-engineer", "enterprise", "product", 299, true, "several groups"},
		{"distinguished-engineer", "enterprise", "product", 300, false, ""},
		// The delivery rung: one person holds CTO and VP Engineering in a
		// small team (seed 000) ...
		{"vp-engineering", "growth", "infrastructure", 14, true, "one person holds both"},
		{"vp-engineering", "growth", "infrastructure", 15, false, ""},
		{"vp-engineering", "early", "external", 25, false, ""},
		{"vp-engineering", "early", "visionary", 25, false, ""},
		// ... under every CTO, so Head of Engineering is a filled title
		// from 15 engineers until the rung takes its VP title.
		{"vp-engineering", "early", "product", 14, true, "one person holds both"},
		{"vp-engineering", "seed", "product", 25, false, ""},
		{"vp-engineering", "growth", "product", 25, false, ""},
	}
	for _, tt := range tests {
		got, reason := RungReserved(l, lvl(t, l, tt.level), lprof(tt.stage, tt.size, tt.archetype))
		if got != tt.want || !strings.Contains(reason, tt.reason) {
			t.Errorf("RungReserved(%s, %s, %d, %s) = %v, %q; want %v with %q", tt.level, tt.stage, tt.size, tt.archetype, got, reason, tt.want, tt.reason)
		}
	}
}

func TestDeliveryRungFrom(t *testing.T) {
	l := builtinLadder(t)
	vp := lvl(t, l, "vp-engineering")
	tests := []struct {
		archetype, stage string
		want             int
	}{
		{"infrastructure", "seed", 15},
		{"external", "seed", 15},
		{"visionary", "growth", 15},
		{"product", "seed", 15},
		{"product", "early", 15},
		{"product", "growth", 15},
		{"product", "enterprise", 15},
		{"unknown", "growth", 15},
	}
	for _, tt := range tests {
		if got, _ := DeliveryRungFrom(l, vp, tt.archetype, tt.stage); got != tt.want {
			t.Errorf("DeliveryRungFrom(%s, %s) = %d, want %d", tt.archetype, tt.stage, got, tt.want)
		}
	}
}

func TestRungTitle(t *testing.T) {
	l := builtinLadder(t)
	custom := map[string]string{"staff-engineer": "Staff Software Engineer", "head-of-engineering": "Engineering Lead"}
	tests := []struct {
		level  string
		size   int
		custom bool
		want   string
	}{
		{"vp-engineering", 5, false, "Head of Engineering"},
		{"vp-engineering", 59, false, "Head of Engineering"},
		{"vp-engineering", 60, false, "VP of Engineering"},
		{"cto", 5, false, "CTO"},
		{"staff-engineer", 5, false, "Staff Engineer"},
		// The company's own titles win, for the sized title too.
		{"staff-engineer", 5, true, "Staff Software Engineer"},
		{"vp-engineering", 20, true, "Engineering Lead"},
		{"vp-engineering", 60, true, "VP of Engineering"},
	}
	for _, tt := range tests {
		p := profile.Profile{Size: tt.size}
		if tt.custom {
			p.CustomTitles = custom
		}
		_, got, note := RungTitle(lvl(t, l, tt.level), p)
		if got != tt.want {
			t.Errorf("RungTitle(%s, %d) = %q, want %q", tt.level, tt.size, got, tt.want)
		}
		if (tt.level == "vp-engineering" && tt.size < 60) != (note != "") {
			t.Errorf("RungTitle(%s, %d): note %q", tt.level, tt.size, note)
		}
	}
}

// The built-in ladder and catalog agree on the titles of the roles that
// are rungs: the ladder's title is the catalog's title or short title.
func TestLadderTitlesMatchTheCatalog(t *testing.T) {
	l := builtinLadder(t)
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range l.Levels {
		titles := map[string]string{v.ID: v.Title}
		for _, st := range v.Titles {
			titles[st.ID] = st.Title
		}
		for id, title := range titles {
			r, err := cat.Role(id)
			if err != nil {
				continue // a rung that is no catalog role, such as Senior Staff Engineer
			}
			if title != r.Title && title != r.ShortTitle {
				t.Errorf("ladder title %q for %s, catalog title %q (short %q)", title, id, r.Title, r.ShortTitle)
			}
		}
	}
}

func TestCompressed(t *testing.T) {
	l := builtinLadder(t)
	for size, want := range map[int]bool{1: true, 5: true, 9: true, 10: false, 1000: false} {
		if got := Compressed(l, size); got != want {
			t.Errorf("Compressed(%d) = %v, want %v", size, got, want)
		}
	}
}

func TestStageWeights(t *testing.T) {
	l := builtinLadder(t)
	tests := []struct {
		stage string
		top   []string // the heaviest dimensions, in order
	}{
		{"seed", []string{"craft", "delivery", "design"}},
		{"early", []string{"craft", "delivery"}},
		{"growth", []string{"design", "people"}},
		{"enterprise", []string{"delivery", "influence", "strategy"}},
	}
	for _, tt := range tests {
		w := StageWeights(l, tt.stage)
		sum := 0
		var got []string
		for i, x := range w {
			sum += x.Weight
			if i < len(tt.top) {
				got = append(got, x.Dimension)
			}
		}
		if !slices.Equal(got, tt.top) || sum != 100 {
			t.Errorf("StageWeights(%s) starts %v (sum %d), want %v (sum 100)", tt.stage, got, sum, tt.top)
		}
	}
	// Influence and strategy weigh more later.
	seed, ent := weightOf(StageWeights(l, "seed")), weightOf(StageWeights(l, "enterprise"))
	for _, d := range []string{"influence", "strategy"} {
		if ent[d] <= seed[d] {
			t.Errorf("%s: enterprise %d <= seed %d", d, ent[d], seed[d])
		}
	}
	if w := StageWeights(l, "no-such-stage"); w[0].Weight != 16 {
		t.Errorf("unknown stage should weigh dimensions equally, got %v", w)
	}
}

func weightOf(ws []WeightView) map[string]int {
	m := map[string]int{}
	for _, w := range ws {
		m[w.Dimension] = w.Weight
	}
	return m
}

func TestOverviewColumns(t *testing.T) {
	l := builtinLadder(t)
	tests := []struct {
		stage string
		n     int
		want  []string
	}{
		{"seed", 4, []string{"craft", "delivery", "design", "people"}},
		{"enterprise", 2, []string{"delivery", "influence"}},
		{"growth", 10, []string{"design", "people", "craft", "delivery", "influence", "strategy"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range OverviewColumns(StageWeights(l, tt.stage), tt.n) {
			got = append(got, c.Dimension)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("OverviewColumns(%s, %d) = %v, want %v", tt.stage, tt.n, got, tt.want)
		}
	}
}

func TestCTOForArchetype(t *testing.T) {
	l := builtinLadder(t)
	cto := lvl(t, l, "cto")
	tests := []struct {
		archetype, dimension, phrase string
	}{
		{"infrastructure", "design", "reliability, security and scale"},
		{"infrastructure", "strategy", "vendors"},
		{"product", "delivery", "VP of Engineering runs delivery"},
		{"product", "strategy", "product roadmap"},
		{"visionary", "craft", "labs and prototypes"},
		{"visionary", "influence", "publish"},
		{"external", "influence", "developer community"},
		{"external", "strategy", "partnerships"},
		// Dimensions the archetype leaves alone keep the generic text.
		{"external", "craft", "short experiments and prototypes"},
	}
	for _, tt := range tests {
		got := CTOForArchetype(l, cto, tt.archetype)
		// Below 300 engineers, the text a small company reads.
		if e := got.Expectations[tt.dimension].At(100).Expect; !strings.Contains(e, tt.phrase) {
			t.Errorf("CTOForArchetype(%s).%s = %q, want it to mention %q", tt.archetype, tt.dimension, e, tt.phrase)
		}
	}
	if got := CTOForArchetype(l, cto, "external"); got.Summary == cto.Summary {
		t.Error("the external CTO's summary should follow the archetype")
	}
	if e := cto.Expectations["delivery"].At(100).Expect; strings.Contains(e, "run it yourself") {
		t.Error("CTOForArchetype changed the ladder's own data")
	}
	staff := lvl(t, l, "staff-engineer")
	if got := CTOForArchetype(l, staff, "external"); got.Summary != staff.Summary {
		t.Error("CTOForArchetype must leave other rungs alone")
	}
}

func TestCTOHoldsDelivery(t *testing.T) {
	tests := []struct {
		filled bool
		title  string
		want   string
	}{
		{false, "Head of Engineering", "There is no Head of Engineering yet, so you also run people and delivery yourself."},
		{true, "VP Engineering", ""},
	}
	for _, tt := range tests {
		if got := CTOHoldsDelivery(tr, tt.filled, tt.title); got != tt.want {
			t.Errorf("CTOHoldsDelivery(tr, %v, %s) = %q, want %q", tt.filled, tt.title, got, tt.want)
		}
	}
}

func TestDeliveryRole(t *testing.T) {
	l := builtinLadder(t)
	tests := []struct{ archetype, phrase string }{
		{"external", "so the CTO can spend time with customers"},
		{"visionary", "so the CTO can explore"},
		{"product", "the CTO keeps the product's technical direction"},
		{"infrastructure", "you meet the reliability and security standards the CTO sets"},
		{"unknown", ""},
	}
	for _, tt := range tests {
		got := DeliveryRole(tr, l, catalog.Archetype{ID: tt.archetype})
		if tt.phrase == "" && got != "" || !strings.Contains(got, tt.phrase) {
			t.Errorf("DeliveryRole(tr, %s) = %q, want %q in it", tt.archetype, got, tt.phrase)
		}
	}
}

func TestDeliveryRoleUsesCatalogTitle(t *testing.T) {
	l := builtinLadder(t)
	got := DeliveryRole(tr, l, catalog.Archetype{ID: "visionary", Title: "Innovation CTO"})
	if !strings.HasPrefix(got, "The CTO here is an Innovation CTO. You run") {
		t.Errorf("DeliveryRole = %q", got)
	}
}

func TestLadderWarnings(t *testing.T) {
	seed := catalog.Stage{ID: "seed", TypicalMin: 1, TypicalMax: 10}
	infra := catalog.Archetype{ID: "infrastructure", Focus: "Operational stability and scale", MinSize: 30}
	tests := []struct {
		size  int
		given bool
		want  []string
	}{
		{5, false, nil},
		{50, false, []string{"a seed company usually has 1 to 10 engineers, and you gave 50"}},
		{5, true, []string{"the infrastructure archetype (operational stability and scale) usually needs 30 or more engineers"}},
	}
	for _, tt := range tests {
		got := LadderWarnings(profile.Profile{Stage: seed, Size: tt.size, Archetype: infra, ArchetypeGiven: tt.given})
		if len(got) != len(tt.want) {
			t.Errorf("LadderWarnings(%d, %v) = %q, want %d warnings", tt.size, tt.given, got, len(tt.want))
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], tt.want[i]) {
				t.Errorf("warning %q does not contain %q", got[i], tt.want[i])
			}
		}
	}
}

func TestPromotionPath(t *testing.T) {
	l := builtinLadder(t)
	path := func(steps []Step) string {
		var b strings.Builder
		for i, s := range steps {
			if i == 0 {
				b.WriteString(s.From.ID)
			}
			if s.Lateral {
				b.WriteString(" ~ ")
			} else {
				b.WriteString(" > ")
			}
			b.WriteString(s.To.ID)
		}
		return b.String()
	}
	tests := []struct{ from, to, want string }{
		{"senior-engineer", "staff-engineer", "senior-engineer > staff-engineer"},
		{"software-engineer", "principal-engineer", "software-engineer > senior-engineer > staff-engineer > senior-staff-engineer > principal-engineer"},
		{"senior-engineer", "director-of-engineering", "senior-engineer > engineering-manager > senior-engineering-manager > director-of-engineering"},
		{"staff-engineer", "engineering-manager", "staff-engineer ~ engineering-manager"},
		{"staff-engineer", "director-of-engineering", "staff-engineer ~ engineering-manager > senior-engineering-manager > director-of-engineering"},
		{"engineering-manager", "principal-engineer", "engineering-manager ~ staff-engineer > senior-staff-engineer > principal-engineer"},
		// Two roads to CTO: from the top of the IC track (seed 000) and
		// from VP of Engineering (seed 004), each one step.
		{"principal-engineer", "cto", "principal-engineer > cto"},
		{"distinguished-engineer", "cto", "distinguished-engineer > cto"},
		{"fellow", "cto", "fellow > cto"},
		{"vp-engineering", "cto", "vp-engineering > cto"},
		{"svp-engineering", "cto", "svp-engineering > cto"},
		{"senior-director-of-engineering", "cto", "senior-director-of-engineering > vp-engineering > cto"},
		{"staff-engineer", "cto", "staff-engineer ~ engineering-manager > senior-engineering-manager > director-of-engineering > senior-director-of-engineering > vp-engineering > cto"},
		{"director-of-engineering", "principal-engineer", "director-of-engineering ~ principal-engineer"},
	}
	for _, tt := range tests {
		steps, err := PromotionPath(l, lvl(t, l, tt.from), lvl(t, l, tt.to))
		if err != nil || path(steps) != tt.want {
			t.Errorf("PromotionPath(%s, %s) = %q, %v; want %q", tt.from, tt.to, path(steps), err, tt.want)
		}
	}
	bad := []struct{ from, to, msg string }{
		{"staff-engineer", "senior-engineer", "senior-engineer (L2) is below staff-engineer (L3); a promotion guide goes up a level or across to the other track, for example senior-staff-engineer or engineering-manager"},
		{"staff-engineer", "staff-engineer", "staff-engineer (L3) is the same level as staff-engineer (L3)"},
		{"cto", "distinguished-engineer", "cto is the top of its track, so there is nothing above it"},
		{"director-of-engineering", "staff-engineer", "for example senior-director-of-engineering or principal-engineer"},
	}
	for _, tt := range bad {
		_, err := PromotionPath(l, lvl(t, l, tt.from), lvl(t, l, tt.to))
		var oe *OrderError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("PromotionPath(%s, %s) error = %v, want %q", tt.from, tt.to, err, tt.msg)
		}
	}
}

// The postings' Head of Engineering threshold is the ladder's: below it the
// VP of Engineering rung carries the Head of Engineering title.
func TestHeadOfEngineeringThresholdMatchesTheLadder(t *testing.T) {
	l := builtinLadder(t)
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	v := lvl(t, l, "vp-engineering")
	below := 0
	for _, st := range v.Titles {
		if st.ID == "head-of-engineering" {
			below = st.Below
		}
	}
	if below != cat.Settings.HeadOfEngineeringBelow {
		t.Errorf("ladder titles the rung Head of Engineering below %d, catalog settings say %d", below, cat.Settings.HeadOfEngineeringBelow)
	}
}
