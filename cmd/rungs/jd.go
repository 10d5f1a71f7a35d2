package main

import (
	"fmt"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/lint"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/templates"
	"github.com/spf13/cobra"
)

// profileFlags are the company parameters every generating command takes.
type profileFlags struct {
	stage, size, archetype, company string
}

func (f *profileFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.stage, "stage", "", "company stage: seed, early, growth, enterprise, or an alias such as series-a (default: company.yaml, else from --size or engineers, else "+profile.DefaultStage+")")
	fl.StringVar(&f.size, "size", "", "engineering headcount (default: company.yaml engineers, else the stage's typical size)")
	fl.StringVar(&f.archetype, "archetype", "", "CTO archetype: infrastructure, product, visionary, external (default: company.yaml, else "+profile.DefaultArchetype+")")
	fl.StringVar(&f.company, "company", "", "company.yaml with the company's details")
	_ = cmd.MarkFlagFilename("company", "yaml", "yml")
	complete(cmd, "stage", func(c *catalog.Catalog) []string { return c.StageAliases() })
	complete(cmd, "archetype", func(c *catalog.Catalog) []string { return c.ArchetypeIDs() })
}

// resolve validates the flags and the parsed company file (nil when none)
// into a Profile.
func (f *profileFlags) resolve(a *app, cat *catalog.Catalog, c *profile.Company) (profile.Profile, error) {
	p, err := profile.Resolve(cat, profile.Input{
		Stage: f.stage, Size: f.size, Archetype: f.archetype,
		Company: c, SourceDateEpoch: a.getenv("SOURCE_DATE_EPOCH"),
	})
	if err != nil {
		if _, ok := err.(*profile.FlagError); ok {
			return p, flagErr(err)
		}
		return p, dataErr(err)
	}
	return p, nil
}

// noteInferredStage says which stage the size alone led to, so the user
// can set another. Commands call it once the document is generated, just
// before its warnings, so a failed run still prints one line. Batch does
// not print it for every entry (see README).
func (a *app) noteInferredStage(p profile.Profile) {
	if p.StageInferred {
		a.info("stage inferred from the size: %s (%d %s); set --stage to choose another", p.Stage.ID, p.Size, pluralWord(p.Size, "engineer"))
	}
}

// placeholderKeys names the company.yaml keys that fill each placeholder
// of a draft posting (generator.Placeholders).
var placeholderKeys = map[string]string{
	"about":             "industry or mission",
	"location":          "locations or work_model",
	"pay":               "compensation.%s",
	"team":              "team",
	"stack":             "stack",
	"interview_process": "interview_process",
	"apply":             "apply.url or apply.email",
}

// notePlaceholders says, in one line, which company.yaml keys turn a draft
// posting into one that can be published.
func (a *app) notePlaceholders(jd *generator.JobDescription) {
	if len(jd.Placeholders) == 0 {
		return
	}
	keys := make([]string, len(jd.Placeholders))
	for i, ph := range jd.Placeholders {
		keys[i] = placeholderKeys[ph]
		if strings.Contains(keys[i], "%s") {
			keys[i] = fmt.Sprintf(keys[i], jd.Role)
		}
	}
	a.info("the posting is a draft with %d %s in [brackets]; fill these company.yaml keys: %s",
		len(keys), pluralWord(len(keys), "placeholder"), strings.Join(keys, ", "))
}

type jdOptions struct {
	profileFlags
	customFlags
	role   string
	format string
	paper  string
	output string
	lint   bool
	strict bool
}

