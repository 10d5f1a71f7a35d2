// Package l10n lays a language's texts over content read from the English
// YAML files: the catalog and the ladder. A translation file mirrors the
// English data but holds only the texts a reader sees: lists of items
// become mappings keyed by id, and every other field keeps its English
// name and shape. Numbers, ids, thresholds and list lengths stay in the
// English files, so a translation cannot change what the rules decide.
//
// A field holds reader text when its struct tag says l10n:"text"; a slice
// of structs is keyed by the field tagged l10n:"key", or by ID, or else by
// position. Texts lists every translatable text of a value, so a test can
// prove a language complete, and Skeleton writes the files a translator
// starts from.
package l10n

import (
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// Text is one translatable text: where it is and what it says.
type Text struct {
	// Path names the text: collection, id, field, key or index, joined
	// by dots ("responsibilities.se-build-features.text",
	// "levels.staff-engineer.behaviours.2").
	Path string
	// File is the English file the text was read from, when known.
	File string
	Text string
}

// Texts lists the translatable texts of v, a pointer to a struct, in a
// stable order: struct fields as declared, list items in order, map keys
// sorted. Empty texts are left out: there is nothing to translate.
func Texts(v any) []Text {
	var out []Text
	walkTexts(reflect.ValueOf(v), "", "", &out)
	return out
}

func walkTexts(v reflect.Value, path, file string, out *[]Text) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, file, out)
		}
	case reflect.Struct:
		if f := fileOf(v); f != "" {
			file = f
		}
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			name, inline := fieldName(sf)
			if name == "" && !inline {
				continue
			}
			p := join(path, name)
			if inline {
				p = path
			}
			if sf.Tag.Get("l10n") == "text" {
				textsOf(v.Field(i), p, file, out)
				continue
			}
			walkTexts(v.Field(i), p, file, out)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Struct {
			return
		}
		for i := range v.Len() {
			walkTexts(v.Index(i), join(path, itemKey(v.Index(i), i)), file, out)
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String || !hasText(v.Type().Elem()) {
			return
		}
		for _, k := range sortedKeys(v) {
			walkTexts(v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())), join(path, k), file, out)
		}
	}
}

// textsOf lists a text field: a string, a list of strings, or a map of
// either.
func textsOf(v reflect.Value, path, file string, out *[]Text) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			*out = append(*out, Text{Path: path, File: file, Text: s})
		}
	case reflect.Slice:
		for i := range v.Len() {
			textsOf(v.Index(i), join(path, strconv.Itoa(i)), file, out)
		}
	case reflect.Map:
		for _, k := range sortedKeys(v) {
			textsOf(v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())), join(path, k), file, out)
		}
	}
}

// hasText reports whether a type holds translatable text somewhere.
func hasText(t reflect.Type) bool {
	return hasTextSeen(t, map[reflect.Type]bool{})
}

func hasTextSeen(t reflect.Type, seen map[reflect.Type]bool) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return false
	}
	seen[t] = true
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		if sf.Tag.Get("l10n") == "text" || hasTextSeen(sf.Type, seen) {
			return true
		}
	}
	return false
}

// Apply lays the translation file name (its bytes in data) over v, a
// pointer to a struct, and records in set the path of every text it
// replaced. Every error carries name:line: an unknown field, id or key
// (with the nearest valid one), a shape that differs from the English
// (a list of another length), an empty text, or a text that drops or
// invents a {placeholder} of the English.
func Apply(v any, name string, data []byte, set map[string]bool) error {
	return apply(v, name, data, set, nil)
}

// ApplyOver is Apply for content a user changed on top of the English the
// translation was written for (from: each text's path and that English):
// a text is replaced only where the content still says what from says,
// and ids or keys the content no longer has are passed over. A user's
// own wording stays as they wrote it rather than take a translation of
// words they replaced.
func ApplyOver(v any, name string, data []byte, set map[string]bool, from map[string]string) error {
	return apply(v, name, data, set, from)
}

func apply(v any, name string, data []byte, set map[string]bool, from map[string]string) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return &strictyaml.Error{File: name, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	var errs strictyaml.List
	if len(root.Content) == 0 {
		return nil // an empty file translates nothing
	}
	a := applier{file: name, errs: &errs, set: set, from: from}
	a.value(reflect.ValueOf(v), root.Content[0], "")
	errs.Sort()
	return errs.Err()
}

type applier struct {
	file string
	errs *strictyaml.List
	set  map[string]bool
	// from, when set, is the English the translation was written for;
	// see ApplyOver.
	from map[string]string
}

// gone reports a key the content does not have: an error, unless the
// content is a user's version of the English (ApplyOver).
func (a *applier) gone(n *yaml.Node, format string, args ...any) {
	if a.from == nil {
		a.fail(n, format, args...)
	}
}

