package batch

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// MaxEntries bounds the entries of one input, a matrix's expansion
// included: far more is a mistake, such as a matrix with a dimension too
// many, and would fill the disk.
const MaxEntries = 1_000_000

// Manifest is a YAML batch input:
//
//	defaults:  values every entry shares (a company file or inline
//	           company, format, paper, stage, ...)
//	documents: a list of entries, each overriding any default
//	matrix:    a mapping (or a list of mappings) whose list-valued fields
//	           are crossed: role: [cto, vpe] × stage: [seed, growth]
//
// Its YAML tree is held in memory; the entries are made from it one at a
// time, and a matrix is expanded lazily.
type Manifest struct {
	name, dir string
	// base holds the flags' values, under the defaults.
	base     []Value
	defaults []Value
	docs     []*yaml.Node
	matrices []*matrix
}

// matrix is one matrix mapping: fixed values, and the dimensions that vary.
type matrix struct {
	where string
	line  int
	fixed []Value
	dims  []dim
	count int
}

type dim struct {
	field  Field
	values []Value
}

// manifestShape is the manifest's top level; each part is read from its
// node so every value keeps its line.
type manifestShape struct {
	Defaults  yaml.Node `yaml:"defaults"`
	Documents yaml.Node `yaml:"documents"`
	Matrix    yaml.Node `yaml:"matrix"`
}

// ReadManifest reads and parses the manifest file at path.
func ReadManifest(path string) (*Manifest, error) {
	data, err := boundedio.ReadFile(path, strictyaml.MaxBytes)
	if err != nil {
		return nil, &Problem{File: path, Msg: "cannot read the file: " + unwrapPath(err).Error()}
	}
	return ParseManifest(path, filepath.Dir(path), data)
}

