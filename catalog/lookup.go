package catalog

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/rungs/rungs/internal/suggest"
)

// Normalize turns user input into the catalog's id form: lowercase, with
// spaces and underscores as hyphens ("VP Engineering" -> "vp-engineering").
func Normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer(" ", "-", "_", "-").Replace(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return s
}

// UnknownError says a name matched nothing, with the nearest valid name.
type UnknownError struct {
	Kind    string   // "role", "stage", "archetype", "area"
	Value   string   // what the user gave
	Nearest string   // the closest id or alias, or ""
	Valid   []string // the canonical ids
}

func (e *UnknownError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", e.Kind, e.Value)
	if e.Nearest != "" {
		fmt.Fprintf(&b, "; did you mean %s?", e.Nearest)
	}
	fmt.Fprintf(&b, " valid: %s", strings.Join(e.Valid, ", "))
	return b.String()
}

func lookup(kind, name string, m map[string]int, ids []string) (int, error) {
	n := Normalize(name)
	if i, ok := m[n]; ok {
		return i, nil
	}
	all := make([]string, 0, len(m))
	for k := range m {
		all = append(all, k)
	}
	// Sort for a deterministic choice between equally near names.
	sort.Strings(all)
	return -1, &UnknownError{Kind: kind, Value: name, Nearest: suggest.Nearest(n, all), Valid: ids}
}

// Role finds a role by id or alias.
func (c *Catalog) Role(name string) (Role, error) {
	i, err := lookup("role", name, c.roles, c.RoleIDs())
	if err != nil {
		return Role{}, err
	}
	return c.Roles[i], nil
}

// Stage finds a stage by id or alias.
func (c *Catalog) Stage(name string) (Stage, error) {
	i, err := lookup("stage", name, c.stages, c.StageIDs())
	if err != nil {
		return Stage{}, err
	}
	return c.Stages[i], nil
}

// Archetype finds an archetype by id or alias.
func (c *Catalog) Archetype(name string) (Archetype, error) {
	i, err := lookup("archetype", name, c.archetypes, c.ArchetypeIDs())
	if err != nil {
		// An alias is accepted but not in the valid list, so the hint
		// names the id it stands for, which the list shows (review
		// ladder4, item 31): "operational" suggests infrastructure, not
		// its alias operations.
		var u *UnknownError
		if errors.As(err, &u) {
			if j, ok := c.archetypes[u.Nearest]; ok && c.Archetypes[j].ID != u.Nearest {
				id := c.Archetypes[j].ID
				if suggest.Nearest(Normalize(name), []string{id, u.Nearest}) == id {
					u.Nearest = id
				} else {
					u.Nearest = fmt.Sprintf("%s (also called %s)", id, u.Nearest)
				}
			}
		}
		return Archetype{}, err
	}
	return c.Archetypes[i], nil
}

// Area finds an area by id.
func (c *Catalog) Area(id string) (Area, error) {
	i, err := lookup("area", id, c.areas, c.AreaIDs())
	if err != nil {
		return Area{}, err
	}
	return c.Areas[i], nil
}

// AreaIndex returns the position of an area in the catalog's order, used to
// group bullets in a stable order; unknown areas sort last.
func (c *Catalog) AreaIndex(id string) int {
	if i, ok := c.areas[id]; ok {
		return i
	}
	return len(c.Areas)
}

// RoleIDs lists role ids in catalog order.
func (c *Catalog) RoleIDs() []string { return ids(c.Roles, func(r Role) string { return r.ID }) }

// StageIDs lists stage ids from youngest to oldest.
func (c *Catalog) StageIDs() []string { return ids(c.Stages, func(s Stage) string { return s.ID }) }

// ArchetypeIDs lists archetype ids in catalog order.
func (c *Catalog) ArchetypeIDs() []string {
	return ids(c.Archetypes, func(a Archetype) string { return a.ID })
}

// AreaIDs lists area ids in catalog order.
func (c *Catalog) AreaIDs() []string { return ids(c.Areas, func(a Area) string { return a.ID }) }

// SourceIDs lists source ids in catalog order.
func (c *Catalog) SourceIDs() []string { return ids(c.Sources, func(s Source) string { return s.ID }) }

// StageAliases lists every name a stage answers to, for shell completion.
func (c *Catalog) StageAliases() []string {
	var out []string
	for _, s := range c.Stages {
		out = append(out, s.ID)
		out = append(out, s.Aliases...)
	}
	return out
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}
