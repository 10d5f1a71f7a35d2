package studio

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The form's company fields are written into a copy of the --company
// file's YAML tree (or an empty one), so the page checks them exactly as
// rungs checks a file (profile.ParseCompany: sizes, control characters,
// URLs, currencies), and "Copy company.yaml" hands over the user's own
// file, comments and untouched keys included, with the form's values in
// place.

// yamlDoc is an editable company.yaml tree.
type yamlDoc struct {
	doc *yaml.Node // the document node
}

// parseDoc reads base (nil or empty for none) into an editable tree.
func parseDoc(base []byte) (*yamlDoc, error) {
	d := &yamlDoc{}
	if len(bytes.TrimSpace(base)) > 0 {
		var n yaml.Node
		if err := yaml.Unmarshal(base, &n); err != nil {
			return nil, err
		}
		if n.Kind == yaml.DocumentNode && len(n.Content) == 1 && n.Content[0].Kind == yaml.MappingNode {
			d.doc = &n
		}
	}
	if d.doc == nil {
		d.doc = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	return d, nil
}

func (d *yamlDoc) root() *yaml.Node { return d.doc.Content[0] }

// bytes encodes the tree with two-space indentation, as rungs init writes.
func (d *yamlDoc) bytes() ([]byte, error) {
	if len(d.root().Content) == 0 {
		return nil, nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// field returns the value of key in mapping m, or nil.
func field(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// set puts value under key in mapping m, in place when the key exists
// (keeping its comments), else at the end.
func set(m *yaml.Node, key string, value *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			value.HeadComment, value.LineComment = m.Content[i+1].HeadComment, m.Content[i+1].LineComment
			m.Content[i+1] = value
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value)
}

// del removes key from mapping m.
func del(m *yaml.Node, key string) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// child returns the mapping under key, creating it when absent or not a
// mapping.
func child(m *yaml.Node, key string) *yaml.Node {
	if c := field(m, key); c != nil && c.Kind == yaml.MappingNode {
		return c
	}
	c := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	set(m, key, c)
	return c
}

// str is a string scalar; the encoder quotes it when YAML would read it
// as something else.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// num is a number when s reads as one, else a string the company checks
// reject as a file's would be rejected.
func num(s string) *yaml.Node {
	t := strings.TrimSpace(s)
	if _, err := strconv.ParseFloat(t, 64); err == nil && !strings.ContainsAny(t, "xXnN_") {
		if _, err := strconv.Atoi(t); err == nil {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: t}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: t}
	}
	return str(s)
}

// setText sets a string key, or removes it when v is blank.
func setText(m *yaml.Node, key, v string) {
	if strings.TrimSpace(v) == "" {
		del(m, key)
		return
	}
	set(m, key, str(strings.TrimSpace(v)))
}

// setList sets a list of strings, or removes it when empty.
func setList(m *yaml.Node, key string, items []string) {
	if len(items) == 0 {
		del(m, key)
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		seq.Content = append(seq.Content, str(it))
	}
	set(m, key, seq)
}

// dropEmpty removes key when its mapping has nothing left.
func dropEmpty(m *yaml.Node, key string) {
	if c := field(m, key); c != nil && c.Kind == yaml.MappingNode && len(c.Content) == 0 {
		del(m, key)
	}
}

// lastLine is the last line a node's text reaches.
func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		if e := lastLine(c); e > l {
			l = e
		}
	}
	return l
}

// fieldAt names the form field that line of the company YAML belongs to:
// the company key as the form shows it, "" for a line outside the form's
// fields. payKey is the compensation key of the role on screen.
func fieldAt(data []byte, line int, payKey string) string {
	var n yaml.Node
	if yaml.Unmarshal(data, &n) != nil || len(n.Content) != 1 {
		return ""
	}
	m := n.Content[0]
	within := func(k, v *yaml.Node) bool { return line >= k.Line && line <= lastLine(v) }
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !within(k, v) {
			continue
		}
		switch k.Value {
		case "name", "mission", "work_model", "benefits", "stage", "archetype", "date":
			return k.Value
		case "engineers":
			return "size"
		case "locations":
			if len(v.Content) > 0 && line <= lastLine(v.Content[0]) {
				return "location"
			}
		case "compensation":
			for j := 0; j+1 < len(v.Content); j += 2 {
				if v.Content[j].Value == payKey && within(v.Content[j], v.Content[j+1]) {
					return "pay"
				}
			}
		case "apply":
			for j := 0; j+1 < len(v.Content); j += 2 {
				if within(v.Content[j], v.Content[j+1]) {
					switch v.Content[j].Value {
					case "url":
						return "apply_url"
					case "deadline":
						return "apply_by"
					}
				}
			}
		}
	}
	return ""
}
