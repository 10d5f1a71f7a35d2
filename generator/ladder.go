package generator

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
)

// LadderMeta is what every ladder document says about the company it was
// tailored to. Its JSON form is a contract for scripts (see the README).
type LadderMeta struct {
	// lang is the language the document is written in ("" is English).
	lang           string
	Company        string `json:"company,omitempty"`
	Stage          string `json:"stage"`
	StageLabel     string `json:"stage_label"`
	Size           int    `json:"size"`
	Archetype      string `json:"archetype"`
	ArchetypeTitle string `json:"archetype_title"`
	// Track is ic, management or all.
	Track      string `json:"track"`
	Compressed bool   `json:"compressed"`
	// Weights are the dimension weights used, heaviest first, and
	// WeightsNote says why the stage weighs them so.
	Weights     []WeightView `json:"weights"`
	WeightsNote string       `json:"weights_note"`
	// BandNote says in one sentence why each level weighs the dimensions
	// its own way; Dimensions and Bands are the weights table by level.
	BandNote string `json:"band_note,omitempty"`
	// WeightMeaning says what a weight is.
	WeightMeaning string `json:"weight_meaning,omitempty"`
	// SpanMeaning says what each span word means.
	SpanMeaning string        `json:"span_meaning,omitempty"`
	Dimensions  []WeightView  `json:"dimensions,omitempty"`
	Bands       []BandWeights `json:"bands,omitempty"`
	Date        string        `json:"date,omitempty"`
	// Warnings say where the parameters do not fit each other; commands
	// print them on stderr.
	Warnings []string `json:"warnings,omitempty"`
}

// LevelRef names a level as it reads at this company.
type LevelRef struct {
	ID    string `json:"id"`
	Code  string `json:"code"`
	Title string `json:"title"`
	Track string `json:"track"`
	// Status is "filled", "reserved" or "absent" (not on this ladder).
	Status string `json:"status"`
	// From is the headcount from which an absent rung joins the ladder.
	From int `json:"from,omitempty"`
	// Fill is the headcount from which an absent rung is filled, when it
	// joins the ladder reserved.
	Fill int `json:"fill,omitempty"`
	// lang is the language the label is written in.
	lang string
}

// Label is "Staff Engineer (L3)", with the status when not filled.
func (r LevelRef) Label() string {
	tr := wordsFor(r.lang)
	switch r.Status {
	case "reserved":
		return tr.Text("ladder.label.reserved", locale.Args{"title": r.Title, "code": r.Code})
	case "absent":
		// Nobody holds the rung before it is filled, so the label gives
		// the later of the two headcounts.
		return tr.Text("ladder.label.absent", locale.Args{"title": r.Title, "code": r.Code, "engineers": engineers(tr, max(r.From, r.Fill))})
	}
	return tr.Text("ladder.label.filled", locale.Args{"title": r.Title, "code": r.Code})
}

// ExpectationView is a level's expectation in one dimension.
type ExpectationView struct {
	Dimension string `json:"dimension"`
	Title     string `json:"title"`
	Weight    int    `json:"weight"`
	Short     string `json:"short"`
	Expect    string `json:"expect"`
	Change    string `json:"change,omitempty"`
}

// LevelView is one rung as this company's ladder shows it.
type LevelView struct {
	// lang is the language the level is written in.
	lang  string
	ID    string `json:"id"`
	Code  string `json:"code"`
	Title string `json:"title"`
	// BaseTitle is the rung's usual title when a small-company title
	// (such as Head of Engineering) replaces it.
	BaseTitle  string `json:"base_title,omitempty"`
	Track      string `json:"track"`
	TrackTitle string `json:"track_title"`
	// Shared is true for the levels both tracks share.
	Shared bool `json:"shared"`
	Grade  int  `json:"grade"`
	// Reserved is true when headcount and span of control cannot fill the
	// rung yet; ReservedReason says why, FillFrom from when.
	Reserved       bool   `json:"reserved"`
	ReservedReason string `json:"reserved_reason,omitempty"`
	FillFrom       int    `json:"fill_from"`
	Needs          string `json:"needs,omitempty"`
	Summary        string `json:"summary"`
	Scope          string `json:"scope"`
	Span           string `json:"span"`
	// SpanLabel is the span as the document's language names it.
	SpanLabel   string `json:"-"`
	TypicalTime string `json:"typical_time"`
	// Notes say what the rung means at this size and under this CTO.
	Notes []string `json:"notes,omitempty"`
	// Focus is the CTO archetype's focus, on the top rung only.
	Focus string     `json:"focus,omitempty"`
	Below *LevelRef  `json:"below,omitempty"`
	Next  []LevelRef `json:"next,omitempty"`
	// MgmtNext and ManagementSignals, on the last shared level, are the
	// first management rung and the signs of readiness for it.
	MgmtNext          *LevelRef `json:"management_next,omitempty"`
	ManagementSignals []string  `json:"management_signals,omitempty"`
	// RoadNext are rungs this level reaches by a road (the CTO, from the
	// top of the IC track).
	RoadNext     []LevelRef        `json:"road_next,omitempty"`
	Expectations []ExpectationView `json:"expectations"`
	// Cells are the overview table's cells, one per column.
	Cells []string `json:"-"`
	// Tied names the dimensions the overview row leaves out that weigh as
	// much as its last cell ("" when none).
	Tied string `json:"-"`
	// Heavy marks the cells of the level's heaviest dimensions.
	Heavy       []bool     `json:"-"`
	Behaviours  []string   `json:"behaviours"`
	Signals     []string   `json:"signals"`
	Equivalents []LevelRef `json:"equivalents,omitempty"`
	// Roads are the ways into this rung besides the level below.
	Roads   []RoadView `json:"roads,omitempty"`
	Hats    []string   `json:"hats,omitempty"`
	Sources []string   `json:"sources,omitempty"`
}

// Ref returns the level's reference.
func (v LevelView) Ref() LevelRef {
	st := "filled"
	if v.Reserved {
		st = "reserved"
	}
	return LevelRef{ID: v.ID, Code: v.Code, Title: v.Title, Track: v.Track, Status: st, lang: v.lang}
}

// RoadView is one road into a rung, such as the road to CTO from the IC
// track.
type RoadView struct {
	From  LevelRef `json:"from"`
	Title string   `json:"title"`
	Text  string   `json:"text"`
	Asks  []string `json:"asks,omitempty"`
	// Changes say, per dimension, what changes on this road.
	Changes []RoadChange `json:"changes,omitempty"`
}

// RoadChange is what one road changes in one dimension.
type RoadChange struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// AbsentView is a rung left off the ladder at this size.
type AbsentView struct {
	ID       string `json:"id"`
	Code     string `json:"code"`
	Title    string `json:"title"`
	ShowFrom int    `json:"show_from"`
	// FillFrom is the headcount from which the rung is filled.
	FillFrom int `json:"fill_from,omitempty"`
	// Instead says who does the work meanwhile.
	Instead string `json:"instead"`
}

