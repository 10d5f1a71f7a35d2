package generator

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
)

// The ladder's tailoring rules. Each is a small pure function with a table
// test in ladder_rules_test.go:
//
//   - LadderTrackLevels: which levels a --track shows (the management track
//     starts with the levels it shares with the IC track).
//   - RungShown: size decides whether a rung is on the ladder at all.
//   - RungReserved: a rung that headcount and span of control cannot fill
//     yet is reserved, with the reason.
//   - DeliveryRungFrom: the archetype (and, for a product CTO, the stage)
//     decides from which headcount a VP Engineering runs delivery.
//   - RungTitle: the title a rung carries at this size (Head of
//     Engineering for the VP Engineering rung in a small company).
//   - Compressed: below the compressed_below headcount, the ladder is the
//     compressed one.
//   - StageWeights: the stage weights the dimensions; cards and guides list
//     the dimensions heaviest first.
//   - LevelWeights: a level's band weighs the dimensions at each stage, so
//     a junior engineer's card is mostly craft and a CTO's mostly strategy
//     and influence, whatever the stage.
//   - OverviewColumns: the overview table shows the heaviest dimensions.
//   - ShownBelow: the level below a rung on this ladder, skipping rungs not
//     on the ladder at this size; ChangeFrom picks the matching "What
//     changed" text.
//   - CTOForArchetype: the CTO rung's summary and expectations follow the
//     archetype's focus.
//   - CTOHoldsDelivery: with no VP Engineering or Head of Engineering
//     filled, the CTO's card says the CTO runs people and delivery.
//   - DeliveryRole: what the delivery rung does under this archetype.
//   - LadderWarnings: parameters that do not fit each other.
//   - PromotionPath: the steps from one level to another, across tracks.

// LadderTracks are the accepted --track values.
var LadderTracks = []string{"ic", "management", "all"}

// ResolveTrack turns a --track value into "ic", "management" or "all".
// An empty value means all.
func ResolveTrack(lad *ladders.Ladder, name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" || n == "all" || n == "both" {
		return "all", nil
	}
	t, err := lad.Track(n)
	if err != nil {
		if ue, ok := err.(*ladders.UnknownError); ok {
			ue.Valid = append(lad.TrackIDs(), "all")
		}
		return "", err
	}
	return t.ID, nil
}

// LadderTrackLevels returns the levels of a track in climbing order; "all"
// gives every level, IC track first.
func LadderTrackLevels(lad *ladders.Ladder, track string) []ladders.Level {
	if track == "all" || track == "" {
		return slices.Clone(lad.Levels)
	}
	return lad.TrackLevels(track)
}

// RungShown reports whether a rung is on the ladder at this headcount.
// Below its show_from, the work is done by someone else (Size.Absent).
func RungShown(v ladders.Level, size int) bool {
	return size >= v.Size.ShowFrom
}

// DeliveryRungFrom returns the headcount from which the delivery rung (VP
// Engineering, or Head of Engineering when small) is filled under a CTO of
// this archetype at this stage, and the reason it is reserved below it.
// An external-facing or visionary CTO has it filled as soon as the team
// outgrows one person doing both jobs; a product CTO at a young company
// holds delivery directly for longer.
func DeliveryRungFrom(lad *ladders.Ladder, v ladders.Level, archetype, stage string) (int, string) {
	from, reason := v.Size.FillFrom, v.Size.Reserved
	a, err := lad.Archetype(archetype)
	if err != nil {
		return from, reason
	}
	if a.DeliveryRung.FillFrom > 0 {
		from = a.DeliveryRung.FillFrom
	}
	if n, ok := a.DeliveryRung.ByStage[stage]; ok {
		from, reason = n, a.DeliveryRung.Reserved
	}
	return from, reason
}

// RungFillFrom returns the headcount from which a rung can be filled, and
// the reason it is reserved below it.
func RungFillFrom(lad *ladders.Ladder, v ladders.Level, p profile.Profile) (int, string) {
	if v.ID == lad.Settings.DeliveryRung {
		return DeliveryRungFrom(lad, v, p.Archetype.ID, p.Stage.ID)
	}
	return v.Size.FillFrom, v.Size.Reserved
}

// RungReserved reports whether a rung is on the ladder but cannot be filled
// yet at this headcount, and why.
func RungReserved(lad *ladders.Ladder, v ladders.Level, p profile.Profile) (bool, string) {
	from, reason := RungFillFrom(lad, v, p)
	if p.Size >= from {
		return false, ""
	}
	return true, reason
}

