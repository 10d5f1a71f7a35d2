package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/suggest"
	"github.com/rungs/rungs/lint"
	"github.com/spf13/cobra"
)

// lintFormats are the output formats of `rungs lint`.
var lintFormats = []string{"text", "json"}

type lintOptions struct {
	format       string
	jurisdiction string
	executive    bool
	date         string
	employees    int
	genderMethod string
	lang         string
}

func newLintCmd(a *app) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint FILE... [flags]",
		Short: "Check job postings for biased wording, readability, length and pay transparency",
		Long: `Lint checks Markdown job postings, whether Rungs wrote them or not: gender-coded
wording, exclusionary or hollow phrases, reading ease and sentence length,
length and bullet shape, the number of must-haves, and the pay-transparency
rules of the jurisdictions the job is in (US states and cities, the EU,
British Columbia and Ontario; see --jurisdiction), taken from the posting's
"Location:" line, its header ("Acme · San Francisco, CA"), "based in ..."
phrases, or --jurisdiction. "Remote (US)" means every US law in force on the
publication date. The pay rules are guidance, not legal advice.

French postings (--lang fr, or detected from the text when --lang is not
given) get reading ease by Kandel–Moles, the "(H/F)" title check, and the
French age, pay and native-language rules; their gender-coded wording is not
scored (the word lists are English research). An English posting for a job
in France gets a warning: a job offer published in France must be in French
(Code du travail L5331-4).

Each finding has a level (error, warning, info), a line, the offending text, a
reason and a fix. FILE may be - for stdin.

Exit codes: 0 no error-level finding, 1 an error-level finding (or a file
that cannot be read), 2 usage error.`,
		Example: `  rungs lint posting.md
  rungs lint jobs/*.md --format json
  rungs lint posting.md --jurisdiction nyc,co
  rungs lint offre.md --lang fr
  rungs jd --role cto --stage seed | rungs lint -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(a, opts, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.format, "format", "text", "output format: text or json")
	fl.StringVar(&opts.jurisdiction, "jurisdiction", "", "pay-transparency jurisdictions to check, comma-separated: "+strings.Join(lint.JurisdictionIDs(), ", ")+", us or all (default: the places the posting names)")
	fl.BoolVar(&opts.executive, "executive", false, "executive posting: allow up to 900 words; reading ease thresholds of executive postings (warning below 15, info below 24)")
	fl.StringVar(&opts.date, "date", "", "publication date, YYYY-MM-DD: pay rules not yet in force that day are info, not errors (default: SOURCE_DATE_EPOCH, else the posting's own \"Posted\" date or JSON-LD datePosted, else every rule is in force)")
	fl.IntVar(&opts.employees, "employees", 0, "the employer's headcount: laws with a higher threshold are skipped (default: unknown, every law applies)")
	fl.StringVar(&opts.genderMethod, "gender-method", lint.GenderFair, "gender-coded wording method: fair (the job's own wording: no headings, titles, names, URLs, legal paragraphs or \"competitive salary\") or decoder (the gender-decoder's exact method, for comparison)")
	fl.StringVar(&opts.lang, "lang", "", "the postings' language: fr or en (default: detected from each posting's function words)")
	completeStatic(cmd, "format", lintFormats)
	completeStatic(cmd, "lang", lint.Languages)
	completeStatic(cmd, "gender-method", []string{lint.GenderFair, lint.GenderDecoder})
	completeStatic(cmd, "jurisdiction", append(lint.JurisdictionIDs(), "us", "all"))
	return cmd
}

func runLint(a *app, opts *lintOptions, files []string) error {
	if len(files) == 0 {
		return usageErr("lint needs at least one file, or - for stdin (for example: rungs lint posting.md)")
	}
	if opts.format != "text" && opts.format != "json" {
		return usageErr("--format: unknown format %q%s", opts.format, suggest.Hint(opts.format, lintFormats))
	}
	if opts.genderMethod != lint.GenderFair && opts.genderMethod != lint.GenderDecoder {
		return usageErr("--gender-method: unknown method %q%s", opts.genderMethod, suggest.Hint(opts.genderMethod, []string{lint.GenderFair, lint.GenderDecoder}))
	}
	if opts.lang != "" && !slices.Contains(lint.Languages, opts.lang) {
		return usageErr("--lang: unknown language %q%s", opts.lang, suggest.Hint(opts.lang, lint.Languages))
	}
	lo := lint.Options{Executive: opts.executive, GenderMethod: opts.genderMethod, Lang: opts.lang}
	if opts.jurisdiction != "" {
		ids, err := lint.ParseJurisdictions(opts.jurisdiction)
		if err != nil {
			return usageErr("--jurisdiction: %v", err)
		}
		lo.Jurisdictions = ids
	}
	if opts.employees < 0 {
		return usageErr("--employees: %d is negative; give the headcount, or leave it out", opts.employees)
	}
	lo.Employees = opts.employees
	switch {
	case opts.date != "":
		d, err := time.Parse(time.DateOnly, opts.date)
		if err != nil {
			return usageErr("--date: %q must be YYYY-MM-DD, for example 2026-12-01", opts.date)
		}
		lo.Date = d
	case strings.TrimSpace(a.getenv("SOURCE_DATE_EPOCH")) != "":
		sec, err := strconv.ParseInt(strings.TrimSpace(a.getenv("SOURCE_DATE_EPOCH")), 10, 64)
		if err != nil || sec < 0 {
			return usageErr("SOURCE_DATE_EPOCH %q must be a whole number of seconds since 1970-01-01 UTC", a.getenv("SOURCE_DATE_EPOCH"))
		}
		lo.Date = time.Unix(sec, 0).UTC()
	}

	var reports []lint.Report
	for _, f := range files {
		data, name, err := a.readInput(f)
		if err != nil {
			return err
		}
		reports = append(reports, lint.Check(name, data, lo))
	}
	var out []byte
	if opts.format == "json" {
		var err error
		if out, err = lint.JSON(reports); err != nil {
			return failure(err)
		}
	} else {
		out = []byte(lint.FormatText(reports))
	}
	if _, err := a.stdout.Write(out); err != nil {
		return failure(err)
	}
	failed := 0
	for _, r := range reports {
		if r.HasErrors() {
			failed++
		}
	}
	if failed > 0 {
		return failure(fmt.Errorf("lint: error-level problems in %d of %d %s", failed, len(reports), pluralWord(len(reports), "file")))
	}
	return nil
}

// maxPostingBytes caps what lint reads: postings are a few kilobytes.
const maxPostingBytes = 4 << 20

// readInput reads a file, or stdin for "-", with a size cap.
func (a *app) readInput(path string) ([]byte, string, error) {
	var r io.Reader
	name := path
	if path == "-" {
		r, name = a.stdin, "<stdin>"
	} else {
		data, err := boundedio.ReadFile(path, maxPostingBytes)
		if err != nil {
			return nil, name, readErr(path, err)
		}
		return data, name, nil
	}
	data, err := boundedio.Read(r, name, maxPostingBytes)
	if err != nil {
		return nil, name, readErr(name, err)
	}
	return data, name, nil
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}