// TrackView describes a track.
type TrackView struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Summary      string `json:"summary"`
	BranchesFrom string `json:"branches_from,omitempty"`
}

// HatView is a role worn at some levels, such as Tech Lead.
type HatView struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Summary    string     `json:"summary"`
	WornAt     []LevelRef `json:"worn_at"`
	Bridge     string     `json:"bridge,omitempty"`
	Behaviours []string   `json:"behaviours"`
}

// CareerStepView is one step of the path from IC to CTO.
type CareerStepView struct {
	ID      string     `json:"id"`
	Title   string     `json:"title"`
	Text    string     `json:"text"`
	Rungs   []LevelRef `json:"rungs,omitempty"`
	Hats    []string   `json:"hats,omitempty"`
	Sources []string   `json:"sources,omitempty"`
}

// PeerView pairs levels of equal grade on the two tracks: a move between
// them is lateral.
type PeerView struct {
	IC         LevelRef `json:"ic"`
	Management LevelRef `json:"management"`
}

// QuestionView is one FAQ entry.
type QuestionView struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// LadderView is a whole career ladder tailored to a company.
type LadderView struct {
	LadderMeta
	// Columns are the dimensions of the overview table.
	Columns []WeightView `json:"columns"`
	Levels  []LevelView  `json:"levels"`
	Absent  []AbsentView `json:"absent,omitempty"`
	// Later are the levels that join further off than the absent list
	// looks (absent_horizon), so the counts the ladder gives of levels
	// still to come are true (review ladder4, item 3).
	Later      []AbsentView     `json:"later,omitempty"`
	Tracks     []TrackView      `json:"tracks"`
	Peers      []PeerView       `json:"peers,omitempty"`
	Hats       []HatView        `json:"hats"`
	CareerPath []CareerStepView `json:"career_path"`
	FAQ        []QuestionView   `json:"faq"`
}

// Reserved counts the reserved rungs.
func (l *LadderView) Reserved() int {
	n := 0
	for _, v := range l.Levels {
		if v.Reserved {
			n++
		}
	}
	return n
}

// Level returns the view of a level by id.
func (l *LadderView) Level(id string) (LevelView, bool) {
	for _, v := range l.Levels {
		if v.ID == id {
			return v, true
		}
	}
	return LevelView{}, false
}

// builder holds what every ladder view needs while it is built.
type builder struct {
	lad     *ladders.Ladder
	p       profile.Profile
	weights []WeightView
	columns []WeightView
	// onLadder are the ids of the rungs shown on this ladder (all tracks).
	onLadder map[string]bool
	// tr is the language the ladder is written in.
	tr *locale.Catalog
}

func newBuilder(lad *ladders.Ladder, p profile.Profile) *builder {
	b := &builder{lad: lad, p: p, weights: StageWeights(lad, p.Stage.ID), onLadder: map[string]bool{}, tr: wordsFor(p.Company.Language)}
	for _, v := range lad.Levels {
		if RungShown(v, p.Size) {
			b.onLadder[v.ID] = true
		}
	}
	for i := 0; i < lad.Settings.OverviewColumns && i < len(b.weights); i++ {
		heads := overviewHeads(b.tr)
		b.columns = append(b.columns, WeightView{Short: heads[min(i, len(heads)-1)]})
	}
	return b
}

func (b *builder) meta(track string) LadderMeta {
	tr := b.tr
	m := LadderMeta{
		lang:           b.p.Company.Language,
		Company:        strings.TrimSpace(b.p.Company.Name),
		Stage:          b.p.Stage.ID,
		StageLabel:     StageLabel(tr, b.p.Stage),
		Size:           b.p.Size,
		Archetype:      b.p.Archetype.ID,
		ArchetypeTitle: b.p.Archetype.Title,
		Track:          track,
		Compressed:     Compressed(b.lad, b.p.Size),
		Weights:        b.weights,
		Warnings:       LadderWarnings(b.p),
	}
	if m.ArchetypeTitle == "" {
		m.ArchetypeTitle = b.p.Archetype.ID
	}
	if sw, err := b.lad.Stage(b.p.Stage.ID); err == nil {
		m.WeightsNote = sw.Note
	}
	if len(b.lad.Bands) > 0 {
		m.BandNote = b.lad.Settings.BandNote
		m.WeightMeaning = b.lad.Settings.WeightMeaning
		m.SpanMeaning = b.lad.Settings.SpanMeaning
		for _, d := range b.lad.Dimensions {
			m.Dimensions = append(m.Dimensions, WeightView{Dimension: d.ID, Title: d.Title, Short: d.Short})
		}
		var rungs []BandRung
		for _, v := range b.lad.Levels {
			if track != "all" && v.Track != track && !b.lad.Shared(v) && v.ID != b.lad.Settings.TopRung {
				continue
			}
			if !b.onLadder[v.ID] {
				continue
			}
			r := b.ref(v)
			rungs = append(rungs, BandRung{Name: tr.Text("ladder.label.filled", locale.Args{"title": r.Title, "code": r.Code}), WeightsID: WeightsID(b.lad, v, b.p.Size)})
		}
		m.Bands = BandTable(b.lad, b.p.Stage.ID, rungs)
	}
	if !b.p.Date.IsZero() {
		m.Date = b.p.Date.Format("2006-01-02")
	}
	return m
}

// ref names a level as this ladder shows it.
func (b *builder) ref(v ladders.Level) LevelRef {
	_, title, _ := RungTitle(v, b.p)
	r := LevelRef{ID: v.ID, Code: v.Code, Title: title, Track: v.Track, Status: "filled", lang: b.p.Company.Language}
	switch {
	case !b.onLadder[v.ID]:
		r.Status, r.From, r.Fill = "absent", v.Size.ShowFrom, v.Size.FillFrom
	default:
		if res, _ := RungReserved(b.lad, v, b.p); res {
			r.Status = "reserved"
		}
	}
	return r
}

func (b *builder) refs(ids []string) []LevelRef {
	var out []LevelRef
	for _, id := range ids {
		if v, err := b.lad.Level(id); err == nil {
			out = append(out, b.ref(v))
		}
	}
	return out
}

