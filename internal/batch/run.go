package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/lint"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/output/sitedoc"
)

// Status is what happened to an entry. The values are part of the report's
// contract.
type Status string

// The statuses of an entry in the report.
const (
	Written   Status = "written"   // at least one file was written
	Unchanged Status = "unchanged" // every file already had this content
	Failed    Status = "failed"
	// skipped entries were not run (interrupted, or --fail-fast); they
	// are counted but not listed.
	skipped Status = "skipped"
)

// FileResult is one output file in the report.
type FileResult struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Result is what happened to one entry.
type Result struct {
	Index  int
	Source string
	Where  string
	Name   string
	Kind   string
	Status Status
	Err    error
	Files  []FileResult
	// Warnings are the messages of Checks, the entry's warnings.
	Warnings []string
	Checks   []pipeline.Warning
	// Lint is the posting's lint report, with --lint.
	Lint *lint.Report
	// Strict is set when the entry failed --strict: its posting lacks
	// what the pay-transparency law of its location requires.
	Strict bool
}

// Totals sums up a run.
type Totals struct {
	Entries     int // in the input
	Written     int
	Unchanged   int
	Failed      int
	Skipped     int // not run: interrupted or stopped by --fail-fast
	Elapsed     time.Duration
	Interrupted bool
}

// Observer follows a run: progress on a terminal, the report. Its methods
// are called from one goroutine, Entry in input order.
type Observer interface {
	Start(total int)
	Entry(r *Result, done int)
	Finish(t Totals)
}

// Options configure a run.
type Options struct {
	Cat *catalog.Catalog
	// Ladder is the ladder of ladders and promotion guides; nil means the
	// built-in one.
	Ladder *ladders.Ladder
	// Out is the output folder; it must exist.
	Out string
	// Jobs is the number of workers.
	Jobs int
	// FailFast stops taking entries after the first failure.
	FailFast bool
	// Started is when the batch began, for the elapsed time.
	Started time.Time
	// Observers are told of each entry.
	Observers []Observer
	// Sync flushes every written file to the disk before it is renamed
	// into place, and the output folder once the run ends, so that the
	// files survive a power cut. Without it, writes are still atomic: a
	// killed process (SIGKILL) leaves every file complete, old or new,
	// since a file is renamed into place only once it is whole.
	Sync bool
}

type task struct {
	seq int
	job *Job
	err error // the entry no longer validates (the input changed)
}

