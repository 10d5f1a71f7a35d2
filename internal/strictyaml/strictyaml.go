// Package strictyaml decodes YAML the way Rungs wants every data file read:
// unknown fields, wrong types, invalid UTF-8, oversized files and alias
// bombs are errors, and every error carries file:line and, for a mistyped
// field, the nearest valid name.
package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// MaxBytes is the largest YAML file Rungs reads. Real catalogs are a few
// hundred kilobytes; anything far larger is a mistake or an attack.
const MaxBytes = 4 << 20

// Error is one problem in one file, at one line (0 when unknown).
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.File == "":
		return e.Msg
	case e.Line <= 0:
		return e.File + ": " + e.Msg
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// List is every problem found, in file and line order.
type List []*Error

func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Sort orders the list by file, then line, then message.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		if l[i].Line != l[j].Line {
			return l[i].Line < l[j].Line
		}
		return l[i].Msg < l[j].Msg
	})
}

// Err returns nil for an empty list, so callers can return it directly.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Add appends a formatted error.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Errors flattens err into a List: a List stays as it is, an *Error becomes
// a list of one, anything else an entry without position.
func Errors(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return List{e}
	}
	return List{{Msg: err.Error()}}
}

// Decode parses data (read from file name) into v strictly. It returns the
// document's root node, so callers can find the line of any item, and a
// List of every problem found.
func Decode(name string, data []byte, v any) (*yaml.Node, error) {
	if len(data) > MaxBytes {
		return nil, List{{File: name, Msg: fmt.Sprintf("file is %d bytes; the limit is %d (%d MiB)", len(data), MaxBytes, MaxBytes>>20)}}
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidAt(data)], []byte("\n"))
		return nil, List{{File: name, Line: line, Msg: "invalid UTF-8: save the file as UTF-8"}}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return &doc, nil // an empty file is an empty document
		}
		return nil, convert(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, List{{File: name, Line: extra.Line, Msg: "more than one YAML document; keep one document per file"}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	// v is filled as far as possible even when some fields are unknown or
	// mistyped, and the root is returned with the errors, so a caller can
	// check the rest and report every problem at once.
	return root, DecodeNode(name, root, v)
}

// DecodeNode decodes an already parsed node (read from file name) into v
// with the same strictness as Decode. It serves YAML embedded in a larger
// file, such as a company given inline in a batch manifest: errors carry
// the lines of the enclosing file.
func DecodeNode(name string, root *yaml.Node, v any) error {
	var errs List
	CheckControl(name, root, &errs)
	checkKnown(name, root, reflect.TypeOf(v), &errs)
	// As in Decode, unknown keys do not stop the decoding.
	if err := root.Decode(v); err != nil {
		errs = append(errs, Errors(convert(name, err))...)
	}
	return errs.Err()
}

// CheckControl reports every key and value under root that holds a control
// character (C0, DEL, C1, or a Unicode line or paragraph separator) other
// than a tab or a line feed, naming the field and its line. Such a
// character is never text a posting or a ladder needs, and one copied to a
// terminal can retitle or recolour it. Aliases are not followed: what they
// point at is checked where it is defined.
func CheckControl(name string, root *yaml.Node, errs *List) {
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fmt.Sprintf("%s[%d]", path, i))
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				if msg := ctrl.Problem(k.Value, ctrl.Allow{}); msg != "" {
					errs.Add(name, k.Line, "the key %q has %s; write keys in plain text", ctrl.Escape(k.Value), msg)
					continue
				}
				walk(n.Content[i+1], p)
			}
		case yaml.ScalarNode:
			if msg := ctrl.Problem(n.Value, ctrl.Text); msg != "" {
				what := path
				if what == "" {
					what = "the value"
				}
				errs.Add(name, n.Line, "%s has %s; write plain text (tabs and line breaks are the only control characters accepted)", what, msg)
			}
		}
	}
	walk(root, "")
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// convert turns a yaml.v3 error into a List with file:line positions.
func convert(name string, err error) error {
	var te *yaml.TypeError
	var msgs []string
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var l List
	for _, m := range msgs {
		m = strings.TrimSpace(m)
		if sm := lineRe.FindStringSubmatch(m); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			l = append(l, &Error{File: name, Line: n, Msg: friendly(sm[2])})
			continue
		}
		l = append(l, &Error{File: name, Msg: friendly(strings.TrimPrefix(m, "yaml: "))})
	}
	return l.Err()
}

var unmarshalRe = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*?)`)? into (.+)$")

// friendly rewrites yaml.v3's type errors in words a user knows.
func friendly(m string) string {
	sm := unmarshalRe.FindStringSubmatch(m)
	if sm == nil {
		return m
	}
	want := sm[3]
	switch {
	case strings.HasPrefix(want, "[]"):
		want = "a list"
	case strings.HasPrefix(want, "map["), strings.Contains(want, "."):
		want = "a mapping of fields"
	case strings.HasPrefix(want, "int"), strings.HasPrefix(want, "uint"):
		want = "a whole number"
	case strings.HasPrefix(want, "float"):
		want = "a number"
	case want == "bool":
		want = "true or false"
	case want == "string":
		want = "text"
	}
	got := map[string]string{"str": "text", "int": "a number", "float": "a number", "bool": "true/false", "seq": "a list", "map": "a mapping", "null": "nothing"}[sm[1]]
	if got == "" {
		got = sm[1]
	}
	if sm[2] != "" && sm[1] != "seq" && sm[1] != "map" {
		return fmt.Sprintf("got %s %q, want %s", got, sm[2], want)
	}
	return fmt.Sprintf("got %s, want %s", got, want)
}

var (
	unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()
	nodeType        = reflect.TypeOf(yaml.Node{})
)

// checkKnown walks the node tree alongside the Go type and reports every
// mapping key the type has no field for, with the nearest valid name. It
// reports all of them, not just the first, so a user fixes a file in one go.
func checkKnown(file string, n *yaml.Node, t reflect.Type, errs *List) {
	if n == nil || t == nil {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode {
		return // the anchor was checked where it was defined
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return // a custom decoder validates its own input
	}
	if t == nodeType {
		return // a raw node: its reader checks it
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return // the type error comes from Decode
		}
		fields := structFields(t)
		names := make([]string, 0, len(fields))
		for k := range fields {
			names = append(names, k)
		}
		sort.Strings(names)
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Value == "<<" {
				continue
			}
			ft, ok := fields[k.Value]
			if !ok {
				errs.Add(file, k.Line, "unknown field %q%s", k.Value, suggest.Hint(k.Value, names))
				continue
			}
			if seen[k.Value] {
				errs.Add(file, k.Line, "field %q appears twice", k.Value)
			}
			seen[k.Value] = true
			checkKnown(file, val, ft, errs)
		}
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for _, c := range n.Content {
			checkKnown(file, c, t.Elem(), errs)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			checkKnown(file, n.Content[i+1], t.Elem(), errs)
		}
	}
}

// structFields maps YAML keys to field types, following inline structs.
func structFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(opts, "inline") {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range structFields(ft) {
					out[k] = v
				}
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

// Items returns the item nodes of the sequence under key in a mapping root.
func Items(root *yaml.Node, key string) []*yaml.Node {
	if v := Field(root, key); v != nil && v.Kind == yaml.SequenceNode {
		return v.Content
	}
	return nil
}

// Field returns the value node of key in a mapping node, or nil.
func Field(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// Line returns the line of key's value in mapping n, or n's own line when
// the key is absent.
func Line(n *yaml.Node, key string) int {
	if v := Field(n, key); v != nil {
		return v.Line
	}
	if n == nil {
		return 0
	}
	return n.Line
}
