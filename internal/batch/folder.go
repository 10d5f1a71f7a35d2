package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/output"
)

// The files Rungs keeps in an output folder, beside the documents.
const (
	// LockFile names the run writing into the folder while it runs; it is
	// removed when the run ends.
	LockFile = ".rungs.lock"
	// StateFile records, per plan, the files the plan's runs wrote and
	// their SHA-256, so that --prune removes only those.
	StateFile = ".rungs-state.json"
)

// maxStateBytes bounds the state file: MaxEntries entries of a few files.
const maxStateBytes = 256 << 20

// staleAfter is the age from which a temporary file is surely a dead
// run's, where the folder cannot be locked.
const staleAfter = time.Hour

// tempName matches the temporary files Rungs creates in an output folder:
// ".<name>.<random digits>.tmp" beside a document (output.WriteFile) and
// ".rungs-probe-<digits>.tmp" (the writability probe).
var tempName = regexp.MustCompile(`^\.(.+\.|rungs-probe-)[0-9]+\.tmp$`)

// Folder is an output folder held by one batch run: locked against other
// runs, cleared of the temporary files of killed runs, and with the record
// of what earlier runs of each plan wrote.
type Folder struct {
	dir  string
	plan string // the plan's key in the state: its path from dir
	lock *os.File
	// locked is false where the file system offers no locks.
	locked bool
	state  folderState
	// wrote holds the files this run wrote or found unchanged: name to
	// SHA-256.
	wrote map[string]string
	// RemovedTemps counts the temporary files of killed runs removed.
	RemovedTemps int
}

// folderState is the content of the state file.
type folderState struct {
	Version int          `json:"version"`
	Plans   []planRecord `json:"plans"`
}

type planRecord struct {
	// Plan is the manifest or CSV file, as a path from the folder.
	Plan string `json:"plan"`
	// Files maps each file name to the SHA-256 of what Rungs wrote.
	Files map[string]string `json:"files"`
}

// BusyError says that another run holds the folder.
type BusyError struct {
	Dir string
	// Holder is what the other run wrote in the lock file: its process
	// id, start time and plan.
	Holder string
}

func (e *BusyError) Error() string {
	who := "another rungs batch"
	if e.Holder != "" {
		who += " (" + e.Holder + ")"
	}
	return fmt.Sprintf("%s is writing into %s; wait for it to finish, or give another folder (a run killed outright frees the folder at once)", who, e.Dir)
}

// OpenFolder takes the output folder dir for one run of plan. Only one run
// writes into a folder at a time: while this one holds it, another fails
// at once with a BusyError instead of mixing its files with this run's.
// It then removes the temporary files a run killed before it could clean
// up (SIGKILL, a power cut) left there (where the system offers no lock,
// only those older than an hour), and reads the state file. The documents
// themselves are always whole: each is renamed into place once complete.
// Call Close when the run ends.
func OpenFolder(dir, plan string) (*Folder, error) {
	f := &Folder{dir: dir, plan: planKey(dir, plan), wrote: map[string]string{}}
	if err := f.takeLock(); err != nil {
		return nil, err
	}
	if err := f.removeTemps(); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.readState(); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// planKey is the plan's path from the folder, so that the record still
// holds when both are moved together, or its absolute path.
func planKey(dir, plan string) string {
	ad, err1 := filepath.Abs(dir)
	ap, err2 := filepath.Abs(plan)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(plan)
	}
	if rel, err := filepath.Rel(ad, ap); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(ap)
}

func (f *Folder) takeLock() error {
	path := filepath.Join(f.dir, LockFile)
	// A run that ends removes the lock file; a run starting meanwhile may
	// have opened the old one. Lock, then check that the name still leads
	// to the file locked; else try again with the new one.
	for range 10 {
		lf, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return err
		}
		ok, busy, err := flock(lf)
		if err != nil {
			lf.Close()
			return err
		}
		if busy {
			holder, _ := io.ReadAll(io.LimitReader(lf, 512))
			lf.Close()
			return &BusyError{Dir: f.dir, Holder: strings.Join(strings.Fields(string(holder)), " ")}
		}
		a, err1 := lf.Stat()
		b, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(a, b) {
			lf.Close()
			continue
		}
		// A file left by a killed run holds its details: replace them.
		info := fmt.Sprintf("pid %d, started %s, plan %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339), f.plan)
		if err := lf.Truncate(0); err == nil {
			lf.WriteAt([]byte(info), 0)
		}
		f.lock, f.locked = lf, ok
		return nil
	}
	return fmt.Errorf("%s: the lock file keeps changing; is another program removing it?", path)
}

func (f *Folder) removeTemps() error {
	entries, err := os.ReadDir(f.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !tempName.MatchString(e.Name()) {
			continue
		}
		if !f.locked {
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < staleAfter {
				continue
			}
		}
		if os.Remove(filepath.Join(f.dir, e.Name())) == nil {
			f.RemovedTemps++
		}
	}
	return nil
}

