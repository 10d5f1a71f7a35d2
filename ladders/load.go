package ladders

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/suggest"
)

//go:embed *.yaml
var builtinFS embed.FS

// BuiltinFS returns the embedded ladder files.
func BuiltinFS() fs.FS { return builtinFS }

var (
	builtinOnce   sync.Once
	builtinLadder *Ladder
	builtinErr    error
)

// Builtin returns the ladder compiled into the binary. It is loaded and
// validated once per process.
func Builtin() (*Ladder, error) {
	builtinOnce.Do(func() {
		builtinLadder, builtinErr = loadBuiltin()
	})
	return builtinLadder, builtinErr
}

// Ladder is the merged, validated content of all ladder files. Levels are
// in track order (tracks as listed), then by grade.
type Ladder struct {
	Settings   Settings       `yaml:"settings"`
	Tracks     []Track        `yaml:"tracks"`
	Dimensions []Dimension    `yaml:"dimensions"`
	Stages     []StageWeights `yaml:"stages"`
	Levels     []Level        `yaml:"levels"`
	Hats       []Hat          `yaml:"hats"`
	Archetypes []Archetype    `yaml:"archetypes"`
	CareerPath []CareerStep   `yaml:"career_path"`
	FAQ        []Question     `yaml:"faq"`
	Bands      []Band         `yaml:"bands"`

	settingsSeen bool
	// reload reads the ladder again from where it came, for a
	// translation; nil for the built-in ladder (see In).
	reload func() (*Ladder, error)
	// userL10n is the folder of a user's own translations, when the
	// ladder was read from a folder.
	userL10n *l10n.Source
	// langs holds the ladder's translations, made once each (see In).
	langs      *l10n.Cache[*Ladder]
	levels     map[string]int // ids, aliases and sized-title ids to index
	tracks     map[string]int
	dims       map[string]int
	hats       map[string]int
	stages     map[string]int
	archetypes map[string]int
}

// LoadFS reads every *.yaml file in dir of fsys, in name order, and returns
// the validated ladder. prefix is put before file names in error messages
// (for example "ladders/").
func LoadFS(fsys fs.FS, dir, prefix string) (*Ladder, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			files = append(files, e.Name())
		}
	}
	sort.Strings(files)
	l := &Ladder{}
	var errs strictyaml.List
	for _, name := range files {
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		errs = append(errs, strictyaml.Errors(l.add(prefix+name, data))...)
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	if err := l.finish(); err != nil {
		return nil, err
	}
	if prefix != "ladders/" || fsys != fs.FS(builtinFS) {
		l.reload = func() (*Ladder, error) { return LoadFS(fsys, dir, prefix) }
		l.userL10n = &l10n.Source{FS: fsys, Dir: path.Join(dir, "l10n"), Prefix: prefix + "l10n/"}
	}
	return l, nil
}

// add decodes one file and appends its items, recording positions.
func (l *Ladder) add(name string, data []byte) error {
	var f File
	root, err := strictyaml.Decode(name, data, &f)
	if err != nil {
		return err
	}
	strictyaml.SetPositions(name, root, "tracks", f.Tracks, func(x *Track) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "dimensions", f.Dimensions, func(x *Dimension) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "stages", f.Stages, func(x *StageWeights) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "levels", f.Levels, func(x *Level) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "hats", f.Hats, func(x *Hat) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "archetypes", f.Archetypes, func(x *Archetype) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "career_path", f.CareerPath, func(x *CareerStep) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "faq", f.FAQ, func(x *Question) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "bands", f.Bands, func(x *Band) *Pos { return &x.Pos })
	if f.Settings != nil {
		n := strictyaml.Field(root, "settings")
		f.Settings.Pos = strictyaml.PosOf(name, n)
		if l.settingsSeen {
			return strictyaml.List{{File: name, Line: n.Line, Msg: fmt.Sprintf("settings are defined twice (first at %s:%d); keep one settings block", l.Settings.File, l.Settings.Line)}}
		}
		l.Settings, l.settingsSeen = *f.Settings, true
	}
	l.Tracks = append(l.Tracks, f.Tracks...)
	l.Dimensions = append(l.Dimensions, f.Dimensions...)
	l.Stages = append(l.Stages, f.Stages...)
	l.Levels = append(l.Levels, f.Levels...)
	l.Hats = append(l.Hats, f.Hats...)
	l.Archetypes = append(l.Archetypes, f.Archetypes...)
	l.CareerPath = append(l.CareerPath, f.CareerPath...)
	l.FAQ = append(l.FAQ, f.FAQ...)
	l.Bands = append(l.Bands, f.Bands...)
	return nil
}

