package strictyaml

import (
	"regexp"

	"go.yaml.in/yaml/v3"
)

// Pos is where an item of a data file was read from. Loaders fill it,
// never YAML (its fields are tagged "-"), so validation errors can point at
// file:line, down to the line of one field.
type Pos struct {
	File string `yaml:"-" json:"-"`
	Line int    `yaml:"-" json:"-"`
	// node is the item's YAML mapping, kept to find the line of a field.
	node *yaml.Node
}

// At returns the line of a field of the item, or the item's line.
func (p Pos) At(field string) int {
	if p.node == nil {
		return p.Line
	}
	return Line(p.node, field)
}

// KeyAt returns the line of key inside the mapping field of the item (for
// example the "craft" entry under "expectations"), or the field's line.
func (p Pos) KeyAt(field, key string) int {
	m := Field(p.node, field)
	if m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i].Line
			}
		}
	}
	return p.At(field)
}

// Node returns the item's YAML mapping, or nil.
func (p Pos) Node() *yaml.Node { return p.node }

// PosOf makes the position of an item read from node in file.
func PosOf(file string, node *yaml.Node) Pos {
	if node == nil {
		return Pos{File: file}
	}
	return Pos{File: file, Line: node.Line, node: node}
}

// SetPositions fills the positions of the items decoded from the sequence
// under key in root: item i was read from the i-th node.
func SetPositions[T any](file string, root *yaml.Node, key string, items []T, pos func(*T) *Pos) {
	nodes := Items(root, key)
	for i := range items {
		p := pos(&items[i])
		p.File = file
		if i < len(nodes) {
			p.Line, p.node = nodes[i].Line, nodes[i]
		}
	}
}

var idRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether id is kebab-case: lowercase letters, digits and
// single hyphens.
func ValidID(id string) bool { return idRe.MatchString(id) }

// Index maps the ids and aliases of items to their positions in the slice,
// reporting ids that are not kebab-case, names defined twice, and an item
// that lists the same name twice. kind names the items in messages.
func Index[T any](errs *List, kind string, items []T, key func(T) (string, []string, Pos)) map[string]int {
	m := map[string]int{}
	for i, it := range items {
		id, aliases, p := key(it)
		if !ValidID(id) {
			errs.Add(p.File, p.At("id"), "%s id %q must be kebab-case (lowercase letters, digits and single hyphens)", kind, id)
		}
		for _, name := range append([]string{id}, aliases...) {
			if j, dup := m[name]; dup {
				if j == i {
					errs.Add(p.File, p.At("aliases"), "%s %q lists the name %q twice", kind, id, name)
					continue
				}
				_, _, q := key(items[j])
				errs.Add(p.File, p.At("id"), "%s %q is defined twice (first at %s:%d)", kind, name, q.File, q.Line)
				continue
			}
			m[name] = i
		}
	}
	return m
}
