package pipeline

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/lint"
	"github.com/rungs/rungs/output"
)

// Param is one parameter of a kind of document, declared once. The
// single-document commands make their flags from it, rungs batch its
// manifest keys and CSV columns, and the manifest's JSON Schema its
// properties.
type Param struct {
	// Name is the manifest key and CSV column: "role", "grow_to".
	Name string
	// Flag is the flag of rungs jd or rungs ladder: "role", "grow-to".
	Flag string
	// Usage is the flag's help text.
	Usage string
	// Doc describes the value in the manifest schema and the README.
	Doc string
	// Example is a valid value, for messages: "senior-engineer".
	Example string
	// Integer values are whole numbers (the schema's type).
	Integer bool
	// Default is the value when none is given ("" for none).
	Default string
	// Values lists the accepted values for shell completion, from the
	// built-in data; nil when the values are open.
	Values func() []string
	// Canonical returns the canonical id of a valid value (a role alias
	// becomes its id), for file names; nil keeps the value as written.
	Canonical func(env *Env, v string) string
}

// The parameters. A parameter several kinds read (track) is declared once
// and listed by each.
var (
	ParamRole = &Param{
		Name: "role", Flag: "role", Example: "cto",
		Usage: "role id or alias, such as cto, vpe, senior-engineer (see: rungs catalog roles)",
		Doc:   "The role of a job description, such as cto or vpe (see rungs catalog roles).",
		Values: func() []string {
			c, err := catalog.Builtin()
			if err != nil {
				return nil
			}
			return c.RoleIDs()
		},
		Canonical: func(env *Env, v string) string {
			if r, err := env.Cat.Role(v); err == nil {
				return r.ID
			}
			return v
		},
	}
	ParamTrack = &Param{
		Name: "track", Flag: "track", Example: "ic", Default: "all",
		Usage:  "track to print: ic, management or all",
		Doc:    "The track of a ladder or growth plan: ic, management or all (the default).",
		Values: func() []string { return generator.LadderTracks },
	}
	ParamFrom = &Param{
		Name: "from", Flag: "from", Example: "senior-engineer",
		Usage:  "promotion guide: the level to start from, such as senior-engineer",
		Doc:    "The level a promotion guide starts from, such as senior-engineer or L2.",
		Values: levelNames,
	}
	ParamTo = &Param{
		Name: "to", Flag: "to", Example: "staff-engineer",
		Usage:  "promotion guide: the level to reach, such as staff-engineer",
		Doc:    "The level a promotion guide reaches, such as staff-engineer or L3.",
		Values: levelNames,
	}
	ParamLevel = &Param{
		Name: "level", Flag: "level", Example: "staff-engineer",
		Usage:  "print one level's card, such as staff-engineer or L3",
		Doc:    "The level of a level card, such as staff-engineer or L3.",
		Values: levelNames,
	}
	ParamGrowTo = &Param{
		Name: "grow_to", Flag: "grow-to", Example: "120", Integer: true,
		Usage: "growth plan: the engineering headcount to grow to, above --size",
		Doc:   "The engineering headcount a growth plan grows to, above the current size.",
	}
)

func levelNames() []string {
	l, err := ladders.Builtin()
	if err != nil {
		return nil
	}
	return l.LevelNames()
}

// Params are the values of a request's parameters, by Param.Name. A kind
// reads only the ones it declares.
type Params map[string]string

// Get returns a parameter's value, "" when not given.
func (p Params) Get(name string) string { return p[name] }