// finish orders the data, builds the indexes and validates it, reporting
// all problems at once.
func (l *Ladder) finish() error {
	if l.langs == nil {
		l.langs = &l10n.Cache[*Ladder]{}
	}
	var errs strictyaml.List
	l.tracks = strictyaml.Index(&errs, "track", l.Tracks, func(t Track) (string, []string, Pos) { return t.ID, t.Aliases, t.Pos })
	l.dims = strictyaml.Index(&errs, "dimension", l.Dimensions, func(d Dimension) (string, []string, Pos) { return d.ID, nil, d.Pos })
	l.stages = strictyaml.Index(&errs, "stage", l.Stages, func(s StageWeights) (string, []string, Pos) { return s.ID, nil, s.Pos })
	l.hats = strictyaml.Index(&errs, "hat", l.Hats, func(h Hat) (string, []string, Pos) { return h.ID, nil, h.Pos })
	l.archetypes = strictyaml.Index(&errs, "archetype", l.Archetypes, func(a Archetype) (string, []string, Pos) { return a.ID, nil, a.Pos })
	// Order levels by track, then grade, so "the level below" is the
	// previous level of the same track.
	sort.SliceStable(l.Levels, func(i, j int) bool {
		ti, tj := l.trackOrder(l.Levels[i].Track), l.trackOrder(l.Levels[j].Track)
		if ti != tj {
			return ti < tj
		}
		return l.Levels[i].Grade < l.Levels[j].Grade
	})
	l.levels = strictyaml.Index(&errs, "level", l.Levels, func(v Level) (string, []string, Pos) {
		names := slices.Clone(v.Aliases)
		for _, t := range v.Titles {
			names = append(names, t.ID)
		}
		return v.ID, names, v.Pos
	})
	for name, i := range l.levels {
		if _, clash := l.hats[name]; clash {
			v := l.Levels[i]
			errs.Add(v.File, v.At("id"), "level name %q is also a hat id; a name must mean one thing", name)
		}
	}
	l.validate(&errs)
	return errs.Err()
}

func (l *Ladder) trackOrder(id string) int {
	if i, ok := l.tracks[id]; ok {
		return i
	}
	return len(l.Tracks)
}