// level builds a rung's view. inTrack limits "next" to the levels of the
// track being printed; a next level not on the ladder at this size is
// still named, with its status.
func (b *builder) level(v ladders.Level, inTrack map[string]bool) LevelView {
	tr := b.tr
	lad, p := b.lad, b.p
	v = CTOForArchetype(lad, v, p.Archetype.ID)
	titleID, title, titleNote := RungTitle(v, p)
	_ = titleID
	fillFrom, _ := RungFillFrom(lad, v, p)
	reserved, reason := RungReserved(lad, v, p)
	track, _ := lad.Track(v.Track)
	lv := LevelView{
		lang: p.Company.Language,
		ID:   v.ID, Code: v.Code, Title: title, Track: v.Track, TrackTitle: track.Title,
		Shared: lad.Shared(v), Grade: v.Grade,
		Reserved: reserved, ReservedReason: reason, FillFrom: fillFrom, Needs: v.Size.Needs,
		Summary: b.sz(v.SummaryAt(p.Size)), Scope: b.sz(v.ScopeAt(p.Size)), Span: v.Span, SpanLabel: spanLabel(tr, v.Span), TypicalTime: v.TypicalTime,
		Behaviours: b.szs(v.BehavioursAt(p.Size)), Signals: b.szs(v.SignalsAt(p.Size)), Sources: v.Sources,
	}
	if title != v.Title {
		lv.BaseTitle = v.Title
	}
	if t, ok := v.SizedTitleAt(p.Size); ok && t.Scope != "" {
		lv.Scope = b.sz(t.Scope)
	}
	// A reserved rung's card says why it is reserved; notes about what
	// the holder does at this size would read as if someone held it.
	if titleNote != "" && !reserved {
		lv.Notes = append(lv.Notes, b.sz(titleNote))
	}
	if n := v.NoteAt(p.Size); n != "" && !reserved {
		lv.Notes = append(lv.Notes, b.sz(n))
	}
	switch v.ID {
	case lad.Settings.TopRung:
		// The CTO rung tops both tracks: the card shows a road from each.
		// The archetype shapes its summary and expectations, not a tag.
		lv.TrackTitle = tr.Text("ladder.track.both", nil)
		if d, err := lad.Level(lad.Settings.DeliveryRung); err == nil {
			dres, _ := RungReserved(lad, d, p)
			filled := b.onLadder[d.ID] && !dres
			_, dtitle, _ := RungTitle(d, p)
			if n := CTOHoldsDelivery(tr, filled, dtitle); n != "" {
				lv.Notes = append(lv.Notes, n)
			}
		}
	case lad.Settings.DeliveryRung:
		if !reserved {
			if n := DeliveryRole(tr, lad, p.Archetype); n != "" {
				lv.Notes = append(lv.Notes, sentence(n))
			}
		}
	}
	below, skipped, hasBelow := ShownBelow(lad, v, b.shown)
	if hasBelow {
		r := b.ref(below)
		lv.Below = &r
	}
	for _, n := range lad.Above(v) {
		if !inTrack[n.ID] {
			continue
		}
		if !b.onLadder[n.ID] {
			// Point past a rung this ladder does not show yet, to the
			// one above it when that one appears sooner (Senior Staff
			// Engineer is added with size, between Staff and Principal).
			for _, m := range lad.Above(n) {
				if inTrack[m.ID] && m.Track == n.Track && m.Size.ShowFrom < n.Size.ShowFrom {
					n = m
				}
			}
		}
		if len(v.ManagementSignals) > 0 && n.Track != v.Track {
			r := b.ref(n)
			lv.MgmtNext = &r
			lv.ManagementSignals = b.szs(v.ManagementSignals)
			continue
		}
		lv.Next = append(lv.Next, b.ref(n))
	}
	for _, t := range lad.Levels {
		if !inTrack[t.ID] || t.Track == v.Track {
			continue
		}
		for _, r := range t.Roads {
			if f, err := lad.Level(r.From); err == nil && b.topOfRoad(f, t).ID == v.ID {
				lv.RoadNext = append(lv.RoadNext, b.ref(t))
			}
		}
	}
	for _, r := range v.Roads {
		if f, err := lad.Level(r.From); err == nil {
			top := b.topOfRoad(f, v)
			rv := RoadView{From: b.ref(top), Title: r.Title, Text: b.sz(r.Text)}
			// What changes on a road is told only when someone here can
			// walk it: from a rung that is filled at this size.
			for _, d := range lad.Dimensions {
				if c := r.Changes[d.ID]; c != "" && rv.From.Status == "filled" {
					rv.Changes = append(rv.Changes, RoadChange{Title: d.Title, Text: b.sz(c)})
				}
			}
			lv.Roads = append(lv.Roads, rv)
		}
	}
	for _, e := range v.Equivalents {
		if q, err := lad.Level(e); err == nil && (b.onLadder[q.ID] || AbsentListed(lad, q, p.Size)) {
			lv.Equivalents = append(lv.Equivalents, b.ref(q))
		}
	}
	for _, h := range lad.Hats {
		if slices.Contains(h.WornAt, v.ID) {
			lv.Hats = append(lv.Hats, h.Title)
		}
	}
	weights := LevelWeights(lad, WeightsID(lad, v, p.Size), p.Stage.ID)
	for _, w := range weights {
		e := v.Expectations[w.Dimension].At(p.Size)
		change := ChangeFrom(e, skipped)
		if len(lv.Roads) > 0 {
			// A rung with several roads in says what changed per road.
			change = ""
		}
		lv.Expectations = append(lv.Expectations, ExpectationView{
			Dimension: w.Dimension, Title: w.Title, Weight: w.Weight,
			Short: b.sz(e.Short), Expect: b.sz(e.Expect), Change: b.sz(change),
		})
	}
	// The overview row shows the level's own heaviest dimensions, each
	// with its weight, so no row loses its heaviest and ties show.
	for i := range b.columns {
		w := weights[i]
		lv.Cells = append(lv.Cells, tr.Text("ladder.overview.cell", locale.Args{"dimension": w.Short, "weight": strconv.Itoa(w.Weight), "short": b.sz(v.Expectations[w.Dimension].At(p.Size).Short)}))
		lv.Heavy = append(lv.Heavy, false)
	}
	// A dimension that weighs as much as the last one shown is named in
	// the last cell, so the overview hides no tie (review ladder4, item 18).
	if n := len(lv.Cells); n > 0 && n < len(weights) {
		var tied []string
		for _, w := range weights[n:] {
			if w.Weight == weights[n-1].Weight {
				tied = append(tied, w.Short)
			}
		}
		if len(tied) > 0 {
			lv.Tied = tr.Count("ladder.overview.tied", len(tied), strconv.Itoa(len(tied)), locale.Args{"dimensions": listAnd(tr, tied), "weight": strconv.Itoa(weights[n-1].Weight), "like": weights[n-1].Short})
		}
	}
	return lv
}

// spanLabel names a level's span (team, teams, group, groups, org, orgs,
// company) in the document's language.
func spanLabel(tr *locale.Catalog, span string) string {
	switch span {
	case "team":
		return tr.Text("ladder.span.team", nil)
	case "teams":
		return tr.Text("ladder.span.teams", nil)
	case "group":
		return tr.Text("ladder.span.group", nil)
	case "groups":
		return tr.Text("ladder.span.groups", nil)
	case "org":
		return tr.Text("ladder.span.org", nil)
	case "orgs":
		return tr.Text("ladder.span.orgs", nil)
	case "company":
		return tr.Text("ladder.span.company", nil)
	}
	return span
}

