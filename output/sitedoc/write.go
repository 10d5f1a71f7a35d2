package sitedoc

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/rungs/rungs/internal/boundedio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/rungs/rungs/output"
)

// ManifestName is the file in the site's folder that lists the files the
// site wrote, with their SHA-256, in the form sha256sum prints (so
// `sha256sum -c .rungs-site.sha256` checks a copy of the site). A later
// run reads it to know which files it may replace or remove.
const ManifestName = ".rungs-site.sha256"

// MaxManifest bounds the manifest a run reads: a site of the largest
// ladder lists a few hundred files.
const MaxManifest = 1 << 20

// FolderError is a folder a site cannot be written to: a file stands
// there, or the folder holds files the site did not write. Commands
// report it as a usage error: the user picks another folder.
type FolderError struct {
	Dir string
	Msg string
}

func (e *FolderError) Error() string { return e.Dir + ": " + e.Msg }

// Entry is one line of the manifest.
type Entry struct {
	Path   string
	SHA256 string
}

// Manifest is the manifest of the site's files.
func (s *Site) Manifest() []byte {
	var b bytes.Buffer
	for _, f := range s.Files {
		sum := sha256.Sum256(f.Data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), f.Path)
	}
	return b.Bytes()
}

// ParseManifest reads a manifest. Each line is a SHA-256 in hex, two
// spaces and a relative path with forward slashes that stays inside the
// folder; anything else is an error naming the line.
func ParseManifest(data []byte) ([]Entry, error) {
	if len(data) > MaxManifest {
		return nil, fmt.Errorf("%s is %d bytes; a site's manifest is at most %d", ManifestName, len(data), MaxManifest)
	}
	var out []Entry
	seen := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" {
			continue
		}
		sum, path, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" {
			return nil, fmt.Errorf("%s:%d: want a SHA-256 in lowercase hex, two spaces and a path", ManifestName, i+1)
		}
		if !safePath(path) {
			return nil, fmt.Errorf("%s:%d: %q is not a path inside the site's folder", ManifestName, i+1, path)
		}
		if seen[path] {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", ManifestName, i+1, path)
		}
		seen[path] = true
		out = append(out, Entry{Path: path, SHA256: sum})
	}
	return out, nil
}

// safePath reports whether p is a clean relative path with forward
// slashes, inside the folder, that is not the manifest itself.
func safePath(p string) bool {
	if p == "" || p == ManifestName || strings.ContainsAny(p, "\\\x00\r") || !fs.ValidPath(p) {
		return false
	}
	return !slices.Contains(strings.Split(p, "/"), "..")
}

// Report is what Write did.
type Report struct {
	// Written are the files written, Unchanged those that already held
	// the same bytes, Removed the files of an earlier run the site no
	// longer has; paths relative to the folder. Kept are files of an
	// earlier run the site no longer has but someone changed since: they
	// are left in place.
	Written, Unchanged, Removed, Kept []string
}

// Write puts the site in dir. A new folder is built beside dir and renamed
// into place, so it appears whole or not at all. An existing folder must
// be empty or hold only an earlier site's files (listed in its manifest):
// each file is then replaced atomically, files the new site no longer has
// are removed, and the manifest is written last. Anything else in the
// folder makes Write refuse, before it writes a byte.
func (s *Site) Write(dir string) (*Report, error) {
	for _, f := range s.Files {
		if !safePath(f.Path) {
			return nil, fmt.Errorf("sitedoc: %q is not a path inside the site", f.Path)
		}
	}
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s.writeNew(dir)
	case err != nil:
		return nil, err
	case fi.Mode()&fs.ModeSymlink != 0:
		// Follow a link to a folder (a published docs/ folder often is
		// one), never to a file.
		if fi, err = os.Stat(dir); err != nil {
			return nil, err
		}
	}
	if !fi.IsDir() {
		return nil, &FolderError{Dir: dir, Msg: "is a file, not a folder; give a folder for the site, for example -o site/"}
	}
	old, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	if err := checkFolder(dir, old, s); err != nil {
		return nil, err
	}
	return s.update(dir, old)
}

// writeNew builds the site in a temporary folder beside dir and renames
// it to dir.
func (s *Site) writeNew(dir string) (*Report, error) {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	base := filepath.Base(filepath.Clean(dir))
	removeStale(parent, true, "."+base+".")
	tmp, err := os.MkdirTemp(parent, "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	rep := &Report{}
	for _, f := range s.Files {
		path := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return nil, err
		}
		rep.Written = append(rep.Written, f.Path)
	}
	if err := os.WriteFile(filepath.Join(tmp, ManifestName), s.Manifest(), 0o644); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, err
	}
	done = true
	return rep, nil
}