// validate checks every field and reference.
func (l *Ladder) validate(errs *strictyaml.List) {
	s := l.Settings
	text := func(what string, p Pos, field, v string) {
		if strings.TrimSpace(v) == "" {
			errs.Add(p.File, p.At(field), "%s: %s is empty", what, field)
		}
	}
	levelRef := func(what string, p Pos, field, id string) (Level, bool) {
		if i, ok := l.levels[id]; ok {
			return l.Levels[i], true
		}
		errs.Add(p.File, p.At(field), "%s: unknown level %q%s", what, id, suggest.Hint(id, l.LevelIDs()))
		return Level{}, false
	}
	words := func(what string, p Pos, line int, v string) {
		if n := len(strings.Fields(v)); s.ShortMaxWords > 0 && n > s.ShortMaxWords {
			errs.Add(p.File, line, "%s: short has %d words; keep overview cells to %d words or fewer", what, n, s.ShortMaxWords)
		}
	}

	// Settings.
	if !l.settingsSeen {
		errs.Add("", 0, "no settings block found in any ladder file; add one with compressed_below, overview_columns, short_max_words, delivery_rung and top_rung")
	} else {
		if s.CompressedBelow < 1 {
			errs.Add(s.File, s.At("compressed_below"), "settings: compressed_below must be 1 or more, got %d", s.CompressedBelow)
		}
		if s.OverviewColumns < 1 || s.OverviewColumns > len(l.Dimensions) {
			errs.Add(s.File, s.At("overview_columns"), "settings: overview_columns must be between 1 and the number of dimensions (%d), got %d", len(l.Dimensions), s.OverviewColumns)
		}
		if s.ShortMaxWords < 1 {
			errs.Add(s.File, s.At("short_max_words"), "settings: short_max_words must be 1 or more, got %d", s.ShortMaxWords)
		}
		levelRef("settings", s.Pos, "delivery_rung", s.DeliveryRung)
		levelRef("settings", s.Pos, "top_rung", s.TopRung)
	}

	// Tracks.
	for _, t := range l.Tracks {
		what := fmt.Sprintf("track %q", t.ID)
		text(what, t.Pos, "title", t.Title)
		text(what, t.Pos, "summary", t.Summary)
		if t.BranchesFrom != "" {
			if v, ok := levelRef(what, t.Pos, "branches_from", t.BranchesFrom); ok && v.Track == t.ID {
				errs.Add(t.File, t.At("branches_from"), "%s: branches_from %q is on the same track; name a level of another track", what, t.BranchesFrom)
			}
		}
	}
	if len(l.Tracks) < 2 {
		errs.Add("", 0, "the ladder needs at least two tracks, got %d", len(l.Tracks))
	}

	// Dimensions.
	for _, d := range l.Dimensions {
		what := fmt.Sprintf("dimension %q", d.ID)
		text(what, d.Pos, "title", d.Title)
		text(what, d.Pos, "short", d.Short)
		text(what, d.Pos, "summary", d.Summary)
		if n := len(d.Evidence); n < 2 {
			errs.Add(d.File, d.At("evidence"), "%s: give at least two kinds of evidence, got %d", what, n)
		}
		if n := len(d.ManagementEvidence); n > 0 && n < 2 {
			errs.Add(d.File, d.At("management_evidence"), "%s: give at least two kinds of management evidence, or none, got %d", what, n)
		}
	}

	// Stage weights.
	for _, st := range l.Stages {
		what := fmt.Sprintf("stage %q", st.ID)
		sum := 0
		for _, k := range sortedKeys(st.Weights) {
			v := st.Weights[k]
			if _, ok := l.dims[k]; !ok {
				errs.Add(st.File, st.KeyAt("weights", k), "%s: unknown dimension %q%s", what, k, suggest.Hint(k, l.DimensionIDs()))
			}
			if v < 0 || v > 100 {
				errs.Add(st.File, st.KeyAt("weights", k), "%s: weight of %s must be between 0 and 100, got %d", what, k, v)
			}
			sum += v
		}
		for _, d := range l.Dimensions {
			if _, ok := st.Weights[d.ID]; !ok {
				errs.Add(st.File, st.At("weights"), "%s: no weight for dimension %q; give every dimension a weight", what, d.ID)
			}
		}
		if sum != 100 {
			errs.Add(st.File, st.At("weights"), "%s: weights add up to %d; they are percentages and must add up to 100", what, sum)
		}
		text(what, st.Pos, "note", st.Note)
	}

	// Levels.
	grades := map[string]Level{}
	for i, v := range l.Levels {
		what := fmt.Sprintf("level %q", v.ID)
		track, trackOK := l.tracks[v.Track]
		if !trackOK {
			errs.Add(v.File, v.At("track"), "%s: unknown track %q%s", what, v.Track, suggest.Hint(v.Track, l.TrackIDs()))
		} else {
			v.Track = l.Tracks[track].ID // an alias names the same track
			l.Levels[i].Track = v.Track
		}
		if v.Grade < 1 {
			errs.Add(v.File, v.At("grade"), "%s: grade must be 1 or more, got %d", what, v.Grade)
		}
		key := fmt.Sprintf("%s/%d", v.Track, v.Grade)
		if q, dup := grades[key]; dup {
			errs.Add(v.File, v.At("grade"), "%s: grade %d is already taken on track %s by %q (%s:%d)", what, v.Grade, v.Track, q.ID, q.File, q.Line)
		}
		grades[key] = v
		text(what, v.Pos, "code", v.Code)
		text(what, v.Pos, "title", v.Title)
		text(what, v.Pos, "summary", v.Summary)
		text(what, v.Pos, "scope", v.Scope)
		text(what, v.Pos, "typical_time", v.TypicalTime)
		if !slices.Contains(Spans, v.Span) {
			errs.Add(v.File, v.At("span"), "%s: unknown span %q%s", what, v.Span, suggest.Hint(v.Span, Spans))
		}
		if n := len(v.Behaviours); n < 2 {
			errs.Add(v.File, v.At("behaviours"), "%s: give at least two example behaviours, got %d", what, n)
		}
		if n := len(v.Signals); n < 2 {
			errs.Add(v.File, v.At("signals"), "%s: give at least two signals of readiness for the next level, got %d", what, n)
		}
		for _, sl := range []struct {
			key  string
			list []SizedList
		}{{"sized_behaviours", v.SizedBehaviours}, {"sized_signals", v.SizedSignals}} {
			prev := 0
			for i, n := range sl.list {
				if n := len(n.Items); n < 2 {
					errs.Add(v.File, v.At(sl.key), "%s: %s entry %d: give at least two items, got %d", what, sl.key, i+1, n)
				}
				if n.Below != 0 && n.Below <= prev {
					errs.Add(v.File, v.At(sl.key), "%s: %s entry %d: below %d must be above the entry before it (%d); list entries from the smallest headcount up", what, sl.key, i+1, n.Below, prev)
				}
				if n.Below == 0 && i != len(sl.list)-1 {
					errs.Add(v.File, v.At(sl.key), "%s: %s entry %d has no below, so it applies at any size and the entries after it never do; move it last", what, sl.key, i+1)
				}
				prev = n.Below
			}
		}
		for _, e := range v.Equivalents {
			if q, ok := levelRef(what+" equivalents", v.Pos, "equivalents", e); ok && q.Track == v.Track {
				errs.Add(v.File, v.At("equivalents"), "%s: equivalent %q is on the same track; equivalents name levels of the other track", what, e)
			}
		}
		l.validateSize(errs, v)
		l.validateRoads(errs, v)
		below, hasBelow := l.Below(v)
		for _, k := range sortedKeys(v.Expectations) {
			if _, ok := l.dims[k]; !ok {
				errs.Add(v.File, v.KeyAt("expectations", k), "%s: unknown dimension %q%s", what, k, suggest.Hint(k, l.DimensionIDs()))
			}
		}
		for _, d := range l.Dimensions {
			e, ok := v.Expectations[d.ID]
			if !ok {
				errs.Add(v.File, v.At("expectations"), "%s: missing dimension %q; every level states an expectation in every dimension", what, d.ID)
				continue
			}
			dwhat := fmt.Sprintf("%s, dimension %q", what, d.ID)
			line := v.KeyAt("expectations", d.ID)
			if strings.TrimSpace(e.Short) == "" {
				errs.Add(v.File, line, "%s: short is empty", dwhat)
			}
			words(dwhat, v.Pos, line, e.Short)
			if strings.TrimSpace(e.Expect) == "" {
				errs.Add(v.File, line, "%s: expect is empty", dwhat)
			}
			l.validateSized(errs, dwhat, v.File, line, e)
			if hasBelow && below.Size.ShowFrom > v.Size.ShowFrom && skipNeeded(l, below) && strings.TrimSpace(e.SkipChange) == "" {
				errs.Add(v.File, line, "%s: skip_change is empty; %s is not on the ladder below %d engineers, so say what changed from the level under it", dwhat, below.ID, below.Size.ShowFrom)
			}
			if hasBelow {
				if strings.TrimSpace(e.Change) == "" {
					errs.Add(v.File, line, "%s: change is empty; say what changed from %s", dwhat, below.ID)
				}
				if b, ok := below.Expectations[d.ID]; ok && (sameText(b.Expect, e.Expect) || sameText(b.Short, e.Short)) {
					errs.Add(v.File, line, "%s: the expectation is the same as at %s; each level must expect more than the one below", dwhat, below.ID)
				}
			}
		}
	}

	// Hats.
	for _, h := range l.Hats {
		what := fmt.Sprintf("hat %q", h.ID)
		text(what, h.Pos, "title", h.Title)
		text(what, h.Pos, "summary", h.Summary)
		if len(h.WornAt) == 0 {
			errs.Add(h.File, h.At("worn_at"), "%s: worn_at is empty; name the levels that wear it", what)
		}
		for _, id := range h.WornAt {
			levelRef(what, h.Pos, "worn_at", id)
		}
		if n := len(h.Behaviours); n < 2 {
			errs.Add(h.File, h.At("behaviours"), "%s: give at least two example behaviours, got %d", what, n)
		}
	}

	// Archetypes.
	for _, a := range l.Archetypes {
		what := fmt.Sprintf("archetype %q", a.ID)
		text(what, a.Pos, "title", a.Title)
		text(what, a.Pos, "focus", a.Focus)
		text(what, a.Pos, "cto_summary", a.CTOSummary)
		if a.DeliveryRung.FillFrom < 0 {
			errs.Add(a.File, a.At("delivery_rung"), "%s: delivery_rung fill_from must be 0 or more, got %d", what, a.DeliveryRung.FillFrom)
		}
		if strings.TrimSpace(a.DeliveryRung.Role) == "" {
			errs.Add(a.File, a.At("delivery_rung"), "%s: delivery_rung role is empty; say what the delivery rung does for this CTO", what)
		}
		for _, st := range sortedKeys(a.DeliveryRung.ByStage) {
			if _, ok := l.stages[st]; !ok {
				errs.Add(a.File, a.At("delivery_rung"), "%s: delivery_rung by_stage: unknown stage %q%s", what, st, suggest.Hint(st, l.StageIDs()))
			}
			if n := a.DeliveryRung.ByStage[st]; n < 0 {
				errs.Add(a.File, a.At("delivery_rung"), "%s: delivery_rung by_stage %s must be 0 or more, got %d", what, st, n)
			}
		}
		if len(a.DeliveryRung.ByStage) > 0 && strings.TrimSpace(a.DeliveryRung.Reserved) == "" {
			errs.Add(a.File, a.At("delivery_rung"), "%s: delivery_rung has by_stage thresholds but no reserved text to explain them", what)
		}
		var top Level
		if i, ok := l.levels[s.TopRung]; ok {
			top = l.Levels[i]
		}
		below, hasBelow := l.Below(top)
		if n := len(a.CTOBehaviours); n == 1 {
			errs.Add(a.File, a.At("cto_behaviours"), "%s: give at least two CTO behaviours, or none, got 1", what)
		}
		for _, k := range sortedKeys(a.CTOExpectations) {
			e := a.CTOExpectations[k]
			line := a.KeyAt("cto_expectations", k)
			dwhat := fmt.Sprintf("%s, cto_expectations %q", what, k)
			if _, ok := l.dims[k]; !ok {
				errs.Add(a.File, line, "%s: unknown dimension %q%s", what, k, suggest.Hint(k, l.DimensionIDs()))
				continue
			}
			if strings.TrimSpace(e.Short) == "" || strings.TrimSpace(e.Expect) == "" || strings.TrimSpace(e.Change) == "" {
				errs.Add(a.File, line, "%s: give short, expect and change", dwhat)
			}
			words(dwhat, a.Pos, line, e.Short)
			if hasBelow {
				if b, ok := below.Expectations[k]; ok && (sameText(b.Expect, e.Expect) || sameText(b.Short, e.Short)) {
					errs.Add(a.File, line, "%s: the expectation is the same as at %s", dwhat, below.ID)
				}
			}
		}
	}

	l.validateBands(errs)

	// Career path and FAQ.
	for _, c := range l.CareerPath {
		what := fmt.Sprintf("career step %q", c.ID)
		text(what, c.Pos, "title", c.Title)
		text(what, c.Pos, "text", c.Text)
		if len(c.Levels)+len(c.Hats) == 0 {
			errs.Add(c.File, c.Line, "%s: name the levels or hats of this step", what)
		}
		for _, id := range c.Levels {
			levelRef(what, c.Pos, "levels", id)
		}
		for _, id := range c.Hats {
			if _, ok := l.hats[id]; !ok {
				errs.Add(c.File, c.At("hats"), "%s: unknown hat %q%s", what, id, suggest.Hint(id, l.HatIDs()))
			}
		}
	}
	seen := map[string]Pos{}
	for _, q := range l.FAQ {
		what := fmt.Sprintf("question %q", q.ID)
		if p, dup := seen[q.ID]; dup {
			errs.Add(q.File, q.At("id"), "%s is defined twice (first at %s:%d)", what, p.File, p.Line)
		}
		seen[q.ID] = q.Pos
		if !strictyaml.ValidID(q.ID) {
			errs.Add(q.File, q.At("id"), "question id %q must be kebab-case", q.ID)
		}
		text(what, q.Pos, "question", q.Question)
		text(what, q.Pos, "answer", q.Answer)
	}
}