// listAnd joins words as a list: "a", "a and b", "a, b and c".
func listAnd(tr *locale.Catalog, ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return tr.Text("list.and", locale.Args{"items": strings.Join(ws[:len(ws)-1], ", "), "last": ws[len(ws)-1]})
}

// sz sizes a text: its size words ({teams}, {vps}, {per_vp}...) become
// numbers that fit the headcount.
func (b *builder) sz(s string) string {
	tr := b.tr
	if !strings.Contains(s, "{") {
		return s
	}
	return LadderSizeText(tr, b.lad, s, b.p.Size, b.shown)
}

func (b *builder) szs(ss []string) []string {
	var out []string
	for _, s := range ss {
		out = append(out, b.sz(s))
	}
	return out
}

// topOfRoad returns the highest rung on the road's track, from the road's
// start up to the rung below the target, that this ladder has filled: the
// road is shown from the top of its track on this ladder. With none
// filled, it is the road's start.
func (b *builder) topOfRoad(from, to ladders.Level) ladders.Level {
	top := from
	for cur := from; ; {
		if b.onLadder[cur.ID] {
			if res, _ := RungReserved(b.lad, cur, b.p); !res {
				top = cur
			}
		}
		next := b.lad.Above(cur)
		found := false
		for _, n := range next {
			if n.Track == from.Track && n.ID != to.ID && n.Grade < to.Grade {
				cur, found = n, true
				break
			}
		}
		if !found {
			return top
		}
	}
}

// LadderSizeText sizes a ladder text: the size words of SizeText, the
// counts of the senior IC rungs that follow the same model ({staff}: one
// for every one or two teams; {senior_staff}: one for every three or four
// teams; {principals}: one per director's
// group; {distinguished}: one per VP's org), and {ic_top}, the highest IC
// rung on this ladder.
func LadderSizeText(tr *locale.Catalog, lad *ladders.Ladder, text string, size int, shown func(ladders.Level) bool) string {
	o := OrgAt(size)
	top, peer := "", ""
	for _, v := range lad.TrackLevels("ic") {
		if shown(v) {
			top, peer = v.Title, ""
			for _, id := range v.Equivalents {
				if e, err := lad.Level(id); err == nil && shown(e) {
					peer = tr.Text("ladder.peer", locale.Args{"article": article(e.Title), "title": e.Title})
				}
			}
		}
	}
	text = strings.NewReplacer(
		"{ic_top_peer}", peer,
		"{staff}", about(tr, o.Staff()),
		"{senior_staff}", about(tr, o.SeniorStaff()),
		"{principals}", about(tr, o.Principals()),
		"{distinguished}", about(tr, o.Distinguished()),
		"{ic_top}", top,
	).Replace(text)
	return SizeText(tr, text, size)
}

// shown reports whether a rung is on this ladder.
func (b *builder) shown(v ladders.Level) bool { return b.onLadder[v.ID] }

// CareerLadder builds the whole ladder for a company. track is ic,
// management or all (see ResolveTrack).
func CareerLadder(lad *ladders.Ladder, p profile.Profile, track string) (*LadderView, error) {
	if track == "" {
		track = "all"
	}
	b := newBuilder(lad, p)
	out := &LadderView{LadderMeta: b.meta(track)}
	out.Columns = b.columns
	levels := LadderTrackLevels(lad, track)
	if len(levels) == 0 {
		return nil, fmt.Errorf("track %q has no levels", track)
	}
	inTrack := map[string]bool{}
	for _, v := range levels {
		inTrack[v.ID] = true
	}
	for _, v := range levels {
		if !RungShown(v, p.Size) {
			_, title, _ := RungTitle(v, p)
			av := AbsentView{ID: v.ID, Code: v.Code, Title: title, ShowFrom: v.Size.ShowFrom, FillFrom: v.Size.FillFrom, Instead: v.Size.Absent}
			if AbsentListed(lad, v, p.Size) {
				out.Absent = append(out.Absent, av)
			} else {
				out.Later = append(out.Later, av)
			}
			continue
		}
		out.Levels = append(out.Levels, b.level(v, inTrack))
	}
	for _, t := range lad.Tracks {
		tv := TrackView{ID: t.ID, Title: t.Title, Summary: t.Summary}
		if t.BranchesFrom != "" {
			if v, err := lad.Level(t.BranchesFrom); err == nil {
				tv.BranchesFrom = b.ref(v).Title
			}
		}
		out.Tracks = append(out.Tracks, tv)
	}
	for _, v := range lad.Levels {
		for _, e := range v.Equivalents {
			q, err := lad.Level(e)
			if err != nil || v.Track != "ic" || q.Track == "ic" || q.Grade != v.Grade {
				continue
			}
			// Pairs someone here can move between: both rungs filled at
			// this size, so a move is possible today.
			if b.ref(v).Status != "filled" || b.ref(q).Status != "filled" {
				continue
			}
			out.Peers = append(out.Peers, PeerView{IC: b.ref(v), Management: b.ref(q)})
		}
	}
	for _, h := range lad.Hats {
		// A hat is shown where a rung that wears it can be filled.
		var worn []LevelRef
		for _, r := range b.refs(h.WornAt) {
			if r.Status == "filled" {
				worn = append(worn, r)
			}
		}
		if len(worn) == 0 {
			continue
		}
		out.Hats = append(out.Hats, HatView{ID: h.ID, Title: h.Title, Summary: h.Summary, WornAt: worn, Bridge: h.Bridge, Behaviours: h.Behaviours})
	}
	for _, c := range lad.CareerPath {
		// A step names the rungs this ladder shows or lists as coming,
		// not the rungs of a company many times larger.
		var ids []string
		for _, id := range c.Levels {
			if v, err := lad.Level(id); err == nil && (b.onLadder[v.ID] || AbsentListed(lad, v, p.Size)) {
				ids = append(ids, id)
			}
		}
		sv := CareerStepView{ID: c.ID, Title: c.Title, Text: c.Text, Rungs: b.refs(ids), Sources: c.Sources}
		for _, id := range c.Hats {
			if h, err := lad.Hat(id); err == nil {
				sv.Hats = append(sv.Hats, h.Title)
			}
		}
		out.CareerPath = append(out.CareerPath, sv)
	}
	for _, q := range lad.FAQ {
		ans, ok := q.AnswerAt(p.Size)
		if !ok {
			continue
		}
		qv := QuestionView{ID: q.ID, Question: q.Question, Answer: b.sz(ans)}
		if q.ID == "bigger-or-smaller" {
			qv.Answer += " " + SizeSummary(out)
		}
		out.FAQ = append(out.FAQ, qv)
	}
	return out, nil
}

