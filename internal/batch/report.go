package batch

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/lint"
)

// ReportVersion is the version of the report's schema. Fields are added
// to the report without changing it; it changes only if a field is
// renamed, removed or changes meaning.
const ReportVersion = 1

// Report writes the JSON report as the run goes, so it needs no memory
// per entry:
//
//	{
//	  "version": 1,
//	  "input": "roles.csv",
//	  "output": "out",
//	  "entries": [
//	    {"index": 0, "source": "roles.csv:2", "name": "acme-cto", "kind": "jd",
//	     "status": "written", "files": [{"path": "out/acme-cto.md", "bytes": 4711, "sha256": "..."}],
//	     "warnings": ["..."], "checks": [{"rule": "pay-transparency", "message": "..."}]},
//	    ...
//	  ],
//	  "totals": {"entries": 3, "written": 1, "unchanged": 1, "failed": 1, "skipped": 0,
//	             "elapsed_seconds": 0.213, "interrupted": false}
//	}
//
// The README documents every field; scripts depend on them.
type Report struct {
	w      *bufio.Writer
	input  string
	output string
	n      int
	err    error
}

// NewReport writes a report to w. input and output are the input file and
// output folder, recorded in the report.
func NewReport(w io.Writer, input, output string) *Report {
	return &Report{w: bufio.NewWriter(w), input: input, output: output}
}

type reportEntry struct {
	Index    int          `json:"index"`
	Source   string       `json:"source"`
	Entry    string       `json:"entry,omitempty"`
	Name     string       `json:"name,omitempty"`
	Kind     string       `json:"kind,omitempty"`
	Status   Status       `json:"status"`
	Error    string       `json:"error,omitempty"`
	Files    []FileResult `json:"files"`
	Warnings []string     `json:"warnings,omitempty"`
	// Added in version 1 without a change of version: the warnings with
	// their rule, the lint report (with --lint), and whether the entry
	// failed --strict.
	Checks []pipeline.Warning `json:"checks,omitempty"`
	Lint   *lint.Report       `json:"lint,omitempty"`
	Strict bool               `json:"strict,omitempty"`
}

type reportTotals struct {
	Entries     int     `json:"entries"`
	Written     int     `json:"written"`
	Unchanged   int     `json:"unchanged"`
	Failed      int     `json:"failed"`
	Skipped     int     `json:"skipped"`
	Elapsed     float64 `json:"elapsed_seconds"`
	Interrupted bool    `json:"interrupted"`
}

// Start writes the head of the report.
func (r *Report) Start(int) {
	r.write("{\n  \"version\": ")
	r.json(ReportVersion, "")
	r.write(",\n  \"input\": ")
	r.json(r.input, "")
	r.write(",\n  \"output\": ")
	r.json(r.output, "")
	r.write(",\n  \"entries\": [")
}

// Entry writes one entry.
func (r *Report) Entry(res *Result, _ int) {
	e := reportEntry{Index: res.Index, Source: res.Source, Entry: res.Where, Name: res.Name, Kind: res.Kind,
		Status: res.Status, Files: res.Files, Warnings: res.Warnings, Checks: res.Checks, Lint: res.Lint, Strict: res.Strict}
	if e.Files == nil {
		e.Files = []FileResult{}
	}
	if res.Err != nil {
		e.Error = res.Err.Error()
	}
	if r.n > 0 {
		r.write(",")
	}
	r.n++
	r.write("\n    ")
	r.json(e, "    ")
}

// Finish writes the totals and flushes.
func (r *Report) Finish(t Totals) {
	if r.n > 0 {
		r.write("\n  ")
	}
	r.write("],\n  \"totals\": ")
	r.json(reportTotals{
		Entries: t.Entries, Written: t.Written, Unchanged: t.Unchanged, Failed: t.Failed, Skipped: t.Skipped,
		Elapsed: float64(t.Elapsed.Milliseconds()) / 1000, Interrupted: t.Interrupted,
	}, "  ")
	r.write("\n}\n")
	if r.err == nil {
		r.err = r.w.Flush()
	}
}

// Err is the first write error.
func (r *Report) Err() error { return r.err }

func (r *Report) write(s string) {
	if r.err == nil {
		_, r.err = r.w.WriteString(s)
	}
}

func (r *Report) json(v any, prefix string) {
	if r.err != nil {
		return
	}
	data, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		r.err = err
		return
	}
	_, r.err = r.w.Write(data)
}