// validateSize checks a level's headcount thresholds, sized titles and
// size notes.
func (l *Ladder) validateSize(errs *strictyaml.List, v Level) {
	what := fmt.Sprintf("level %q", v.ID)
	z := v.Size
	line := v.At("size")
	if z.ShowFrom < 0 || z.FillFrom < 0 {
		errs.Add(v.File, line, "%s: size thresholds must be 0 or more, got show_from %d, fill_from %d", what, z.ShowFrom, z.FillFrom)
	}
	if z.FillFrom < z.ShowFrom {
		errs.Add(v.File, line, "%s: size fill_from %d is below show_from %d; a rung cannot be filled before it is shown", what, z.FillFrom, z.ShowFrom)
	}
	if z.FillFrom > z.ShowFrom && strings.TrimSpace(z.Reserved) == "" {
		errs.Add(v.File, line, "%s: size reserved is empty; say why the rung is reserved below %d engineers", what, z.FillFrom)
	}
	if z.ShowFrom > 0 && strings.TrimSpace(z.Absent) == "" {
		errs.Add(v.File, line, "%s: size absent is empty; say who does this work below %d engineers", what, z.ShowFrom)
	}
	prev := 0
	for _, t := range v.Titles {
		if t.Below <= prev {
			errs.Add(v.File, v.At("titles"), "%s: titles must have below thresholds in increasing order, above 0; got %d after %d", what, t.Below, prev)
		}
		prev = t.Below
		if !strictyaml.ValidID(t.ID) {
			errs.Add(v.File, v.At("titles"), "%s: title id %q must be kebab-case", what, t.ID)
		}
		if strings.TrimSpace(t.Title) == "" || strings.TrimSpace(t.Note) == "" {
			errs.Add(v.File, v.At("titles"), "%s: a sized title needs a title and a note", what)
		}
	}
	prev = 0
	for i, n := range v.SizeNotes {
		if n.Below == 0 && i != len(v.SizeNotes)-1 {
			errs.Add(v.File, v.At("size_notes"), "%s: only the last size note may leave out below", what)
		} else if n.Below != 0 && n.Below <= prev {
			errs.Add(v.File, v.At("size_notes"), "%s: size notes must have below thresholds in increasing order; got %d after %d", what, n.Below, prev)
		}
		prev = n.Below
		if strings.TrimSpace(n.Note) == "" {
			errs.Add(v.File, v.At("size_notes"), "%s: a size note is empty", what)
		}
	}
}