// changed reports whether the user replaced the English at path, so the
// translation of the old words must not cover theirs.
func (a *applier) changed(path string, v reflect.Value) bool {
	if a.from == nil {
		return false
	}
	if v.Kind() == reflect.String {
		old, ok := a.from[path]
		return !ok || old != v.String()
	}
	var now []Text
	textsOf(v, path, "", &now)
	for _, t := range now {
		if a.from[t.Path] != t.Text {
			return true
		}
	}
	n := 0
	for p := range a.from {
		if p == path || strings.HasPrefix(p, path+".") {
			n++
		}
	}
	return n != len(now)
}

func (a *applier) fail(n *yaml.Node, format string, args ...any) {
	a.errs.Add(a.file, n.Line, format, args...)
}

func (a *applier) value(v reflect.Value, n *yaml.Node, path string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			a.fail(n, "%s: the English has nothing here to translate", where(path))
			return
		}
		a.value(v.Elem(), n, path)
	case reflect.Struct:
		a.structValue(v, n, path)
	case reflect.Slice:
		a.sliceValue(v, n, path)
	case reflect.Map:
		a.mapValue(v, n, path)
	default:
		a.fail(n, "%s holds no text to translate", where(path))
	}
}

func (a *applier) structValue(v reflect.Value, n *yaml.Node, path string) {
	if n.Kind != yaml.MappingNode {
		a.fail(n, "%s: give a mapping of its texts by field name", where(path))
		return
	}
	fields := map[string]int{}
	var names []string
	collectFields(v.Type(), fields, &names)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		idx, ok := fields[k.Value]
		if !ok {
			a.fail(k, "%s: unknown field %q%s", where(path), k.Value, suggest.Hint(k.Value, names))
			continue
		}
		sf := v.Type().Field(idx)
		p := join(path, k.Value)
		if sf.Tag.Get("l10n") == "text" {
			a.text(v.Field(idx), val, p)
			continue
		}
		if !hasText(sf.Type) {
			a.fail(k, "%s is not a text: translation files hold only what a reader sees, not ids, numbers or lists of ids", p)
			continue
		}
		a.value(v.Field(idx), val, p)
	}
}

// collectFields maps the YAML names of a struct's fields, inline ones
// included, to their indexes. Inline structs carry no text here (Pos,
// Fit), so their fields are not offered.
func collectFields(t reflect.Type, fields map[string]int, names *[]string) {
	for i := range t.NumField() {
		sf := t.Field(i)
		name, inline := fieldName(sf)
		if name == "" || inline {
			continue
		}
		fields[name] = i
		if sf.Tag.Get("l10n") == "text" || hasText(sf.Type) {
			*names = append(*names, name)
		}
	}
}

func (a *applier) sliceValue(v reflect.Value, n *yaml.Node, path string) {
	et := v.Type().Elem()
	if et.Kind() != reflect.Struct {
		a.fail(n, "%s holds no text to translate", where(path))
		return
	}
	if keyField(et) < 0 {
		// Entries without an id (sized texts) go by position.
		if n.Kind != yaml.SequenceNode {
			a.fail(n, "%s: give a list, one entry for each of the English's %d, in the same order", where(path), v.Len())
			return
		}
		// Entries past the last one with text may be left out.
		want := v.Len()
		for want > 0 && len(Texts(v.Index(want-1).Addr().Interface())) == 0 {
			want--
		}
		if len(n.Content) < want || len(n.Content) > v.Len() {
			a.fail(n, "%s: the English has %d entries; give %d, in the same order", where(path), v.Len(), v.Len())
			return
		}
		for i, c := range n.Content {
			a.value(v.Index(i), c, join(path, strconv.Itoa(i)))
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		a.fail(n, "%s: give a mapping from each item's id to its texts", where(path))
		return
	}
	byKey := map[string]int{}
	keys := make([]string, 0, v.Len())
	for i := range v.Len() {
		k := itemKey(v.Index(i), i)
		byKey[k] = i
		keys = append(keys, k)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		idx, ok := byKey[k.Value]
		if !ok {
			a.gone(k, "%s: no item with id %q%s", where(path), k.Value, suggest.Hint(k.Value, keys))
			continue
		}
		a.value(v.Index(idx), val, join(path, k.Value))
	}
}

func (a *applier) mapValue(v reflect.Value, n *yaml.Node, path string) {
	if v.Type().Key().Kind() != reflect.String || !hasText(v.Type().Elem()) {
		a.fail(n, "%s holds no text to translate", where(path))
		return
	}
	if n.Kind != yaml.MappingNode {
		a.fail(n, "%s: give a mapping by the English keys", where(path))
		return
	}
	keys := sortedKeys(v)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !slices.Contains(keys, k.Value) {
			a.gone(k, "%s: no key %q in the English%s", where(path), k.Value, suggest.Hint(k.Value, keys))
			continue
		}
		key := reflect.ValueOf(k.Value).Convert(v.Type().Key())
		// Map values cannot be set in place: change a copy, put it back.
		elem := reflect.New(v.Type().Elem()).Elem()
		elem.Set(v.MapIndex(key))
		a.value(elem, val, join(path, k.Value))
		v.SetMapIndex(key, elem)
	}
}

