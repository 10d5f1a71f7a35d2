package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/suggest"
	"github.com/rungs/rungs/output"
	"github.com/spf13/cobra"
)

// catalogKinds are what `rungs catalog` can list.
var catalogKinds = []string{"roles", "archetypes", "stages", "areas", "responsibilities", "skills", "challenges", "measures", "minimums"}

func newCatalogCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:       "catalog " + strings.Join(catalogKinds, "|"),
		Short:     "Browse the responsibility catalog",
		Example:   "  rungs catalog roles\n  rungs catalog responsibilities --format json",
		ValidArgs: catalogKinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("catalog takes one of: %s (for example: rungs catalog roles)", joinComma(catalogKinds))
			}
			if format != "text" && format != "json" {
				return usageErr("--format: unknown format %q%s", format, suggest.Hint(format, []string{"text", "json"}))
			}
			cat, err := loadCatalog()
			if err != nil {
				return err
			}
			return listCatalog(a, cat, args[0], format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	completeStatic(cmd, "format", []string{"text", "json"})
	return cmd
}

// roleJSON is the contract of `rungs catalog roles --format json`.
type roleJSON struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Track     string   `json:"track"`
	Level     int      `json:"level"`
	Executive bool     `json:"executive"`
	Aliases   []string `json:"aliases,omitempty"`
	Summary   string   `json:"summary"`
	Sources   []string `json:"sources"`
}

func listCatalog(a *app, cat *catalog.Catalog, kind, format string) error {
	var v any
	var rows [][]string
	switch kind {
	case "roles":
		var out []roleJSON
		rows = append(rows, []string{"ID", "TITLE", "TRACK", "LEVEL", "ALIASES"})
		for _, r := range cat.Roles {
			out = append(out, roleJSON{r.ID, r.Title, r.Track, r.Level, r.Executive, r.Aliases, r.Summary, r.Sources})
			rows = append(rows, []string{r.ID, r.Title, r.Track, fmt.Sprint(r.Level), strings.Join(r.Aliases, ", ")})
		}
		v = out
	case "archetypes":
		v = cat.Archetypes
		rows = append(rows, []string{"ID", "TITLE", "FOCUS", "TYPICAL STAGE", "VOGELS ROLE"})
		for _, x := range cat.Archetypes {
			rows = append(rows, []string{x.ID, x.Title, x.Focus, x.TypicalStage, x.VogelsRole})
		}
	case "stages":
		v = cat.Stages
		rows = append(rows, []string{"ID", "TITLE", "ENGINEERS", "ALIASES"})
		for _, x := range cat.Stages {
			rows = append(rows, []string{x.ID, x.Title, fmt.Sprintf("%d-%d", x.TypicalMin, x.TypicalMax), strings.Join(x.Aliases, ", ")})
		}
	case "areas":
		v = cat.Areas
		rows = append(rows, []string{"ID", "TITLE", "RESPONSIBILITIES"})
		for _, x := range cat.Areas {
			n := 0
			for _, r := range cat.Responsibilities {
				if r.Area == x.ID {
					n++
				}
			}
			rows = append(rows, []string{x.ID, x.Title, fmt.Sprint(n)})
		}
	case "responsibilities":
		v = cat.Responsibilities
		rows = append(rows, []string{"ID", "AREA", "ROLES", "TEXT"})
		for _, x := range cat.Responsibilities {
			rows = append(rows, []string{x.ID, x.Area, strings.Join(x.Roles, ","), x.Text})
		}
	case "skills":
		v = cat.Skills
		rows = append(rows, []string{"ID", "KIND", "TEXT"})
		for _, x := range cat.Skills {
			rows = append(rows, []string{x.ID, x.Kind, x.Text})
		}
	case "challenges":
		v = cat.Challenges
		rows = append(rows, []string{"ID", "TITLE", "TEXT"})
		for _, x := range cat.Challenges {
			rows = append(rows, []string{x.ID, x.Title, x.Text})
		}
	case "measures":
		v = cat.Measures
		rows = append(rows, []string{"ID", "CATEGORY", "TEXT"})
		for _, x := range cat.Measures {
			rows = append(rows, []string{x.ID, x.Category, x.Text})
		}
	case "minimums":
		v = cat.BareMinimums
		rows = append(rows, []string{"ID", "TITLE", "TEXT"})
		for _, x := range cat.BareMinimums {
			rows = append(rows, []string{x.ID, x.Title, x.Text})
		}
	default:
		return usageErr("catalog: unknown list %q%s", kind, suggest.Hint(kind, catalogKinds))
	}
	if format == "json" {
		data, err := output.JSON(v)
		if err != nil {
			return failure(err)
		}
		_, err = a.stdout.Write(data)
		return err
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}
