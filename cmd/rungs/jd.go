package main

import (
	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/pipeline"
	"github.com/rungs/rungs/profile"
	"github.com/spf13/cobra"
)

// profileFlags are the company parameters every generating command takes.
type profileFlags struct {
	stage, size, archetype, company string
}

func (f *profileFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.stage, "stage", "", "company stage: seed, early, growth, enterprise, or an alias such as series-a (default: company.yaml, else "+profile.DefaultStage+")")
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

type jdOptions struct {
	profileFlags
	customFlags
	role   string
	format string
	paper  string
	output string
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
	fl.StringVar(&opts.format, "format", "md", "output formats, comma-separated: "+joinComma(documentFormats))
	fl.StringVar(&opts.paper, "paper", "", "paper size for pdf: "+joinComma(pipeline.Papers)+" (default "+pipeline.Papers[0]+")")
	fl.StringVarP(&opts.output, "output", "o", "", "write files into this folder; - for stdout (default: stdout)")
	_ = cmd.MarkFlagDirname("output")
	opts.profileFlags.register(cmd)
	opts.customFlags.register(cmd, false)
	complete(cmd, "role", func(c *catalog.Catalog) []string { return c.RoleIDs() })
	completeStatic(cmd, "format", documentFormats)
	completeStatic(cmd, "paper", pipeline.Papers)
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
	for _, w := range jd.Warnings {
		a.warn("%s", w)
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