// AbsentListed reports whether a ladder lists a rung it leaves out: only
// rungs that appear within absent_horizon times the headcount, so a team
// of 5 is not shown the rungs of a company of thousands. A horizon of 0
// lists every rung left out.
func AbsentListed(lad *ladders.Ladder, v ladders.Level, size int) bool {
	h := lad.Settings.AbsentHorizon
	return h <= 0 || v.Size.ShowFrom <= max(size, 1)*h
}

// RungTitle returns the title a rung carries at this headcount, the id of
// that title, and the note that explains it ("" for the rung's own title).
func RungTitle(v ladders.Level, p profile.Profile) (id, title, note string) {
	id, title = v.ID, v.Title
	if t, ok := v.SizedTitleAt(p.Size); ok {
		id, title, note = t.ID, t.Title, t.Note
	}
	// The company's own title for the role wins, as in its postings.
	if t, ok := p.CustomTitles[id]; ok {
		title = t
	}
	return id, title, note
}

// Compressed reports whether the ladder is the compressed one.
func Compressed(lad *ladders.Ladder, size int) bool {
	return size < lad.Settings.CompressedBelow
}

// WeightView is one dimension's weight at the company's stage.
type WeightView struct {
	Dimension string `json:"dimension"`
	Title     string `json:"title"`
	Short     string `json:"short"`
	Weight    int    `json:"weight"`
}

// StageWeights returns the dimensions with their weights at a stage,
// heaviest first; equal weights keep the ladder's dimension order. An
// unknown stage weighs every dimension equally.
func StageWeights(lad *ladders.Ladder, stage string) []WeightView {
	sw, err := lad.Stage(stage)
	var out []WeightView
	for _, d := range lad.Dimensions {
		w := 100 / max(1, len(lad.Dimensions))
		if err == nil {
			w = sw.Weights[d.ID]
		}
		out = append(out, WeightView{Dimension: d.ID, Title: d.Title, Short: d.Short, Weight: w})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight > out[j].Weight })
	return out
}

// LevelWeights returns a level's dimension weights at a stage, heaviest
// first; equal weights keep the ladder's dimension order. levelID may be
// the id of a sized title with weights of its own (head-of-engineering).
// A ladder without bands, or a level in none, uses the stage weights.
func LevelWeights(lad *ladders.Ladder, levelID, stage string) []WeightView {
	band, ok := lad.Band(levelID)
	if !ok {
		return StageWeights(lad, stage)
	}
	ws, ok := band.Weights[stage]
	if !ok {
		return StageWeights(lad, stage)
	}
	var out []WeightView
	for _, d := range lad.Dimensions {
		out = append(out, WeightView{Dimension: d.ID, Title: d.Title, Short: d.Short, Weight: ws[d.ID]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight > out[j].Weight })
	return out
}

// WeightsID is the id whose weights a rung uses at a headcount: the
// sized title's when that title has weights of its own (a Head of
// Engineering weighs people and delivery most), else the level's.
func WeightsID(lad *ladders.Ladder, v ladders.Level, size int) string {
	if t, ok := v.SizedTitleAt(size); ok {
		if _, ok := lad.Band(t.ID); ok {
			return t.ID
		}
	}
	return v.ID
}

// BandWeights is one band's weights at a stage, in the ladder's dimension
// order, for the document's weights table.
type BandWeights struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Levels []string `json:"levels"`
	// Weights are in the order of LadderView.Dimensions.
	Weights []int `json:"weights"`
}

// BandTable returns the weights at a stage of each rung on this ladder,
// one row per rung, in the ladder's dimension order. rungs are the rungs
// shown, each with its name and the id its weights come from.
func BandTable(lad *ladders.Ladder, stage string, rungs []BandRung) []BandWeights {
	var out []BandWeights
	for _, r := range rungs {
		b, ok := lad.Band(r.WeightsID)
		if !ok {
			continue
		}
		bw := BandWeights{ID: b.ID, Title: b.Title, Levels: []string{r.Name}}
		for _, d := range lad.Dimensions {
			bw.Weights = append(bw.Weights, b.Weights[stage][d.ID])
		}
		out = append(out, bw)
	}
	return out
}

// BandRung names a rung for the weights table.
type BandRung struct {
	Name      string
	WeightsID string
}