// ParseManifest parses manifest content. name is used in messages; dir is
// the folder company files are relative to. Problems with the manifest's
// shape (unknown keys, wrong types, an empty manifest, a matrix too large)
// are all returned at once; problems with single documents items come out
// of validation, with the other entry errors.
func ParseManifest(name, dir string, data []byte) (*Manifest, error) {
	var shape manifestShape
	root, err := strictyaml.Decode(name, data, &shape)
	if err != nil {
		return nil, err
	}
	m := &Manifest{name: name, dir: dir, base: NewValues(), defaults: NewValues()}
	var probs Problems
	if root == nil || root.Kind == 0 || (root.Kind == yaml.DocumentNode && len(root.Content) == 0) {
		return nil, Problems{{File: name, Msg: "the manifest is empty; give documents or a matrix (see rungs batch --help)"}}
	}
	if root.Kind != yaml.MappingNode {
		return nil, Problems{{File: name, Line: root.Line, Msg: "the manifest must be a mapping with defaults, documents and matrix"}}
	}

	if n := deref(&shape.Defaults); n != nil {
		if n.Kind != yaml.MappingNode {
			probs = append(probs, &Problem{File: name, Line: n.Line, Msg: "defaults: want a mapping of fields, such as company: acme.yaml"})
		} else {
			m.defaults, probs = m.readFields(n, FromDefaults, "defaults", probs)
		}
	}
	if n := deref(&shape.Documents); n != nil {
		if n.Kind != yaml.SequenceNode {
			probs = append(probs, &Problem{File: name, Line: n.Line, Msg: "documents: want a list of entries, such as - role: cto"})
		} else {
			m.docs = n.Content
		}
	}
	if n := deref(&shape.Matrix); n != nil {
		switch n.Kind {
		case yaml.MappingNode:
			probs = m.readMatrix(n, "matrix", probs)
		case yaml.SequenceNode:
			for i, item := range n.Content {
				item = derefNode(item)
				where := fmt.Sprintf("matrix[%d]", i)
				if item.Kind != yaml.MappingNode {
					probs = append(probs, &Problem{File: name, Line: item.Line, Msg: where + ": want a mapping of fields, such as role: [cto, vpe]"})
					continue
				}
				probs = m.readMatrix(item, where, probs)
			}
		default:
			probs = append(probs, &Problem{File: name, Line: n.Line, Msg: "matrix: want a mapping of fields whose lists are crossed, such as role: [cto, vpe]"})
		}
	}
	total := len(m.docs)
	for _, mx := range m.matrices {
		total += mx.count
		if total > MaxEntries {
			probs = append(probs, &Problem{File: name, Line: mx.line, Msg: fmt.Sprintf("%s: the manifest expands to more than %d entries; split it", mx.where, MaxEntries)})
			break
		}
	}
	if len(probs) == 0 && total == 0 {
		probs = append(probs, &Problem{File: name, Line: root.Line, Msg: "no documents: give a documents list or a matrix"})
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return m, nil
}

// Name is the manifest's file name.
func (m *Manifest) Name() string { return m.name }

// SetDefaults sets the values under the manifest's defaults (from flags),
// indexed by Field.
func (m *Manifest) SetDefaults(d []Value) { m.base = padValues(d) }

// Entries makes the entries one at a time: the documents items, then each
// matrix's expansion, the first key of a matrix varying slowest.
func (m *Manifest) Entries(yield func(*Entry) bool) error {
	index := 0
	newEntry := func(line int, where string) *Entry {
		e := &Entry{Index: index, File: m.name, Dir: m.dir, Line: line, Where: where}
		e.Values = slices.Clone(m.base)
		e.layer(m.defaults)
		index++
		return e
	}
	for i, n := range m.docs {
		n = derefNode(n)
		where := fmt.Sprintf("documents[%d]", i)
		e := newEntry(n.Line, where)
		if n.Kind != yaml.MappingNode {
			e.problems = Problems{{File: m.name, Line: n.Line, Where: where, Msg: "want a mapping of fields, such as role: cto"}}
		} else {
			own, probs := m.readFields(n, FromEntry, "", nil)
			for _, p := range probs {
				p.Where = where
			}
			e.problems = probs
			e.layer(own)
		}
		if !yield(e) {
			return nil
		}
	}
	for _, mx := range m.matrices {
		pos := make([]int, len(mx.dims))
		var vary []Field
		for _, d := range mx.dims {
			vary = append(vary, d.field)
		}
		for k := 0; k < mx.count; k++ {
			e := newEntry(mx.line, fmt.Sprintf("%s #%d", mx.where, k+1))
			e.layer(mx.fixed)
			for j, d := range mx.dims {
				e.Values[d.field] = d.values[pos[j]]
			}
			e.Vary = vary
			if !yield(e) {
				return nil
			}
			// Advance the odometer: the last dimension turns fastest.
			for j := len(pos) - 1; j >= 0; j-- {
				pos[j]++
				if pos[j] < len(mx.dims[j].values) {
					break
				}
				pos[j] = 0
			}
		}
	}
	return nil
}

// fieldKey resolves a mapping key to its field, marking it seen; an
// unknown or repeated key is a problem.
func (m *Manifest) fieldKey(k *yaml.Node, where string, seen map[Field]bool) (Field, *Problem) {
	f, ok := fieldByName(k.Value)
	if !ok {
		return 0, &Problem{File: m.name, Line: k.Line, Where: where, Msg: fmt.Sprintf("unknown field %q%s", k.Value, suggest.Hint(k.Value, FieldNames()))}
	}
	if seen[f] {
		return 0, &Problem{File: m.name, Line: k.Line, Where: where, Field: f.String(), Msg: "appears twice"}
	}
	seen[f] = true
	return f, nil
}

// readFields reads a mapping of fields (defaults, a documents item).
func (m *Manifest) readFields(n *yaml.Node, origin Origin, where string, probs Problems) ([]Value, Problems) {
	out := NewValues()
	seen := map[Field]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, p := m.fieldKey(k, where, seen)
		if p != nil {
			probs = append(probs, p)
			continue
		}
		val, msg := readValue(f, v, origin, where)
		if msg != "" {
			probs = append(probs, &Problem{File: m.name, Line: derefNode(v).Line, Where: where, Field: f.String(), Msg: msg})
			continue
		}
		out[f] = val
	}
	return out, probs
}

