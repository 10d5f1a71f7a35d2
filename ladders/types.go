// Package ladders holds the career ladder that Rungs prints for a team:
// two tracks (IC and management) that split after the senior level, the
// competency dimensions, each level's expectations in every dimension, the
// size thresholds that decide which rungs a company can fill, the stage
// weights of the dimensions and the archetype effects on the top rungs.
//
// The data is YAML embedded in the binary (ladders/*.yaml) and is loaded the
// same way as the catalog: strictly, with every problem reported at once as
// file:line. The package only describes the ladder; the rules that tailor it
// to a company (which rungs exist, which are reserved, which title a rung
// carries at a given size) live in the generator package.
//
// Model choices:
//
//   - A level belongs to one track. Levels below the split (software
//     engineer, senior engineer) sit on the IC track, and the management
//     track names the level it branches from (branches_from), so both tracks
//     share them.
//   - Tech Lead and Architect are hats, not levels: roles an engineer takes
//     on at some levels. The tech lead hat is the usual bridge from the IC
//     track to management.
//   - Head of Engineering is not a separate rung. Seed 001 describes it as
//     a manager role: people and operational success for all of
//     engineering, carrying out the CTO's direction. That is the delivery
//     rung (VP of Engineering), under the title it carries in a smaller
//     company (see Level.Titles).
//   - Rungs are added with size (show_from, fill_from): senior staff,
//     senior engineering manager, senior director, an SVP over several
//     VPs, fellow. When the level directly below is not on a ladder yet,
//     an expectation's skip_change says what changed from the level under
//     that one.
//   - Weights belong to level bands as well as to stages (Band).
//   - The CTO rung has two roads in (Level.Roads): from the top of the IC
//     track (seed 000) and from VP of Engineering (seed 004).
package ladders

import (
	"github.com/rungs/rungs/internal/strictyaml"
)

// File is the shape of one ladder YAML file. Every key is optional; the
// loader merges all files into one Ladder.
type File struct {
	Settings   *Settings      `yaml:"settings"`
	Tracks     []Track        `yaml:"tracks"`
	Dimensions []Dimension    `yaml:"dimensions"`
	Stages     []StageWeights `yaml:"stages"`
	Levels     []Level        `yaml:"levels"`
	Hats       []Hat          `yaml:"hats"`
	Archetypes []Archetype    `yaml:"archetypes"`
	CareerPath []CareerStep   `yaml:"career_path"`
	FAQ        []Question     `yaml:"faq"`
	Bands      []Band         `yaml:"bands"`
}

// Pos is where an item was read from (file and line), for error messages.
type Pos = strictyaml.Pos

// Spans are the typical reaches of a level, from narrowest to widest.
//
//   - team: one team of about eight engineers
//   - teams: two to four teams
//   - group: a director's group, up to about six teams
//   - groups: a large group or two, about eight to twelve teams
//   - org: a VP's org, about two dozen teams
//   - orgs: a large org or two orgs' shared functions
//   - company: all of engineering and beyond
var Spans = []string{"team", "teams", "group", "groups", "org", "orgs", "company"}

// Settings holds the ladder-wide thresholds and choices that tailoring rules
// read, so a company can change them as data.
type Settings struct {
	Pos `yaml:",inline"`
	// CompressedBelow: under this many engineers the ladder is compressed.
	// The middle management rungs are not shown and the delivery rung
	// carries its small-company title (Head of Engineering).
	CompressedBelow int `yaml:"compressed_below" json:"compressed_below"`
	// OverviewColumns is how many dimensions, highest stage weight first,
	// the one-page overview table shows.
	OverviewColumns int `yaml:"overview_columns" json:"overview_columns"`
	// AbsentHorizon: a ladder lists the rungs it leaves out only when they
	// appear below this many times the headcount (0 lists them all).
	AbsentHorizon int `yaml:"absent_horizon" json:"absent_horizon,omitempty"`
	// ShortMaxWords caps an overview cell, so the table prints on one page.
	ShortMaxWords int `yaml:"short_max_words" json:"short_max_words"`
	// DeliveryRung is the level that runs engineering delivery under the
	// CTO (VP Engineering, titled Head of Engineering when small).
	DeliveryRung string `yaml:"delivery_rung" json:"delivery_rung"`
	// TopRung is the level at the top of the management track (the CTO),
	// whose expectations follow the CTO archetype.
	TopRung string `yaml:"top_rung" json:"top_rung"`
	// BandNote explains, in one sentence printed in every ladder
	// document, why the weights differ by level as well as by stage.
	BandNote string `yaml:"band_note" json:"band_note,omitempty" l10n:"text"`
	// WeightMeaning says what a weight is, printed beside the weights.
	WeightMeaning string `yaml:"weight_meaning" json:"weight_meaning,omitempty" l10n:"text"`
	// SpanMeaning says what each span word means, printed beside the
	// overview so a reader can tell "group" from "org".
	SpanMeaning string   `yaml:"span_meaning" json:"span_meaning,omitempty" l10n:"text"`
	Sources     []string `yaml:"sources" json:"sources,omitempty"`
}

