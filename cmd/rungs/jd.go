package main

import (
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
	"github.com/spf13/cobra"
)

// profileFlags are the company parameters every generating command takes.
type profileFlags struct {
	stage, size, archetype, company, lang string
}

func (f *profileFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.stage, "stage", "", "company stage: seed, early, growth, enterprise, or an alias such as series-a (default: company.yaml, else from --size or engineers, else "+profile.DefaultStage+")")
	fl.StringVar(&f.size, "size", "", "engineering headcount (default: company.yaml engineers, else the stage's typical size)")
	fl.StringVar(&f.archetype, "archetype", "", "CTO archetype: infrastructure, product, visionary, external (default: company.yaml, else "+profile.DefaultArchetype+")")
	fl.StringVar(&f.company, "company", "", "company.yaml with the company's details")
	fl.StringVar(&f.lang, "lang", "", "language of the documents: "+strings.Join(locale.Languages(), ", ")+" (default: company.yaml language, else en)")
	_ = cmd.MarkFlagFilename("company", "yaml", "yml")
	complete(cmd, "stage", func(c *catalog.Catalog) []string { return c.StageAliases() })
	complete(cmd, "archetype", func(c *catalog.Catalog) []string { return c.ArchetypeIDs() })
	_ = cmd.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return locale.Languages(), cobra.ShellCompDirectiveNoFileComp
	})
}

// resolve validates the flags and the parsed company file (nil when none)
// into a Profile.
func (f *profileFlags) resolve(a *app, cat *catalog.Catalog, c *profile.Company) (profile.Profile, error) {
	p, err := profile.Resolve(cat, profile.Input{
		Stage: f.stage, Size: f.size, Archetype: f.archetype,
		Company: c, SourceDateEpoch: a.getenv("SOURCE_DATE_EPOCH"), Lang: f.lang,
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

func newJDCmd(a *app) *cobra.Command {
	opts := &docOptions{}
	cmd := &cobra.Command{
		Use:   "jd --role ROLE [flags]",
		Short: "Generate a job description tailored to the company",
		Example: `  rungs jd --role cto --stage seed --size 6 --archetype product
  rungs jd --role senior-engineer --company company.yaml -o out/
  rungs jd --role vpe --stage growth --size 80 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := opts.pickKind()
			if err != nil {
				return err
			}
			return runDocument(a, "jd", opts, kind)
		},
	}
	opts.registerDoc(cmd, []string{"jd"}, " (jsonld: schema.org JobPosting)")
	fl := cmd.Flags()
	fl.BoolVar(&opts.lint, "lint", false, "print the lint summary of the posting on stderr (see rungs lint)")
	fl.BoolVar(&opts.strict, "strict", false, "exit 3 when the posting lacks pay details the law of its location requires, instead of warning")
	return cmd
}