func (f *Folder) readState() error {
	path := filepath.Join(f.dir, StateFile)
	data, err := boundedio.ReadFile(path, maxStateBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f.state = folderState{Version: 1}
		return nil
	case err != nil:
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f.state); err != nil || f.state.Version != 1 {
		if err == nil {
			err = fmt.Errorf("version %d, want 1", f.state.Version)
		}
		return fmt.Errorf("%s: not a state file this rungs can read (%v); remove it, and --prune forgets what earlier runs wrote", path, err)
	}
	return nil
}

// Close releases the folder: the lock file is removed.
func (f *Folder) Close() {
	if f.lock == nil {
		return
	}
	// Remove the name before unlocking, so that a run starting now
	// creates a new lock file rather than wait on this one.
	os.Remove(filepath.Join(f.dir, LockFile))
	f.lock.Close()
	f.lock = nil
}

// Observer records the files each entry wrote or found unchanged.
func (f *Folder) Observer() Observer { return folderObserver{f} }

type folderObserver struct{ f *Folder }

func (folderObserver) Start(int) {}
func (o folderObserver) Entry(r *Result, _ int) {
	for _, file := range r.Files {
		o.f.wrote[filepath.Base(file.Path)] = file.SHA256
	}
}
func (folderObserver) Finish(Totals) {}

// Tidy is what Finish did with the files earlier runs of the plan wrote
// and the plan no longer produces.
type Tidy struct {
	// Pruned were removed (--prune).
	Pruned []string
	// Stale are still there: no --prune, or the run did not finish.
	Stale []string
	// Edited were kept although --prune was given: their content changed
	// since Rungs wrote them. They are no longer recorded.
	Edited []string
}

// Finish records what the run wrote in the state file. produces holds
// every file name the plan produces now (Validate's names), whether or
// not its entry succeeded. With prune, and when the run was not
// interrupted, the files earlier runs of this plan wrote that the plan no
// longer produces are removed: only those the state records for this plan
// and no other, still regular files with the content Rungs wrote.
func (f *Folder) Finish(produces map[string]bool, prune, interrupted bool) (Tidy, error) {
	var tidy Tidy
	var pruneErr error
	var old map[string]string
	others := map[string]bool{}
	var plans []planRecord
	for _, p := range f.state.Plans {
		if p.Plan == f.plan {
			old = p.Files
			continue
		}
		plans = append(plans, p)
		for name := range p.Files {
			others[name] = true
		}
	}
	rec := map[string]string{}
	for name, sum := range f.wrote {
		rec[name] = sum
	}
	for _, name := range slices.Sorted(maps.Keys(old)) {
		wrote := old[name]
		if _, ok := rec[name]; ok || !safeName(name) {
			continue
		}
		if produces[name] {
			// Its entry failed or did not run this time: still the plan's.
			rec[name] = wrote
			continue
		}
		path := filepath.Join(f.dir, name)
		fi, err := os.Lstat(path)
		if err != nil || !fi.Mode().IsRegular() || others[name] {
			// Gone, replaced by a link or a folder, or another plan's
			// now: not this plan's to remove.
			continue
		}
		if !prune || interrupted {
			rec[name] = wrote
			tidy.Stale = append(tidy.Stale, name)
			continue
		}
		if sum, err := fileSum(path); err != nil || sum != wrote {
			tidy.Edited = append(tidy.Edited, name)
			continue
		}
		if err := os.Remove(path); err != nil {
			// Still there: keep it on record, tell the user.
			rec[name] = wrote
			if pruneErr == nil {
				pruneErr = fmt.Errorf("--prune: %v", unwrapPath(err))
			}
			continue
		}
		tidy.Pruned = append(tidy.Pruned, name)
	}
	if len(rec) > 0 {
		plans = append(plans, planRecord{Plan: f.plan, Files: rec})
	}
	slices.SortFunc(plans, func(a, b planRecord) int { return strings.Compare(a.Plan, b.Plan) })
	slices.Sort(tidy.Pruned)
	slices.Sort(tidy.Stale)
	slices.Sort(tidy.Edited)
	f.state.Plans = plans
	data, err := json.MarshalIndent(f.state, "", "  ")
	if err != nil {
		return tidy, err
	}
	if err := output.WriteFile(filepath.Join(f.dir, StateFile), append(data, '\n')); err != nil {
		return tidy, fmt.Errorf("%s: %v", StateFile, unwrapPath(err))
	}
	return tidy, pruneErr
}

// safeName is a plain file name directly in the folder, not one of Rungs'
// own files: a state file edited by hand cannot make --prune reach
// elsewhere.
func safeName(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsAny(name, `/\`) &&
		filepath.Base(name) == name && name != LockFile && name != StateFile && !tempName.MatchString(name)
}

// maxOutputFile caps what fileSum reads: far above any document Rungs
// writes, so a larger file (or a device put in its place) reads as edited.
const maxOutputFile = 256 << 20

func fileSum(path string) (string, error) {
	fh, err := boundedio.Open(path, maxOutputFile)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
