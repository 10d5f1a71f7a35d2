package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/batch"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/lint"
	"github.com/rungs/rungs/output"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

type batchOptions struct {
	output   string
	jobs     int
	failFast bool
	report   string
	quiet    bool
	prune    bool
	sync     bool
	lint     bool
	strict   bool
	// Defaults for entries that do not give a value.
	kind, stage, size, archetype, company, format, paper, lang string
	// The user's own data for every entry, over the company files' keys.
	custom batch.Custom
}

func newBatchCmd(a *app) *cobra.Command {
	opts := &batchOptions{}
	cmd := &cobra.Command{
		Use:   "batch MANIFEST.yaml|ROLES.csv -o DIR [flags]",
		Short: "Generate many documents from a YAML manifest or a CSV file",
		Long: `Generate many documents in one run, from a YAML manifest (defaults, a list of
documents, a matrix crossing roles, stages, archetypes...) or a CSV file (one
document per row; the header names the columns: ` + strings.Join(batch.FieldNames(), ", ") + `,
company.<key> columns that carry the company's details, such as company.name,
company.locations or company.pay_min, and note columns starting with # or x-).

The whole input is validated before anything is written. Documents are then
generated in parallel; the output is the same whatever --jobs is. Files are
written atomically, and a file whose content would not change is not
rewritten. One failing entry does not stop the others (unless --fail-fast).

Every check rungs jd makes runs on each entry: the warnings are summarised
at the end, one line per kind of warning, and the report (--report) lists
each entry's. --lint adds each posting's lint report to the report;
--strict fails the postings that lack what the pay-transparency law of
their location requires.

Exit codes: 0 success, 1 an entry failed, 2 usage error, 3 invalid input
(nothing written) or, with --strict, postings that fail it, 130 interrupted
(the report lists what was done).`,
		Example: `  rungs batch hiring-plan.yaml -o out/
  rungs batch roles.csv -o out/ --jobs 2 --report -
  rungs batch roles.csv -o out/ --company acme.yaml --format md+json --quiet`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBatch(a, opts, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.output, "output", "o", "", "the folder to write into (required; created if missing)")
	fl.IntVarP(&opts.jobs, "jobs", "j", 0, "documents generated in parallel (default: the number of CPUs)")
	fl.BoolVar(&opts.failFast, "fail-fast", false, "stop taking entries after the first failure")
	fl.StringVar(&opts.report, "report", "", "write a JSON report to this file; - for stdout")
	fl.BoolVarP(&opts.quiet, "quiet", "q", false, "no progress bar or progress lines, no warnings")
	fl.BoolVar(&opts.prune, "prune", false, "remove the files earlier runs of this plan wrote into -o that it no longer produces (never any other file)")
	fl.BoolVar(&opts.sync, "sync", false, "flush every file to the disk before it replaces the old one, so a power cut loses none (slower; a killed run never leaves a partial file either way)")
	fl.BoolVar(&opts.lint, "lint", false, "lint every posting; the report (--report) holds each posting's lint summary")
	fl.BoolVar(&opts.strict, "strict", false, "fail the postings that lack pay details the law of their location requires (exit 3), instead of warning")
	fl.StringVar(&opts.kind, "kind", "", "default kind of document: "+strings.Join(pipeline.KindNames(), ", ")+" (default "+pipeline.DefaultKind+")")
	fl.StringVar(&opts.stage, "stage", "", "default stage for entries that give none")
	fl.StringVar(&opts.size, "size", "", "default engineering headcount for entries that give none")
	fl.StringVar(&opts.archetype, "archetype", "", "default CTO archetype for entries that give none")
	fl.StringVar(&opts.company, "company", "", "default company.yaml for entries that give none")
	fl.StringVar(&opts.format, "format", "", "default formats, such as md+json: "+strings.Join(pipeline.FormatNames(), ", ")+" (default "+pipeline.DefaultFormat+")")
	fl.StringVar(&opts.paper, "paper", "", "default paper size for paged formats: "+strings.Join(pipeline.Papers, ", "))
	fl.StringVar(&opts.lang, "lang", "", "default language of the documents: "+strings.Join(locale.Languages(), ", ")+" (default: each company's language, else en)")
	fl.StringVar(&opts.custom.Catalog, "catalog", "", "a folder of catalog YAML files laid over the built-in catalog, for every entry")
	fl.StringVar(&opts.custom.Ladder, "ladder", "", "a ladder YAML file, or a folder of them, replacing the built-in ladder, for every entry")
	fl.StringVar(&opts.custom.Templates, "templates", "", "a folder of *.md.tmpl templates replacing built-in ones, for every entry")
	_ = cmd.MarkFlagDirname("output")
	_ = cmd.MarkFlagDirname("catalog")
	_ = cmd.MarkFlagDirname("templates")
	_ = cmd.MarkFlagFilename("company", "yaml", "yml")
	complete(cmd, "stage", func(c *catalog.Catalog) []string { return c.StageAliases() })
	complete(cmd, "archetype", func(c *catalog.Catalog) []string { return c.ArchetypeIDs() })
	completeStatic(cmd, "kind", pipeline.KindNames())
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(pipeline.FormatNames()))
	completeStatic(cmd, "paper", pipeline.Papers)
	return cmd
}

