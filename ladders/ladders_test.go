package ladders

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func mustBuiltin(t *testing.T) *Ladder {
	t.Helper()
	l, err := Builtin()
	if err != nil {
		t.Fatalf("built-in ladder does not load:\n%v", err)
	}
	return l
}

func TestBuiltinShape(t *testing.T) {
	l := mustBuiltin(t)
	if n := len(l.Dimensions); n < 6 {
		t.Errorf("dimensions = %d, want at least 6", n)
	}
	if got := l.TrackIDs(); !slices.Equal(got, []string{"ic", "management"}) {
		t.Errorf("tracks = %v", got)
	}
	want := map[string][]string{
		"ic": {"software-engineer", "senior-engineer", "staff-engineer", "senior-staff-engineer", "principal-engineer",
			"distinguished-engineer", "fellow"},
		"management": {"software-engineer", "senior-engineer", "engineering-manager", "senior-engineering-manager",
			"director-of-engineering", "senior-director-of-engineering", "vp-engineering", "svp-engineering", "cto"},
	}
	for track, ids := range want {
		var got []string
		for _, v := range l.TrackLevels(track) {
			got = append(got, v.ID)
		}
		if !slices.Equal(got, ids) {
			t.Errorf("TrackLevels(%s) = %v, want %v", track, got, ids)
		}
	}
	for _, st := range []string{"seed", "early", "growth", "enterprise"} {
		if _, err := l.Stage(st); err != nil {
			t.Errorf("stage weights for %s: %v", st, err)
		}
	}
	for _, a := range []string{"infrastructure", "product", "visionary", "external"} {
		if _, err := l.Archetype(a); err != nil {
			t.Errorf("archetype %s: %v", a, err)
		}
	}
	for _, id := range []string{l.Settings.DeliveryRung, l.Settings.TopRung} {
		if _, err := l.Level(id); err != nil {
			t.Error(err)
		}
	}
}

// TestLevelContent checks what every level must carry: a title, summary,
// scope and span, at least two behaviours and two signals, equivalents on
// the other track (unless shared by both tracks), and an expectation in
// every dimension.
func TestLevelContent(t *testing.T) {
	l := mustBuiltin(t)
	for _, v := range l.Levels {
		if v.Title == "" || v.Summary == "" || v.Scope == "" || !slices.Contains(Spans, v.Span) {
			t.Errorf("%s: title, summary, scope or span missing", v.ID)
		}
		if len(v.Behaviours) < 2 || len(v.Signals) < 2 {
			t.Errorf("%s: %d behaviours, %d signals; want at least 2 each", v.ID, len(v.Behaviours), len(v.Signals))
		}
		if l.Shared(v) {
			if len(v.Equivalents) != 0 {
				t.Errorf("%s is shared by both tracks but lists equivalents %v", v.ID, v.Equivalents)
			}
		} else if len(v.Equivalents) == 0 && len(v.Roads) == 0 && peerGradeExists(l, v) {
			t.Errorf("%s: no equivalents on the other track, and no road in from it", v.ID)
		}
		for _, d := range l.Dimensions {
			if _, ok := v.Expectations[d.ID]; !ok {
				t.Errorf("%s: no expectation for %s", v.ID, d.ID)
			}
		}
	}
}

// TestDiffersFromBelow checks that every level expects something different
// from the level below in every dimension, and says what changed, for the
// base ladder and for the CTO rung of every archetype.
func TestDiffersFromBelow(t *testing.T) {
	l := mustBuiltin(t)
	check := func(name string, v, below Level, exp map[string]Expectation) {
		for _, d := range l.Dimensions {
			e, b := exp[d.ID], below.Expectations[d.ID]
			if e.Change == "" {
				t.Errorf("%s, %s: no change from %s", name, d.ID, below.ID)
			}
			if sameText(e.Expect, b.Expect) || sameText(e.Short, b.Short) {
				t.Errorf("%s, %s: same expectation as %s", name, d.ID, below.ID)
			}
		}
	}
	for _, v := range l.Levels {
		below, ok := l.Below(v)
		if !ok {
			if v.ID != "software-engineer" {
				t.Errorf("%s has no level below", v.ID)
			}
			continue
		}
		check(v.ID, v, below, v.Expectations)
	}
	top, _ := l.Level(l.Settings.TopRung)
	below, _ := l.Below(top)
	for _, a := range l.Archetypes {
		exp := map[string]Expectation{}
		for k, e := range top.Expectations {
			exp[k] = e
		}
		for k, e := range a.CTOExpectations {
			exp[k] = e
			if sameText(e.Expect, top.Expectations[k].Expect) {
				t.Errorf("archetype %s repeats the CTO's %s expectation instead of changing it", a.ID, k)
			}
		}
		check("cto as "+a.ID, top, below, exp)
	}
}