// ShownBelow returns the level below v on this ladder and how many rungs
// were skipped to reach it: rungs not shown at this size are skipped, all
// the way down to the nearest rung the ladder shows.
func ShownBelow(lad *ladders.Ladder, v ladders.Level, shown func(ladders.Level) bool) (ladders.Level, int, bool) {
	below, ok := lad.Below(v)
	skipped := 0
	for ok && !shown(below) {
		next, ok2 := lad.Below(below)
		if !ok2 {
			break
		}
		below = next
		skipped++
	}
	return below, skipped, ok
}

// ChangeFrom returns what changed in one expectation from the level below
// on this ladder: the change from the level directly below, or, when that
// level was skipped, from the level under it. When more than one rung was
// skipped there is no text written against the level shown, so none.
func ChangeFrom(e ladders.Expectation, skipped int) string {
	switch {
	case skipped == 0:
		return e.Change
	case skipped == 1 && e.SkipChange != "":
		return e.SkipChange
	case skipped == 1:
		return e.Change
	}
	return ""
}

// OverviewColumns returns the n heaviest dimensions, in weight order.
func OverviewColumns(weights []WeightView, n int) []WeightView {
	return slices.Clone(weights[:min(n, len(weights))])
}

// overviewHeads are the overview's column headings: each row shows its
// own heaviest dimensions, with their weights, so the columns are ranks.
func overviewHeads(tr *locale.Catalog) []string {
	then := tr.Text("ladder.overview.head_then", nil)
	return []string{tr.Text("ladder.overview.head_first", nil), then, then, then}
}

// CTOForArchetype returns the top rung with the archetype's summary and
// expectations in place of the generic ones.
func CTOForArchetype(lad *ladders.Ladder, v ladders.Level, archetype string) ladders.Level {
	if v.ID != lad.Settings.TopRung {
		return v
	}
	a, err := lad.Archetype(archetype)
	if err != nil {
		return v
	}
	out := v
	if a.CTOSummary != "" {
		out.Summary = a.CTOSummary
	}
	out.Expectations = map[string]ladders.Expectation{}
	for k, e := range v.Expectations {
		out.Expectations[k] = e
	}
	for k, e := range a.CTOExpectations {
		out.Expectations[k] = e
	}
	if len(a.CTOBehaviours) > 0 {
		out.Behaviours = a.CTOBehaviours
	}
	return out
}

// CTOHoldsDelivery returns the CTO card's note when the delivery rung is
// not filled: the CTO runs people and delivery directly. deliveryTitle is
// the delivery rung's title at this size.
func CTOHoldsDelivery(tr *locale.Catalog, deliveryFilled bool, deliveryTitle string) string {
	if deliveryFilled {
		return ""
	}
	return tr.Text("ladder.cto.holds_delivery", locale.Args{"delivery": deliveryTitle})
}

// DeliveryRole returns the delivery rung's note under this archetype: what
// it does so the CTO can keep their focus. The archetype's title comes
// from the catalog when the profile has it.
func DeliveryRole(tr *locale.Catalog, lad *ladders.Ladder, ca catalog.Archetype) string {
	a, err := lad.Archetype(ca.ID)
	if err != nil || a.DeliveryRung.Role == "" {
		return ""
	}
	title, _ := archetypeName(a, ca)
	return tr.Text("ladder.delivery.cto_is", locale.Args{"article": article(title), "archetype": title, "role": strings.TrimSpace(a.DeliveryRung.Role)})
}

// archetypeName returns the archetype's title and focus, from the catalog
// when set, else from the ladder data.
func archetypeName(a ladders.Archetype, ca catalog.Archetype) (title, focus string) {
	title, focus = a.Title, a.Focus
	if ca.Title != "" {
		title = ca.Title
	}
	if ca.Focus != "" {
		focus = ca.Focus
	}
	return title, strings.TrimSuffix(strings.TrimSpace(focus), ".")
}

// LadderWarnings explains where the parameters do not fit each other. The
// ladder is generated all the same.
func LadderWarnings(p profile.Profile) []string {
	tr := wordsFor(p.Company.Language)
	var w []string
	if m := StageSizeMismatch(p); m != "" {
		w = append(w, m)
	}
	if p.ArchetypeGiven && p.Archetype.MinSize > p.Size {
		w = append(w, tr.Text("warning.archetype_too_small.ladder", locale.Args{"archetype": p.Archetype.ID, "focus": lowerFirst(p.Archetype.Focus), "min": strconv.Itoa(p.Archetype.MinSize), "engineers": engineers(tr, p.Size)}))
	}
	return w
}