// Run reads the input again and generates every entry with a pool of
// workers, at most opt.Jobs rendering at a time. total is the count
// Validate returned. Results reach the observers in input order, whatever
// the number of workers, and at most a
// few per worker are held at a time, so memory does not grow with the
// input. When ctx is cancelled (Ctrl-C), no new entry is started, entries
// not yet writing are abandoned, and Run returns what was done. The error
// is for the input becoming unreadable or, with Sync, the output folder
// failing to flush; entry failures are in Totals.
func Run(ctx context.Context, src Source, r *Resolver, total int, opt Options) (Totals, error) {
	jobs := max(opt.Jobs, 1)
	tot := Totals{Entries: total}
	for _, o := range opt.Observers {
		o.Start(total)
	}

	// stop ends the producer on an interrupt or the first failure with
	// --fail-fast; workers then skip what is queued.
	stop, cancel := context.WithCancel(ctx)
	defer cancel()

	// --jobs bounds the documents rendered at once (CPU work). Twice as
	// many workers exist, so that while some wait on the disk (a write is
	// a create and a rename, and with Sync an fsync) others render: the
	// CPUs stay busy.
	// With --fail-fast, stopping soon matters more than throughput: one
	// worker per job, so with --jobs 1 nothing runs after a failure.
	workers := 2 * jobs
	if opt.FailFast {
		workers = jobs
	}
	cpu := make(chan struct{}, jobs)

	// window bounds the entries between the producer and the in-order
	// emitter: without it, one slow entry would let results pile up.
	window := make(chan struct{}, 2*workers)
	tasks := make(chan *task)
	results := make(chan *taskResult, workers)

	var srcErr error
	go func() {
		defer close(tasks)
		seq := 0
		srcErr = src.Entries(func(e *Entry) bool {
			if stop.Err() != nil {
				return false
			}
			select {
			case window <- struct{}{}:
			case <-stop.Done():
				return false
			}
			t := &task{seq: seq}
			job, probs := r.Resolve(e)
			if len(probs) > 0 {
				t.err = fmt.Errorf("the input changed since validation: %w", probs)
				t.job = &Job{Index: e.Index, Source: fmt.Sprintf("%s:%d", e.File, e.Line), Where: e.Where}
			} else {
				t.job = job
			}
			seq++
			tasks <- t
			return true
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				res := work(stop, opt, t, cpu)
				if res.Status == Failed && opt.FailFast {
					// Stop at once, not when the result's turn comes
					// to be emitted: with --jobs 1, nothing after the
					// failure starts.
					cancel()
				}
				results <- &taskResult{seq: t.seq, Result: res}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Emit results in input order.
	pending := map[int]*Result{}
	next, done := 0, 0
	for tr := range results {
		pending[tr.seq] = tr.Result
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			switch res.Status {
			case skipped:
				continue
			case Written:
				tot.Written++
			case Unchanged:
				tot.Unchanged++
			case Failed:
				tot.Failed++
			}
			done++
			for _, o := range opt.Observers {
				o.Entry(res, done)
			}
		}
	}
	tot.Skipped = tot.Entries - done
	if opt.Sync && tot.Written > 0 {
		// The files were flushed one by one; this makes their names
		// durable. Every name is directly in the output folder.
		if err := output.SyncDir(opt.Out); err != nil && srcErr == nil {
			srcErr = fmt.Errorf("sync %s: %v", opt.Out, unwrapPath(err))
		}
	}
	tot.Interrupted = ctx.Err() != nil
	tot.Elapsed = time.Since(opt.Started)
	for _, o := range opt.Observers {
		o.Finish(tot)
	}
	return tot, srcErr
}

type taskResult struct {
	seq int
	*Result
}

// work renders one entry and writes its files.
// stop is cancelled on an interrupt and, with --fail-fast, on a failure.
func work(stop context.Context, opt Options, t *task, cpu chan struct{}) *Result {
	j := t.job
	res := &Result{Index: j.Index, Source: j.Source, Where: j.Where, Name: j.Name, Kind: j.Request.Kind}
	if stop.Err() != nil {
		res.Status = skipped
		return res
	}
	if t.err != nil {
		res.Status, res.Err = Failed, t.err
		return res
	}
	cpu <- struct{}{}
	env := j.Env
	if env == nil {
		env = &pipeline.Env{Cat: opt.Cat, Ladder: opt.Ladder}
	}
	out, err := pipeline.Render(env, &j.Request)
	<-cpu
	if out != nil {
		res.Checks, res.Lint = out.Warnings, out.Lint
		res.Warnings = pipeline.Messages(out.Warnings)
	}
	if err != nil {
		var se *pipeline.StrictError
		res.Status, res.Err, res.Strict = Failed, err, errors.As(err, &se)
		return res
	}
	files := out.Files
	// Interrupted (or stopped by a failure) while rendering: abandon the
	// entry before its first write. Once writing, finish the entry, so
	// its files stay a set.
	if stop.Err() != nil {
		res.Status = skipped
		return res
	}
	res.Status = Unchanged
	for i, f := range files {
		path := filepath.Join(opt.Out, j.Files[i])
		if f.Site != nil {
			if err := writeSite(res, path, f.Site); err != nil {
				res.Status, res.Err = Failed, err
				return res
			}
			continue
		}
		changed, err := writeIfChanged(path, f.Data, opt.Sync)
		if err != nil {
			res.Status, res.Err = Failed, err
			return res
		}
		if changed {
			res.Status = Written
		}
		sum := sha256.Sum256(f.Data)
		res.Files = append(res.Files, FileResult{Path: path, Bytes: len(f.Data), SHA256: hex.EncodeToString(sum[:])})
	}
	return res
}

// writeSite writes a site into its folder and lists each of its files,
// with its checksum, in the result.
func writeSite(res *Result, dir string, site *sitedoc.Site) error {
	// As for files: nothing is written through a link that could leave
	// the output folder.
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(dir)
		return fmt.Errorf("%s is a symbolic link to %s; refusing to write through a link that could leave the output folder: remove it", dir, target)
	}
	rep, err := site.Write(dir)
	if err != nil {
		return fmt.Errorf("write %s: %v", dir, unwrapPath(err))
	}
	if len(rep.Written) > 0 || len(rep.Removed) > 0 {
		res.Status = Written
	}
	for _, f := range site.Files {
		sum := sha256.Sum256(f.Data)
		res.Files = append(res.Files, FileResult{Path: filepath.Join(dir, filepath.FromSlash(f.Path)), Bytes: len(f.Data), SHA256: hex.EncodeToString(sum[:])})
	}
	return nil
}

// writeIfChanged writes data to path atomically (and with sync, durably),
// unless path already holds exactly data. It refuses to write where a
// symbolic link stands: the link could point outside the output folder.
func writeIfChanged(path string, data []byte, sync bool) (bool, error) {
	fi, err := os.Lstat(path)
	switch {
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(path)
		return false, fmt.Errorf("%s is a symbolic link to %s; refusing to write through a link that could leave the output folder: remove it", path, target)
	case err == nil && fi.IsDir():
		return false, fmt.Errorf("%s is a folder; remove it or give the entry another name", path)
	case err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(data)):
		old, err := boundedio.ReadFile(path, int64(len(data)))
		if err == nil && bytes.Equal(old, data) {
			return false, nil
		}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	if err := output.WriteFileSync(path, data, sync); err != nil {
		return false, fmt.Errorf("write %s: %v", path, unwrapPath(err))
	}
	return true, nil
}