func runBatch(a *app, opts *batchOptions, args []string) error {
	started := time.Now()
	if len(args) != 1 {
		return usageErr("batch takes one input file, a .yaml manifest or a .csv file (for example: rungs batch roles.csv -o out/)")
	}
	input := args[0]
	switch {
	case opts.output == "":
		return usageErr("-o is required: the folder to write into, for example -o out/")
	case opts.output == "-":
		return usageErr("-o -: a batch writes files; give a folder, for example -o out/")
	}
	jobs := opts.jobs
	switch {
	case jobs == 0:
		jobs = runtime.NumCPU()
	case jobs < 0 || jobs > 1024:
		return usageErr("--jobs: %d is out of range; give 1 to 1024, for example --jobs 2", jobs)
	}
	cat, err := loadCatalog()
	if err != nil {
		return err
	}
	defaults, err := batchDefaults(cat, opts)
	if err != nil {
		return err
	}

	// Catch Ctrl-C and SIGTERM from here on: the run stops taking entries,
	// finishes or abandons what is in hand, and writes the report. A second
	// signal, once stop has run, ends the process the default way.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var src batch.Source
	switch strings.ToLower(filepath.Ext(input)) {
	case ".csv":
		c := batch.NewCSVFile(input)
		c.SetDefaults(defaults)
		src = c
	case ".yaml", ".yml":
		m, err := batch.ReadManifest(input)
		if err != nil {
			return dataErr(err)
		}
		m.SetDefaults(defaults)
		src = m
	default:
		return usageErr("batch: %s: want a .yaml or .yml manifest, or a .csv file", input)
	}

	res := &batch.Resolver{Cat: cat, SourceDateEpoch: a.getenv("SOURCE_DATE_EPOCH"), Custom: opts.custom,
		Lint: opts.lint, Strict: opts.strict}
	total, produces, err := batch.ValidateOutputs(src, res)
	if err != nil {
		var ps batch.Problems
		if errors.As(err, &ps) {
			return dataErr(err)
		}
		return failure(err)
	}
	if ctx.Err() != nil {
		return &exitError{exitInterrupted, errors.New("interrupted before anything was written")}
	}

	if err := os.MkdirAll(opts.output, 0o755); err != nil {
		return failure(fmt.Errorf("-o %s: %v", opts.output, unwrapPath(err)))
	}
	if err := probeWritable(opts.output); err != nil {
		return failure(fmt.Errorf("-o %s: cannot write into the folder: %v", opts.output, unwrapPath(err)))
	}
	// One run at a time per folder; a killed run's temporary files go;
	// the folder's record says what earlier runs of the plan wrote.
	folder, err := batch.OpenFolder(opts.output, input)
	if err != nil {
		return failure(fmt.Errorf("-o %s: %v", opts.output, unwrapPath(err)))
	}
	defer folder.Close()
	if n := folder.RemovedTemps; n > 0 && !opts.quiet {
		a.info("removed %d temporary %s an interrupted run left in %s", n, pluralWord(n, "file"), opts.output)
	}

	var observers []batch.Observer
	var report *batch.Report
	var reportFile *output.AtomicFile
	switch opts.report {
	case "":
	case "-":
		report = batch.NewReport(a.stdout, input, opts.output)
	default:
		if reportFile, err = output.CreateAtomic(opts.report); err != nil {
			return failure(fmt.Errorf("--report %s: %v", opts.report, unwrapPath(err)))
		}
		defer reportFile.Abort() // a no-op once committed
		report = batch.NewReport(reportFile, input, opts.output)
	}
	if report != nil {
		observers = append(observers, report)
	}
	fails := &failureList{}
	summary := &warningSummary{}
	observers = append(observers, fails, summary, folder.Observer())
	if !opts.quiet {
		if a.isTerminal(a.stderr) {
			observers = append(observers, &barProgress{w: a.stderr, raw: rawWriter(a.stderr)})
		} else {
			observers = append(observers, &lineProgress{w: a.stderr})
		}
	}

	// Rendering allocates a lot of short-lived memory on a small live
	// heap, so the default GC target collects every few documents. Twice
	// the target halves the time spent in GC for a few MB more at peak,
	// unless the user tuned GOGC.
	if a.getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	tot, runErr := batch.Run(ctx, src, res, total, batch.Options{
		Cat: cat, Out: opts.output, Jobs: jobs, FailFast: opts.failFast,
		Started: started, Observers: observers, Sync: opts.sync,
	})
	stop()
	tidy, tidyErr := folder.Finish(produces, opts.prune, tot.Interrupted)
	reportTidy(a, opts, tidy)

	if report != nil && report.Err() != nil {
		return failure(fmt.Errorf("--report %s: %v", opts.report, report.Err()))
	}
	if reportFile != nil {
		if err := reportFile.Commit(); err != nil {
			return failure(fmt.Errorf("--report %s: %v", opts.report, unwrapPath(err)))
		}
	}
	fails.print(a.stderr)
	if !opts.quiet {
		summary.print(a.stderr, opts.lint)
	}
	if !opts.quiet {
		fmt.Fprintf(a.stderr, "rungs: %d of %d entries done: %d written, %d unchanged, %d failed, in %.2fs\n",
			tot.Written+tot.Unchanged+tot.Failed, tot.Entries, tot.Written, tot.Unchanged, tot.Failed, tot.Elapsed.Seconds())
	}
	switch {
	case tot.Interrupted:
		return &exitError{exitInterrupted, fmt.Errorf("interrupted: %d of %d entries done", tot.Written+tot.Unchanged+tot.Failed, tot.Entries)}
	case runErr != nil:
		return failure(runErr)
	case tidyErr != nil:
		return failure(fmt.Errorf("-o %s: %v", opts.output, tidyErr))
	case tot.Failed > 0 && fails.strict == tot.Failed:
		return dataErr(fmt.Errorf("--strict: %d of %d entries lack what the pay-transparency law of their location requires; the failed entries are listed above", tot.Failed, tot.Entries))
	case tot.Failed > 0:
		return failure(fmt.Errorf("%d of %d entries failed", tot.Failed, tot.Entries))
	}
	return nil
}