// LaterFrom is the headcount from which the first of the Later levels
// opens (0 when there are none).
func (l *LadderView) LaterFrom() int {
	n := 0
	for _, v := range l.Later {
		if f := v.Opens(); n == 0 || f < n {
			n = f
		}
	}
	return n
}

// Opens is the headcount from which a level that is not on the ladder
// yet opens: where it can be filled, or shown if that is later.
func (v AbsentView) Opens() int { return max(v.FillFrom, v.ShowFrom) }

// SizeSummary says in one sentence how this ladder fits the headcount.
func SizeSummary(l *LadderView) string {
	tr := wordsFor(l.lang)
	res, abs := l.Reserved(), len(l.Absent)+len(l.Later)
	n := len(l.Levels)
	levels := tr.Count("ladder.summary.levels", n, strconv.Itoa(n), locale.Args{"engineers": engineers(tr, l.Size)})
	joins := tr.Count("ladder.summary.joins", abs, strconv.Itoa(abs), nil)
	switch {
	case res > 0 && abs > 0:
		return tr.Count("ladder.summary.reserved_and_joins", res, strconv.Itoa(res), locale.Args{"levels": levels, "joins": joins})
	case res > 0:
		return tr.Count("ladder.summary.reserved", res, strconv.Itoa(res), locale.Args{"levels": levels})
	case abs > 0:
		return tr.Text("ladder.summary.joins_only", locale.Args{"levels": levels, "joins": joins})
	}
	return tr.Text("ladder.summary.all_fillable", locale.Args{"levels": levels})
}

// LevelCard is one level's card, on its own.
type LevelCard struct {
	LadderMeta
	// Levels holds the one level, so every ladder document's JSON has a
	// levels array.
	Levels []LevelView  `json:"levels"`
	Absent []AbsentView `json:"absent,omitempty"`
	Hats   []HatView    `json:"hats,omitempty"`
	Card   *LevelView   `json:"-"`
	Gone   *AbsentView  `json:"-"`
}

// HatError says a name is a hat (such as tech-lead), not a level.
type HatError struct {
	Hat   ladders.Hat
	Value string
}

func (e *HatError) Error() string {
	return fmt.Sprintf("%s is a hat, not a level: it is worn at %s; try %s", e.Value, strings.Join(e.Hat.WornAt, " or "), e.Hat.WornAt[0])
}

// FindLevel looks a level up by name. A hat's name gives a *HatError that
// names the levels wearing it; any other unknown name a
// *ladders.UnknownError with the nearest level.
func FindLevel(lad *ladders.Ladder, name string) (ladders.Level, error) {
	v, err := lad.Level(name)
	if err == nil {
		return v, nil
	}
	if h, herr := lad.Hat(strings.ToLower(strings.TrimSpace(name))); herr == nil && len(h.WornAt) > 0 {
		return v, &HatError{Hat: h, Value: name}
	}
	return v, err
}

// Card builds the card of one level. A level left off the ladder at this
// size still gets its card, marked as such.
func Card(lad *ladders.Ladder, p profile.Profile, name string) (*LevelCard, error) {
	v, err := FindLevel(lad, name)
	if err != nil {
		return nil, err
	}
	b := newBuilder(lad, p)
	c := &LevelCard{LadderMeta: b.meta(v.Track)}
	lv := b.level(v, allLevels(lad))
	if !b.onLadder[v.ID] {
		_, title, _ := RungTitle(v, p)
		c.Absent = []AbsentView{{ID: v.ID, Code: v.Code, Title: title, ShowFrom: v.Size.ShowFrom, FillFrom: v.Size.FillFrom, Instead: v.Size.Absent}}
		c.Gone = &c.Absent[0]
	}
	c.Levels = []LevelView{lv}
	c.Card = &c.Levels[0]
	for _, h := range lad.Hats {
		if slices.Contains(h.WornAt, v.ID) {
			c.Hats = append(c.Hats, HatView{ID: h.ID, Title: h.Title, Summary: h.Summary, WornAt: b.refs(h.WornAt), Bridge: h.Bridge, Behaviours: h.Behaviours})
		}
	}
	return c, nil
}

// StepView is one move of a promotion guide.
type StepView struct {
	From    LevelRef `json:"from"`
	To      LevelRef `json:"to"`
	Lateral bool     `json:"lateral"`
}

// StepChange is what one step changes in one dimension.
type StepChange struct {
	From    string `json:"from"`
	To      string `json:"to"`
	Lateral bool   `json:"lateral"`
	Text    string `json:"text"`
}

// GuideDimension is what a promotion changes in one dimension.
type GuideDimension struct {
	Dimension string       `json:"dimension"`
	Title     string       `json:"title"`
	Weight    int          `json:"weight"`
	Now       string       `json:"now"`
	Next      string       `json:"next"`
	Changes   []StepChange `json:"changes"`
	Evidence  []string     `json:"evidence"`
}

// PromotionGuide is what changes between two levels, and what evidence
// shows someone is ready.
type PromotionGuide struct {
	LadderMeta
	From  LevelView  `json:"from"`
	To    LevelView  `json:"to"`
	Steps []StepView `json:"steps"`
	// Lateral is true when the path crosses tracks.
	Lateral bool `json:"lateral"`
	// Road is set when the guide takes one of the target's roads in,
	// with what that road asks.
	Road       *RoadView        `json:"road,omitempty"`
	Dimensions []GuideDimension `json:"dimensions"`
	// Signals are the signs of readiness at the starting level;
	// Behaviours are examples of work at the target level.
	Signals    []string `json:"signals"`
	Behaviours []string `json:"behaviours"`
	Notes      []string `json:"notes,omitempty"`
	// Levels are from and to, so every ladder document's JSON has a
	// levels array.
	Levels []LevelView `json:"levels"`
}

