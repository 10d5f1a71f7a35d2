package catalog

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
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

// BuiltinFS returns the embedded catalog files.
func BuiltinFS() fs.FS { return builtinFS }

var (
	builtinOnce sync.Once
	builtinCat  *Catalog
	builtinErr  error
)

// Builtin returns the catalog compiled into the binary. It is loaded and
// validated once per process.
func Builtin() (*Catalog, error) {
	builtinOnce.Do(func() {
		builtinCat, builtinErr = loadBuiltin()
	})
	return builtinCat, builtinErr
}

// Catalog is the merged, validated content of all catalog files.
type Catalog struct {
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
	CareerPath       []CareerStep     `yaml:"career_path"`
	Outlooks         []Outlook        `yaml:"outlooks"`
	Sources          []Source         `yaml:"sources"`
	Settings         Settings         `yaml:"settings"`
	// Files lists the files the catalog was read from, in order.
	Files []string `yaml:"-"`
	// layers are the folders the catalog was read from; nil for the
	// built-in catalog (see In).
	layers []Layer
	// langs holds the catalog's translations, made once each (see In).
	langs *l10n.Cache[*Catalog]
	// layerSeen tracks ids within the layer being loaded.
	layerSeen map[string]Pos

	roles      map[string]int // id and aliases to index
	stages     map[string]int
	archetypes map[string]int
	areas      map[string]int
}

// Layer is one folder of catalog files. When several layers are loaded, an
// item in a later layer replaces the item with the same id in an earlier
// one, a new id adds to the catalog, and a `disable:` list removes items.
type Layer struct {
	FS  fs.FS
	Dir string
	// Prefix is put before file names in error messages ("catalog/").
	Prefix string
}

// BuiltinLayer is the embedded catalog as a layer.
func BuiltinLayer() Layer { return Layer{FS: builtinFS, Dir: ".", Prefix: "catalog/"} }

// LoadFS reads every *.yaml file in dir of fsys, in name order, and returns
// the validated catalog.
func LoadFS(fsys fs.FS, dir, prefix string) (*Catalog, error) {
	return Load(Layer{FS: fsys, Dir: dir, Prefix: prefix})
}

// LoadWithOverlay loads the built-in catalog with the user's catalog folder
// on top of it (see Layer).
func LoadWithOverlay(dir string) (*Catalog, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if err == nil {
			err = errors.New("not a folder")
		} else if pe, ok := err.(*fs.PathError); ok {
			err = pe.Err
		}
		return nil, &strictyaml.Error{File: dir, Msg: "catalog folder: " + err.Error()}
	}
	return Load(BuiltinLayer(), Layer{FS: boundedio.DirFS(dir, strictyaml.MaxBytes), Dir: ".", Prefix: strings.TrimSuffix(dir, "/") + "/"})
}

