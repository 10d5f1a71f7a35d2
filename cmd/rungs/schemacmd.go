package main

import (
	"github.com/rungs/rungs/internal/schema"
	"github.com/rungs/rungs/internal/suggest"
	"github.com/spf13/cobra"
)

func newSchemaCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:       "schema company|manifest|catalog|ladder",
		Short:     "Print the JSON Schema of a file Rungs reads",
		Example:   "  rungs schema company > company.schema.json",
		ValidArgs: schema.Names(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("schema takes one name: %s (for example: rungs schema company)", joinComma(schema.Names()))
			}
			data, ok := schema.Get(args[0])
			if !ok {
				return usageErr("schema: unknown schema %q%s", args[0], suggest.Hint(args[0], schema.Names()))
			}
			if _, err := a.stdout.Write(data); err != nil {
				return failure(err)
			}
			return nil
		},
	}
}
