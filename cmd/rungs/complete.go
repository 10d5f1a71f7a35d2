package main

import (
	"github.com/rungs/rungs/catalog"
	"github.com/spf13/cobra"
)

// complete registers shell completion for a flag from catalog values.
func complete(cmd *cobra.Command, flag string, values func(*catalog.Catalog) []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		cat, err := catalog.Builtin()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return values(cat), cobra.ShellCompDirectiveNoFileComp
	})
}

// completeStatic registers shell completion for a flag with fixed values.
func completeStatic(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}