// skipNeeded reports whether the level under below appears on a ladder
// before below does, so a ladder can show a rung with below missing.
func skipNeeded(l *Ladder, below Level) bool {
	two, ok := l.Below(below)
	return ok && two.Size.ShowFrom < below.Size.ShowFrom
}

// validateSized checks an expectation's sized texts.
func (l *Ladder) validateSized(errs *strictyaml.List, what, file string, line int, e Expectation) {
	prev := 0
	for _, z := range e.Sized {
		if z.Below <= prev {
			errs.Add(file, line, "%s: sized texts must have below thresholds in increasing order, above 0; got %d after %d", what, z.Below, prev)
		}
		prev = z.Below
		if strings.TrimSpace(z.Short) == "" || strings.TrimSpace(z.Expect) == "" {
			errs.Add(file, line, "%s: a sized text needs short and expect", what)
		}
		if n := len(strings.Fields(z.Short)); l.Settings.ShortMaxWords > 0 && n > l.Settings.ShortMaxWords {
			errs.Add(file, line, "%s: sized short has %d words; keep overview cells to %d words or fewer", what, n, l.Settings.ShortMaxWords)
		}
	}
}

// validateRoads checks a level's roads in: each starts at a known level
// below the rung, and says what it asks and what changes in every
// dimension.
func (l *Ladder) validateRoads(errs *strictyaml.List, v Level) {
	what := fmt.Sprintf("level %q", v.ID)
	seen := map[string]bool{}
	for _, r := range v.Roads {
		line := v.At("roads")
		i, ok := l.levels[r.From]
		if !ok {
			errs.Add(v.File, line, "%s: road from unknown level %q%s", what, r.From, suggest.Hint(r.From, l.LevelIDs()))
			continue
		}
		from := l.Levels[i]
		if from.Grade >= v.Grade {
			errs.Add(v.File, line, "%s: road from %q starts at grade %d, not below this rung's %d", what, r.From, from.Grade, v.Grade)
		}
		if seen[from.Track] {
			errs.Add(v.File, line, "%s: two roads start on track %s; give one road per track", what, from.Track)
		}
		seen[from.Track] = true
		if strings.TrimSpace(r.Title) == "" || strings.TrimSpace(r.Text) == "" {
			errs.Add(v.File, line, "%s: road from %q needs a title and a text", what, r.From)
		}
		if len(r.Asks) < 2 {
			errs.Add(v.File, line, "%s: road from %q: give at least two asks, got %d", what, r.From, len(r.Asks))
		}
		for _, d := range l.Dimensions {
			if strings.TrimSpace(r.Changes[d.ID]) == "" {
				errs.Add(v.File, line, "%s: road from %q: no change for dimension %q; say what changes on this road in every dimension", what, r.From, d.ID)
			}
		}
		for _, k := range sortedKeys(r.Changes) {
			if _, ok := l.dims[k]; !ok {
				errs.Add(v.File, line, "%s: road from %q: unknown dimension %q%s", what, r.From, k, suggest.Hint(k, l.DimensionIDs()))
			}
		}
	}
}