// Track is a career track: ic or management.
type Track struct {
	Pos     `yaml:",inline"`
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Summary string   `yaml:"summary" json:"summary" l10n:"text"`
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	// BranchesFrom is the level on another track where this track starts:
	// the levels up to it are shared by both tracks.
	BranchesFrom string   `yaml:"branches_from" json:"branches_from,omitempty"`
	Sources      []string `yaml:"sources" json:"sources,omitempty"`
}

// Dimension is one competency dimension, such as "technology and craft".
type Dimension struct {
	Pos   `yaml:",inline"`
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title" l10n:"text"`
	// Short is the column heading in the overview table.
	Short   string `yaml:"short" json:"short" l10n:"text"`
	Summary string `yaml:"summary" json:"summary" l10n:"text"`
	// Evidence lists what to gather, in this dimension, to show that
	// someone works at a level: the promotion guide prints it.
	Evidence []string `yaml:"evidence" json:"evidence" l10n:"text"`
	// ManagementEvidence is what to gather in this dimension for a
	// promotion into or within the management track: the work of running
	// teams, not of writing code.
	ManagementEvidence []string `yaml:"management_evidence" json:"management_evidence" l10n:"text"`
	// DirectorEvidence is what to gather for a promotion into a rung
	// that manages managers (director and up): managers grown,
	// calibration, delivery across a group.
	DirectorEvidence []string `yaml:"director_evidence" json:"director_evidence,omitempty" l10n:"text"`
	// ExecutiveEvidence is what to gather for a promotion into an
	// executive rung (VP and up): executives hired, budgets and plans for
	// an org, the board and the executive team.
	ExecutiveEvidence []string `yaml:"executive_evidence" json:"executive_evidence,omitempty" l10n:"text"`
	Sources           []string `yaml:"sources" json:"sources,omitempty"`
}

// Band is a group of levels that weigh the dimensions alike, with its
// weights at every stage: a junior engineer's work is mostly craft at any
// stage, a CTO's mostly strategy and influence.
type Band struct {
	Pos   `yaml:",inline"`
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title" l10n:"text"`
	// Levels are the level ids in the band; every level is in one band.
	Levels []string `yaml:"levels" json:"levels"`
	// Weights are percentages per stage id, then per dimension id; each
	// stage's add up to 100.
	Weights map[string]map[string]int `yaml:"weights" json:"weights"`
	Sources []string                  `yaml:"sources" json:"sources,omitempty"`
}

// StageWeights says how much each dimension counts at a company stage. The
// weights are percentages and add up to 100.
type StageWeights struct {
	Pos `yaml:",inline"`
	// ID is a catalog stage id (seed, early, growth, enterprise).
	ID      string         `yaml:"id" json:"id"`
	Weights map[string]int `yaml:"weights" json:"weights"`
	// Note explains the weighting in a sentence or two.
	Note    string   `yaml:"note" json:"note" l10n:"text"`
	Sources []string `yaml:"sources" json:"sources,omitempty"`
}

// Expectation is what a level expects in one dimension.
type Expectation struct {
	// Short is the overview cell: a few words, at most Settings.ShortMaxWords.
	Short string `yaml:"short" json:"short" l10n:"text"`
	// Expect is the full expectation, addressed to the reader.
	Expect string `yaml:"expect" json:"expect" l10n:"text"`
	// Change says what changed from the level below. It is empty only for
	// the entry level.
	Change string `yaml:"change" json:"change,omitempty" l10n:"text"`
	// SkipChange says what changed from the level two below, for a ladder
	// where the level directly below is not shown at the company's size.
	SkipChange string `yaml:"skip_change" json:"skip_change,omitempty" l10n:"text"`
	// Sized replaces Short and Expect below a headcount, so the text is
	// true at the size it is printed for. The first whose Below is above
	// the size applies.
	Sized []SizedExpectation `yaml:"sized" json:"sized,omitempty"`
}