// Kind describes one kind of document.
type Kind struct {
	Name string
	// Doc names the kind in help texts and the schema; Plural names
	// documents of the kind in messages.
	Doc, Plural string
	// Params are the parameters the kind reads; Requires those it cannot
	// do without. Batch inputs use them to reject a role given to a ladder.
	Params   []*Param
	Requires []string
	// Template is the Markdown template the view model is rendered with.
	Template string
	// Subject names the kind in the metadata of PDF, HTML and Word files.
	Subject string
	// Check validates the parameters against the data without building
	// anything, so a whole batch can be validated cheaply before writing.
	// A bad parameter is a *ParamError.
	Check func(env *Env, p Params) error
	// CheckProfile, when set, validates the parameters against the
	// resolved profile (a growth target above the current size).
	CheckProfile func(env *Env, prof profile.Profile, p Params) error
	// Build makes the view model.
	Build func(env *Env, prof profile.Profile, p Params) (View, error)
	// Stem is the document part of the default file name, from canonical
	// ids: "cto", "ladder", "senior-engineer-to-staff-engineer". The
	// company's slug goes in front (output.FileName).
	Stem func(env *Env, prof profile.Profile, p Params) string
	// Posting kinds are job postings: they are linted, and their
	// pay-transparency gaps are warnings (errors with Strict). It returns
	// the lint options for the built view.
	Posting func(prof profile.Profile, v View) lint.Options
}

// Uses reports whether the kind reads the parameter name.
func (k *Kind) Uses(name string) bool {
	return slices.ContainsFunc(k.Params, func(p *Param) bool { return p.Name == name })
}

