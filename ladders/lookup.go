package ladders

import (
	"sort"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/suggest"
)

// UnknownError says a name matched nothing, with the nearest valid name. It
// is the catalog's error type, so every lookup reads the same way.
type UnknownError = catalog.UnknownError

func lookup(kind, name string, m map[string]int, ids []string) (int, error) {
	n := catalog.Normalize(name)
	if i, ok := m[n]; ok {
		return i, nil
	}
	all := make([]string, 0, len(m))
	for k := range m {
		all = append(all, k)
	}
	sort.Strings(all) // a deterministic choice between equally near names
	return -1, &UnknownError{Kind: kind, Value: name, Nearest: suggest.Nearest(n, all), Valid: ids}
}

// Level finds a level by id, alias, code (l3, m4) or sized title id
// (head-of-engineering).
func (l *Ladder) Level(name string) (Level, error) {
	i, err := lookup("level", name, l.levels, l.LevelIDs())
	if err != nil {
		return Level{}, err
	}
	return l.Levels[i], nil
}

// Track finds a track by id or alias.
func (l *Ladder) Track(name string) (Track, error) {
	i, err := lookup("track", name, l.tracks, l.TrackIDs())
	if err != nil {
		return Track{}, err
	}
	return l.Tracks[i], nil
}

// Dimension finds a dimension by id.
func (l *Ladder) Dimension(id string) (Dimension, error) {
	i, err := lookup("dimension", id, l.dims, l.DimensionIDs())
	if err != nil {
		return Dimension{}, err
	}
	return l.Dimensions[i], nil
}

// Hat finds a hat (such as tech-lead) by id.
func (l *Ladder) Hat(name string) (Hat, error) {
	i, err := lookup("hat", name, l.hats, l.HatIDs())
	if err != nil {
		return Hat{}, err
	}
	return l.Hats[i], nil
}

// Stage returns the dimension weights of a catalog stage id.
func (l *Ladder) Stage(id string) (StageWeights, error) {
	i, err := lookup("stage", id, l.stages, l.StageIDs())
	if err != nil {
		return StageWeights{}, err
	}
	return l.Stages[i], nil
}

// Archetype returns the top-of-ladder effects of a catalog archetype id.
func (l *Ladder) Archetype(id string) (Archetype, error) {
	i, err := lookup("archetype", id, l.archetypes, l.ArchetypeIDs())
	if err != nil {
		return Archetype{}, err
	}
	return l.Archetypes[i], nil
}

// Below returns the level below v: the previous level of its track, or, for
// the first level of a track that branches off another, the level it
// branches from.
func (l *Ladder) Below(v Level) (Level, bool) {
	var prev *Level
	for i := range l.Levels {
		c := &l.Levels[i]
		if c.Track == v.Track && c.Grade < v.Grade && (prev == nil || c.Grade > prev.Grade) {
			prev = c
		}
	}
	if prev != nil {
		return *prev, true
	}
	if i, ok := l.tracks[v.Track]; ok && l.Tracks[i].BranchesFrom != "" {
		if j, ok := l.levels[l.Tracks[i].BranchesFrom]; ok && l.Levels[j].ID != v.ID {
			return l.Levels[j], true
		}
	}
	return Level{}, false
}

// Above returns the levels one step up from v: the next level of its track
// and, when v is a track's branch point, the first level of that track.
func (l *Ladder) Above(v Level) []Level {
	var out []Level
	for _, c := range l.Levels {
		if b, ok := l.Below(c); ok && b.ID == v.ID {
			out = append(out, c)
		}
	}
	return out
}

// TrackLevels returns the levels a reader of the track climbs, from the
// entry level up: for a track that branches off another, the shared levels
// up to the branch point come first.
func (l *Ladder) TrackLevels(track string) []Level {
	var own []Level
	for _, v := range l.Levels {
		if v.Track == track {
			own = append(own, v)
		}
	}
	if len(own) == 0 {
		return nil
	}
	var shared []Level
	for b, ok := l.Below(own[0]); ok; b, ok = l.Below(b) {
		shared = append([]Level{b}, shared...)
	}
	return append(shared, own...)
}

// Shared reports whether a level is shared by two tracks: another track
// branches off at this level or above it on the level's own track.
func (l *Ladder) Shared(v Level) bool {
	for _, t := range l.Tracks {
		if t.ID == v.Track || t.BranchesFrom == "" {
			continue
		}
		if b, err := l.Level(t.BranchesFrom); err == nil && b.Track == v.Track && v.Grade <= b.Grade {
			return true
		}
	}
	return false
}

// LevelIDs lists level ids in ladder order.
func (l *Ladder) LevelIDs() []string { return ids(l.Levels, func(v Level) string { return v.ID }) }

// LevelNames lists every name a level answers to, for shell completion.
func (l *Ladder) LevelNames() []string {
	var out []string
	for _, v := range l.Levels {
		out = append(out, v.ID)
		for _, t := range v.Titles {
			out = append(out, t.ID)
		}
		out = append(out, v.Aliases...)
	}
	return out
}

// TrackIDs lists track ids in order.
func (l *Ladder) TrackIDs() []string { return ids(l.Tracks, func(t Track) string { return t.ID }) }

// DimensionIDs lists dimension ids in order.
func (l *Ladder) DimensionIDs() []string {
	return ids(l.Dimensions, func(d Dimension) string { return d.ID })
}

// HatIDs lists hat ids in order.
func (l *Ladder) HatIDs() []string { return ids(l.Hats, func(h Hat) string { return h.ID }) }

// StageIDs lists the stages that have weights, in order.
func (l *Ladder) StageIDs() []string {
	return ids(l.Stages, func(s StageWeights) string { return s.ID })
}

// ArchetypeIDs lists the archetypes that have top-of-ladder effects.
func (l *Ladder) ArchetypeIDs() []string {
	return ids(l.Archetypes, func(a Archetype) string { return a.ID })
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}