// Promotion builds the promotion guide from one level to another.
func Promotion(lad *ladders.Ladder, p profile.Profile, fromName, toName string) (*PromotionGuide, error) {
	tr := wordsFor(p.Company.Language)
	from, err := FindLevel(lad, fromName)
	if err != nil {
		return nil, err
	}
	to, err := FindLevel(lad, toName)
	if err != nil {
		return nil, err
	}
	steps, err := PromotionPath(lad, from, to)
	if err != nil {
		return nil, err
	}
	b := newBuilder(lad, p)
	steps = CompressSteps(steps, b.shown)
	track := from.Track
	if from.Track != to.Track {
		track = "all"
	}
	g := &PromotionGuide{LadderMeta: b.meta(track)}
	g.From, g.To = b.level(from, allLevels(lad)), b.level(to, allLevels(lad))
	g.Levels = []LevelView{g.From, g.To}
	g.Signals, g.Behaviours = g.From.Signals, g.To.Behaviours
	if to.Track == managementTrack(lad) && from.Track != to.Track && len(from.ManagementSignals) > 0 {
		g.Signals = b.szs(from.ManagementSignals)
	}
	var road *ladders.Road
	for _, s := range steps {
		g.Steps = append(g.Steps, StepView{From: b.ref(s.From), To: b.ref(s.To), Lateral: s.Lateral})
		g.Lateral = g.Lateral || s.Lateral
		if s.Road != nil {
			road = s.Road
			g.Road = &RoadView{From: b.ref(s.From), Title: s.Road.Title, Text: b.sz(s.Road.Text), Asks: b.szs(s.Road.Asks)}
			if len(s.Road.Signals) > 0 {
				g.Signals = b.szs(s.Road.Signals)
			}
		}
	}
	for _, w := range LevelWeights(lad, WeightsID(lad, to, p.Size), p.Stage.ID) {
		d, _ := lad.Dimension(w.Dimension)
		ev := GuideEvidence(d, to, managementTrack(lad), lad.Settings.TopRung)
		if road != nil && len(road.Evidence[w.Dimension]) > 0 {
			ev = road.Evidence[w.Dimension]
		}
		gd := GuideDimension{Dimension: w.Dimension, Title: w.Title, Weight: w.Weight, Evidence: b.szs(ev)}
		gd.Now = b.sz(CTOForArchetype(lad, from, p.Archetype.ID).Expectations[w.Dimension].At(p.Size).Expect)
		gd.Next = b.sz(CTOForArchetype(lad, to, p.Archetype.ID).Expectations[w.Dimension].At(p.Size).Expect)
		for _, s := range steps {
			a := CTOForArchetype(lad, s.From, p.Archetype.ID).Expectations[w.Dimension].At(p.Size)
			z := CTOForArchetype(lad, s.To, p.Archetype.ID).Expectations[w.Dimension].At(p.Size)
			text := ChangeFrom(z, s.Skipped)
			switch {
			case s.Road != nil:
				text = s.Road.Changes[w.Dimension]
			case s.Lateral:
				text = tr.Text("ladder.guide.lateral_change", locale.Args{"from": strings.TrimSuffix(a.Short, "."), "to": strings.TrimSuffix(z.Short, ".")})
			}
			gd.Changes = append(gd.Changes, StepChange{From: b.ref(s.From).Title, To: b.ref(s.To).Title, Lateral: s.Lateral, Text: b.sz(text)})
		}
		g.Dimensions = append(g.Dimensions, gd)
	}
	g.Notes = promotionNotes(lad, b, g, steps)
	return g, nil
}

// managementTrack is the track of the delivery rung.
func managementTrack(lad *ladders.Ladder) string {
	return mustLevel(lad, lad.Settings.DeliveryRung).Track
}

// GuideEvidence is the evidence a promotion guide asks for in a dimension,
// by the track and tier of the rung it leads to. A promotion into or
// within the management track asks for management evidence (team health,
// managers grown, hiring, delivery across teams, plans and budgets), never
// for pull requests or design notes; into a rung that manages managers
// (grade 5 up) for a director's evidence; into an executive rung (grade 7
// up, and the top rung) for an executive's. A road's own evidence, when
// it has some, replaces this (see Promotion).
func GuideEvidence(d ladders.Dimension, to ladders.Level, managementTrack, topRung string) []string {
	if to.Track != managementTrack || len(d.ManagementEvidence) == 0 {
		return d.Evidence
	}
	switch {
	case (to.Grade >= 7 || to.ID == topRung) && len(d.ExecutiveEvidence) > 0:
		return d.ExecutiveEvidence
	case to.Grade >= 5 && len(d.DirectorEvidence) > 0:
		return d.DirectorEvidence
	}
	return d.ManagementEvidence
}

// promotionNotes explains what the reader should know about this path:
// steps in between, a move across tracks, a target the company cannot fill
// yet.
func promotionNotes(lad *ladders.Ladder, b *builder, g *PromotionGuide, steps []Step) []string {
	tr := b.tr
	var notes []string
	if n := len(steps); n > 1 {
		var mid []string
		for _, s := range steps[:n-1] {
			mid = append(mid, b.ref(s.To).Title)
		}
		notes = append(notes, tr.Count("ladder.guide.steps", n, strconv.Itoa(n), locale.Args{"through": strings.Join(mid, tr.Text("list.and_sep", nil))}))
	}
	for _, s := range steps {
		if !s.Lateral {
			continue
		}
		notes = append(notes, tr.Text("ladder.guide.lateral", locale.Args{"from": b.ref(s.From).Title, "to": b.ref(s.To).Title}))
	}
	if g.From.Shared && g.To.Track != "ic" || g.Lateral && g.To.Track != "ic" {
		for _, h := range lad.Hats {
			if h.Bridge != "" && slices.Contains(h.WornAt, g.From.ID) {
				notes = append(notes, h.Bridge)
			}
		}
	}
	for _, s := range steps[:len(steps)-1] {
		switch r := b.ref(s.To); r.Status {
		case "reserved":
			notes = append(notes, tr.Text("ladder.guide.on_the_way_reserved", locale.Args{"title": r.Title, "engineers": engineers(tr, b.p.Size)}))
		case "absent":
			notes = append(notes, tr.Text("ladder.guide.on_the_way_absent", locale.Args{"title": r.Title, "engineers": engineers(tr, b.p.Size)}))
		}
	}
	switch r := b.ref(mustLevel(lad, g.To.ID)); r.Status {
	case "reserved":
		notes = append(notes, tr.Text("ladder.guide.target_reserved", locale.Args{"engineers": engineers(tr, b.p.Size), "title": g.To.Title, "reason": sentence(g.To.ReservedReason), "opens": engineers(tr, g.To.FillFrom)}))
	case "absent":
		v := mustLevel(lad, g.To.ID)
		notes = append(notes, tr.Text("ladder.guide.target_absent", locale.Args{"engineers": engineers(tr, b.p.Size), "title": g.To.Title, "reason": sentence(v.Size.Absent), "opens": engineers(tr, v.Size.ShowFrom)}))
	}
	return notes
}

func allLevels(lad *ladders.Ladder) map[string]bool {
	m := map[string]bool{}
	for _, v := range lad.Levels {
		m[v.ID] = true
	}
	return m
}

func mustLevel(lad *ladders.Ladder, id string) ladders.Level {
	v, _ := lad.Level(id)
	return v
}

// GrowthChange is one change to the ladder as the company grows.
type GrowthChange struct {
	Level string `json:"level"`
	// At is the headcount where the change happens.
	At     int    `json:"at"`
	Title  string `json:"title"`
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	Text   string `json:"text"`
	// fillable marks a change that makes the level fillable, which calls
	// for a decision (growthDecisions), whatever language Text is in.
	fillable bool
}

