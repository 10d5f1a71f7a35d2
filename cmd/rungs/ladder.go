package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/output/sitedoc"
	"github.com/spf13/cobra"
)

// ladderKinds are the kinds rungs ladder makes, chosen by its flags.
var ladderKinds = []string{"ladder", "promotion", "level", "growth"}

func newLadderCmd(a *app) *cobra.Command {
	opts := &docOptions{}
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
  rungs ladder --level staff-engineer
  rungs ladder --stage early --size 25 --grow-to 120
  rungs ladder --company company.yaml --format json -o out/
  rungs ladder --size 120 --grow-to 400 --format site -o ladder-site/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLadder(a, opts)
		},
	}
	opts.registerDoc(cmd, ladderKinds, " (site: the whole ladder as a website in the folder -o names)")
	cmd.Flags().StringVar(&opts.ladder, "ladder", "", "a ladder YAML file, or a folder of them, replacing the built-in ladder (default: company.yaml ladder)")
	_ = cmd.MarkFlagFilename("ladder", "yaml", "yml")
	return cmd
}

// loadLadderFor returns the built-in ladder, or the user's in its place
// when --ladder or the company file's ladder key names one. Broken or
// unreadable ladder data is invalid input.
func (o *docOptions) loadLadderFor(a *app, c *profile.Company) (*ladders.Ladder, error) {
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

// runLadder makes the kind of ladder document the flags ask for.
func runLadder(a *app, opts *docOptions) error {
	kind, err := opts.pickKind()
	if err != nil {
		return err
	}
	return runDocument(a, "ladder", opts, kind)
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

// checkSiteFlags checks the flags of --format site: a whole ladder (with
// its growth plan, given --grow-to), written into a folder of its own.
func checkSiteFlags(o *docOptions, formats []string) error {
	if !slices.Contains(formats, "site") {
		return nil
	}
	switch {
	case len(formats) > 1:
		return usageErr("--format: site writes a whole folder; give it alone, for example --format site -o ladder-site/")
	case o.output == "" || o.output == "-":
		return usageErr("-o: --format site writes a folder of pages; give one, for example -o ladder-site/")
	case o.param("level") != "" || o.param("from") != "" || o.param("to") != "":
		return usageErr("--format site publishes the whole ladder, with a page for every level and promotion; leave out --level, --from and --to")
	}
	return nil
}

// writeSite writes the ladder website the pipeline built into -o.
func writeSite(a *app, output string, site *sitedoc.Site) error {
	for _, w := range site.Warnings {
		a.warn("%s", w)
	}
	rep, err := site.Write(output)
	if err != nil {
		var fe *sitedoc.FolderError
		if errors.As(err, &fe) {
			return usageErr("-o %v", err)
		}
		return failure(fmt.Errorf("-o %s: %v", output, unwrapPath(err)))
	}
	for _, k := range rep.Kept {
		a.warn("-o %s: kept %s: an earlier site wrote it, this one has no such page, and it was changed since; remove it if it is no longer needed", output, k)
	}
	fmt.Fprintf(a.stderr, "rungs: wrote %s: %d files (%d changed, %d removed)\n", output, len(site.Files), len(rep.Written), len(rep.Removed))
	return nil
}
