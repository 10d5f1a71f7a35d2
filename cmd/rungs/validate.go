package main

import (
	"fmt"
	"strings"

	"github.com/rungs/rungs/internal/validate"
	"github.com/spf13/cobra"
)

func newValidateCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE|DIR...",
		Short: "Check company files, manifests, catalogs, ladders and templates without generating anything",
		Long: `Check the files you write for Rungs: company files, batch manifests and CSV
plans, catalog files or folders, ladder files or folders, and templates. The
kind of each file comes from its $schema line, its extension or its keys.
A project folder (the folder rungs init writes: company files, plans, and the
catalog, ladder and templates folders) is checked as a whole: rungs validate .
Every problem is listed as file:line: message, not just the first: the
values the catalog decides (an unknown stage) are checked even when the file
has other problems.

Exit codes: 0 when all are valid, 3 when any has a problem, 2 for usage errors.`,
		Example: "  rungs validate .\n  rungs validate company.yaml hiring-plan.yaml\n  rungs validate my-catalog/ my-templates/ ladder.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErr("validate needs at least one file or folder (for example: rungs validate company.yaml)")
			}
			var results []validate.Result
			n := 0
			for _, p := range args {
				for _, r := range validate.Paths(p, a.getenv("SOURCE_DATE_EPOCH")) {
					results = append(results, r)
					for _, e := range r.Problems {
						msg := e.Error()
						if e.File == "" && !strings.HasPrefix(msg, r.Path) {
							msg = r.Path + ": " + msg
						}
						fmt.Fprintln(a.stderr, "rungs: "+msg)
						n++
					}
				}
			}
			if _, err := fmt.Fprint(a.stdout, validate.Summary(results)); err != nil {
				return failure(err)
			}
			if n > 0 {
				return &exitError{exitInvalidData, fmt.Errorf("%d problem(s) found", n)}
			}
			return nil
		},
	}
}
