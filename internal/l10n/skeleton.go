package l10n

import (
	"bytes"
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Skeleton writes the translation files a translator starts from: for
// each English file v was read from, a file of the same base name with
// every text of that file at its place, still in English. Texts whose
// file is unknown go to other.yaml.
func Skeleton(v any, header string) map[string][]byte {
	roots := map[string]*yaml.Node{}
	var order []string
	for _, t := range Texts(v) {
		name := path.Base(t.File)
		if t.File == "" {
			name = "other.yaml"
		}
		root, ok := roots[name]
		if !ok {
			root = &yaml.Node{Kind: yaml.MappingNode}
			roots[name] = root
			order = append(order, name)
		}
		put(root, strings.Split(t.Path, "."), t.Text)
	}
	out := map[string][]byte{}
	for _, name := range order {
		var b bytes.Buffer
		b.WriteString(header)
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(roots[name]); err != nil {
			panic(err) // a tree of strings always encodes
		}
		out[name] = b.Bytes()
	}
	return out
}

// put sets the text at path in a tree of mappings and sequences: a
// numeric segment is a position in a list, any other a key.
func put(n *yaml.Node, segs []string, text string) {
	seg := segs[0]
	last := len(segs) == 1
	if _, err := strconv.Atoi(seg); err == nil && n.Kind == yaml.SequenceNode {
		i, _ := strconv.Atoi(seg)
		for len(n.Content) <= i {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.MappingNode})
		}
		if last {
			n.Content[i] = scalar(text)
			return
		}
		child := n.Content[i]
		shape(child, segs[1])
		put(child, segs[1:], text)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == seg {
			if last {
				n.Content[i+1] = scalar(text)
				return
			}
			put(n.Content[i+1], segs[1:], text)
			return
		}
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: seg}
	if last {
		n.Content = append(n.Content, key, scalar(text))
		return
	}
	child := &yaml.Node{Kind: yaml.MappingNode}
	shape(child, segs[1])
	n.Content = append(n.Content, key, child)
	put(child, segs[1:], text)
}

// shape makes an empty node a list when its first segment is a position.
func shape(n *yaml.Node, next string) {
	if len(n.Content) > 0 {
		return
	}
	if _, err := strconv.Atoi(next); err == nil {
		n.Kind = yaml.SequenceNode
	} else {
		n.Kind = yaml.MappingNode
	}
}

func scalar(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.TrimSpace(s), Style: yaml.DoubleQuotedStyle}
}