func TestLookup(t *testing.T) {
	l := mustBuiltin(t)
	for name, want := range map[string]string{
		"senior-engineer": "senior-engineer", "Staff Engineer": "staff-engineer", "L3": "staff-engineer",
		"m5": "director-of-engineering", "m4": "senior-engineering-manager", "L4": "senior-staff-engineer",
		"fellow": "fellow", "svp": "svp-engineering", "head-of-engineering": "vp-engineering", "Head of Engineering": "vp-engineering",
		"vpe": "vp-engineering", "em": "engineering-manager", "distinguished": "distinguished-engineer",
		"chief-technology-officer": "cto",
	} {
		v, err := l.Level(name)
		if err != nil || v.ID != want {
			t.Errorf("Level(%q) = %q, %v; want %s", name, v.ID, err, want)
		}
	}
	_, err := l.Level("staf-engineer")
	if err == nil || !strings.Contains(err.Error(), `unknown level "staf-engineer"; did you mean staff-engineer?`) {
		t.Errorf("Level(staf-engineer) error = %v", err)
	}
	if _, err := l.Track("managment"); err == nil || !strings.Contains(err.Error(), "did you mean management?") {
		t.Errorf("Track(managment) error = %v", err)
	}
	if tr, err := l.Track("individual-contributor"); err != nil || tr.ID != "ic" {
		t.Errorf("Track(individual-contributor) = %q, %v", tr.ID, err)
	}
	if h, err := l.Hat("tech-lead"); err != nil || !slices.Contains(h.WornAt, "senior-engineer") || h.Bridge == "" {
		t.Errorf("Hat(tech-lead) = %+v, %v; want a bridge worn at senior-engineer", h, err)
	}
}

