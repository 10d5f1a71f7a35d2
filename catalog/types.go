// Package catalog holds the responsibility catalog that every Rungs document
// is built from: areas, responsibilities, roles, CTO archetypes, company
// stages, skills, challenges, success measures, the startup CTO's bare
// minimums and the splits between neighbouring leadership roles.
//
// The data is YAML embedded in the binary. Loading is strict: unknown
// fields, duplicate ids and dangling references are errors that carry the
// file and line, so a user editing the data learns exactly what to fix.
package catalog

import (
	"slices"

	"github.com/rungs/rungs/internal/strictyaml"
)

// File is the shape of one catalog YAML file. Every key is optional, so the
// data can be split across files however its authors like; the loader merges
// all files into one Catalog.
type File struct {
	Areas            []Area           `yaml:"areas"`
	Responsibilities []Responsibility `yaml:"responsibilities"`
	Roles            []Role           `yaml:"roles"`
	Archetypes       []Archetype      `yaml:"archetypes"`
	Stages           []Stage          `yaml:"stages"`
	Skills           []Skill          `yaml:"skills"`
	Challenges       []Challenge      `yaml:"challenges"`
	Measures         []Measure        `yaml:"measures"`
	BareMinimums     []BareMinimum    `yaml:"bare_minimums"`
	Splits           []Split          `yaml:"splits"`
	Settings         *Settings        `yaml:"settings"`
	Sources          []Source         `yaml:"sources"`
	CareerPath       []CareerStep     `yaml:"career_path"`
	Outlooks         []Outlook        `yaml:"outlooks"`
	// Disable removes built-in items by id (any kind) when this file is
	// part of a user catalog.
	Disable []string `yaml:"disable"`
}

// Pos is where an item was read from (file and line), for error messages.
type Pos = strictyaml.Pos

// Weights gives the importance (0 to 3) of an item for each CTO archetype.
// 0 means the archetype rarely does this; 3 means it is central to it.
type Weights struct {
	Infrastructure int `yaml:"infrastructure" json:"infrastructure"`
	Product        int `yaml:"product" json:"product"`
	Visionary      int `yaml:"visionary" json:"visionary"`
	External       int `yaml:"external" json:"external"`
}

// For returns the weight for an archetype id; unknown ids weigh 1.
func (w Weights) For(archetype string) int {
	switch archetype {
	case "infrastructure":
		return w.Infrastructure
	case "product":
		return w.Product
	case "visionary":
		return w.Visionary
	case "external":
		return w.External
	}
	return 1
}

// Fit narrows where an item applies, beyond its stages: the engineering
// headcount and the CTO archetype. Zero values mean no limit. Archetypes
// are meant for the CTO's own items (and for the delivery leader who
// complements the CTO): the archetype describes the CTO, so other roles'
// postings should not change with it.
type Fit struct {
	// MinSize and MaxSize bound the engineering headcount (inclusive).
	MinSize int `yaml:"min_size" json:"min_size,omitempty"`
	MaxSize int `yaml:"max_size" json:"max_size,omitempty"`
	// Archetypes lists the CTO archetypes the item applies under.
	Archetypes []string `yaml:"archetypes" json:"archetypes,omitempty"`
}

// Applies reports whether the item fits a headcount and archetype.
func (f Fit) Applies(size int, archetype string) bool {
	if f.MinSize > 0 && size < f.MinSize {
		return false
	}
	if f.MaxSize > 0 && size > f.MaxSize {
		return false
	}
	return len(f.Archetypes) == 0 || slices.Contains(f.Archetypes, archetype)
}

// Narrowed reports whether the item is limited by size or archetype, so it
// ranks above a general item of the same role.
func (f Fit) Narrowed() bool {
	return f.MinSize > 0 || f.MaxSize > 0 || len(f.Archetypes) > 0
}

