package batch

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/tmplcheck"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/templates"
)

// Job is a validated entry: what to render and the file names to write.
type Job struct {
	Index int
	// Source is where the entry was written: "roles.csv:7".
	Source string
	// Where names the entry in a manifest ("documents[3]"); "" for CSV.
	Where string
	// Name is the file name without extension.
	Name    string
	Request pipeline.Request
	// Files are the output file names, one per format, in format order.
	Files []string
	// Env is the catalog and ladder to build from.
	Env *pipeline.Env
}

// Resolver turns entries into jobs: it checks every field against the
// catalog, reads each company file once, and names the output files. It
// keeps the parsed company files; it is not safe for concurrent use.
type Resolver struct {
	Cat *catalog.Catalog
	// Ladder is the ladder of ladders and promotion guides; nil means the
	// built-in one.
	Ladder *ladders.Ladder
	// SourceDateEpoch is the environment's SOURCE_DATE_EPOCH.
	SourceDateEpoch string
	// Custom names the user's catalog overlay, ladder and templates for
	// every entry (the flags); a company file's catalog, ladder and
	// templates keys apply to its entries otherwise.
	Custom Custom
	// Lint keeps each posting's lint report; Strict fails a posting that
	// lacks what the pay-transparency law of its location requires.
	Lint, Strict bool

	companies map[string]*companyResult
	overlays  map[string]*overlay
}

// Custom are paths to the user's own data, as the flags --catalog,
// --ladder and --templates give them.
type Custom struct {
	Catalog, Ladder, Templates string
}

// overlay is a loaded catalog, ladder or template set, or why it failed.
type overlay struct {
	v    any
	errs Problems
}

type companyResult struct {
	c    *profile.Company
	errs Problems
}

