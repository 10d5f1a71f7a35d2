package main

import (
	"strings"

	"github.com/rungs/rungs/internal/batch"
)

// maxListedNames bounds the file names listed in one message.
const maxListedNames = 10

// reportTidy says what became of the files earlier runs of the plan wrote
// and it no longer produces.
func reportTidy(a *app, opts *batchOptions, t batch.Tidy) {
	if len(t.Pruned) > 0 && !opts.quiet {
		a.info("pruned %d %s this plan no longer produces: %s", len(t.Pruned), pluralWord(len(t.Pruned), "file"), listNames(t.Pruned))
	}
	if len(t.Edited) > 0 {
		a.warn("kept %d %s this plan no longer produces, changed since rungs wrote them: %s", len(t.Edited), pluralWord(len(t.Edited), "file"), listNames(t.Edited))
	}
	if len(t.Stale) > 0 && !opts.quiet {
		hint := "; --prune removes them"
		if opts.prune {
			hint = "; the run did not finish, so nothing was pruned"
		}
		verb := "are"
		if len(t.Stale) == 1 {
			verb = "is"
		}
		a.info("%d %s earlier runs of this plan wrote %s no longer produced: %s%s", len(t.Stale), pluralWord(len(t.Stale), "file"),
			verb, listNames(t.Stale), hint)
	}
}

func listNames(names []string) string {
	if len(names) <= maxListedNames {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:maxListedNames], ", ") + ", ..."
}