func newJDCmd(a *app) *cobra.Command {
	opts := &jdOptions{}
	cmd := &cobra.Command{
		Use:   "jd --role ROLE [flags]",
		Short: "Generate a job description tailored to the company",
		Example: `  rungs jd --role cto --stage seed --size 6 --archetype product
  rungs jd --role senior-engineer --company company.yaml -o out/
  rungs jd --role vpe --stage growth --size 80 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runJD(a, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.role, "role", "", "role id or alias, such as cto, vpe, senior-engineer (see: rungs catalog roles)")
	fl.StringVar(&opts.format, "format", "md", "output format: "+joinComma(documentFormats)+" (jsonld: schema.org JobPosting); comma-separated for several, with -o")
	registerPaper(cmd, &opts.paper)
	fl.BoolVar(&opts.lint, "lint", false, "print the lint summary of the posting on stderr (see rungs lint)")
	fl.BoolVar(&opts.strict, "strict", false, "exit 3 when the posting lacks pay details the law of its location requires, instead of warning")
	fl.StringVarP(&opts.output, "output", "o", "", "write files into this folder; - for stdout (default: stdout)")
	_ = cmd.MarkFlagDirname("output")
	opts.profileFlags.register(cmd)
	opts.customFlags.register(cmd)
	complete(cmd, "role", func(c *catalog.Catalog) []string { return c.RoleIDs() })
	completeStatic(cmd, "format", documentFormats)
	return cmd
}

func runJD(a *app, opts *jdOptions) error {
	if opts.role == "" {
		return usageErr("--role is required; valid: %s (for example --role cto)", roleList())
	}
	formats, err := parseFormats(opts.format)
	if err != nil {
		return err
	}
	if err := pipeline.CheckFormats("jd", formats); err != nil {
		return usageErr("--format: %v", err)
	}
	paper, err := parsePaper(opts.paper)
	if err != nil {
		return err
	}
	company, err := readCompany(opts.company)
	if err != nil {
		return err
	}
	cat, err := opts.loadCatalogFor(a, company)
	if err != nil {
		return err
	}
	if _, err := cat.Role(opts.role); err != nil {
		return usageErr("--role: %v", err)
	}
	p, err := opts.resolve(a, cat, company)
	if err != nil {
		return err
	}
	set, err := opts.loadTemplatesFor(a, company)
	if err != nil {
		return err
	}
	jd, err := generator.JD(cat, p, opts.role)
	if err != nil {
		return dataErr(err)
	}
	a.noteInferredStage(p)
	// The ladder (the company's, or the built-in one) says when a role
	// that is a rung is rarely a separate job, as rungs ladder shows it.
	lad, err := (&ladderOptions{profileFlags: opts.profileFlags, customFlags: opts.customFlags}).loadLadderFor(a, company)
	if err != nil {
		return err
	}
	if w := generator.RungWarning(lad, p, jd.Role); w != "" {
		jd.Warnings = append(jd.Warnings, w)
	}
	for _, w := range jd.Warnings {
		a.warn("%s", w)
	}
	for _, w := range pipeline.PDFWarnings(p.Company, formats) {
		a.warn("%s", w)
	}
	a.notePlaceholders(jd)
	if err := a.checkPosting(opts, set, p, jd); err != nil {
		return err
	}
	docs, err := renderJD(set, jd, formats, paper)
	if err != nil {
		return err
	}
	return a.emit(opts.output, p.Company.Name, jd.Role, docs)
}

func roleList() string {
	cat, err := catalog.Builtin()
	if err != nil {
		return "see rungs catalog roles"
	}
	return joinComma(cat.RoleIDs())
}

// payFields names the company.yaml field that supplies each pay element.
var payFields = map[string]string{
	"pay-range":    "compensation.%s (min, max, currency, period)",
	"pay-benefits": "benefits",
	"pay-deadline": "apply.deadline (YYYY-MM-DD)",
}

// checkPosting lints the posting as it will be written (with the same
// templates). Pay-transparency problems of the posting's location are
// warnings naming the law, or with --strict an invalid-data error; with
// --lint the whole lint summary goes to stderr.
func (a *app) checkPosting(opts *jdOptions, set *templates.Set, p profile.Profile, jd *generator.JobDescription) error {
	if set == nil {
		set = templates.Builtin()
	}
	md, err := set.Render("jd.md.tmpl", jd)
	if err != nil {
		return dataErr(fmt.Errorf("render jd.md.tmpl: %w", err))
	}
	rep := lint.Check(output.FileName(p.Company.Name, jd.Role, "md"), md, lint.Options{
		Executive: jd.Executive, Date: p.Date, Employees: p.Company.Employees,
	})
	if opts.lint {
		fmt.Fprint(a.stderr, lint.FormatText([]lint.Report{rep}))
	}
	var missing []string
	for _, f := range rep.Findings {
		if f.Jurisdiction == "" || f.Level != lint.LevelError {
			continue
		}
		msg := f.Message
		if field, ok := payFields[f.Rule]; ok {
			msg += "; add " + strings.ReplaceAll(field, "%s", jd.Role) + " to the company file"
		}
		missing = append(missing, msg)
		if !opts.strict {
			a.warn("pay transparency (guidance, not legal advice): %s", msg)
		}
	}
	if opts.strict && len(missing) > 0 {
		return dataErr(fmt.Errorf("--strict: the posting lacks what the pay-transparency law of its location requires (guidance, not legal advice):\n%s", strings.Join(missing, "\n")))
	}
	return nil
}