// Resolve validates an entry. It returns the job, or every problem found.
func (r *Resolver) Resolve(e *Entry) (*Job, Problems) {
	var probs Problems
	probs = append(probs, e.problems...)
	val := func(f Field) string { return e.Values[f].S }

	// The company comes first: it may name its own catalog, ladder and
	// templates, which every other check reads.
	company, cprobs := r.company(e)
	probs = append(probs, cprobs...)
	env, set, oprobs := r.custom(company)
	probs = append(probs, oprobs...)
	if env == nil {
		return nil, e.named(probs, "")
	}

	kindName := val(FKind)
	if kindName == "" {
		kindName = pipeline.DefaultKind
	}
	kind, err := pipeline.LookupKind(kindName)
	if err != nil {
		probs = append(probs, e.problem(FKind, err.Error()))
	}

	format := val(FFormat)
	if format == "" {
		format = pipeline.DefaultFormat
	}
	formats, err := pipeline.ParseFormats(format)
	if err != nil {
		probs = append(probs, e.problem(FFormat, err.Error()))
	}
	if kind != nil && formats != nil {
		if err := pipeline.CheckFormats(kind.Name, formats); err != nil {
			probs = append(probs, e.problem(FFormat, err.Error()))
		}
	}
	paper, err := pipeline.ParsePaper(val(FPaper))
	if err != nil {
		probs = append(probs, e.problem(FPaper, err.Error()))
	}

	params := pipeline.Params{}
	if kind != nil {
		for _, f := range Fields() {
			d := f.Info().Param
			if d == nil {
				continue
			}
			v := e.Values[f]
			if !kind.Uses(d.Name) {
				// A value the kind does not read is an error when the
				// entry gives it; an inherited one (a default role under
				// a ladder) is ignored.
				if v.Origin == FromEntry || v.Origin == FromMatrix {
					probs = append(probs, e.problem(f, fmt.Sprintf("kind %s does not use %s; remove it", kind.Name, d.Name)))
				}
				continue
			}
			params[d.Name] = v.S
		}
		params = kind.Normalize(params)
		if d := kind.Missing(params); d != nil {
			f, _ := fieldByName(d.Name)
			probs = append(probs, e.problem(f, fmt.Sprintf("required for kind %s; %s", kind.Name, hint(env, f))))
		} else if err := kind.Check(env, params); err != nil {
			probs = append(probs, r.paramProblem(e, err))
		}
	}

	// Check stage, size and archetype one by one, so an entry with two
	// bad values hears of both; profile.Resolve stops at the first.
	if s := val(FStage); s != "" {
		if _, err := env.Cat.Stage(s); err != nil {
			probs = append(probs, e.problem(FStage, err.Error()))
		}
	}
	if s := val(FSize); s != "" {
		if _, err := profile.ParseSize(s); err != nil {
			probs = append(probs, e.problem(FSize, err.Error()))
		}
	}
	if s := val(FArchetype); s != "" {
		if _, err := env.Cat.Archetype(s); err != nil {
			probs = append(probs, e.problem(FArchetype, err.Error()))
		}
	}
	if len(probs) > 0 {
		return nil, e.named(probs, "")
	}

	if len(e.Company) > 0 {
		role := ""
		if kind != nil && kind.Uses("role") {
			role = params.Get("role")
		}
		c, ps := rowCompany(e, company, env.Cat, role)
		if len(ps) > 0 {
			return nil, e.named(ps, "")
		}
		company = c
	}
	in := profile.Input{
		Stage: val(FStage), Size: val(FSize), Archetype: val(FArchetype),
		Company: company, SourceDateEpoch: r.SourceDateEpoch, Lang: val(FLang),
	}
	lang, err := profile.Lang(in)
	if err != nil {
		var fe *profile.FlagError
		errors.As(err, &fe)
		return nil, e.named(Problems{e.problem(FLang, fe.Err.Error())}, "")
	}
	if env, set, err = pipeline.Localize(env, set, lang); err != nil {
		return nil, Problems{{Raw: true, Msg: err.Error(), Key: err.Error()}}
	}
	prof, err := profile.Resolve(env.Cat, in)
	if err != nil {
		// Field values were checked above, so what is left comes from the
		// company file (its stage, say) or the environment: the same
		// message for every entry, reported once.
		var fe *profile.FlagError
		if errors.As(err, &fe) {
			f, _ := fieldByName(fe.Flag)
			return nil, e.named(Problems{e.problem(f, fe.Err.Error())}, "")
		}
		return nil, Problems{{Raw: true, Msg: err.Error(), Key: err.Error()}}
	}

	if kind.CheckProfile != nil {
		if err := kind.CheckProfile(env, prof, params); err != nil {
			return nil, e.named(Problems{r.paramProblem(e, err)}, "")
		}
	}

	req := pipeline.Request{Kind: kind.Name, Profile: prof, Params: params, Formats: formats, Paper: paper, Templates: set,
		Lint: r.Lint, Strict: r.Strict, CSV: e.CSV}
	name, p := r.name(e, env, kind, &req)
	if p != nil {
		return nil, e.named(Problems{p}, "")
	}
	req.LintName = name + ".md"
	job := &Job{Index: e.Index, Source: e.File + ":" + strconv.Itoa(e.Line), Where: e.Where, Name: name, Request: req, Env: env}
	for _, f := range formats {
		fm, _ := pipeline.LookupFormat(f)
		if fm.Site {
			// A site is a folder: acme-ladder-site/.
			job.Files = append(job.Files, name+"-"+fm.Name)
			continue
		}
		job.Files = append(job.Files, name+"."+fm.Ext)
	}
	return job, nil
}

// hint tells what a required field accepts.
func hint(env *pipeline.Env, f Field) string {
	if f.Info().Param == pipeline.ParamRole {
		return "valid: " + strings.Join(env.Cat.RoleIDs(), ", ")
	}
	return "for example " + example(f)
}

// paramProblem turns a kind's check error into a problem of the field at
// fault.
func (r *Resolver) paramProblem(e *Entry, err error) *Problem {
	if pe, ok := pipeline.IsParamError(err); ok {
		if f, ok := fieldByName(pe.Param); ok {
			return e.problem(f, pe.Err.Error())
		}
	}
	return e.problem(FKind, err.Error())
}

var placeholderRe = regexp.MustCompile(`\{([^{}]*)\}`)

// placeholders are the names a name pattern may use, for messages: every
// field but company, format and name, and {company}, the company's slug.
func placeholders() []string {
	var out []string
	for _, f := range Fields() {
		switch f {
		case FFormat, FName:
			continue
		}
		out = append(out, "{"+f.String()+"}")
	}
	return out
}