// readManifest reads an earlier run's manifest; none is an empty list.
func readManifest(dir string) ([]Entry, error) {
	path := filepath.Join(dir, ManifestName)
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &FolderError{Dir: dir, Msg: ManifestName + " is not a regular file; remove it"}
	}
	if fi.Size() > MaxManifest {
		return nil, &FolderError{Dir: dir, Msg: fmt.Sprintf("%s is %d bytes; a site's manifest is at most %d: remove it", ManifestName, fi.Size(), MaxManifest)}
	}
	data, err := boundedio.ReadFile(path, MaxManifest)
	if err != nil {
		return nil, err
	}
	entries, err := ParseManifest(data)
	if err != nil {
		return nil, &FolderError{Dir: dir, Msg: err.Error() + "; it was not written by rungs: remove it, or give another folder"}
	}
	return entries, nil
}

// checkFolder refuses a folder that holds anything but an earlier site's
// files, the folders they are in, and the site's own leftover temporary
// files.
func checkFolder(dir string, old []Entry, s *Site) error {
	owned := map[string]bool{ManifestName: true}
	for _, e := range old {
		owned[e.Path] = true
		for d := pathDir(e.Path); d != "."; d = pathDir(d) {
			owned[d+"/"] = true
		}
	}
	for _, f := range s.Files {
		for d := pathDir(f.Path); d != "."; d = pathDir(d) {
			owned[d+"/"] = true
		}
	}
	var foreign []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == dir {
			return nil
		}
		r, _ := filepath.Rel(dir, path)
		r = filepath.ToSlash(r)
		switch {
		case d.IsDir() && owned[r+"/"]:
			return nil
		case d.Type().IsRegular() && (owned[r] || isTemp(d.Name())):
			return nil
		}
		name := r
		if d.IsDir() {
			name += "/"
		}
		foreign = append(foreign, name)
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(foreign) == 0 {
		return nil
	}
	slices.Sort(foreign)
	shown := foreign
	more := ""
	if len(shown) > 3 {
		shown, more = shown[:3], fmt.Sprintf(" and %d more", len(foreign)-3)
	}
	return &FolderError{Dir: dir, Msg: fmt.Sprintf("holds files the site did not write (%s%s); give an empty or new folder, or one an earlier site was written to", strings.Join(shown, ", "), more)}
}

func pathDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}

// tempName matches the temporary files output.WriteFile and the
// temporary folders writeNew make (".<name>.<random digits>.tmp"), which a
// run killed mid-write leaves behind.
var tempName = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

func isTemp(name string) bool { return tempName.MatchString(name) }

// staleAfter is the age from which a temporary file or folder is surely
// a dead run's, not one still writing.
const staleAfter = time.Hour

// removeStale removes the temporary files or folders a killed run left:
// in dir, those of the files; beside it, those of a new site's folder.
func removeStale(dir string, folders bool, prefix string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !isTemp(e.Name()) || !strings.HasPrefix(e.Name(), prefix) || e.IsDir() != folders {
			continue
		}
		if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// update replaces an earlier site in dir: each file atomically (a file
// that already holds the same bytes is left alone), then the files the
// new site no longer has are removed, then the manifest.
func (s *Site) update(dir string, old []Entry) (*Report, error) {
	rep := &Report{}
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			removeStale(path, false, ".")
		}
		return nil
	})
	keep := map[string]bool{}
	for _, f := range s.Files {
		keep[f.Path] = true
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return rep, err
		}
		fi, err := os.Lstat(path)
		switch {
		case err == nil && !fi.Mode().IsRegular():
			return rep, &FolderError{Dir: dir, Msg: f.Path + " is not a regular file; remove it"}
		case err == nil && fi.Size() == int64(len(f.Data)):
			if cur, err := boundedio.ReadFile(path, int64(len(f.Data))+1); err == nil && bytes.Equal(cur, f.Data) {
				rep.Unchanged = append(rep.Unchanged, f.Path)
				continue
			}
		}
		if err := output.WriteFile(path, f.Data); err != nil {
			return rep, err
		}
		rep.Written = append(rep.Written, f.Path)
	}
	for _, e := range old {
		if keep[e.Path] {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(e.Path))
		// A page far larger than any Rungs writes reads as changed: kept.
		if cur, err := boundedio.ReadFile(path, maxPage); err == nil {
			if sum := sha256.Sum256(cur); hex.EncodeToString(sum[:]) != e.SHA256 {
				rep.Kept = append(rep.Kept, e.Path)
				continue
			}
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return rep, err
		}
		rep.Removed = append(rep.Removed, e.Path)
		// Remove the folders the site emptied, up to dir.
		for d := pathDir(e.Path); d != "."; d = pathDir(d) {
			if os.Remove(filepath.Join(dir, filepath.FromSlash(d))) != nil {
				break
			}
		}
	}
	if err := output.WriteFile(filepath.Join(dir, ManifestName), s.Manifest()); err != nil {
		return rep, err
	}
	return rep, nil
}

// maxPage caps the reading of an earlier site's page, to compare its
// checksum: far above any page Rungs writes.
const maxPage = 64 << 20