// GrowthPlan shows how the ladder changes between two headcounts.
type GrowthPlan struct {
	LadderMeta
	From int `json:"from"`
	To   int `json:"to"`
	// Appear are rungs that join the ladder or can be filled; Titles are
	// rungs whose title changes; Meanings are rungs whose meaning changes.
	Appear   []GrowthChange `json:"appear"`
	Titles   []GrowthChange `json:"titles"`
	Meanings []GrowthChange `json:"meanings"`
	// Notes say what else to expect on the way.
	Notes []string `json:"notes,omitempty"`
	// Decisions are what the company has to decide on the way: who fills
	// each level as it opens, who runs the new orgs.
	Decisions []string `json:"decisions,omitempty"`
	// Counts are the organisation's numbers at both headcounts.
	Counts []GrowthCount `json:"counts"`
	// Stage is the stage whose weights the ladder at the larger headcount
	// uses.
	Stage string `json:"stage"`
	// Columns and Levels are the ladder at the larger headcount.
	Columns []WeightView `json:"columns"`
	Levels  []LevelView  `json:"levels"`
}

// GrowthCount is one line of the growth plan's count table: how many
// there are of something at both headcounts, 0 where there are none (the
// level is not filled yet).
type GrowthCount struct {
	What string `json:"what"`
	From int    `json:"from"`
	To   int    `json:"to"`
	// level is the row's level id ("" for teams), so rules find a row
	// without reading its words.
	level string
	// lang is the language the counts are written in.
	lang string
}

// FromText and ToText are the counts as the ladder words them.
func (c GrowthCount) FromText() string { return countText(wordsFor(c.lang), c.From) }
func (c GrowthCount) ToText() string   { return countText(wordsFor(c.lang), c.To) }

func countText(tr *locale.Catalog, n int) string {
	switch n {
	case 0:
		return tr.Text("ladder.growth.count.none", nil)
	case 1:
		return "1"
	}
	return tr.Text("ladder.growth.count.about", locale.Args{"n": about(tr, n)})
}

// rungState is what the growth plan compares at two headcounts.
type rungState struct {
	shown, reserved bool
	title           string
	notes           string
	// key is notes without their numbers: a count that grows with the
	// company is not a change of meaning.
	key string
}

var noDigits = regexp.MustCompile(`[0-9,]+`)

func stateAt(lad *ladders.Ladder, p profile.Profile, v ladders.Level, size int) rungState {
	p.Size = size
	b := newBuilder(lad, p)
	lv := b.level(v, allLevels(lad))
	var notes []string
	for _, n := range lv.Notes {
		if _, _, tn := RungTitle(v, p); n == tn {
			continue // the title note belongs to the title change
		}
		notes = append(notes, n)
	}
	return rungState{shown: b.onLadder[v.ID], reserved: lv.Reserved, title: lv.Title, notes: strings.Join(notes, " "), key: noDigits.ReplaceAllString(strings.Join(notes, " "), "")}
}