// SizeWords are the placeholders a catalog text may hold. The generator
// replaces them with numbers derived from the engineering headcount, so a
// sentence reads true at 40 engineers and at 1,500:
//
//	{engineers}  the headcount ("1,500")
//	{teams}      about how many teams of eight ("190")
//	{directors}  about how many directors, one per six teams ("30")
//	{vps}        about how many VPs, one per four directors ("8")
//	{next}       the headcount the company is likely to reach next ("3,000")
//	{per_vp}     about how many engineers each VP's organisation holds ("190")
//	{directors_per_vp}  about how many directors each VP runs ("4")
//	{svps}       from 800 engineers, about how many SVPs the VPs report to ("2")
//	{per_svp}    about how many engineers each SVP's division holds ("750")
//	{vps_per_svp}  about how many VPs report to each SVP ("4")
//
// generator.SizeText replaces them, for postings and the ladder alike.
var SizeWords = []string{"engineers", "teams", "directors", "vps", "next", "per_vp", "directors_per_vp", "svps", "per_svp", "vps_per_svp"}

// Area groups responsibilities, such as "security and compliance".
type Area struct {
	Pos     `yaml:",inline"`
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Summary string   `yaml:"summary" json:"summary" l10n:"text"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Responsibility is one thing a role does, phrased as an imperative bullet
// addressed to the reader ("Set up monitoring before the first incident").
type Responsibility struct {
	Pos   `yaml:",inline"`
	ID    string   `yaml:"id" json:"id"`
	Area  string   `yaml:"area" json:"area"`
	Roles []string `yaml:"roles" json:"roles"`
	// Stages the responsibility applies to; empty means every stage.
	Stages []string `yaml:"stages" json:"stages,omitempty"`
	Fit    `yaml:",inline"`
	// Core lists the roles for which this is a defining duty: their
	// postings show it wherever its stage and fit apply, before any duty
	// chosen by score.
	Core    []string `yaml:"core" json:"core,omitempty"`
	Weights Weights  `yaml:"weights" json:"weights"`
	Text    string   `yaml:"text" json:"text" l10n:"text"`
	// Variants replace Text at the named stages, because the same duty
	// reads differently at a seed startup and at an enterprise.
	Variants map[string]string `yaml:"variants" json:"variants,omitempty" l10n:"text"`
	// BareMinimum names the bare minimum this responsibility sets up, if any.
	BareMinimum string   `yaml:"bare_minimum" json:"bare_minimum,omitempty"`
	Sources     []string `yaml:"sources" json:"sources"`
}

// TextFor returns the phrasing for a stage.
func (r Responsibility) TextFor(stage string) string {
	if v, ok := r.Variants[stage]; ok && v != "" {
		return v
	}
	return r.Text
}

// ReportsTo is one reporting-line rule. Rules are tried in order; the first
// whose stage and size conditions hold gives the manager.
type ReportsTo struct {
	Pos    `yaml:",inline"`
	Stages []string `yaml:"stages"`
	// MinSize and MaxSize bound the engineering headcount (inclusive);
	// 0 means unbounded.
	MinSize int `yaml:"min_size"`
	MaxSize int `yaml:"max_size"`
	// Role is a catalog role id; Title is used for positions outside the
	// catalog, such as the CEO or the board. Exactly one is set.
	Role  string `yaml:"role"`
	Title string `yaml:"title" l10n:"text"`
}

// Role is a job Rungs can describe.
type Role struct {
	Pos        `yaml:",inline"`
	ID         string   `yaml:"id" json:"id"`
	Title      string   `yaml:"title" json:"title" l10n:"text"`
	ShortTitle string   `yaml:"short_title" json:"short_title,omitempty" l10n:"text"`
	Aliases    []string `yaml:"aliases" json:"aliases,omitempty"`
	// Track is ic, management or executive.
	Track string `yaml:"track" json:"track"`
	// Level orders roles by seniority across tracks (1 is the entry level).
	Level     int    `yaml:"level" json:"level"`
	Executive bool   `yaml:"executive" json:"executive"`
	Summary   string `yaml:"summary" json:"summary" l10n:"text"`
	// Scope says what the role is accountable for, in one sentence.
	Scope string `yaml:"scope" json:"scope" l10n:"text"`
	// Orientation and CoreConcern come from the comparison of technology
	// leaders (CTO, CIO, VP Engineering, CPO).
	Orientation string      `yaml:"orientation" json:"orientation,omitempty" l10n:"text"`
	CoreConcern string      `yaml:"core_concern" json:"core_concern,omitempty" l10n:"text"`
	ReportsTo   []ReportsTo `yaml:"reports_to" json:"-"`
	// MinSize is the smallest engineering team where the role makes sense
	// as a separate job; below it Rungs warns.
	MinSize int      `yaml:"min_size" json:"min_size,omitempty"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Name returns the short title when there is one, else the title.
func (r Role) Name() string {
	if r.ShortTitle != "" {
		return r.ShortTitle
	}
	return r.Title
}

// Archetype is one of the four ways a CTO tends to work.
type Archetype struct {
	Pos           `yaml:",inline"`
	ID            string   `yaml:"id" json:"id"`
	Title         string   `yaml:"title" json:"title" l10n:"text"`
	Aliases       []string `yaml:"aliases" json:"aliases,omitempty"`
	Focus         string   `yaml:"focus" json:"focus" l10n:"text"`
	TypicalStage  string   `yaml:"typical_stage" json:"typical_stage"`
	TypicalStages []string `yaml:"typical_stages" json:"typical_stages"`
	// MinSize is the smallest engineering team where the archetype fits;
	// below it Rungs warns of a mismatch.
	MinSize       int      `yaml:"min_size" json:"min_size"`
	KeyActivities []string `yaml:"key_activities" json:"key_activities" l10n:"text"`
	// VogelsRole is the one of Werner Vogels' four CTO roles that this
	// archetype corresponds to.
	VogelsRole string `yaml:"vogels_role" json:"vogels_role" l10n:"text"`
	// DelegatesDelivery is true when a CTO of this archetype usually has a
	// VP Engineering running delivery beneath them.
	DelegatesDelivery bool     `yaml:"delegates_delivery" json:"delegates_delivery"`
	Summary           string   `yaml:"summary" json:"summary" l10n:"text"`
	Sources           []string `yaml:"sources" json:"sources"`
}

// Stage is a company stage, such as seed or growth.
type Stage struct {
	Pos     `yaml:",inline"`
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	// Order sorts stages from youngest (1) to oldest.
	Order int `yaml:"order" json:"order"`
	// TypicalMin and TypicalMax bound the usual engineering headcount.
	TypicalMin  int      `yaml:"typical_min" json:"typical_min"`
	TypicalMax  int      `yaml:"typical_max" json:"typical_max"`
	DefaultSize int      `yaml:"default_size" json:"default_size"`
	Summary     string   `yaml:"summary" json:"summary" l10n:"text"`
	Sources     []string `yaml:"sources" json:"sources"`
}

// Skill is something a candidate brings. Must lists the roles for which it
// is a requirement, Nice the roles for which it is a plus.
type Skill struct {
	Pos      `yaml:",inline"`
	ID       string            `yaml:"id" json:"id"`
	Kind     string            `yaml:"kind" json:"kind"` // technical or leadership
	Text     string            `yaml:"text" json:"text" l10n:"text"`
	Variants map[string]string `yaml:"variants" json:"variants,omitempty" l10n:"text"`
	Must     []string          `yaml:"must" json:"must,omitempty"`
	Nice     []string          `yaml:"nice" json:"nice,omitempty"`
	Stages   []string          `yaml:"stages" json:"stages,omitempty"`
	Fit      `yaml:",inline"`
	Weights  *Weights `yaml:"weights" json:"weights,omitempty"`
	Sources  []string `yaml:"sources" json:"sources"`
}

// TextFor returns the phrasing for a stage.
func (s Skill) TextFor(stage string) string {
	if v, ok := s.Variants[stage]; ok && v != "" {
		return v
	}
	return s.Text
}

// Challenge is a recurring problem the role will face.
type Challenge struct {
	Pos     `yaml:",inline"`
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Text    string   `yaml:"text" json:"text" l10n:"text"`
	Roles   []string `yaml:"roles" json:"roles"`
	Stages  []string `yaml:"stages" json:"stages,omitempty"`
	Fit     `yaml:",inline"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Measure is a way to judge whether the person in the role succeeds.
type Measure struct {
	Pos      `yaml:",inline"`
	ID       string   `yaml:"id" json:"id"`
	Category string   `yaml:"category" json:"category"`
	Text     string   `yaml:"text" json:"text" l10n:"text"`
	Roles    []string `yaml:"roles" json:"roles"`
	Stages   []string `yaml:"stages" json:"stages,omitempty"`
	Fit      `yaml:",inline"`
	Sources  []string `yaml:"sources" json:"sources"`
}

// Outlook is what a role looks like over time at a stage: the first
// months, and what the person will have changed a year in. Postings show
// it as prose, because a short story of the first year tells a candidate
// more than three bullets.
type Outlook struct {
	Pos  `yaml:",inline"`
	ID   string `yaml:"id" json:"id"`
	Role string `yaml:"role" json:"role"`
	// Stages the outlook applies to; empty means every stage.
	Stages []string `yaml:"stages" json:"stages,omitempty"`
	Fit    `yaml:",inline"`
	// FirstMonths says what the first months look like.
	FirstMonths string `yaml:"first_months" json:"first_months" l10n:"text"`
	// FirstYear says what the person will have changed a year in.
	FirstYear string   `yaml:"first_year" json:"first_year" l10n:"text"`
	Sources   []string `yaml:"sources" json:"sources"`
}

// BareMinimum is one of the five things a startup CTO must have in place
// from the first day.
type BareMinimum struct {
	Pos     `yaml:",inline"`
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Text    string   `yaml:"text" json:"text" l10n:"text"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Split describes how two neighbouring roles share the work, with each
// side's success criteria.
type Split struct {
	Pos   `yaml:",inline"`
	ID    string    `yaml:"id" json:"id"`
	Title string    `yaml:"title" json:"title" l10n:"text"`
	Left  SplitSide `yaml:"left" json:"left"`
	Right SplitSide `yaml:"right" json:"right"`
	// Shared says what both sides are accountable for together.
	Shared string `yaml:"shared" json:"shared" l10n:"text"`
	// MergeBelow is the engineering headcount under which one person
	// usually holds both roles; 0 means the roles are never merged.
	MergeBelow int      `yaml:"merge_below" json:"merge_below,omitempty"`
	Sources    []string `yaml:"sources" json:"sources"`
}

// SplitSide is one role's half of a Split.
type SplitSide struct {
	Role    string   `yaml:"role" json:"role"`
	Focus   string   `yaml:"focus" json:"focus" l10n:"text"`
	Owns    []string `yaml:"owns" json:"owns" l10n:"text"`
	Success []string `yaml:"success" json:"success" l10n:"text"`
}

// CareerStep is one step of the usual path from individual contributor to
// CTO.
type CareerStep struct {
	Pos     `yaml:",inline"`
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title" l10n:"text"`
	Roles   []string `yaml:"roles" json:"roles"`
	Text    string   `yaml:"text" json:"text" l10n:"text"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Settings holds the numeric thresholds that tailoring rules read, so they
// are data a company can change rather than constants in code.
type Settings struct {
	// MergeCTOAndVPEBelow: under this many engineers one person holds the
	// CTO and VP Engineering roles.
	MergeCTOAndVPEBelow int `yaml:"merge_cto_and_vpe_below" json:"merge_cto_and_vpe_below"`
	// ExecutiveBullets and Bullets cap the "what you will do" list.
	ExecutiveBullets int `yaml:"executive_bullets" json:"executive_bullets"`
	Bullets          int `yaml:"bullets" json:"bullets"`
	// LeadersFrom: from this many engineers a CTO of any archetype works
	// through a leadership team, with a VP of Engineering running
	// delivery day to day.
	LeadersFrom int `yaml:"leaders_from" json:"leaders_from"`
	// HeadOfEngineeringBelow: under this many engineers the delivery
	// leader under the CTO is titled Head of Engineering, as the ladder's
	// VP of Engineering rung is (a test keeps the two in step).
	HeadOfEngineeringBelow int `yaml:"head_of_engineering_below" json:"head_of_engineering_below"`
}

// Source is a document the catalog's facts come from. Items cite sources by
// id (the seed file name), so a reader can trace every statement.
type Source struct {
	Pos   `yaml:",inline"`
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// Language is the BCP 47 tag of the document's language.
	Language string `yaml:"language" json:"language"`
	Summary  string `yaml:"summary" json:"summary"`
}