// SizedExpectation is an expectation's text below a headcount.
type SizedExpectation struct {
	Below  int    `yaml:"below" json:"below"`
	Short  string `yaml:"short" json:"short" l10n:"text"`
	Expect string `yaml:"expect" json:"expect" l10n:"text"`
}

// At returns the expectation as it reads at a headcount.
func (e Expectation) At(size int) Expectation {
	for _, s := range e.Sized {
		if size < s.Below {
			out := e
			out.Short, out.Expect = s.Short, s.Expect
			return out
		}
	}
	return e
}

// Road is one way into a rung other than from the level directly below,
// such as the road to CTO from the top of the IC track.
type Road struct {
	// From is the level the road starts at; levels above it on the same
	// track take the road too.
	From  string `yaml:"from" json:"from" l10n:"key"`
	Title string `yaml:"title" json:"title" l10n:"text"`
	// Text is what the rung's card says about this entry.
	Text string `yaml:"text" json:"text" l10n:"text"`
	// Asks is what a promotion guide on this road asks the candidate to
	// show, beyond the evidence of each dimension.
	Asks []string `yaml:"asks" json:"asks" l10n:"text"`
	// Changes says, per dimension, what changes on this road.
	Changes map[string]string `yaml:"changes" json:"changes" l10n:"text"`
	// Signals are the signs that someone is ready to take this road,
	// printed in its promotion guide.
	Signals []string `yaml:"signals" json:"signals,omitempty" l10n:"text"`
	// Evidence says, per dimension, what a promotion guide on this road
	// asks to gather, in the terms of the track the road starts on.
	Evidence map[string][]string `yaml:"evidence" json:"evidence,omitempty" l10n:"text"`
	Sources  []string            `yaml:"sources" json:"sources,omitempty"`
}

// Size holds the headcount thresholds of a rung.
type Size struct {
	// ShowFrom: below this many engineers the rung is not on the ladder.
	ShowFrom int `yaml:"show_from" json:"show_from"`
	// FillFrom: below this many engineers the rung is shown as reserved,
	// because headcount and span of control cannot fill it yet.
	FillFrom int `yaml:"fill_from" json:"fill_from"`
	// Needs is the span of control the rung needs, in a few words
	// ("2–3 engineering managers").
	Needs string `yaml:"needs" json:"needs,omitempty" l10n:"text"`
	// Reserved explains why the rung is reserved below FillFrom.
	Reserved string `yaml:"reserved" json:"reserved,omitempty" l10n:"text"`
	// Absent says who does the work below ShowFrom.
	Absent string `yaml:"absent" json:"absent,omitempty" l10n:"text"`
}

// SizedTitle is a title a level carries below a headcount, such as Head of
// Engineering for the VP Engineering rung in a small company.
type SizedTitle struct {
	Below int    `yaml:"below" json:"below"`
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title" l10n:"text"`
	// Note explains what the title means at that size.
	Note string `yaml:"note" json:"note" l10n:"text"`
	// Scope, when set, replaces the level's scope at that size.
	Scope string `yaml:"scope" json:"scope,omitempty" l10n:"text"`
}

// SizeNote says what a level means below a headcount. Notes are tried in
// order; the first whose Below is above the size applies, and a note with
// Below 0 applies at any size.
type SizeNote struct {
	Below int    `yaml:"below" json:"below,omitempty"`
	Note  string `yaml:"note" json:"note" l10n:"text"`
}

