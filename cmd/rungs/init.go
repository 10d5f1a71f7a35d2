package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rungs/rungs/internal/starter"
	"github.com/rungs/rungs/output"
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

Existing files are left alone unless --force is given.`,
		Example: "  rungs init\n  rungs init --eject my-rungs",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			files, err := starter.Files(eject)
			if err != nil {
				return failure(err)
			}
			if !force {
				for _, f := range files {
					p := filepath.Join(dir, filepath.FromSlash(f.Path))
					if _, err := os.Stat(p); err == nil {
						return usageErr("init: %s already exists; give another folder, or --force to overwrite", p)
					} else if !errors.Is(err, os.ErrNotExist) {
						return failure(fmt.Errorf("init: %s: %v", p, unwrapPath(err)))
					}
				}
			}
			for _, f := range files {
				p := filepath.Join(dir, filepath.FromSlash(f.Path))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					return failure(fmt.Errorf("init: %v", unwrapPath(err)))
				}
				if err := output.WriteFile(p, f.Data); err != nil {
					return failure(fmt.Errorf("init: write %s: %v", p, unwrapPath(err)))
				}
			}
			fmt.Fprintf(a.stderr, "rungs: wrote %d files into %s\n", len(files), dir)
			fmt.Fprintf(a.stderr, "rungs: next: edit %s, then run rungs jd --role cto --company %s\n",
				filepath.Join(dir, "company.yaml"), filepath.Join(dir, "company.yaml"))
			return nil
		},
	}
	cmd.Flags().BoolVar(&eject, "eject", false, "also write copies of the built-in catalog, ladder and templates to edit")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite existing files")
	return cmd
}