// thresholds are the headcounts in (from, to] where any rung can change.
func thresholds(lad *ladders.Ladder, p profile.Profile, from, to int) []int {
	set := map[int]bool{}
	add := func(n int) {
		if n > from && n <= to {
			set[n] = true
		}
	}
	for _, v := range lad.Levels {
		add(v.Size.ShowFrom)
		f, _ := RungFillFrom(lad, v, p)
		add(f)
		for _, t := range v.Titles {
			add(t.Below)
		}
		for _, n := range v.SizeNotes {
			add(n.Below)
		}
		for _, n := range append(slices.Clone(v.SizedScope), v.SizedSummary...) {
			add(n.Below)
		}
		for _, n := range append(slices.Clone(v.SizedBehaviours), v.SizedSignals...) {
			add(n.Below)
		}
		for _, e := range v.Expectations {
			for _, z := range e.Sized {
				add(z.Below)
			}
		}
	}
	add(lad.Settings.CompressedBelow)
	out := make([]int, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// Growth builds the growth plan from the profile's headcount to a larger
// one, at the same stage and archetype.
func Growth(lad *ladders.Ladder, p profile.Profile, track string, to int) (*GrowthPlan, error) {
	return GrowthTo(lad, p, track, to, p.Stage)
}

// GrowthTo builds the growth plan from the profile's headcount to a
// larger one, whose ladder weighs the dimensions as stage does: the stage
// the company will be in at that size when its stage was inferred from
// its size, else the stage it chose (the plan then says so).
func GrowthTo(lad *ladders.Ladder, p profile.Profile, track string, to int, stage catalog.Stage) (*GrowthPlan, error) {
	tr := wordsFor(p.Company.Language)
	if to <= p.Size {
		return nil, fmt.Errorf("the target headcount %d must be above the current %d", to, p.Size)
	}
	target := p
	target.Size = to
	if stage.ID != "" {
		if _, err := lad.Stage(stage.ID); err == nil {
			target.Stage = stage
		}
	}
	at, err := CareerLadder(lad, target, track)
	if err != nil {
		return nil, err
	}
	b := newBuilder(lad, p)
	g := &GrowthPlan{LadderMeta: b.meta(at.Track), From: p.Size, To: to, Columns: at.Columns, Levels: at.Levels, Stage: target.Stage.ID}
	switch st := p.Stage; {
	case target.Stage.ID != st.ID:
		g.Notes = append(g.Notes, tr.Text("ladder.growth.stage_follows_size", locale.Args{"engineers": engineers(tr, to), "stage": stageName(tr, target.Stage)}))
	case st.TypicalMax > 0 && to > st.TypicalMax:
		g.Notes = append(g.Notes, tr.Text("ladder.growth.stage_kept", locale.Args{"engineers": engineers(tr, to), "stage": stageName(tr, st)}))
	}
	levels := LadderTrackLevels(lad, at.Track)
	prev := map[string]rungState{}
	for _, v := range levels {
		prev[v.ID] = stateAt(lad, p, v, p.Size)
	}
	for _, n := range thresholds(lad, p, p.Size, to) {
		for _, v := range levels {
			was, now := prev[v.ID], stateAt(lad, p, v, n)
			prev[v.ID] = now
			c := GrowthChange{Level: v.ID, At: n, Title: now.title}
			switch {
			case !was.shown && now.shown && now.reserved:
				c.Text = tr.Text("ladder.growth.appears_reserved", locale.Args{"title": now.title})
				g.Appear = append(g.Appear, c)
			case !was.shown && now.shown:
				c.Text = tr.Text("ladder.growth.joins", locale.Args{"title": now.title})
				c.fillable = true
				g.Appear = append(g.Appear, c)
			case was.shown && was.reserved && !now.reserved:
				c.Text = tr.Text("ladder.growth.fillable", locale.Args{"title": now.title, "needs": needs(tr, v)})
				c.fillable = true
				g.Appear = append(g.Appear, c)
			}
			if was.shown && now.shown && was.title != now.title {
				g.Titles = append(g.Titles, GrowthChange{Level: v.ID, At: n, Title: now.title, Before: was.title, After: now.title,
					Text: tr.Text("ladder.growth.retitled", locale.Args{"before": was.title, "after": now.title})})
			}
			if was.shown && now.shown && was.key != now.key {
				c := GrowthChange{Level: v.ID, At: n, Title: now.title, Before: was.notes, After: now.notes}
				c.Text = now.notes
				if c.Text == "" {
					c.Text, c.Before = tr.Text("ladder.growth.no_longer", locale.Args{"notes": was.notes}), ""
				}
				g.Meanings = append(g.Meanings, c)
			}
		}
	}
	g.Counts = growthCounts(lad, p, at.Track, p.Size, to)
	g.Decisions = growthDecisions(lad, p, at.Track, g)
	return g, nil
}

func stageName(tr *locale.Catalog, st catalog.Stage) string {
	if st.Title == "" {
		return st.ID
	}
	return strings.TrimSuffix(strings.ToLower(st.Title[:1])+st.Title[1:], " stage")
}

// directorsRow is the directors' row of a growth plan's count table.
func directorsRow(tr *locale.Catalog) string { return tr.Text("ladder.growth.count.directors", nil) }

// FromNumber and ToNumber are the two headcounts as the documents print
// numbers, with thousands separators.
func (g *GrowthPlan) FromNumber() string { return wordsFor(g.lang).Number(g.From) }
func (g *GrowthPlan) ToNumber() string   { return wordsFor(g.lang).Number(g.To) }

// growthCounts is the count table of a growth plan, from OrgAt, the one
// size model the ladder and the postings share. A level's count is 0 at a
// size where it is not filled.
func growthCounts(lad *ladders.Ladder, p profile.Profile, track string, from, to int) []GrowthCount {
	tr := wordsFor(p.Company.Language)
	filled := func(id string, size int) bool {
		v, err := lad.Level(id)
		if err != nil || !RungShown(v, size) {
			return false
		}
		f, _ := RungFillFrom(lad, v, p)
		return size >= f
	}
	inTrack := map[string]bool{}
	for _, v := range LadderTrackLevels(lad, track) {
		inTrack[v.ID] = true
	}
	rows := []struct {
		id, what string
		n        func(Org) int
	}{
		{"", tr.Text("ladder.growth.count.teams", nil), func(o Org) int { return o.Teams }},
		{"staff-engineer", tr.Text("ladder.growth.count.staff", nil), Org.Staff},
		{"senior-staff-engineer", tr.Text("ladder.growth.count.senior_staff", nil), Org.SeniorStaff},
		{"principal-engineer", tr.Text("ladder.growth.count.principals", nil), Org.Principals},
		{"distinguished-engineer", tr.Text("ladder.growth.count.distinguished", nil), Org.Distinguished},
		{"director-of-engineering", directorsRow(tr), func(o Org) int { return o.Directors }},
		{"vp-engineering", tr.Text("ladder.growth.count.vps", nil), func(o Org) int { return o.VPs }},
		{"svp-engineering", tr.Text("ladder.growth.count.svps", nil), func(o Org) int { return o.SVPs }},
	}
	var out []GrowthCount
	for _, r := range rows {
		if r.id != "" && !inTrack[r.id] {
			continue
		}
		at := func(size int) int {
			if r.id != "" && !filled(r.id, size) {
				return 0
			}
			return r.n(OrgAt(size))
		}
		c := GrowthCount{What: r.what, From: at(from), To: at(to), level: r.id, lang: p.Company.Language}
		if v, err := lad.Level(r.id); err == nil && r.id == "vp-engineering" {
			q := p
			q.Size = from
			if _, t, _ := RungTitle(v, q); t != v.Title {
				// Fewer than two VPs reads as one, none included.
				n := max(1, c.To)
				c.What = tr.Count("ladder.growth.count.head_then_vp", n, strconv.Itoa(n), locale.Args{"title": t})
			}
		}
		if c.From > 0 || c.To > 0 {
			out = append(out, c)
		}
	}
	return out
}

// growthDecisions says what a company has to decide on the way from one
// headcount to the other: who fills each level as it can be filled, and
// who runs the new layers of OrgAt.
func growthDecisions(lad *ladders.Ladder, p profile.Profile, track string, g *GrowthPlan) []string {
	tr := wordsFor(p.Company.Language)
	var out []string
	for _, c := range g.Appear {
		v, err := lad.Level(c.Level)
		if err != nil || !c.fillable {
			continue
		}
		// The level people come from is the highest one below on the
		// same track that is on the ladder by then.
		below, grade := "", 0
		for _, w := range LadderTrackLevels(lad, v.Track) {
			if w.Grade < v.Grade && w.Grade > grade && RungShown(w, c.At) {
				q := p
				q.Size = c.At
				_, below, _ = RungTitle(w, q)
				grade = w.Grade
			}
		}
		if below == "" {
			continue
		}
		out = append(out, tr.Text("ladder.decision.who_fills", locale.Args{"title": c.Title, "engineers": engineers(tr, c.At), "below": below, "needs": needs(tr, v)}))
	}
	a, b := OrgAt(g.From), OrgAt(g.To)
	if track != "ic" {
		for _, c := range g.Counts {
			if c.level == "director-of-engineering" && c.To > c.From && c.From > 0 {
				out = append(out, tr.Text("ladder.decision.directors", locale.Args{"from": c.FromText(), "to": c.ToText()}))
			}
		}
		if a.VPs < 2 && b.VPs >= 2 {
			out = append(out, tr.Text("ladder.decision.second_vp", locale.Args{"engineers": engineers(tr, VPsFrom)}))
		} else if b.VPs > a.VPs {
			out = append(out, tr.Text("ladder.decision.more_vps", locale.Args{"from": strconv.Itoa(a.VPs), "to": strconv.Itoa(b.VPs)}))
		}
		if a.SVPs == 0 && b.SVPs > 0 {
			out = append(out, tr.Text("ladder.decision.first_svp", locale.Args{"engineers": engineers(tr, SVPFrom)}))
		} else if from := max(1, a.SVPs); b.SVPs > from {
			out = append(out, tr.Count("ladder.decision.more_svps", from, strconv.Itoa(from), locale.Args{"to": strconv.Itoa(b.SVPs)}))
		}
	}
	return out
}

func needs(tr *locale.Catalog, v ladders.Level) string {
	if v.Size.Needs != "" {
		return v.Size.Needs
	}
	return tr.Text("ladder.growth.needs_default", nil)
}