// validateBands checks the level bands: optional, but when given every
// level is in exactly one band, and each band weighs every dimension at
// every stage, adding up to 100.
func (l *Ladder) validateBands(errs *strictyaml.List) {
	if len(l.Bands) == 0 {
		return
	}
	in := map[string]string{}
	for _, b := range l.Bands {
		what := fmt.Sprintf("band %q", b.ID)
		if strings.TrimSpace(b.Title) == "" {
			errs.Add(b.File, b.At("title"), "%s: title is empty", what)
		}
		for _, id := range b.Levels {
			if l.sizedTitle(id) {
				continue
			}
			i, ok := l.levels[id]
			if !ok {
				errs.Add(b.File, b.At("levels"), "%s: unknown level %q%s", what, id, suggest.Hint(id, l.LevelIDs()))
				continue
			}
			id = l.Levels[i].ID
			if other, dup := in[id]; dup {
				errs.Add(b.File, b.At("levels"), "%s: level %q is already in band %q; a level is in one band", what, id, other)
			}
			in[id] = b.ID
		}
		for _, st := range sortedKeys(b.Weights) {
			if _, ok := l.stages[st]; !ok {
				errs.Add(b.File, b.KeyAt("weights", st), "%s: unknown stage %q%s", what, st, suggest.Hint(st, l.StageIDs()))
			}
			sum := 0
			for _, k := range sortedKeys(b.Weights[st]) {
				if _, ok := l.dims[k]; !ok {
					errs.Add(b.File, b.KeyAt("weights", st), "%s, stage %s: unknown dimension %q%s", what, st, k, suggest.Hint(k, l.DimensionIDs()))
				}
				if w := b.Weights[st][k]; w < 0 || w > 100 {
					errs.Add(b.File, b.KeyAt("weights", st), "%s, stage %s: weight of %s must be between 0 and 100, got %d", what, st, k, w)
				}
				sum += b.Weights[st][k]
			}
			for _, d := range l.Dimensions {
				if _, ok := b.Weights[st][d.ID]; !ok {
					errs.Add(b.File, b.KeyAt("weights", st), "%s, stage %s: no weight for dimension %q", what, st, d.ID)
				}
			}
			if sum != 100 {
				errs.Add(b.File, b.KeyAt("weights", st), "%s, stage %s: weights add up to %d; they are percentages and must add up to 100", what, st, sum)
			}
		}
		for _, st := range l.Stages {
			if _, ok := b.Weights[st.ID]; !ok {
				errs.Add(b.File, b.At("weights"), "%s: no weights for stage %q; give every stage", what, st.ID)
			}
		}
	}
	for _, v := range l.Levels {
		if _, ok := in[v.ID]; !ok {
			errs.Add(v.File, v.At("id"), "level %q is in no band; add it to one of the bands", v.ID)
		}
	}
}