// batchDefaults checks the flags that give entries their defaults; a bad
// flag is a usage error before the input is read.
func batchDefaults(cat *catalog.Catalog, o *batchOptions) ([]batch.Value, error) {
	d := batch.NewValues()
	set := func(f batch.Field, v string) {
		if v != "" {
			d[f] = batch.Value{S: v, Origin: batch.FromFlag}
		}
	}
	if o.kind != "" {
		if _, err := pipeline.LookupKind(o.kind); err != nil {
			return d, usageErr("--kind: %v", err)
		}
	}
	if o.format != "" {
		if _, err := pipeline.ParseFormats(o.format); err != nil {
			return d, usageErr("--format: %v", err)
		}
	}
	if o.paper != "" {
		if _, err := pipeline.ParsePaper(o.paper); err != nil {
			return d, usageErr("--paper: %v", err)
		}
	}
	if o.stage != "" {
		if _, err := cat.Stage(o.stage); err != nil {
			return d, usageErr("--stage: %v", err)
		}
	}
	if o.size != "" {
		if _, err := profile.ParseSize(o.size); err != nil {
			return d, usageErr("--size: %v", err)
		}
	}
	if o.archetype != "" {
		if _, err := cat.Archetype(o.archetype); err != nil {
			return d, usageErr("--archetype: %v", err)
		}
	}
	if o.lang != "" {
		if _, err := profile.Lang(profile.Input{Lang: o.lang}); err != nil {
			return d, flagErr(err)
		}
	}
	set(batch.FKind, o.kind)
	set(batch.FStage, o.stage)
	set(batch.FSize, o.size)
	set(batch.FArchetype, o.archetype)
	set(batch.FCompany, o.company)
	set(batch.FFormat, o.format)
	set(batch.FPaper, o.paper)
	set(batch.FLang, o.lang)
	return d, nil
}

// probeWritable creates and removes a temporary file in dir, so a folder
// that cannot be written fails once, before any entry runs.
func probeWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".rungs-probe-*.tmp")
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// failureList keeps the failed entries, to list them at the end.
type failureList struct {
	shown []string
	more  int
	// strict counts the entries that failed --strict.
	strict int
}

const maxListedFailures = 100

func (l *failureList) Start(int) {}
func (l *failureList) Entry(r *batch.Result, _ int) {
	if r.Status != batch.Failed {
		return
	}
	if r.Strict {
		l.strict++
	}
	if len(l.shown) == maxListedFailures {
		l.more++
		return
	}
	l.shown = append(l.shown, fmt.Sprintf("%s: %v", entryLabel(r), r.Err))
}
func (l *failureList) Finish(batch.Totals) {}