// Kinds are the kinds of document, in the order help texts list them.
// Add a kind here: its parameters, checks, builder, template and file
// name; every command and the schema follow.
var Kinds = []Kind{
	{
		Name:     "jd",
		Plural:   "job descriptions",
		Doc:      "a job description",
		Params:   []*Param{ParamRole},
		Requires: []string{"role"},
		Template: "jd.md.tmpl",
		Subject:  "Job description",
		Check: func(env *Env, p Params) error {
			if _, err := env.Cat.Role(p.Get("role")); err != nil {
				return &ParamError{"role", err}
			}
			return nil
		},
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			jd, err := generator.JD(env.Cat, prof, p.Get("role"))
			if err != nil {
				return View{}, err
			}
			// The ladder says when a role that is a rung is rarely a
			// separate job (one truth with rungs ladder).
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			if w := generator.RungWarning(lad, prof, jd.Role); w != "" {
				jd.Warnings = append(jd.Warnings, w)
			}
			v := viewOf(jd, jd.Warnings, prof)
			v.Draft = draftKeys(jd)
			return v, nil
		},
		Stem: func(env *Env, _ profile.Profile, p Params) string {
			r, err := env.Cat.Role(p.Get("role"))
			if err != nil {
				return output.Slug(p.Get("role"))
			}
			return r.ID
		},
		Posting: func(prof profile.Profile, v View) lint.Options {
			jd, _ := v.Model.(*generator.JobDescription)
			return lint.Options{Executive: jd != nil && jd.Executive, Date: prof.Date, Employees: prof.Company.Employees, Lang: lang(prof)}
		},
	},
	{
		// The whole career ladder, or one track, as rungs ladder prints it.
		Name:     "ladder",
		Plural:   "career ladders",
		Doc:      "the career ladder",
		Params:   []*Param{ParamTrack},
		Template: "ladder.md.tmpl",
		Subject:  "Career ladder",
		Check:    checkTrack,
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			track, _ := generator.ResolveTrack(lad, p.Get("track"))
			l, err := generator.CareerLadder(lad, prof, track)
			if err != nil {
				return View{}, err
			}
			return viewOf(l, l.Warnings, prof), nil
		},
		Stem: func(env *Env, _ profile.Profile, p Params) string {
			if t := trackOf(env, p); t != "all" {
				return "ladder-" + t
			}
			return "ladder"
		},
	},
	{
		// A promotion guide between two levels, as rungs ladder --from
		// --to prints it.
		Name:     "promotion",
		Plural:   "promotion guides",
		Doc:      "a promotion guide between two levels",
		Params:   []*Param{ParamFrom, ParamTo},
		Requires: []string{"from", "to"},
		Template: "ladder-promotion.md.tmpl",
		Subject:  "Promotion guide",
		Check: func(env *Env, p Params) error {
			lad, err := env.ladder()
			if err != nil {
				return err
			}
			from, err := generator.FindLevel(lad, p.Get("from"))
			if err != nil {
				return &ParamError{"from", err}
			}
			to, err := generator.FindLevel(lad, p.Get("to"))
			if err != nil {
				return &ParamError{"to", err}
			}
			if _, err := generator.PromotionPath(lad, from, to); err != nil {
				return &ParamError{"to", err}
			}
			return nil
		},
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			g, err := generator.Promotion(lad, prof, p.Get("from"), p.Get("to"))
			if err != nil {
				return View{}, err
			}
			return viewOf(g, g.Warnings, prof), nil
		},
		Stem: func(env *Env, _ profile.Profile, p Params) string {
			// As rungs ladder names it: promotion-<from>-to-<to>, by id.
			return "promotion-" + levelID(env, p.Get("from")) + "-to-" + levelID(env, p.Get("to"))
		},
	},
	{
		// One level's card, as rungs ladder --level prints it.
		Name:     "level",
		Plural:   "level cards",
		Doc:      "one level's card",
		Params:   []*Param{ParamLevel},
		Requires: []string{"level"},
		Template: "ladder-level.md.tmpl",
		Subject:  "Level card",
		Check: func(env *Env, p Params) error {
			lad, err := env.ladder()
			if err != nil {
				return err
			}
			if _, err := generator.FindLevel(lad, p.Get("level")); err != nil {
				return &ParamError{"level", err}
			}
			return nil
		},
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			c, err := generator.Card(lad, prof, p.Get("level"))
			if err != nil {
				return View{}, err
			}
			return viewOf(c, c.Warnings, prof), nil
		},
		Stem: func(env *Env, _ profile.Profile, p Params) string {
			return "level-" + levelID(env, p.Get("level"))
		},
	},
	{
		// How the ladder changes as the team grows, as rungs ladder
		// --grow-to prints it.
		Name:     "growth",
		Plural:   "growth plans",
		Doc:      "a growth plan: how the ladder changes as the team grows",
		Params:   []*Param{ParamGrowTo, ParamTrack},
		Requires: []string{"grow_to"},
		Template: "ladder-growth.md.tmpl",
		Subject:  "Growth plan",
		Check: func(env *Env, p Params) error {
			if _, err := profile.ParseSize(p.Get("grow_to")); err != nil {
				return &ParamError{"grow_to", err}
			}
			return checkTrack(env, p)
		},
		CheckProfile: func(env *Env, prof profile.Profile, p Params) error {
			n, err := profile.ParseSize(p.Get("grow_to"))
			if err != nil {
				return &ParamError{"grow_to", err}
			}
			if n <= prof.Size {
				return &ParamError{"grow_to", &GrowError{To: n, Size: prof.Size}}
			}
			return nil
		},
		Build: func(env *Env, prof profile.Profile, p Params) (View, error) {
			lad, err := env.ladder()
			if err != nil {
				return View{}, err
			}
			n, err := profile.ParseSize(p.Get("grow_to"))
			if err != nil {
				return View{}, &ParamError{"grow_to", err}
			}
			track, _ := generator.ResolveTrack(lad, p.Get("track"))
			g, err := generator.GrowthTo(lad, prof, track, n, growStage(env, prof, n))
			if err != nil {
				return View{}, err
			}
			return viewOf(g, g.Warnings, prof), nil
		},
		Stem: func(env *Env, prof profile.Profile, p Params) string {
			n, _ := profile.ParseSize(p.Get("grow_to"))
			s := fmt.Sprintf("ladder-growth-%d-to-%d", prof.Size, n)
			if t := trackOf(env, p); t != "all" {
				s += "-" + t
			}
			return s
		},
	},
}

// GrowError is a growth target that is not above the current headcount.
type GrowError struct{ To, Size int }

func (e *GrowError) Error() string {
	return fmt.Sprintf("%d is not above the current headcount of %d; give a larger size, for example %d", e.To, e.Size, e.Suggest())
}

// Suggest is a target that would do: twice the size.
func (e *GrowError) Suggest() int { return max(e.Size*2, e.Size+1) }

func checkTrack(env *Env, p Params) error {
	lad, err := env.ladder()
	if err != nil {
		return err
	}
	if _, err := generator.ResolveTrack(lad, p.Get("track")); err != nil {
		return &ParamError{"track", err}
	}
	return nil
}