// Load reads the layers in order and returns the merged, validated catalog.
// Every problem in every file is reported, each with file:line.
func Load(layers ...Layer) (*Catalog, error) {
	c := &Catalog{}
	var errs strictyaml.List
	var disabled []disable
	for i, l := range layers {
		c.layerSeen = map[string]Pos{}
		entries, err := fs.ReadDir(l.FS, l.Dir)
		if err != nil {
			return nil, &strictyaml.Error{File: strings.TrimSuffix(l.Prefix, "/"), Msg: err.Error()}
		}
		var files []string
		for _, e := range entries {
			if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
				files = append(files, e.Name())
			}
		}
		sort.Strings(files)
		for _, name := range files {
			data, err := fs.ReadFile(l.FS, path.Join(l.Dir, name))
			if err != nil {
				return nil, &strictyaml.Error{File: l.Prefix + name, Msg: err.Error()}
			}
			d, err := c.add(l.Prefix+name, data, i > 0)
			errs = append(errs, strictyaml.Errors(err)...)
			disabled = append(disabled, d...)
			c.Files = append(c.Files, l.Prefix+name)
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	c.applyDisable(disabled, &errs)
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	if err := c.finish(); err != nil {
		return nil, err
	}
	c.layers = layers
	return c, nil
}

// disable is one id of a `disable:` list, with where it was written.
type disable struct {
	id   string
	file string
	line int
}

// add decodes one file and merges its items, recording positions. With
// override, an item whose id already exists replaces it in place.
func (c *Catalog) add(name string, data []byte, override bool) ([]disable, error) {
	var f File
	root, err := strictyaml.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	strictyaml.SetPositions(name, root, "areas", f.Areas, func(x *Area) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "responsibilities", f.Responsibilities, func(x *Responsibility) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "roles", f.Roles, func(x *Role) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "archetypes", f.Archetypes, func(x *Archetype) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "stages", f.Stages, func(x *Stage) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "skills", f.Skills, func(x *Skill) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "challenges", f.Challenges, func(x *Challenge) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "measures", f.Measures, func(x *Measure) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "bare_minimums", f.BareMinimums, func(x *BareMinimum) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "splits", f.Splits, func(x *Split) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "career_path", f.CareerPath, func(x *CareerStep) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "sources", f.Sources, func(x *Source) *Pos { return &x.Pos })
	strictyaml.SetPositions(name, root, "outlooks", f.Outlooks, func(x *Outlook) *Pos { return &x.Pos })
	for i := range f.Roles {
		rules := strictyaml.Items(f.Roles[i].Node(), "reports_to")
		for j := range f.Roles[i].ReportsTo {
			if j < len(rules) {
				f.Roles[i].ReportsTo[j].Pos = strictyaml.PosOf(name, rules[j])
			}
		}
	}
	if override {
		// Within one user layer an id may appear once: a second item with
		// the same id is a mistake, not an override.
		var errs strictyaml.List
		layerDups(c.layerSeen, &errs, "area", f.Areas, func(x Area) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "responsibility", f.Responsibilities, func(x Responsibility) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "role", f.Roles, func(x Role) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "archetype", f.Archetypes, func(x Archetype) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "stage", f.Stages, func(x Stage) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "skill", f.Skills, func(x Skill) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "challenge", f.Challenges, func(x Challenge) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "measure", f.Measures, func(x Measure) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "bare minimum", f.BareMinimums, func(x BareMinimum) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "split", f.Splits, func(x Split) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "career step", f.CareerPath, func(x CareerStep) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "source", f.Sources, func(x Source) (string, Pos) { return x.ID, x.Pos })
		layerDups(c.layerSeen, &errs, "outlook", f.Outlooks, func(x Outlook) (string, Pos) { return x.ID, x.Pos })
		if len(errs) > 0 {
			return nil, errs
		}
	}
	merge(&c.Areas, f.Areas, override, func(x Area) string { return x.ID })
	merge(&c.Responsibilities, f.Responsibilities, override, func(x Responsibility) string { return x.ID })
	merge(&c.Roles, f.Roles, override, func(x Role) string { return x.ID })
	merge(&c.Archetypes, f.Archetypes, override, func(x Archetype) string { return x.ID })
	merge(&c.Stages, f.Stages, override, func(x Stage) string { return x.ID })
	merge(&c.Skills, f.Skills, override, func(x Skill) string { return x.ID })
	merge(&c.Challenges, f.Challenges, override, func(x Challenge) string { return x.ID })
	merge(&c.Measures, f.Measures, override, func(x Measure) string { return x.ID })
	merge(&c.BareMinimums, f.BareMinimums, override, func(x BareMinimum) string { return x.ID })
	merge(&c.Splits, f.Splits, override, func(x Split) string { return x.ID })
	merge(&c.CareerPath, f.CareerPath, override, func(x CareerStep) string { return x.ID })
	merge(&c.Sources, f.Sources, override, func(x Source) string { return x.ID })
	merge(&c.Outlooks, f.Outlooks, override, func(x Outlook) string { return x.ID })
	if s := f.Settings; s != nil {
		// Only the settings a file names change: a user file that sets
		// one threshold keeps the built-in others.
		if s.MergeCTOAndVPEBelow != 0 {
			c.Settings.MergeCTOAndVPEBelow = s.MergeCTOAndVPEBelow
		}
		if s.Bullets != 0 {
			c.Settings.Bullets = s.Bullets
		}
		if s.LeadersFrom != 0 {
			c.Settings.LeadersFrom = s.LeadersFrom
		}
		if s.HeadOfEngineeringBelow != 0 {
			c.Settings.HeadOfEngineeringBelow = s.HeadOfEngineeringBelow
		}
		if s.ExecutiveBullets != 0 {
			c.Settings.ExecutiveBullets = s.ExecutiveBullets
		}
	}
	var ds []disable
	nodes := strictyaml.Items(root, "disable")
	for i, id := range f.Disable {
		d := disable{id: id, file: name}
		if i < len(nodes) {
			d.line = nodes[i].Line
		}
		ds = append(ds, d)
	}
	return ds, nil
}

func layerDups[T any](seen map[string]Pos, errs *strictyaml.List, kind string, items []T, key func(T) (string, Pos)) {
	for _, x := range items {
		id, p := key(x)
		if q, ok := seen[kind+"/"+id]; ok {
			errs.Add(p.File, p.At("id"), "%s %q is defined twice (first at %s:%d)", kind, id, q.File, q.Line)
			continue
		}
		seen[kind+"/"+id] = p
	}
}

// merge appends items to dst; with override, an item whose id is already
// in dst replaces it where it stands, so the catalog's order is kept.
func merge[T any](dst *[]T, items []T, override bool, id func(T) string) {
	if !override {
		*dst = append(*dst, items...)
		return
	}
	at := map[string]int{}
	for i, x := range *dst {
		at[id(x)] = i
	}
	for _, x := range items {
		if i, ok := at[id(x)]; ok {
			(*dst)[i] = x
			continue
		}
		at[id(x)] = len(*dst)
		*dst = append(*dst, x)
	}
}

// applyDisable removes the items named in disable lists, of any kind. An
// id that names nothing is an error, so a typo does not go unnoticed.
func (c *Catalog) applyDisable(ds []disable, errs *strictyaml.List) {
	for _, d := range ds {
		n := 0
		n += remove(&c.Areas, d.id, func(x Area) string { return x.ID })
		n += remove(&c.Responsibilities, d.id, func(x Responsibility) string { return x.ID })
		n += remove(&c.Roles, d.id, func(x Role) string { return x.ID })
		n += remove(&c.Archetypes, d.id, func(x Archetype) string { return x.ID })
		n += remove(&c.Stages, d.id, func(x Stage) string { return x.ID })
		n += remove(&c.Skills, d.id, func(x Skill) string { return x.ID })
		n += remove(&c.Challenges, d.id, func(x Challenge) string { return x.ID })
		n += remove(&c.Measures, d.id, func(x Measure) string { return x.ID })
		n += remove(&c.BareMinimums, d.id, func(x BareMinimum) string { return x.ID })
		n += remove(&c.Splits, d.id, func(x Split) string { return x.ID })
		n += remove(&c.CareerPath, d.id, func(x CareerStep) string { return x.ID })
		n += remove(&c.Outlooks, d.id, func(x Outlook) string { return x.ID })
		if n == 0 {
			hint := ""
			if near := suggest.Nearest(d.id, c.allIDs()); near != "" {
				hint = "; did you mean " + near + "?"
			}
			errs.Add(d.file, d.line, "disable: no catalog item has the id %q%s (see rungs catalog)", d.id, hint)
		}
	}
}

func remove[T any](dst *[]T, id string, idOf func(T) string) int {
	n := 0
	out := (*dst)[:0]
	for _, x := range *dst {
		if idOf(x) == id {
			n++
			continue
		}
		out = append(out, x)
	}
	*dst = out
	return n
}

// allIDs lists every item id, for suggestions.
func (c *Catalog) allIDs() []string {
	var out []string
	out = append(out, c.AreaIDs()...)
	out = append(out, ids(c.Responsibilities, func(x Responsibility) string { return x.ID })...)
	out = append(out, c.RoleIDs()...)
	out = append(out, c.ArchetypeIDs()...)
	out = append(out, c.StageIDs()...)
	out = append(out, ids(c.Skills, func(x Skill) string { return x.ID })...)
	out = append(out, ids(c.Challenges, func(x Challenge) string { return x.ID })...)
	out = append(out, ids(c.Measures, func(x Measure) string { return x.ID })...)
	out = append(out, ids(c.BareMinimums, func(x BareMinimum) string { return x.ID })...)
	out = append(out, ids(c.Splits, func(x Split) string { return x.ID })...)
	out = append(out, ids(c.CareerPath, func(x CareerStep) string { return x.ID })...)
	out = append(out, ids(c.Outlooks, func(x Outlook) string { return x.ID })...)
	return out
}

// finish orders the data, builds the indexes and validates every
// cross-reference, reporting all problems at once.
func (c *Catalog) finish() error {
	if c.langs == nil {
		c.langs = &l10n.Cache[*Catalog]{}
	}
	sort.SliceStable(c.Stages, func(i, j int) bool { return c.Stages[i].Order < c.Stages[j].Order })
	if c.Settings.MergeCTOAndVPEBelow == 0 {
		c.Settings.MergeCTOAndVPEBelow = 15
	}
	if c.Settings.Bullets == 0 {
		c.Settings.Bullets = 8
	}
	if c.Settings.LeadersFrom == 0 {
		c.Settings.LeadersFrom = 300
	}
	if c.Settings.HeadOfEngineeringBelow == 0 {
		c.Settings.HeadOfEngineeringBelow = 60
	}
	if c.Settings.ExecutiveBullets == 0 {
		c.Settings.ExecutiveBullets = 10
	}
	var errs strictyaml.List
	c.areas = strictyaml.Index(&errs, "area", c.Areas, func(a Area) (string, []string, Pos) { return a.ID, nil, a.Pos })
	c.roles = strictyaml.Index(&errs, "role", c.Roles, func(r Role) (string, []string, Pos) { return r.ID, r.Aliases, r.Pos })
	c.stages = strictyaml.Index(&errs, "stage", c.Stages, func(s Stage) (string, []string, Pos) { return s.ID, s.Aliases, s.Pos })
	c.archetypes = strictyaml.Index(&errs, "archetype", c.Archetypes, func(a Archetype) (string, []string, Pos) { return a.ID, a.Aliases, a.Pos })
	c.validate(&errs)
	return errs.Err()
}

// validate checks every reference between items.
func (c *Catalog) validate(errs *strictyaml.List) {
	sources := map[string]bool{}
	for _, s := range c.Sources {
		if sources[s.ID] {
			errs.Add(s.File, s.At("id"), "source %q is defined twice", s.ID)
		}
		sources[s.ID] = true
	}
	checkSources := func(what string, p Pos, ids []string) {
		if len(ids) == 0 {
			errs.Add(p.File, p.Line, "%s has no sources; name the source documents it comes from", what)
		}
		for _, id := range ids {
			if !sources[id] {
				errs.Add(p.File, p.At("sources"), "%s cites unknown source %q%s", what, id, suggest.Hint(id, c.SourceIDs()))
			}
		}
	}
	checkRoles := func(what string, p Pos, field string, ids []string) {
		for _, id := range ids {
			if _, ok := c.roles[id]; !ok {
				errs.Add(p.File, p.At(field), "%s: unknown role %q%s", what, id, suggest.Hint(id, c.RoleIDs()))
			}
		}
	}
	checkStages := func(what string, p Pos, field string, ids []string) {
		for _, id := range ids {
			if !slices.Contains(c.StageIDs(), id) {
				errs.Add(p.File, p.At(field), "%s: unknown stage %q%s", what, id, suggest.Hint(id, c.StageIDs()))
			}
		}
	}
	checkText := func(what string, p Pos, field, text string) {
		if strings.TrimSpace(text) == "" {
			errs.Add(p.File, p.At(field), "%s: %s is empty", what, field)
		}
		for _, m := range sizeWordRe.FindAllStringSubmatch(text, -1) {
			if !slices.Contains(SizeWords, m[1]) {
				errs.Add(p.File, p.At(field), "%s: %s has an unknown placeholder {%s}%s", what, field, m[1], suggest.Hint(m[1], SizeWords))
			}
		}
	}
	checkFit := func(what string, p Pos, f Fit) {
		if f.MinSize < 0 || f.MaxSize < 0 {
			errs.Add(p.File, p.At("min_size"), "%s: min_size and max_size must be 0 or more", what)
		}
		if f.MaxSize > 0 && f.MinSize > f.MaxSize {
			errs.Add(p.File, p.At("min_size"), "%s: min_size %d is above max_size %d", what, f.MinSize, f.MaxSize)
		}
		for _, a := range f.Archetypes {
			if !slices.Contains(c.ArchetypeIDs(), a) {
				errs.Add(p.File, p.At("archetypes"), "%s: unknown archetype %q%s", what, a, suggest.Hint(a, c.ArchetypeIDs()))
			}
		}
	}
	checkWeights := func(what string, p Pos, w Weights) {
		for _, v := range []int{w.Infrastructure, w.Product, w.Visionary, w.External} {
			if v < 0 || v > 3 {
				errs.Add(p.File, p.At("weights"), "%s: weights run from 0 to 3, got %d", what, v)
				return
			}
		}
	}
	bare := map[string]bool{}
	for _, b := range c.BareMinimums {
		what := fmt.Sprintf("bare minimum %q", b.ID)
		bare[b.ID] = true
		checkText(what, b.Pos, "text", b.Text)
		checkSources(what, b.Pos, b.Sources)
	}
	for _, a := range c.Areas {
		what := fmt.Sprintf("area %q", a.ID)
		checkText(what, a.Pos, "title", a.Title)
		checkSources(what, a.Pos, a.Sources)
	}
	seen := map[string]Pos{}
	dup := func(kind, id string, p Pos) {
		if q, ok := seen[kind+"/"+id]; ok {
			errs.Add(p.File, p.At("id"), "%s %q is defined twice (first at %s:%d)", kind, id, q.File, q.Line)
		}
		seen[kind+"/"+id] = p
		if !strictyaml.ValidID(id) {
			errs.Add(p.File, p.At("id"), "%s id %q must be kebab-case (lowercase letters, digits and single hyphens)", kind, id)
		}
	}
	for _, r := range c.Responsibilities {
		what := fmt.Sprintf("responsibility %q", r.ID)
		dup("responsibility", r.ID, r.Pos)
		if _, ok := c.areas[r.Area]; !ok {
			errs.Add(r.File, r.At("area"), "%s: unknown area %q%s", what, r.Area, suggest.Hint(r.Area, c.AreaIDs()))
		}
		if len(r.Roles) == 0 {
			errs.Add(r.File, r.Line, "%s: roles is empty; name the roles that do this", what)
		}
		checkRoles(what, r.Pos, "roles", r.Roles)
		checkStages(what, r.Pos, "stages", r.Stages)
		for _, st := range sortedKeys(r.Variants) {
			checkStages(what+" variants", r.Pos, "variants", []string{st})
		}
		if r.BareMinimum != "" && !bare[r.BareMinimum] {
			errs.Add(r.File, r.At("bare_minimum"), "%s: unknown bare minimum %q", what, r.BareMinimum)
		}
		checkWeights(what, r.Pos, r.Weights)
		checkFit(what, r.Pos, r.Fit)
		checkText(what, r.Pos, "text", r.Text)
		for _, st := range sortedKeys(r.Variants) {
			checkText(what+" variant "+st, r.Pos, "variants", r.Variants[st])
		}
		for _, role := range r.Core {
			if !slices.Contains(r.Roles, role) {
				errs.Add(r.File, r.At("core"), "%s: core role %q is not among its roles %v", what, role, r.Roles)
			}
		}
		checkSources(what, r.Pos, r.Sources)
	}
	for _, r := range c.Roles {
		what := fmt.Sprintf("role %q", r.ID)
		checkText(what, r.Pos, "title", r.Title)
		checkText(what, r.Pos, "summary", r.Summary)
		if !slices.Contains(Tracks, r.Track) {
			errs.Add(r.File, r.At("track"), "%s: unknown track %q%s", what, r.Track, suggest.Hint(r.Track, Tracks))
		}
		if r.Level < 1 {
			errs.Add(r.File, r.At("level"), "%s: level must be 1 or more, got %d", what, r.Level)
		}
		if len(r.ReportsTo) == 0 {
			errs.Add(r.File, r.Line, "%s: reports_to is empty; give at least one rule", what)
		}
		for _, rule := range r.ReportsTo {
			if (rule.Role == "") == (rule.Title == "") {
				errs.Add(rule.File, rule.Line, "%s: a reports_to rule needs exactly one of role or title", what)
			}
			if rule.Role != "" {
				checkRoles(what+" reports_to", rule.Pos, "role", []string{rule.Role})
			}
			checkStages(what+" reports_to", rule.Pos, "stages", rule.Stages)
			if rule.MaxSize != 0 && rule.MinSize > rule.MaxSize {
				errs.Add(rule.File, rule.At("min_size"), "%s: reports_to min_size %d is above max_size %d", what, rule.MinSize, rule.MaxSize)
			}
		}
		checkSources(what, r.Pos, r.Sources)
	}
	for _, a := range c.Archetypes {
		what := fmt.Sprintf("archetype %q", a.ID)
		checkText(what, a.Pos, "focus", a.Focus)
		checkStages(what, a.Pos, "typical_stages", a.TypicalStages)
		checkSources(what, a.Pos, a.Sources)
	}
	for _, s := range c.Stages {
		what := fmt.Sprintf("stage %q", s.ID)
		checkText(what, s.Pos, "title", s.Title)
		if s.DefaultSize < 1 {
			errs.Add(s.File, s.At("default_size"), "%s: default_size must be 1 or more", what)
		}
		checkSources(what, s.Pos, s.Sources)
	}
	for _, s := range c.Skills {
		what := fmt.Sprintf("skill %q", s.ID)
		dup("skill", s.ID, s.Pos)
		if s.Kind != "technical" && s.Kind != "leadership" {
			errs.Add(s.File, s.At("kind"), "%s: kind must be technical or leadership, got %q", what, s.Kind)
		}
		if len(s.Must)+len(s.Nice) == 0 {
			errs.Add(s.File, s.Line, "%s: name the roles in must or nice", what)
		}
		checkRoles(what, s.Pos, "must", s.Must)
		checkRoles(what, s.Pos, "nice", s.Nice)
		checkStages(what, s.Pos, "stages", s.Stages)
		for _, st := range sortedKeys(s.Variants) {
			checkStages(what+" variants", s.Pos, "variants", []string{st})
		}
		if s.Weights != nil {
			checkWeights(what, s.Pos, *s.Weights)
		}
		checkFit(what, s.Pos, s.Fit)
		checkText(what, s.Pos, "text", s.Text)
		for _, st := range sortedKeys(s.Variants) {
			checkText(what+" variant "+st, s.Pos, "variants", s.Variants[st])
		}
		checkSources(what, s.Pos, s.Sources)
	}
	for _, ch := range c.Challenges {
		what := fmt.Sprintf("challenge %q", ch.ID)
		dup("challenge", ch.ID, ch.Pos)
		checkRoles(what, ch.Pos, "roles", ch.Roles)
		checkStages(what, ch.Pos, "stages", ch.Stages)
		checkFit(what, ch.Pos, ch.Fit)
		checkText(what, ch.Pos, "title", ch.Title)
		checkText(what, ch.Pos, "text", ch.Text)
		checkSources(what, ch.Pos, ch.Sources)
	}
	for _, m := range c.Measures {
		what := fmt.Sprintf("measure %q", m.ID)
		dup("measure", m.ID, m.Pos)
		checkRoles(what, m.Pos, "roles", m.Roles)
		checkStages(what, m.Pos, "stages", m.Stages)
		checkFit(what, m.Pos, m.Fit)
		checkText(what, m.Pos, "text", m.Text)
		checkSources(what, m.Pos, m.Sources)
	}
	for _, o := range c.Outlooks {
		what := fmt.Sprintf("outlook %q", o.ID)
		dup("outlook", o.ID, o.Pos)
		checkRoles(what, o.Pos, "role", []string{o.Role})
		checkStages(what, o.Pos, "stages", o.Stages)
		checkFit(what, o.Pos, o.Fit)
		checkText(what, o.Pos, "first_months", o.FirstMonths)
		checkText(what, o.Pos, "first_year", o.FirstYear)
		checkSources(what, o.Pos, o.Sources)
	}
	for _, s := range c.Splits {
		what := fmt.Sprintf("split %q", s.ID)
		dup("split", s.ID, s.Pos)
		checkRoles(what, s.Pos, "left", []string{s.Left.Role})
		checkRoles(what, s.Pos, "right", []string{s.Right.Role})
		checkSources(what, s.Pos, s.Sources)
	}
	for _, st := range c.CareerPath {
		what := fmt.Sprintf("career step %q", st.ID)
		dup("career step", st.ID, st.Pos)
		checkRoles(what, st.Pos, "roles", st.Roles)
		checkSources(what, st.Pos, st.Sources)
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sizeWordRe finds {placeholder} words in catalog texts.
var sizeWordRe = regexp.MustCompile(`\{([a-z_]*)\}`)

// Tracks are the role tracks a catalog may use.
var Tracks = []string{"ic", "management", "executive"}