func (l *failureList) print(w io.Writer) {
	if len(l.shown) == 0 {
		return
	}
	fmt.Fprintf(w, "rungs: failed entries:\n")
	for _, s := range l.shown {
		fmt.Fprintf(w, "rungs:   %s\n", s)
	}
	if l.more > 0 {
		fmt.Fprintf(w, "rungs:   ... and %d more; --report lists them all\n", l.more)
	}
}

// entryLabel names an entry in messages: its source line, its place in a
// manifest, and its name.
func entryLabel(r *batch.Result) string {
	s := r.Source
	if r.Where != "" {
		s += " " + r.Where
	}
	if r.Name != "" {
		s += " (" + r.Name + ")"
	}
	return s
}

// lineProgress prints one line per entry, for logs and pipes.
type lineProgress struct {
	w     io.Writer
	total int
}

func (p *lineProgress) Start(total int) { p.total = total }
func (p *lineProgress) Entry(r *batch.Result, done int) {
	for _, w := range r.Warnings {
		fmt.Fprintf(p.w, "rungs: warning: %s: %s\n", entryLabel(r), w)
	}
	if r.Status == batch.Failed {
		fmt.Fprintf(p.w, "rungs: [%d/%d] failed %s: %v\n", done, p.total, entryLabel(r), r.Err)
		return
	}
	paths := make([]string, len(r.Files))
	for i, f := range r.Files {
		paths[i] = f.Path
	}
	fmt.Fprintf(p.w, "rungs: [%d/%d] %s %s\n", done, p.total, r.Status, strings.Join(paths, " "))
}
func (p *lineProgress) Finish(batch.Totals) {}

// barProgress draws a progress bar on a terminal: done/total, rate, ETA.
// Warnings would scroll the bar away: warningSummary prints them at the
// end.
type barProgress struct {
	w   io.Writer // messages, control characters escaped
	raw io.Writer // the terminal itself, for the bar's own \r
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(total int) {
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.raw),
		progressbar.OptionSetDescription("rungs batch"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
}

func (p *barProgress) Entry(*batch.Result, int) { p.bar.Add(1) }

func (p *barProgress) Finish(batch.Totals) { p.bar.Finish() }

// warningSummary counts the entries of each kind of warning (its rule),
// to print one line per kind at the end: a large batch repeats the same
// few, and the report names each entry's.
type warningSummary struct {
	rules map[string]*ruleEntries
	// linted counts the postings linted, and those with errors and with
	// warnings (--lint).
	linted, lintErrors, lintWarnings int
}

type ruleEntries struct {
	count int
	shown []string
}

// maxSummaryEntries bounds the entries a summary line names.
const maxSummaryEntries = 5

func (s *warningSummary) Start(int) { s.rules = map[string]*ruleEntries{} }

func (s *warningSummary) Entry(r *batch.Result, _ int) {
	seen := map[string]bool{}
	for _, w := range r.Checks {
		if seen[w.Rule] {
			continue
		}
		seen[w.Rule] = true
		re := s.rules[w.Rule]
		if re == nil {
			re = &ruleEntries{}
			s.rules[w.Rule] = re
		}
		re.count++
		if len(re.shown) < maxSummaryEntries {
			re.shown = append(re.shown, entryLabel(r))
		}
	}
	if r.Lint != nil {
		s.linted++
		if r.Lint.Count(lint.LevelError) > 0 {
			s.lintErrors++
		}
		if r.Lint.Count(lint.LevelWarning) > 0 {
			s.lintWarnings++
		}
	}
}

func (s *warningSummary) Finish(batch.Totals) {}

func entriesWord(n int) string {
	if n == 1 {
		return "entry"
	}
	return "entries"
}

// print writes one line per kind of warning, in the order of
// pipeline.Rules, and with --lint one line on the lint reports.
func (s *warningSummary) print(w io.Writer, linted bool) {
	any := false
	for _, rule := range pipeline.Rules {
		re := s.rules[rule.ID]
		if re == nil {
			continue
		}
		any = true
		more := ""
		if re.count > len(re.shown) {
			more = fmt.Sprintf(" and %d more", re.count-len(re.shown))
		}
		fmt.Fprintf(w, "rungs: warning: %s: %s: %d %s: %s%s\n", rule.ID, rule.Summary, re.count, entriesWord(re.count),
			strings.Join(re.shown, ", "), more)
	}
	if any {
		fmt.Fprintln(w, "rungs: the report (--report) has each entry's warnings in full")
	}
	if linted {
		fmt.Fprintf(w, "rungs: lint: %d %s checked: %d with errors, %d with warnings; the report (--report) has each one's findings\n",
			s.linted, pluralWord(s.linted, "posting"), s.lintErrors, s.lintWarnings)
	}
}