// Level is one rung of the ladder.
type Level struct {
	Pos `yaml:",inline"`
	ID  string `yaml:"id" json:"id"`
	// Code is the short level name (L3, M4).
	Code    string   `yaml:"code" json:"code"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	Track   string   `yaml:"track" json:"track"`
	// Grade orders levels by seniority across tracks: levels of equal
	// grade are peers, and a promotion goes up in grade.
	Grade   int    `yaml:"grade" json:"grade"`
	Summary string `yaml:"summary" json:"summary" l10n:"text"`
	// Scope says what the level is accountable for, in one sentence.
	Scope string `yaml:"scope" json:"scope" l10n:"text"`
	// Span is the typical reach: team, teams, org or company.
	Span string `yaml:"span" json:"span"`
	// TypicalTime is how long people usually stay at the level.
	TypicalTime string       `yaml:"typical_time" json:"typical_time" l10n:"text"`
	Size        Size         `yaml:"size" json:"size"`
	Titles      []SizedTitle `yaml:"titles" json:"titles,omitempty"`
	SizeNotes   []SizeNote   `yaml:"size_notes" json:"size_notes,omitempty"`
	// SizedScope and SizedSummary replace Scope and Summary at some
	// headcounts, tried like SizeNotes.
	SizedScope   []SizeNote `yaml:"sized_scope" json:"sized_scope,omitempty"`
	SizedSummary []SizeNote `yaml:"sized_summary" json:"sized_summary,omitempty"`
	Behaviours   []string   `yaml:"behaviours" json:"behaviours" l10n:"text"`
	// Signals are signs of readiness for the next level.
	Signals []string `yaml:"signals" json:"signals" l10n:"text"`
	// SizedBehaviours and SizedSignals replace Behaviours and Signals at
	// some headcounts, tried like SizeNotes, so an example is true at the
	// size it is printed for and the signs name the rung that is next
	// there.
	SizedBehaviours []SizedList `yaml:"sized_behaviours" json:"sized_behaviours,omitempty"`
	SizedSignals    []SizedList `yaml:"sized_signals" json:"sized_signals,omitempty"`
	// ManagementSignals, on a level both tracks share, are the signs of
	// readiness for the first management rung, which is earned on
	// management evidence.
	ManagementSignals []string `yaml:"management_signals" json:"management_signals,omitempty" l10n:"text"`
	// Equivalents are the peer levels on the other track.
	Equivalents  []string               `yaml:"equivalents" json:"equivalents,omitempty"`
	Expectations map[string]Expectation `yaml:"expectations" json:"expectations"`
	// Roads are the ways into this rung besides the level below (the CTO
	// rung's road from the IC track).
	Roads   []Road   `yaml:"roads" json:"roads,omitempty"`
	Sources []string `yaml:"sources" json:"sources,omitempty"`
}

// TitleAt returns the id and title the level carries at a headcount.
func (l Level) TitleAt(size int) (id, title string) {
	for _, t := range l.Titles {
		if size < t.Below {
			return t.ID, t.Title
		}
	}
	return l.ID, l.Title
}

// SizedTitleAt returns the sized title in force at a headcount, if any.
func (l Level) SizedTitleAt(size int) (SizedTitle, bool) {
	for _, t := range l.Titles {
		if size < t.Below {
			return t, true
		}
	}
	return SizedTitle{}, false
}

// NoteAt returns what the level means at a headcount, or "".
func (l Level) NoteAt(size int) string {
	for _, n := range l.SizeNotes {
		if n.Below == 0 || size < n.Below {
			return n.Note
		}
	}
	return ""
}

// ScopeAt returns the level's scope at a headcount.
func (l Level) ScopeAt(size int) string {
	for _, n := range l.SizedScope {
		if n.Below == 0 || size < n.Below {
			return n.Note
		}
	}
	return l.Scope
}

// SummaryAt returns the level's summary at a headcount.
func (l Level) SummaryAt(size int) string {
	for _, n := range l.SizedSummary {
		if n.Below == 0 || size < n.Below {
			return n.Note
		}
	}
	return l.Summary
}

// SizedList is a list that replaces another below a headcount (Below 0:
// at any size).
type SizedList struct {
	Below int      `yaml:"below" json:"below,omitempty"`
	Items []string `yaml:"items" json:"items" l10n:"text"`
}

func listAt(base []string, sized []SizedList, size int) []string {
	for _, n := range sized {
		if n.Below == 0 || size < n.Below {
			return n.Items
		}
	}
	return base
}

// BehavioursAt returns the level's example behaviours at a headcount.
func (l Level) BehavioursAt(size int) []string { return listAt(l.Behaviours, l.SizedBehaviours, size) }

// SignalsAt returns the level's signs of readiness at a headcount.
func (l Level) SignalsAt(size int) []string { return listAt(l.Signals, l.SizedSignals, size) }

// Hat is a role an engineer takes on at some levels without changing level,
// such as Tech Lead.
type Hat struct {
	Pos     `yaml:",inline"`
	ID      string `yaml:"id" json:"id"`
	Title   string `yaml:"title" json:"title" l10n:"text"`
	Summary string `yaml:"summary" json:"summary" l10n:"text"`
	// WornAt lists the levels at which the hat is usually worn.
	WornAt []string `yaml:"worn_at" json:"worn_at"`
	// Bridge, when set, explains how the hat helps a move between tracks.
	Bridge     string   `yaml:"bridge" json:"bridge,omitempty" l10n:"text"`
	Behaviours []string `yaml:"behaviours" json:"behaviours" l10n:"text"`
	Sources    []string `yaml:"sources" json:"sources,omitempty"`
}

// DeliveryRule says from which headcount a CTO of an archetype has the
// delivery rung (VP Engineering or Head of Engineering) filled beneath them.
type DeliveryRule struct {
	// FillFrom replaces the delivery rung's Size.FillFrom.
	FillFrom int `yaml:"fill_from" json:"fill_from"`
	// ByStage overrides FillFrom at some stages.
	ByStage map[string]int `yaml:"by_stage" json:"by_stage,omitempty"`
	// Reserved explains a ByStage override.
	Reserved string `yaml:"reserved" json:"reserved,omitempty" l10n:"text"`
	// Role says what the delivery rung does for this archetype.
	Role string `yaml:"role" json:"role" l10n:"text"`
}

// Archetype holds a CTO archetype's effects on the top of the ladder.
type Archetype struct {
	Pos `yaml:",inline"`
	// ID is a catalog archetype id.
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title" l10n:"text"`
	// Focus is the archetype's primary focus (seed 004).
	Focus        string       `yaml:"focus" json:"focus" l10n:"text"`
	DeliveryRung DeliveryRule `yaml:"delivery_rung" json:"delivery_rung"`
	// CTOSummary replaces the top rung's summary.
	CTOSummary string `yaml:"cto_summary" json:"cto_summary" l10n:"text"`
	// CTOExpectations replace the top rung's expectations in some
	// dimensions, so the CTO rung follows the archetype's focus.
	CTOExpectations map[string]Expectation `yaml:"cto_expectations" json:"cto_expectations"`
	// CTOBehaviours replace the top rung's default example behaviours
	// (those printed where no sized list applies, from a few hundred
	// engineers), so a CTO's examples follow the archetype's focus.
	CTOBehaviours []string `yaml:"cto_behaviours" json:"cto_behaviours,omitempty" l10n:"text"`
	Sources       []string `yaml:"sources" json:"sources,omitempty"`
}