// readMatrix reads one matrix mapping.
func (m *Manifest) readMatrix(n *yaml.Node, where string, probs Problems) Problems {
	mx := &matrix{where: where, line: n.Line, count: 1, fixed: NewValues()}
	seen := map[Field]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], derefNode(n.Content[i+1])
		f, p := m.fieldKey(k, where, seen)
		if p != nil {
			probs = append(probs, p)
			continue
		}
		// A list of formats is the formats of every entry, and a name is
		// a pattern: neither is a dimension.
		if v.Kind != yaml.SequenceNode || f == FFormat || f == FName {
			val, msg := readValue(f, v, FromMatrix, where)
			if msg != "" {
				probs = append(probs, &Problem{File: m.name, Line: v.Line, Where: where, Field: f.String(), Msg: msg})
				continue
			}
			mx.fixed[f] = val
			continue
		}
		if len(v.Content) == 0 {
			probs = append(probs, &Problem{File: m.name, Line: v.Line, Where: where, Field: f.String(), Msg: "the list is empty; give at least one value"})
			continue
		}
		d := dim{field: f}
		bad := false
		for _, item := range v.Content {
			val, msg := readValue(f, item, FromMatrix, where)
			if msg == "" && !val.Set() {
				msg = "an empty value in the list"
			}
			if msg != "" {
				probs = append(probs, &Problem{File: m.name, Line: derefNode(item).Line, Where: where, Field: f.String(), Msg: msg})
				bad = true
				continue
			}
			d.values = append(d.values, val)
		}
		if bad {
			continue
		}
		if len(d.values) == 1 {
			mx.fixed[f] = d.values[0]
			continue
		}
		mx.dims = append(mx.dims, d)
		if mx.count > MaxEntries/len(d.values) {
			mx.count = MaxEntries + 1 // reported by ParseManifest
		} else {
			mx.count *= len(d.values)
		}
	}
	m.matrices = append(m.matrices, mx)
	return probs
}

// readValue reads one field's value node. A null value is not given.
func readValue(f Field, n *yaml.Node, origin Origin, where string) (Value, string) {
	n = derefNode(n)
	v := Value{Line: n.Line, Origin: origin, Where: where}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return Value{}, ""
	}
	switch {
	case n.Kind == yaml.ScalarNode:
		v.S = strings.TrimSpace(n.Value)
		if v.S == "" {
			return Value{}, ""
		}
		return v, ""
	case f == FCompany && n.Kind == yaml.MappingNode:
		v.Node = n
		v.S = fmt.Sprintf("(inline, line %d)", n.Line)
		return v, ""
	case f == FFormat && n.Kind == yaml.SequenceNode:
		var parts []string
		for _, item := range n.Content {
			item = derefNode(item)
			if item.Kind != yaml.ScalarNode {
				return v, "want format names, such as [md, pdf]"
			}
			parts = append(parts, item.Value)
		}
		v.S = strings.Join(parts, "+")
		return v, ""
	case f == FCompany:
		return v, "want a file name or a mapping of company fields"
	case n.Kind == yaml.SequenceNode:
		return v, "want one value; a list belongs in a matrix"
	}
	return v, "want one value, such as " + example(f)
}

func example(f Field) string {
	i := f.Info()
	return i.Name + ": " + i.Example
}

// deref returns a manifest part's node, or nil when it is absent or null.
func deref(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind == 0 {
		return nil
	}
	n = derefNode(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	return n
}

// derefNode follows aliases to the anchored node.
func derefNode(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}