// name is the entry's file name without extension: its name (a pattern
// such as "{company}-{role}-{stage}", slugged), or the kind's default name
// plus the matrix dimensions that vary.
func (r *Resolver) name(e *Entry, env *pipeline.Env, kind *pipeline.Kind, req *pipeline.Request) (string, *Problem) {
	prof := req.Profile
	values := map[string]string{
		"kind":      kind.Name,
		"stage":     prof.Stage.ID,
		"size":      strconv.Itoa(prof.Size),
		"archetype": prof.Archetype.ID,
		"company":   output.NameSlug(prof.Company.Name),
		"paper":     req.Paper,
	}
	for _, d := range pipeline.AllParams() {
		values[d.Name] = d.Value(env, req.Params.Get(d.Name))
	}
	if raw := e.Values[FName].S; raw != "" {
		// Refuse rather than slug a path: someone who wrote "../x" or
		// "/tmp/x" meant a place outside the output folder.
		if strings.ContainsAny(raw, `/\`) || strings.Contains(raw, "..") {
			return "", e.problem(FName, fmt.Sprintf("%q would leave the output folder; a name is a plain file name without folders, such as backend-lead", raw))
		}
		var bad string
		expanded := placeholderRe.ReplaceAllStringFunc(raw, func(m string) string {
			key := strings.ToLower(strings.TrimSpace(m[1 : len(m)-1]))
			v, ok := values[key]
			if !ok && bad == "" {
				bad = m
			}
			return v
		})
		if bad != "" {
			return "", e.problem(FName, fmt.Sprintf("unknown placeholder %s; valid: %s", bad, strings.Join(placeholders(), ", ")))
		}
		s := output.Slug(expanded)
		if s == "" {
			return "", e.problem(FName, fmt.Sprintf("%q has no letter or digit to name a file with, such as backend-lead", raw))
		}
		return s, nil
	}
	stem := pipeline.Stem(env, kind, prof, req.Params)
	for _, f := range e.Vary {
		if f == FName || f == FFormat || kind.Uses(f.String()) {
			continue // already in the stem
		}
		var part string
		if f == FCompany {
			if values["company"] != "" {
				continue // the company's slug starts the stem
			}
			part = output.Slug(strings.TrimSuffix(filepath.Base(e.Values[f].S), filepath.Ext(e.Values[f].S)))
		} else {
			part = output.Slug(values[f.String()])
		}
		if part != "" {
			stem += "-" + part
		}
	}
	return stem, nil
}

// custom returns the catalog, ladder and templates for an entry of
// company c: the flags' (Custom), else the company file's keys (relative
// to the company file), else the built-in ones. Each is loaded once. On a
// problem the env is nil.
func (r *Resolver) custom(c *profile.Company) (*pipeline.Env, *templates.Set, Problems) {
	pick := func(flag string, key func(*profile.Company) string) string {
		if flag != "" || c == nil {
			return flag
		}
		return c.ResolvePath(key(c))
	}
	env := &pipeline.Env{Cat: r.Cat, Ladder: r.Ladder}
	var set *templates.Set
	var probs Problems
	if dir := pick(r.Custom.Catalog, func(c *profile.Company) string { return c.Catalog }); dir != "" {
		v, ps := r.load("catalog", dir, func() (any, error) { return catalog.LoadWithOverlay(dir) })
		if v != nil {
			env.Cat = v.(*catalog.Catalog)
		}
		probs = append(probs, ps...)
	}
	if path := pick(r.Custom.Ladder, func(c *profile.Company) string { return c.Ladder }); path != "" {
		v, ps := r.load("ladder", path, func() (any, error) { return ladders.LoadPath(path) })
		if v != nil {
			env.Ladder = v.(*ladders.Ladder)
		}
		probs = append(probs, ps...)
	}
	if dir := pick(r.Custom.Templates, func(c *profile.Company) string { return c.Templates }); dir != "" {
		v, ps := r.load("templates", dir, func() (any, error) {
			if err := tmplcheck.Dir(dir); err != nil {
				return nil, err
			}
			return templates.LoadWithOverlay(dir)
		})
		if v != nil {
			set = v.(*templates.Set)
		}
		probs = append(probs, ps...)
	}
	if len(probs) > 0 {
		return nil, nil, probs
	}
	return env, set, nil
}

// load loads a catalog, ladder or template set once per path; its errors
// are reported once.
func (r *Resolver) load(what, path string, f func() (any, error)) (any, Problems) {
	if r.overlays == nil {
		r.overlays = map[string]*overlay{}
	}
	key := what + " " + filepath.Clean(path)
	if o, ok := r.overlays[key]; ok {
		return o.v, o.errs
	}
	o := &overlay{}
	r.overlays[key] = o
	v, err := f()
	if err != nil {
		for i, se := range strictyaml.Errors(err) {
			msg := se.Error()
			if se.File == "" {
				msg = what + " " + path + ": " + msg
			}
			o.errs = append(o.errs, &Problem{Raw: true, Msg: msg, Key: fmt.Sprintf("%s #%d", key, i)})
		}
		return nil, o.errs
	}
	o.v = v
	return v, nil
}

// company returns the entry's company, reading and parsing each file (or
// inline mapping) once. A broken company file is reported once, however
// many entries use it.
func (r *Resolver) company(e *Entry) (*profile.Company, Problems) {
	v := e.Values[FCompany]
	if !v.Set() {
		return nil, nil
	}
	if r.companies == nil {
		r.companies = map[string]*companyResult{}
	}
	var key, path string
	if v.Node != nil {
		key = fmt.Sprintf("inline %s:%d", e.File, v.Line)
	} else {
		path = v.S
		// A path in the input is relative to the input's folder; a path
		// from --company to the working folder.
		if !filepath.IsAbs(path) && v.Origin != FromFlag {
			path = filepath.Join(e.Dir, path)
		}
		path = filepath.Clean(path)
		key = path
	}
	if cr, ok := r.companies[key]; ok {
		return cr.c, cr.errs
	}
	cr := &companyResult{}
	r.companies[key] = cr
	if v.Node != nil {
		c, err := profile.ParseCompanyNode(e.File, v.Node)
		cr.c, cr.errs = c, companyProblems(key, err)
		return cr.c, cr.errs
	}
	data, err := boundedio.ReadFile(path, strictyaml.MaxBytes)
	if err != nil {
		p := e.problem(FCompany, fmt.Sprintf("cannot read %s: %v", path, unwrapPath(err)))
		p.Key = "company " + key
		cr.errs = Problems{p}
		return nil, cr.errs
	}
	c, err := profile.ParseCompany(path, data)
	cr.c, cr.errs = c, companyProblems(key, err)
	return cr.c, cr.errs
}

// companyProblems turns a company file's errors (which carry their own
// file:line) into problems reported once.
func companyProblems(key string, err error) Problems {
	if err == nil {
		return nil
	}
	var out Problems
	for i, se := range strictyaml.Errors(err) {
		out = append(out, &Problem{Raw: true, Msg: se.Error(), Key: fmt.Sprintf("company %s #%d", key, i)})
	}
	return out
}

// problem is an error about field f of the entry, positioned where the
// value was written: the entry, or the defaults or matrix it came from.
func (e *Entry) problem(f Field, msg string) *Problem {
	v := e.Values[f]
	p := &Problem{File: e.File, Line: e.Line, Where: e.Where, Field: f.String(), CSV: e.CSV, Msg: msg}
	if !v.Set() {
		return p
	}
	if v.Origin == FromFlag {
		return &Problem{Raw: true, Msg: "--" + f.String() + ": " + msg}
	}
	if v.Line > 0 {
		p.Line = v.Line
	}
	if v.Column != "" {
		p.Field = v.Column
	}
	if v.Where != "" {
		// The value was written in the defaults or a matrix: point there,
		// so a bad default is reported once, not once per entry.
		p.Where = v.Where
		p.CSV = false
	}
	return p
}

// named puts the entry's name on the problems that point at the entry.
func (e *Entry) named(probs Problems, name string) Problems {
	if name == "" {
		name = e.Values[FName].S
	}
	if f, ok := fieldByName(pipeline.ParamRole.Name); ok && name == "" && e.Values[f].Origin == FromEntry {
		name = e.Values[f].S
	}
	if name == "" || e.CSV {
		return probs
	}
	for _, p := range probs {
		if !p.Raw && p.Where == e.Where {
			p.Name = name
		}
	}
	return probs
}
