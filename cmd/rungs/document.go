package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/lint"
	"github.com/spf13/cobra"
)

// docOptions are the flags every single-document command (rungs jd,
// rungs ladder) shares. The kinds' own parameters are flags too, made
// from their declarations in the pipeline (params).
type docOptions struct {
	profileFlags
	customFlags
	ladder string
	format string
	paper  string
	output string
	lint   bool
	strict bool
	// params are the kind parameters' flag values, by Param.Name.
	params map[string]*string
	// kinds are the kinds the command makes, for its --format list.
	kinds []string
}

// registerDoc adds the shared flags and one flag per parameter of the
// command's kinds. formatNote is added to the --format help.
func (o *docOptions) registerDoc(cmd *cobra.Command, kinds []string, formatNote string) {
	o.kinds = kinds
	o.params = map[string]*string{}
	fl := cmd.Flags()
	for _, p := range pipeline.ParamsOf(kinds...) {
		v := new(string)
		o.params[p.Name] = v
		fl.StringVar(v, p.Flag, p.Default, p.Usage)
		if p.Values != nil {
			values := p.Values
			_ = cmd.RegisterFlagCompletionFunc(p.Flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				vs := values()
				if vs == nil {
					return nil, cobra.ShellCompDirectiveError
				}
				return vs, cobra.ShellCompDirectiveNoFileComp
			})
		}
	}
	formats := pipeline.FormatsFor(kinds...)
	fl.StringVar(&o.format, "format", pipeline.DefaultFormat, "output formats: "+joinComma(formats)+formatNote+"; comma-separated for several, with -o")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(formats))
	registerPaper(cmd, &o.paper)
	fl.StringVarP(&o.output, "output", "o", "", "write files into this folder; - for stdout (default: stdout)")
	_ = cmd.MarkFlagDirname("output")
	o.profileFlags.register(cmd)
	o.customFlags.register(cmd)
}

// param returns a parameter's flag value.
func (o *docOptions) param(name string) string {
	if v, ok := o.params[name]; ok {
		return strings.TrimSpace(*v)
	}
	return ""
}

