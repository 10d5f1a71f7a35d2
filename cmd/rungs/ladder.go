package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/output/sitedoc"
	"github.com/rungs/rungs/templates"
	"github.com/spf13/cobra"
)

type ladderOptions struct {
	profileFlags
	customFlags
	ladder string
	track  string
	from   string
	to     string
	level  string
	growTo string
	format string
	paper  string
	output string
}

func newLadderCmd(a *app) *cobra.Command {
	opts := &ladderOptions{}
	cmd := &cobra.Command{
		Use:   "ladder [flags]",
		Short: "Generate a career ladder, a promotion guide, a level card or a growth plan",
		Long: `Generate an IC-to-CTO career ladder tailored to the company: an overview
table, a card for each level and an FAQ. Size decides which rungs exist and
which are reserved, the stage weighs the dimensions, and the CTO archetype
shapes the top.

Other forms:
  --from LEVEL --to LEVEL   a promotion guide between two levels
  --level LEVEL             one level's card
  --grow-to SIZE            how the ladder changes as the team grows
  --format site -o DIR      the whole ladder as a static website in DIR`,
		Example: `  rungs ladder --stage growth --size 120 --archetype product
  rungs ladder --from senior-engineer --to staff-engineer
  rungs ladder --level staff-engineer --track ic
  rungs ladder --stage early --size 25 --grow-to 120
  rungs ladder --company company.yaml --format json -o out/
  rungs ladder --size 120 --grow-to 400 --format site -o ladder-site/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLadder(a, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.ladder, "ladder", "", "a ladder YAML file, or a folder of them, replacing the built-in ladder (default: company.yaml ladder)")
	_ = cmd.MarkFlagFilename("ladder", "yaml", "yml")
	fl.StringVar(&opts.track, "track", "all", "track to print: ic, management or all")
	fl.StringVar(&opts.from, "from", "", "promotion guide: the level to start from, such as senior-engineer")
	fl.StringVar(&opts.to, "to", "", "promotion guide: the level to reach, such as staff-engineer")
	fl.StringVar(&opts.level, "level", "", "print one level's card, such as staff-engineer or L3")
	fl.StringVar(&opts.growTo, "grow-to", "", "growth plan: the engineering headcount to grow to, above --size")
	fl.StringVar(&opts.format, "format", "md", "output formats, such as md or md,pdf: "+joinComma(documentFormats))
	registerPaper(cmd, &opts.paper)
	fl.StringVarP(&opts.output, "output", "o", "", "write files into this folder; - for stdout (default: stdout)")
	_ = cmd.MarkFlagDirname("output")
	opts.profileFlags.register(cmd)
	opts.customFlags.register(cmd)
	for _, f := range []string{"from", "to", "level"} {
		completeLadder(cmd, f, func(l *ladders.Ladder) []string { return l.LevelNames() })
	}
	completeStatic(cmd, "track", generator.LadderTracks)
	completeStatic(cmd, "format", documentFormats)
	return cmd
}

// completeLadder registers shell completion for a flag from ladder values.
func completeLadder(cmd *cobra.Command, flag string, values func(*ladders.Ladder) []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		l, err := ladders.Builtin()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return values(l), cobra.ShellCompDirectiveNoFileComp
	})
}

// loadLadderFor returns the built-in ladder, or the user's in its place
// when --ladder or the company file's ladder key names one. Broken or
// unreadable ladder data is invalid input.
func (o *ladderOptions) loadLadderFor(a *app, c *profile.Company) (*ladders.Ladder, error) {
	path := pick(o.ladder, c, func(c *profile.Company) string { return c.Ladder })
	if path == "" {
		l, err := ladders.Builtin()
		if err != nil {
			return nil, dataErr(err)
		}
		if o.verbose {
			a.info("ladder: built-in")
		}
		return l, nil
	}
	l, err := ladders.LoadPath(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, dataErr(fmt.Errorf("--ladder %s: cannot read it: %v", path, pe.Err))
		}
		return nil, dataErr(err)
	}
	if o.verbose {
		a.info("ladder: %s", path)
	}
	return l, nil
}

func runLadder(a *app, opts *ladderOptions) error {
	switch {
	case (opts.from == "") != (opts.to == ""):
		return usageErr("--from and --to go together; give both, for example --from senior-engineer --to staff-engineer")
	case opts.level != "" && opts.from != "":
		return usageErr("--level prints one card and --from/--to a promotion guide; give one of them")
	case opts.growTo != "" && (opts.level != "" || opts.from != ""):
		return usageErr("--grow-to plans the whole ladder; leave out --level, --from and --to")
	}
	formats, err := parseFormats(opts.format)
	if err == nil && slices.Contains(formats, "jsonld") {
		// JSON-LD is schema.org JobPosting: job descriptions only.
		f := ladderFormats()
		err = usageErr("--format: jsonld is for job descriptions only; a ladder is %s or %s", joinComma(f[:len(f)-1]), f[len(f)-1])
	}
	if err != nil {
		return err
	}
	if err := checkSiteFlags(opts, formats); err != nil {
		return err
	}
	// Some formats exist for job descriptions only (jsonld: a JobPosting).
	for _, f := range formats {
		if err := pipeline.CheckFormats("ladder", []string{f}); err != nil {
			return usageErr("--format: %s is not available for ladders; valid: %s", f, joinComma(ladderFormats()))
		}
	}
	paper, err := parsePaper(opts.paper)
	if err != nil {
		return err
	}
	company, err := readCompany(opts.company)
	if err != nil {
		return err
	}
	lad, err := opts.loadLadderFor(a, company)
	if err != nil {
		return err
	}
	track, err := generator.ResolveTrack(lad, opts.track)
	if err != nil {
		return usageErr("--track: %v", err)
	}
	for _, f := range []struct{ flag, value string }{{"level", opts.level}, {"from", opts.from}, {"to", opts.to}} {
		if f.value == "" {
			continue
		}
		if _, err := generator.FindLevel(lad, f.value); err != nil {
			return usageErr("--%s: %v", f.flag, err)
		}
	}
	cat, err := opts.loadCatalogFor(a, company)
	if err != nil {
		return err
	}
	p, err := opts.resolve(a, cat, company)
	if err != nil {
		return err
	}
	set, err := opts.loadTemplatesFor(a, company)
	if err != nil {
		return err
	}
	if slices.Contains(formats, "site") {
		return writeSite(a, opts, lad, p, track, set)
	}

	var (
		view any
		meta generator.LadderMeta
		tmpl string
		name string
	)
	switch {
	case opts.from != "":
		g, err := generator.Promotion(lad, p, opts.from, opts.to)
		if err != nil {
			return ladderErr(err)
		}
		view, meta, tmpl = g, g.LadderMeta, "ladder-promotion.md.tmpl"
		name = "promotion-" + g.From.ID + "-to-" + g.To.ID
	case opts.level != "":
		c, err := generator.Card(lad, p, opts.level)
		if err != nil {
			return ladderErr(err)
		}
		view, meta, tmpl = c, c.LadderMeta, "ladder-level.md.tmpl"
		name = "level-" + c.Card.ID
	case opts.growTo != "":
		n, err := parseGrowTo(opts.growTo, p.Size)
		if err != nil {
			return err
		}
		g, err := generator.Growth(lad, p, track, n)
		if err != nil {
			return ladderErr(err)
		}
		view, meta, tmpl = g, g.LadderMeta, "ladder-growth.md.tmpl"
		name = fmt.Sprintf("ladder-growth-%d-to-%d", g.From, g.To)
	default:
		l, err := generator.CareerLadder(lad, p, track)
		if err != nil {
			return ladderErr(err)
		}
		view, meta, tmpl = l, l.LadderMeta, "ladder.md.tmpl"
		name = "ladder"
		if opts.verbose {
			// Tool hints go on stderr, never into the document.
			a.info("to see how this ladder changes as the team grows, add --grow-to with a larger headcount, for example --grow-to %d", max(p.Size*2, p.Size+1))
		}
		if track != "all" {
			name += "-" + track
		}
	}
	a.noteInferredStage(p)
	for _, w := range meta.Warnings {
		a.warn("%s", w)
	}
	for _, w := range pipeline.PDFWarnings(p.Company, formats) {
		a.warn("%s", w)
	}
	v := pipeline.View{Model: view, Warnings: meta.Warnings, Author: p.Company.Name, Date: p.Date}
	docs, err := renderTemplate(tmpl, v, formats, paper, set)
	if err != nil {
		return err
	}
	return a.emit(opts.output, p.Company.Name, name, docs)
}

// ladderFormats are the formats a ladder can be written in.
func ladderFormats() []string {
	var out []string
	for _, f := range documentFormats {
		if pipeline.CheckFormats("ladder", []string{f}) == nil {
			out = append(out, f)
		}
	}
	return out
}

// ladderErr turns a generator error into a usage error that names the
// flag at fault; anything else is invalid data.
func ladderErr(err error) error {
	var oe *generator.OrderError
	if errors.As(err, &oe) {
		what := "is below"
		if oe.From.ID == oe.To.ID {
			what = "is the same level as"
		}
		msg := fmt.Sprintf("--to: %s (%s) %s --from %s (%s); a promotion guide goes up a level or across to the other track", oe.To.ID, oe.To.Code, what, oe.From.ID, oe.From.Code)
		if len(oe.Valid) == 0 {
			return usageErr("%s, and %s is the top of its track; pick a lower --from", msg, oe.From.ID)
		}
		return usageErr("%s; for example --to %s", msg, strings.Join(oe.Valid, " or --to "))
	}
	return dataErr(err)
}

// parseGrowTo checks --grow-to against the current headcount.
func parseGrowTo(s string, size int) (int, error) {
	n, err := profile.ParseSize(s)
	if err != nil {
		return 0, usageErr("--grow-to: %v", err)
	}
	if n <= size {
		return 0, usageErr("--grow-to: %d is not above the current headcount of %d; give a larger size, for example --grow-to %d", n, size, max(size*2, size+1))
	}
	return n, nil
}

// checkSiteFlags checks the flags of --format site: a whole ladder,
// written into a folder of its own.
func checkSiteFlags(opts *ladderOptions, formats []string) error {
	if !slices.Contains(formats, "site") {
		return nil
	}
	switch {
	case len(formats) > 1:
		return usageErr("--format: site writes a whole folder; give it alone, for example --format site -o ladder-site/")
	case opts.output == "" || opts.output == "-":
		return usageErr("-o: --format site writes a folder of pages; give one, for example -o ladder-site/")
	case opts.level != "" || opts.from != "":
		return usageErr("--format site publishes the whole ladder, with a page for every level and promotion; leave out --level, --from and --to")
	}
	return nil
}

// writeSite builds the ladder website and writes it into -o.
func writeSite(a *app, opts *ladderOptions, lad *ladders.Ladder, p profile.Profile, track string, set *templates.Set) error {
	src := sitedoc.Source{Ladder: lad, Profile: p, Track: track, Templates: set, Language: pipeline.Language}
	if opts.growTo != "" {
		n, err := parseGrowTo(opts.growTo, p.Size)
		if err != nil {
			return err
		}
		src.GrowTo = n
	}
	site, err := sitedoc.Build(src)
	if err != nil {
		return ladderErr(err)
	}
	a.noteInferredStage(p)
	for _, w := range site.Warnings {
		a.warn("%s", w)
	}
	rep, err := site.Write(opts.output)
	if err != nil {
		var fe *sitedoc.FolderError
		if errors.As(err, &fe) {
			return usageErr("-o %v", err)
		}
		return failure(fmt.Errorf("-o %s: %v", opts.output, unwrapPath(err)))
	}
	for _, k := range rep.Kept {
		a.warn("-o %s: kept %s: an earlier site wrote it, this one has no such page, and it was changed since; remove it if it is no longer needed", opts.output, k)
	}
	fmt.Fprintf(a.stderr, "rungs: wrote %s: %d files (%d changed, %d removed)\n", opts.output, len(site.Files), len(rep.Written), len(rep.Removed))
	return nil
}
