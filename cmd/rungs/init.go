package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/rungs/rungs/internal/starter"
	"github.com/spf13/cobra"
)

func newInitCmd(a *app) *cobra.Command {
	var eject, force bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write an annotated company.yaml, an example hiring plan and editor schemas",
		Long: `Write an annotated company.yaml, an example batch manifest (hiring-plan.yaml)
and the JSON Schemas that let editors complete and check them, into DIR (the
current folder by default). With --eject, also write copies of the built-in
catalog, ladder and templates to edit; company.yaml then points at them.

init never destroys work: it writes the files that are missing and leaves
the others alone, saying which it kept. With --force it replaces them, each
after a copy to FILE.bak. With --eject in a folder that has a company.yaml,
it keeps the file and adds the catalog, ladder and templates keys it needs,
keeping your comments (FILE.bak keeps the file as it was), or prints the
lines to add when it cannot edit the file safely.`,
		Example: "  rungs init\n  rungs init --eject my-rungs\n  rungs init --eject        # in a folder with your company.yaml",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			out, err := starter.Install(dir, eject, force)
			if err != nil {
				return failure(fmt.Errorf("init: %v", unwrapPath(err)))
			}
			reportInit(a, dir, out)
			return nil
		},
	}
	cmd.Flags().BoolVar(&eject, "eject", false, "also write copies of the built-in catalog, ladder and templates to edit")
	cmd.Flags().BoolVar(&force, "force", false, "replace existing files, each after a copy to FILE.bak")
	return cmd
}

// reportInit says, on stderr, what init wrote and what it kept.
func reportInit(a *app, dir string, o starter.Outcome) {
	count := func(n int) string { return fmt.Sprintf("%d %s", n, pluralWord(n, "file")) }
	if len(o.Wrote) > 0 {
		a.info("wrote %s into %s: %s", count(len(o.Wrote)), dir, listPaths(o.Wrote))
	}
	for i, p := range o.Replaced {
		a.info("replaced %s; the old one is in %s", p, o.Backups[i])
	}
	if len(o.Same) > 0 {
		a.info("%s already as init writes them: %s", count(len(o.Same)), listPaths(o.Same))
	}
	if len(o.Kept) > 0 {
		them := "them"
		if len(o.Kept) == 1 {
			them = "it"
		}
		a.info("kept %s you have: %s (--force replaces %s, keeping a .bak copy)", count(len(o.Kept)), listPaths(o.Kept), them)
	}
	company := filepath.Join(dir, "company.yaml")
	if len(o.Added) > 0 {
		a.info("added to %s: %s (the file as it was is in %s.bak)", company, strings.Join(o.Added, ", "), company)
	}
	for _, d := range o.Differs {
		a.warn("%s keeps %s; the ejected copies are in %s/ (edit the key to use them)", company, d, strings.SplitN(d, ":", 2)[0])
	}
	if len(o.ToAdd) > 0 {
		a.warn("could not add the keys to %s without changing its layout; add these lines to use the ejected copies:", company)
		for _, l := range o.ToAdd {
			fmt.Fprintln(a.stderr, "  "+l)
		}
	}
	a.info("next: edit %s, then run rungs jd --role cto --company %s", company, company)
}

// listPaths lists paths, the first few by name.
func listPaths(paths []string) string {
	const shown = 6
	if len(paths) <= shown {
		return strings.Join(paths, ", ")
	}
	return strings.Join(paths[:shown], ", ") + fmt.Sprintf(" and %d more", len(paths)-shown)
}