func TestBelowAboveShared(t *testing.T) {
	l := mustBuiltin(t)
	lv := func(id string) Level {
		v, err := l.Level(id)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for id, want := range map[string]string{
		"senior-engineer": "software-engineer", "staff-engineer": "senior-engineer",
		"engineering-manager": "senior-engineer", "cto": "svp-engineering", "svp-engineering": "vp-engineering",
		"principal-engineer": "senior-staff-engineer", "senior-staff-engineer": "staff-engineer",
		"director-of-engineering": "senior-engineering-manager", "vp-engineering": "senior-director-of-engineering",
	} {
		if b, ok := l.Below(lv(id)); !ok || b.ID != want {
			t.Errorf("Below(%s) = %s, %v; want %s", id, b.ID, ok, want)
		}
	}
	var above []string
	for _, v := range l.Above(lv("senior-engineer")) {
		above = append(above, v.ID)
	}
	if !slices.Equal(above, []string{"staff-engineer", "engineering-manager"}) {
		t.Errorf("Above(senior-engineer) = %v: the tracks should split after senior", above)
	}
	for id, want := range map[string]bool{"software-engineer": true, "senior-engineer": true, "staff-engineer": false, "engineering-manager": false, "cto": false} {
		if got := l.Shared(lv(id)); got != want {
			t.Errorf("Shared(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestSizedTitlesAndNotes(t *testing.T) {
	l := mustBuiltin(t)
	vp, _ := l.Level("vp-engineering")
	for size, want := range map[int]string{5: "Head of Engineering", 59: "Head of Engineering", 60: "VP of Engineering", 1000: "VP of Engineering"} {
		if _, got := vp.TitleAt(size); got != want {
			t.Errorf("vp-engineering title at %d = %q, want %q", size, got, want)
		}
	}
	cto, _ := l.Level("cto")
	if a, b, c := cto.NoteAt(5), cto.NoteAt(25), cto.NoteAt(500); a == b || b == c || c == "" {
		t.Errorf("CTO notes should differ at 5, 25 and 500: %q / %q / %q", a, b, c)
	}
	staff, _ := l.Level("staff-engineer")
	// Below 50 engineers the note is about setting direction with the
	// CTO; above, it gives the count of staff engineers.
	if staff.NoteAt(20) == "" || staff.NoteAt(80) == staff.NoteAt(20) || !strings.Contains(staff.NoteAt(80), "{staff}") {
		t.Errorf("staff note at 20 = %q, at 80 = %q", staff.NoteAt(20), staff.NoteAt(80))
	}
}

// TestCareerPath checks that seed 004's path is visible end to end: IC,
// tech lead or architect, engineering manager or director, VP Engineering,
// CTO.
func TestCareerPath(t *testing.T) {
	l := mustBuiltin(t)
	var ids []string
	for _, s := range l.CareerPath {
		ids = append(ids, s.ID)
		if !slices.Contains(s.Sources, "004_b5aa13debac98d84.txt") {
			t.Errorf("career step %s does not cite seed 004", s.ID)
		}
	}
	want := []string{"individual-contributor", "tech-lead-or-architect", "engineering-manager-or-director", "vp-engineering", "cto"}
	if !slices.Equal(ids, want) {
		t.Errorf("career path = %v, want %v", ids, want)
	}
	last := l.CareerPath[len(l.CareerPath)-1]
	if !slices.Contains(last.Levels, "cto") {
		t.Errorf("career path ends at %v, not the CTO", last.Levels)
	}
}

func TestFAQ(t *testing.T) {
	l := mustBuiltin(t)
	var qs []string
	for _, q := range l.FAQ {
		qs = append(qs, q.Question)
	}
	for _, want := range []string{"Is this a checklist?", "Is there an IC route to the top?", "How long do people stay at a level?",
		"How do specialisms fit?", "What happens as the company grows?", "Where do the numbers come from?"} {
		if !slices.Contains(qs, want) {
			t.Errorf("FAQ lacks %q", want)
		}
	}
	if q := l.FAQ[0]; !strings.HasPrefix(q.Answer, "No.") || !strings.Contains(q.Answer, "impact") {
		t.Errorf("the checklist answer should say no, and speak of impact: %q", q.Answer)
	}
}

// TestStageWeights checks the direction of the weights: breadth and
// shipping weigh most early; influence, process and strategy more later.
func TestStageWeights(t *testing.T) {
	l := mustBuiltin(t)
	seed, _ := l.Stage("seed")
	ent, _ := l.Stage("enterprise")
	growth, _ := l.Stage("growth")
	top := func(w map[string]int) string {
		best := ""
		for _, d := range l.DimensionIDs() {
			if best == "" || w[d] > w[best] {
				best = d
			}
		}
		return best
	}
	if got := top(seed.Weights); got != "craft" {
		t.Errorf("heaviest dimension at seed = %s, want craft", got)
	}
	if seed.Weights["delivery"] < seed.Weights["strategy"] || seed.Weights["craft"] < seed.Weights["influence"] {
		t.Errorf("seed weights should favour craft and delivery: %v", seed.Weights)
	}
	for _, d := range []string{"influence", "strategy"} {
		if ent.Weights[d] <= seed.Weights[d] {
			t.Errorf("%s weighs %d at enterprise, %d at seed; want more later", d, ent.Weights[d], seed.Weights[d])
		}
	}
	if ent.Weights["delivery"] <= growth.Weights["delivery"] {
		t.Errorf("process (delivery) should weigh more at enterprise than at growth: %d vs %d", ent.Weights["delivery"], growth.Weights["delivery"])
	}
}

// TestSourcesExist checks that every cited source is a seed document, and
// that the facts taken from seeds 000, 001 and 004 cite them.
func TestSourcesExist(t *testing.T) {
	l := mustBuiltin(t)
	cited := map[string]bool{}
	add := func(ids []string) {
		for _, id := range ids {
			cited[id] = true
		}
	}
	add(l.Settings.Sources)
	for _, x := range l.Tracks {
		add(x.Sources)
	}
	for _, x := range l.Dimensions {
		add(x.Sources)
	}
	for _, x := range l.Levels {
		add(x.Sources)
	}
	for _, x := range l.Hats {
		add(x.Sources)
	}
	for _, x := range l.Archetypes {
		add(x.Sources)
	}
	for _, x := range l.CareerPath {
		add(x.Sources)
	}
	for _, x := range l.FAQ {
		add(x.Sources)
	}
	for _, id := range []string{"000_18c422adff0f446d.txt", "001_21f07a3f44307cbc.txt", "004_b5aa13debac98d84.txt"} {
		if !cited[id] {
			t.Errorf("seed %s is never cited", id)
		}
	}
	dir := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("seed folder not found beside the repository")
	}
	for id := range cited {
		if _, err := os.Stat(filepath.Join(dir, id)); err != nil {
			t.Errorf("cited source %s is not a seed document", id)
		}
	}
}

// masculineStems are the masculine-coded stems of Gaucher, Friesen & Kay
// (2011) and the gender-decoder word list, which a later lint flags.
var masculineStems = []string{"active", "adventurous", "aggress", "ambitio", "analy", "assert", "athlet", "autonom",
	"battle", "boast", "challeng", "champion", "compet", "confident", "courag", "decid", "decision", "decisive",
	"defend", "determin", "domina", "driven", "fearless", "fight", "force", "greedy", "headstrong", "hierarch",
	"hostil", "impulsive", "independen", "individual", "intellect", "lead", "logic", "objective", "opinion",
	"outspoken", "persist", "principle", "reckless", "self-confiden", "self-relian", "self-sufficien", "stubborn",
	"superior", "unreasonab"}

// allowed are fixed names that contain a coded stem: a role title and the
// name of seed 004's first career step.
var allowed = []string{"tech lead", "tech-lead", "individual contributor"}

// TestNeutralWording keeps masculine-coded words out of the ladder's prose.
func TestNeutralWording(t *testing.T) {
	l := mustBuiltin(t)
	var texts []string
	add := func(s ...string) { texts = append(texts, s...) }
	exp := func(m map[string]Expectation) {
		for _, e := range m {
			add(e.Short, e.Expect, e.Change, e.SkipChange)
			for _, z := range e.Sized {
				add(z.Short, z.Expect)
			}
		}
	}
	for _, x := range l.Tracks {
		add(x.Title, x.Summary)
	}
	for _, x := range l.Dimensions {
		add(x.Title, x.Summary)
		add(x.Evidence...)
		add(x.ManagementEvidence...)
	}
	add(l.Settings.BandNote)
	for _, b := range l.Bands {
		add(b.Title)
	}
	for _, x := range l.Stages {
		add(x.Note)
	}
	for _, v := range l.Levels {
		add(v.Title, v.Summary, v.Scope, v.TypicalTime, v.Size.Needs, v.Size.Reserved, v.Size.Absent)
		add(v.Behaviours...)
		add(v.Signals...)
		for _, n := range append(v.SizedBehaviours, v.SizedSignals...) {
			add(n.Items...)
		}
		for _, n := range v.SizeNotes {
			add(n.Note)
		}
		for _, st := range v.Titles {
			add(st.Title, st.Note, st.Scope)
		}
		for _, n := range append(v.SizedScope, v.SizedSummary...) {
			add(n.Note)
		}
		for _, r := range v.Roads {
			add(r.Title, r.Text)
			add(r.Asks...)
			for _, c := range r.Changes {
				add(c)
			}
		}
		exp(v.Expectations)
	}
	for _, h := range l.Hats {
		add(h.Summary, h.Bridge)
		add(h.Behaviours...)
	}
	for _, a := range l.Archetypes {
		add(a.Focus, a.CTOSummary, a.DeliveryRung.Role, a.DeliveryRung.Reserved)
		exp(a.CTOExpectations)
	}
	for _, c := range l.CareerPath {
		add(c.Title, c.Text)
	}
	for _, q := range l.FAQ {
		add(q.Question, q.Answer)
	}
	for _, s := range texts {
		low := strings.ToLower(s)
		for _, a := range allowed {
			low = strings.ReplaceAll(low, a, "")
		}
		for _, w := range strings.FieldsFunc(low, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-') }) {
			for _, stem := range masculineStems {
				if strings.HasPrefix(w, stem) {
					t.Errorf("masculine-coded %q in: %s", w, s)
				}
			}
		}
	}
}

// minimal is a small valid ladder, split over two files, for the loader's
// error tests.
var minimal = map[string]string{
	"a.yaml": `settings:
  compressed_below: 10
  overview_columns: 1
  short_max_words: 5
  delivery_rung: boss
  top_rung: boss
tracks:
  - id: ic
    title: IC
    summary: Builds.
  - id: management
    title: Management
    summary: Runs teams.
    branches_from: dev
dimensions:
  - id: craft
    title: Craft
    short: Craft
    summary: Code.
    evidence: [Code., Reviews.]
stages:
  - id: seed
    weights: {craft: 100}
    note: All craft.
`,
	"b.yaml": `levels:
  - id: dev
    code: L1
    title: Developer
    track: ic
    grade: 1
    summary: Codes.
    scope: Tasks.
    span: team
    typical_time: A while.
    size: {show_from: 0, fill_from: 0}
    behaviours: [a, b]
    signals: [a, b]
    expectations:
      craft: {short: Writes code., expect: You write code.}
  - id: boss
    code: M2
    title: Boss
    track: management
    grade: 2
    summary: Runs it.
    scope: Everything.
    span: company
    typical_time: A while.
    size: {show_from: 0, fill_from: 5, reserved: Too small.}
    behaviours: [a, b]
    signals: [a, b]
    equivalents: [dev]
    expectations:
      craft: {short: Sets the bar., expect: You set the bar., change: More.}
`,
}

func load(files map[string]string) (*Ladder, error) {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return LoadFS(fsys, ".", "x/")
}

func TestMinimalLoads(t *testing.T) {
	l, err := load(minimal)
	if err != nil {
		t.Fatal(err)
	}
	boss, _ := l.Level("boss")
	if b, ok := l.Below(boss); !ok || b.ID != "dev" {
		t.Errorf("Below(boss) = %v, %v", b.ID, ok)
	}
}

// TestBadFilesReportEveryProblem breaks the minimal ladder in many ways at
// once and checks that every problem is reported with file:line.
func TestBadFilesReportEveryProblem(t *testing.T) {
	files := map[string]string{"a.yaml": minimal["a.yaml"], "b.yaml": minimal["b.yaml"] + `  - id: dev
    code: L9
    title: Second developer
    track: managment
    grade: 0
    summary: Again.
    scope: Tasks.
    span: galaxy
    typical_time: A while.
    size: {show_from: 20, fill_from: 10}
    behaviours: [only one]
    signals: [a, b]
    equivalents: [nobody]
    expectations:
      craft: {short: One two three four five six seven., expect: You write code.}
      crafts: {short: Typo., expect: Typo.}
`}
	files["a.yaml"] = strings.Replace(files["a.yaml"], "weights: {craft: 100}", "weights: {craft: 90, craf: 10}", 1)
	files["a.yaml"] = strings.Replace(files["a.yaml"], "dimensions:\n", "dimensions:\n  - id: people\n    title: People\n    short: People\n    summary: Teams.\n    evidence: [a, b]\n", 1)
	_, err := load(files)
	if err == nil {
		t.Fatal("expected errors")
	}
	for _, want := range []string{
		`x/a.yaml:28: stage "seed": unknown dimension "craf"; did you mean craft?`,
		`x/a.yaml:28: stage "seed": no weight for dimension "people"`,
		`x/b.yaml:15: level "dev": missing dimension "people"`,
		`x/b.yaml:30: level "boss": missing dimension "people"`,
		`x/b.yaml:31: level "dev" is defined twice (first at x/b.yaml:2)`,
		`x/b.yaml:34: level "dev": unknown track "managment"; did you mean management?`,
		`x/b.yaml:35: level "dev": grade must be 1 or more, got 0`,
		`x/b.yaml:38: level "dev": unknown span "galaxy"`,
		`x/b.yaml:40: level "dev": size fill_from 10 is below show_from 20`,
		`x/b.yaml:40: level "dev": size absent is empty`,
		`x/b.yaml:41: level "dev": give at least two example behaviours, got 1`,
		`x/b.yaml:43: level "dev" equivalents: unknown level "nobody"`,
		`x/b.yaml:45: level "dev", dimension "craft": short has 7 words; keep overview cells to 5 words or fewer`,
		`x/b.yaml:46: level "dev": unknown dimension "crafts"; did you mean craft?`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

func TestUnknownFieldAndSameAsBelow(t *testing.T) {
	files := map[string]string{"a.yaml": minimal["a.yaml"], "b.yaml": strings.Replace(minimal["b.yaml"], "    code: L1\n", "    code: L1\n    colour: red\n", 1)}
	_, err := load(files)
	if err == nil || !strings.Contains(err.Error(), `x/b.yaml:4: unknown field "colour"`) {
		t.Errorf("unknown field not reported with its line: %v", err)
	}
	files["b.yaml"] = strings.Replace(minimal["b.yaml"], "{short: Sets the bar., expect: You set the bar., change: More.}", "{short: Writes code., expect: You write code.}", 1)
	_, err = load(files)
	for _, want := range []string{`x/b.yaml:30: level "boss", dimension "craft": change is empty; say what changed from dev`,
		`x/b.yaml:30: level "boss", dimension "craft": the expectation is the same as at dev`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in: %v", want, err)
		}
	}
	files["b.yaml"] = strings.Replace(minimal["b.yaml"], "equivalents: [dev]", "equivalents: [boss]", 1)
	files["c.yaml"] = "# more settings\nsettings:\n  compressed_below: 1\n"
	_, err = load(files)
	delete(files, "c.yaml")
	for _, want := range []string{`x/c.yaml:3: settings are defined twice (first at x/a.yaml:2)`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in: %v", want, err)
		}
	}
	files["a.yaml"] = strings.Replace(minimal["a.yaml"], "top_rung: boss", "top_rung: bos", 1)
	_, err = load(files)
	for _, want := range []string{`x/a.yaml:6: settings: unknown level "bos"; did you mean boss?`,
		`x/b.yaml:28: level "boss": equivalent "boss" is on the same track`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in: %v", want, err)
		}
	}
}

func TestLoadPath(t *testing.T) {
	dir := t.TempDir()
	for name, data := range minimal {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if l, err := LoadPath(dir); err != nil || len(l.Levels) != 2 {
		t.Fatalf("LoadPath(folder) = %v", err)
	}
	one := filepath.Join(t.TempDir(), "one.yaml")
	if err := os.WriteFile(one, []byte(minimal["a.yaml"]+minimal["b.yaml"]), 0o644); err != nil {
		t.Fatal(err)
	}
	if l, err := LoadPath(one); err != nil || len(l.Levels) != 2 {
		t.Fatalf("LoadPath(file) = %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte(strings.Replace(minimal["a.yaml"]+minimal["b.yaml"], "span: team", "span: tem", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPath(bad); err == nil || !strings.Contains(err.Error(), bad+":") || !strings.Contains(err.Error(), `unknown span "tem"; did you mean team?`) {
		t.Errorf("LoadPath(bad) error = %v", err)
	}
	if _, err := LoadPath(filepath.Join(dir, "missing.yaml")); !os.IsNotExist(err) {
		t.Errorf("LoadPath(missing) error = %v", err)
	}
}

// TestBandsAndRoadsReportProblems checks the loader's errors for the weights
// by level band and the roads into a rung, each at file:line.
func TestBandsAndRoadsReportProblems(t *testing.T) {
	files := map[string]string{"a.yaml": minimal["a.yaml"], "b.yaml": minimal["b.yaml"], "c.yaml": `bands:
  - id: devs
    title: Developers
    levels: [dev, nobody]
    weights:
      seed: {craft: 90}
      seeed: {craft: 100}
`}
	files["b.yaml"] = strings.Replace(files["b.yaml"], "    equivalents: [dev]\n", `    equivalents: [dev]
    roads:
      - from: nowhere
        title: A road
        text: Somewhere.
        asks: [one]
`, 1)
	_, err := load(files)
	if err == nil {
		t.Fatal("expected errors")
	}
	for _, want := range []string{
		`x/c.yaml:4: band "devs": unknown level "nobody"`,
		`x/c.yaml:6: band "devs", stage seed: weights add up to 90`,
		`x/c.yaml:7: band "devs": unknown stage "seeed"; did you mean seed?`,
		`level "boss" is in no band`,
		`level "boss": road from unknown level "nowhere"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
	// The built-in roads: two, one per track.
	cto := mustLevel(t, "cto")
	if len(cto.Roads) != 2 || cto.Roads[0].From != "principal-engineer" || cto.Roads[1].From != "vp-engineering" {
		t.Errorf("CTO roads = %+v", cto.Roads)
	}
}

func mustLevel(t *testing.T, id string) Level {
	t.Helper()
	v, err := mustBuiltin(t).Level(id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// peerGradeExists reports whether the other track has a level at v's
// grade; a senior band with no peer (the SVP) needs no equivalent.
func peerGradeExists(l *Ladder, v Level) bool {
	for _, q := range l.Levels {
		if q.Track != v.Track && q.Grade == v.Grade && !l.Shared(q) {
			return true
		}
	}
	return false
}