// Step is one move of a promotion path. A lateral step changes track and
// keeps the grade.
type Step struct {
	From    ladders.Level
	To      ladders.Level
	Lateral bool
	// Road is set when the step takes one of To's roads in, such as the
	// road to CTO from the top of the IC track.
	Road *ladders.Road
	// Skipped counts the rungs between From and To that are not on the
	// ladder at the company's size (see CompressSteps).
	Skipped int
}

// CompressSteps merges the steps through rungs that are not on the ladder
// at the company's size and appear later than the rung above them: at 120
// engineers the path from Staff Engineer to Principal Engineer is one step,
// because there is no Senior Staff rung yet. Lateral steps and roads are
// kept as they are.
func CompressSteps(steps []Step, shown func(ladders.Level) bool) []Step {
	var out []Step
	for i := 0; i < len(steps); i++ {
		s := steps[i]
		for i+1 < len(steps) && !shown(s.To) && s.To.Size.ShowFrom > steps[i+1].To.Size.ShowFrom &&
			!s.Lateral && s.Road == nil && !steps[i+1].Lateral && steps[i+1].Road == nil {
			n := steps[i+1]
			n.From, n.Skipped = s.From, s.Skipped+1
			s = n
			i++
		}
		out = append(out, s)
	}
	return out
}

// OrderError says a promotion guide was asked to go down or stay put.
type OrderError struct {
	From, To ladders.Level
	// Valid are the levels one step up from From, the nearest valid --to.
	Valid []string
}

func (e *OrderError) Error() string {
	what := "is below"
	if e.From.ID == e.To.ID {
		what = "is the same level as"
	}
	msg := fmt.Sprintf("%s (%s) %s %s (%s); a promotion guide goes up a level or across to the other track", e.To.ID, e.To.Code, what, e.From.ID, e.From.Code)
	if len(e.Valid) > 0 {
		return msg + fmt.Sprintf(", for example %s", strings.Join(e.Valid, " or "))
	}
	return msg + fmt.Sprintf("; %s is the top of its track, so there is nothing above it", e.From.ID)
}

// PromotionPath returns the steps from one level to another. From and to
// may be on different tracks (the path then crosses at the grade of from,
// a lateral move) and may be more than one level apart. To must be above
// from, or at the same grade on the other track.
func PromotionPath(lad *ladders.Ladder, from, to ladders.Level) ([]Step, error) {
	if to.ID == from.ID || to.Grade < from.Grade || (to.Grade == from.Grade && to.Track == from.Track) {
		var valid []string
		for _, v := range lad.Above(from) {
			valid = append(valid, v.ID)
		}
		for _, e := range from.Equivalents {
			if q, err := lad.Level(e); err == nil && q.Grade == from.Grade && !slices.Contains(valid, e) {
				valid = append(valid, e)
			}
		}
		return nil, &OrderError{From: from, To: to, Valid: valid}
	}
	// A road into the target that starts at from (or below it on from's
	// track) is one step, even when to is the next level up: an SVP takes
	// the road from VP of Engineering to CTO.
	if r, ok := lad.RoadInto(from, to); ok {
		return []Step{{From: from, To: to, Road: &r}}, nil
	}
	// Walk down from the target until the path meets from, or reaches
	// from's grade on the other track.
	chain := []ladders.Level{to}
	for cur := to; ; {
		below, ok := lad.Below(cur)
		if !ok || below.ID == from.ID {
			break
		}
		if below.Grade < from.Grade {
			break
		}
		chain = append([]ladders.Level{below}, chain...)
		cur = below
		if below.Grade == from.Grade {
			break
		}
	}
	// A path that passes the start of a road into the target takes it.
	for i, c := range chain[:len(chain)-1] {
		if r, ok := lad.RoadInto(c, to); ok && r.From == c.ID {
			if b, ok := lad.Below(to); ok && b.ID == c.ID {
				break
			}
			var steps []Step
			prev := from
			for _, v := range chain[:i+1] {
				b, ok := lad.Below(v)
				steps = append(steps, Step{From: prev, To: v, Lateral: !ok || b.ID != prev.ID})
				prev = v
			}
			return append(steps, Step{From: c, To: to, Road: &r}), nil
		}
	}
	var steps []Step
	prev := from
	for _, v := range chain {
		b, ok := lad.Below(v)
		steps = append(steps, Step{From: prev, To: v, Lateral: !ok || b.ID != prev.ID})
		prev = v
	}
	return steps, nil
}