// Band returns the band of a level, if the ladder has bands.
func (l *Ladder) Band(levelID string) (Band, bool) {
	for _, b := range l.Bands {
		for _, id := range b.Levels {
			if id == levelID {
				return b, true
			}
		}
	}
	return Band{}, false
}

// RoadInto returns the road into rung "to" that a person at "from" takes:
// the road that starts at from, or at a level below from on from's track.
func (l *Ladder) RoadInto(from, to Level) (Road, bool) {
	for _, r := range to.Roads {
		i, ok := l.levels[r.From]
		if !ok {
			continue
		}
		start := l.Levels[i]
		if start.ID == from.ID || (start.Track == from.Track && start.Grade <= from.Grade && from.Grade < to.Grade) {
			return r, true
		}
	}
	return Road{}, false
}

// sameText reports whether two texts are equal ignoring case and spacing.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// LoadPath loads a ladder from a YAML file, or from every *.yaml file of a
// folder, in place of the built-in ladder. Errors name the path given.
func LoadPath(p string) (*Ladder, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return LoadFS(boundedio.DirFS(p, strictyaml.MaxBytes), ".", strings.TrimSuffix(p, "/")+"/")
	}
	data, err := boundedio.ReadFile(p, strictyaml.MaxBytes)
	if err != nil {
		return nil, err
	}
	l := &Ladder{}
	if err := l.add(p, data); err != nil {
		return nil, err
	}
	if err := l.finish(); err != nil {
		return nil, err
	}
	l.reload = func() (*Ladder, error) { return LoadPath(p) }
	return l, nil
}

// sizedTitle reports whether id is the id of a title a level carries when
// small (head-of-engineering), which a band may weigh on its own.
func (l *Ladder) sizedTitle(id string) bool {
	for _, v := range l.Levels {
		for _, t := range v.Titles {
			if t.ID == id {
				return true
			}
		}
	}
	return false
}