// CareerStep is one step of the usual path from IC to CTO (seed 004).
type CareerStep struct {
	Pos     `yaml:",inline"`
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Levels  []string `yaml:"levels" json:"levels,omitempty"`
	Hats    []string `yaml:"hats" json:"hats,omitempty"`
	Text    string   `yaml:"text" json:"text" l10n:"text"`
	Sources []string `yaml:"sources" json:"sources,omitempty"`
}

// AnswerAt returns the answer at a headcount, and whether the question is
// printed at that size at all.
func (q Question) AnswerAt(size int) (string, bool) {
	if size < q.ShowFrom || (q.ShowBelow > 0 && size >= q.ShowBelow) {
		return "", false
	}
	for _, n := range q.Sized {
		if n.Below == 0 || size < n.Below {
			return n.Note, true
		}
	}
	return q.Answer, true
}

// Question is one entry of the ladder's FAQ.
type Question struct {
	Pos      `yaml:",inline"`
	ID       string `yaml:"id" json:"id"`
	Question string `yaml:"question" json:"question" l10n:"text"`
	Answer   string `yaml:"answer" json:"answer" l10n:"text"`
	// ShowFrom and ShowBelow limit the headcounts at which the question
	// is printed (0: no limit), so a ladder does not answer a question
	// that does not arise at its size.
	ShowFrom  int `yaml:"show_from" json:"show_from,omitempty"`
	ShowBelow int `yaml:"show_below" json:"show_below,omitempty"`
	// Sized replaces the answer below a headcount, tried in order like
	// a level's size notes.
	Sized   []SizeNote `yaml:"sized" json:"sized,omitempty"`
	Sources []string   `yaml:"sources" json:"sources,omitempty"`
}