// completeFormats completes --format values, after a comma or plus sign
// too: "md,p" offers "md,pdf", never a format already listed.
func completeFormats(formats []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		i := strings.LastIndexAny(toComplete, ",+")
		prefix, last := toComplete[:i+1], toComplete[i+1:]
		given := strings.FieldsFunc(prefix, func(r rune) bool { return r == ',' || r == '+' })
		var out []string
		for _, f := range formats {
			if strings.HasPrefix(f, strings.ToLower(last)) && !slices.Contains(given, f) {
				out = append(out, prefix+f)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// parseFormatsFor reads --format and checks that every format exists for
// the command's kinds.
func (o *docOptions) parseFormatsFor(cmd string) ([]string, error) {
	formats, err := parseFormats(o.format)
	if err != nil {
		return nil, err
	}
	ok := pipeline.FormatsFor(o.kinds...)
	for _, name := range formats {
		if slices.Contains(ok, name) {
			continue
		}
		f, _ := pipeline.LookupFormat(name)
		var only []string
		for _, k := range f.Kinds {
			if kd, err := pipeline.LookupKind(k); err == nil {
				only = append(only, kd.Plural)
			}
		}
		return nil, usageErr("--format: %s is for %s only; rungs %s writes %s", name, strings.Join(only, " and "), cmd, orList(ok))
	}
	return formats, nil
}

// pickKind chooses among the command's kinds the one whose required
// parameters the flags give (--from and --to: a promotion guide), else the
// kind that requires none (the whole ladder), else the command's only kind
// (whose missing parameter runDocument then reports). Flags of two kinds
// at once, or half a kind's required flags, are usage errors.
func (o *docOptions) pickKind() (string, error) {
	var chosen []*pipeline.Kind
	fallback := o.kinds[0]
	for _, name := range o.kinds {
		k, err := pipeline.LookupKind(name)
		if err != nil {
			return "", failure(err)
		}
		if len(k.Requires) == 0 {
			fallback = k.Name
			continue
		}
		var given, missing []string
		for _, r := range k.Requires {
			if o.param(r) != "" {
				given = append(given, r)
			} else {
				missing = append(missing, r)
			}
		}
		switch {
		case len(given) == 0:
			continue
		case len(missing) > 0:
			var flags, example []string
			for _, r := range k.Requires {
				p, _ := pipeline.ParamByName(r)
				flags = append(flags, "--"+p.Flag)
				example = append(example, "--"+p.Flag+" "+p.Example)
			}
			return "", usageErr("%s go together; give both, for example %s", strings.Join(flags, " and "), strings.Join(example, " "))
		}
		chosen = append(chosen, k)
	}
	switch len(chosen) {
	case 0:
		return fallback, nil
	case 1:
		return chosen[0].Name, nil
	}
	var parts []string
	for i, k := range chosen {
		var flags []string
		for _, r := range k.Requires {
			p, _ := pipeline.ParamByName(r)
			flags = append(flags, "--"+p.Flag)
		}
		verb := ""
		if i == 0 {
			verb = " makes"
			if len(flags) > 1 {
				verb = " make"
			}
		}
		parts = append(parts, strings.Join(flags, "/")+verb+" a "+strings.ToLower(k.Subject))
	}
	return "", usageErr("%s; give one of them", strings.Join(parts, " and "))
}

// orList joins "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// runDocument makes one document of a kind through the pipeline, as every
// command does: it checks the flags and the company, builds the document,
// prints its warnings and writes it.
func runDocument(a *app, cmd string, o *docOptions, kindName string) error {
	formats, err := o.parseFormatsFor(cmd)
	if err != nil {
		return err
	}
	if err := checkSiteFlags(o, formats); err != nil {
		return err
	}
	paper, err := parsePaper(o.paper)
	if err != nil {
		return err
	}
	kind, err := pipeline.LookupKind(kindName)
	if err != nil {
		return failure(err)
	}
	if err := pipeline.CheckFormats(kind.Name, formats); err != nil {
		return usageErr("--format: %v", err)
	}
	company, err := readCompany(o.company)
	if err != nil {
		return err
	}
	lad, err := o.loadLadderFor(a, company)
	if err != nil {
		return err
	}
	cat, err := o.loadCatalogFor(a, company)
	if err != nil {
		return err
	}
	env := &pipeline.Env{Cat: cat, Ladder: lad}
	params := pipeline.Params{}
	for _, p := range pipeline.ParamsOf(o.kinds...) {
		v := o.param(p.Name)
		if !kind.Uses(p.Name) {
			// A flag of the command that this kind does not read (--track
			// with --level): refuse it rather than ignore it.
			if v != "" && v != p.Default {
				return usageErr("--%s does not apply to %s; leave it out", p.Flag, kind.Plural)
			}
			continue
		}
		params[p.Name] = v
	}
	params = kind.Normalize(params)
	if p := kind.Missing(params); p != nil {
		if p.Canonical != nil && p.Values != nil {
			// Values known by id (roles): list them.
			return usageErr("--%s is required; valid: %s (for example --%s %s)", p.Flag, joinComma(p.Values()), p.Flag, p.Example)
		}
		return usageErr("--%s is required; for example --%s %s", p.Flag, p.Flag, p.Example)
	}
	if err := kind.Check(env, params); err != nil {
		return paramErr(err)
	}
	lang, err := profile.Lang(profile.Input{Lang: o.lang, Company: company})
	if err != nil {
		return flagErr(err)
	}
	set, err := o.loadTemplatesFor(a, company)
	if err != nil {
		return err
	}
	if env, set, err = pipeline.Localize(env, set, lang); err != nil {
		return dataErr(err)
	}
	prof, err := o.resolve(a, env.Cat, company)
	if err != nil {
		return err
	}
	if kind.CheckProfile != nil {
		if err := kind.CheckProfile(env, prof, params); err != nil {
			return paramErr(err)
		}
	}
	req := &pipeline.Request{Kind: kind.Name, Profile: prof, Params: params, Formats: formats, Paper: paper,
		Templates: set, Lint: o.lint, Strict: o.strict}
	req.LintName = pipeline.Stem(env, kind, prof, params) + ".md"
	if kind.Name == "ladder" && o.verbose {
		// Tool hints go on stderr, never into the document.
		a.info("to see how this ladder changes as the team grows, add --grow-to with a larger headcount, for example --grow-to %d", max(prof.Size*2, prof.Size+1))
	}
	res, err := pipeline.Render(env, req)
	if res == nil {
		return paramErr(err)
	}
	a.noteInferredStage(prof)
	var pay []pipeline.Warning
	for _, w := range res.Warnings {
		if w.Rule == pipeline.RulePayTransparency {
			pay = append(pay, w)
			continue
		}
		a.warn("%s", w.Message)
	}
	if d := res.View.Draft; len(d) > 0 {
		a.info("the posting is a draft with %d %s in [brackets]; fill these company.yaml keys: %s",
			len(d), pluralWord(len(d), "placeholder"), strings.Join(d, ", "))
	}
	if res.Lint != nil {
		fmt.Fprint(a.stderr, lint.FormatText([]lint.Report{*res.Lint}))
	}
	var se *pipeline.StrictError
	if errors.As(err, &se) {
		return dataErr(fmt.Errorf("--strict: the posting lacks what the pay-transparency law of its location requires (guidance, not legal advice):\n%s", strings.Join(se.Gaps, "\n")))
	}
	for _, w := range pay {
		a.warn("pay transparency (guidance, not legal advice): %s", w.Message)
	}
	if err != nil {
		return dataErr(err)
	}
	for _, f := range res.Files {
		if f.Site != nil {
			// checkSiteFlags made sure the site is the only format.
			return writeSite(a, o.output, f.Site)
		}
	}
	docs := make([]document, len(res.Files))
	for i, f := range res.Files {
		docs[i] = document{ext: f.Ext, data: f.Data}
	}
	return a.emit(o.output, prof.Company.Name, kind.Stem(env, prof, params), docs)
}

// paramErr turns a kind's parameter error into a usage error naming the
// flag; anything else is invalid data.
func paramErr(err error) error {
	pe, ok := pipeline.IsParamError(err)
	if !ok {
		return dataErr(err)
	}
	var oe *generator.OrderError
	if errors.As(err, &oe) {
		return ladderErr(oe)
	}
	flag := pe.Param
	if p, ok := pipeline.ParamByName(pe.Param); ok {
		flag = p.Flag
	}
	var ge *pipeline.GrowError
	if errors.As(err, &ge) {
		return usageErr("--%s: %d is not above the current headcount of %d; give a larger size, for example --%s %d", flag, ge.To, ge.Size, flag, ge.Suggest())
	}
	return usageErr("--%s: %v", flag, pe.Err)
}