// text replaces a text field: a string with a string, a list of strings
// with a list of the same length, a map with the same keys.
func (a *applier) text(v reflect.Value, n *yaml.Node, path string) {
	// A map is judged key by key (each text below checks itself); a
	// string or a list as a whole, since a list that changed length no
	// longer lines up with its translation.
	if v.Kind() != reflect.Map && a.changed(path, v) {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			a.fail(n, "%s: give the text as a string", path)
			return
		}
		s := strings.TrimSpace(n.Value)
		if s == "" {
			a.fail(n, "%s is empty: give its text", path)
			return
		}
		if v.String() == "" {
			a.fail(n, "%s: the English has no text here to translate", path)
			return
		}
		if want, got := placeholders(v.String()), placeholders(s); !slices.Equal(want, got) {
			a.fail(n, "%s uses placeholders %s; the English uses %s: use the same ones", path, show(got), show(want))
			return
		}
		if strings.HasSuffix(v.String(), "\n") && !strings.HasSuffix(s, "\n") {
			s += "\n"
		}
		v.SetString(s)
		a.set[path] = true
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			a.fail(n, "%s: give a list of %d texts, in the English order", path, v.Len())
			return
		}
		if len(n.Content) != v.Len() {
			a.fail(n, "%s: the English has %d texts; give %d, in the same order", path, v.Len(), v.Len())
			return
		}
		// Copy before changing: the slice may be shared with the English.
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		for i, c := range n.Content {
			a.text(cp.Index(i), c, join(path, strconv.Itoa(i)))
		}
		v.Set(cp)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			a.fail(n, "%s: give a mapping by the English keys", path)
			return
		}
		keys := sortedKeys(v)
		cp := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range keys {
			kv := reflect.ValueOf(k).Convert(v.Type().Key())
			cp.SetMapIndex(kv, v.MapIndex(kv))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if !slices.Contains(keys, k.Value) {
				a.gone(k, "%s: no key %q in the English%s", path, k.Value, suggest.Hint(k.Value, keys))
				continue
			}
			kv := reflect.ValueOf(k.Value).Convert(v.Type().Key())
			elem := reflect.New(v.Type().Elem()).Elem()
			elem.Set(cp.MapIndex(kv))
			a.text(elem, val, join(path, k.Value))
			cp.SetMapIndex(kv, elem)
		}
		v.Set(cp)
	default:
		a.fail(n, "%s holds no text to translate", path)
	}
}

var placeholderRe = regexp.MustCompile(`\{[a-z][a-z0-9_]*\}`)

// placeholders lists the {size words} a text uses, sorted, each once.
func placeholders(s string) []string {
	ps := placeholderRe.FindAllString(s, -1)
	sort.Strings(ps)
	return slices.Compact(ps)
}

func show(ps []string) string {
	if len(ps) == 0 {
		return "none"
	}
	return strings.Join(ps, ", ")
}

// fieldName is a field's YAML name, and whether it is inlined. Fields
// that YAML skips, and unexported ones, have no name.
func fieldName(sf reflect.StructField) (string, bool) {
	if !sf.IsExported() {
		return "", false
	}
	tag := sf.Tag.Get("yaml")
	name, opts, _ := strings.Cut(tag, ",")
	if name == "-" {
		return "", false
	}
	if strings.Contains(opts, "inline") {
		return "", true
	}
	if name == "" {
		name = strings.ToLower(sf.Name)
	}
	return name, false
}

// keyField is the index of the field that keys a list's items: the one
// tagged l10n:"key", or ID; -1 when items go by position.
func keyField(t reflect.Type) int {
	id := -1
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Tag.Get("l10n") == "key" {
			return i
		}
		if sf.Name == "ID" && sf.Type.Kind() == reflect.String {
			id = i
		}
	}
	return id
}

// itemKey is how a list item is named in a path and a translation file.
func itemKey(v reflect.Value, i int) string {
	if k := keyField(v.Type()); k >= 0 {
		return v.Field(k).String()
	}
	return strconv.Itoa(i)
}

// fileOf is the English file a struct was read from, when it records
// its position (strictyaml.Pos).
func fileOf(v reflect.Value) string {
	if f := v.FieldByName("Pos"); f.IsValid() && f.Type() == reflect.TypeOf(strictyaml.Pos{}) {
		return f.Interface().(strictyaml.Pos).File
	}
	return ""
}

func sortedKeys(v reflect.Value) []string {
	keys := make([]string, 0, v.Len())
	for _, k := range v.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	return keys
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func where(path string) string {
	if path == "" {
		return "the file"
	}
	return path
}

// Missing lists the texts of v whose path is not in set: those a
// translation left in English.
func Missing(v any, set map[string]bool) []Text {
	var out []Text
	for _, t := range Texts(v) {
		if !set[t.Path] {
			out = append(out, t)
		}
	}
	return out
}