// trackOf is the canonical track of the parameters: ic, management or all.
func trackOf(env *Env, p Params) string {
	lad, err := env.ladder()
	if err != nil {
		return "all"
	}
	t, err := generator.ResolveTrack(lad, p.Get("track"))
	if err != nil {
		return output.Slug(p.Get("track"))
	}
	return t
}

// levelID is the id of a level named by id, code or title; the slug of
// the name when the ladder does not know it.
func levelID(env *Env, name string) string {
	if lad, err := env.ladder(); err == nil {
		if l, err := generator.FindLevel(lad, name); err == nil {
			return l.ID
		}
	}
	return output.Slug(name)
}

// draftKeys names the company.yaml keys that fill each placeholder of a
// draft posting (generator.Placeholders), in the posting's order.
func draftKeys(jd *generator.JobDescription) []string {
	keys := make([]string, len(jd.Placeholders))
	for i, ph := range jd.Placeholders {
		keys[i] = placeholderKeys[ph]
		if strings.Contains(keys[i], "%s") {
			keys[i] = fmt.Sprintf(keys[i], jd.Role)
		}
	}
	return keys
}

var placeholderKeys = map[string]string{
	"about":             "industry or mission",
	"location":          "locations or work_model",
	"pay":               "compensation.%s",
	"team":              "team",
	"stack":             "stack",
	"interview_process": "interview_process",
	"apply":             "apply.url or apply.email",
}

// AllParams lists every kind's parameters once, in the order of Kinds.
func AllParams() []*Param {
	var out []*Param
	for i := range Kinds {
		for _, p := range Kinds[i].Params {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// ParamByName finds a parameter by its name (manifest key).
func ParamByName(name string) (*Param, bool) {
	for _, p := range AllParams() {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

// ParamsOf lists the parameters of the named kinds once, in order: the
// flags of a command that makes those kinds.
func ParamsOf(kinds ...string) []*Param {
	var out []*Param
	for _, name := range kinds {
		k, err := LookupKind(name)
		if err != nil {
			continue
		}
		for _, p := range k.Params {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// Normalize fills the defaults of the kind's parameters and drops values
// of parameters it does not read.
func (k *Kind) Normalize(p Params) Params {
	out := Params{}
	for _, d := range k.Params {
		v := strings.TrimSpace(p[d.Name])
		if v == "" {
			v = d.Default
		}
		if v != "" {
			out[d.Name] = v
		}
	}
	return out
}

// Missing returns the first required parameter with no value, or nil.
func (k *Kind) Missing(p Params) *Param {
	for _, name := range k.Requires {
		if p.Get(name) == "" {
			d, _ := ParamByName(name)
			return d
		}
	}
	return nil
}

// FormatsFor lists the formats that exist for at least one of the kinds,
// in the order of Formats: what a command making those kinds accepts (the
// site, for the ladder and growth plan only, among rungs ladder's). Render
// refuses a format the chosen kind does not have.
func FormatsFor(kinds ...string) []string {
	var out []string
	for _, f := range Formats {
		ok := f.Kinds == nil
		for _, k := range kinds {
			ok = ok || slices.Contains(f.Kinds, k)
		}
		if ok {
			out = append(out, f.Name)
		}
	}
	return out
}

// Value is the canonical form of a value of the parameter, for batch name
// patterns; the value as written when there is none.
func (d *Param) Value(env *Env, v string) string {
	if d.Canonical != nil && v != "" {
		return d.Canonical(env, v)
	}
	return v
}

// IsParamError reports whether err is a bad parameter, and which.
func IsParamError(err error) (*ParamError, bool) {
	var pe *ParamError
	ok := errors.As(err, &pe)
	return pe, ok
}

// growStage is the stage whose weights a growth plan's target ladder
// uses: the stage the target size suggests when the company's stage was
// inferred from its size, else the stage it chose.
func growStage(env *Env, prof profile.Profile, to int) catalog.Stage {
	if !prof.StageInferred || env == nil || env.Cat == nil {
		return prof.Stage
	}
	return profile.StageForSize(env.Cat, to)
}
