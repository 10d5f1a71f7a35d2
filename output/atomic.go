package output

import (
	"bufio"
	"os"
	"path/filepath"
)

// AtomicFile is a file written as a stream and published atomically: the
// data goes to a temporary file in the same folder, and Commit renames it
// over the final path. Until then, readers see the old file or none.
type AtomicFile struct {
	path string
	tmp  *os.File
	w    *bufio.Writer
}

// CreateAtomic starts writing path.
func CreateAtomic(path string) (*AtomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &AtomicFile{path: path, tmp: tmp, w: bufio.NewWriterSize(tmp, 64<<10)}, nil
}

// Write appends to the temporary file.
func (a *AtomicFile) Write(p []byte) (int, error) { return a.w.Write(p) }

// Commit flushes, syncs and renames the temporary file over the path. On
// error the temporary file is removed.
func (a *AtomicFile) Commit() (err error) {
	defer func() {
		if err != nil {
			a.Abort()
		}
	}()
	if err = a.w.Flush(); err != nil {
		return err
	}
	if err = a.tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = a.tmp.Sync(); err != nil {
		return err
	}
	if err = a.tmp.Close(); err != nil {
		return err
	}
	return os.Rename(a.tmp.Name(), a.path)
}

// Abort removes the temporary file; the path is untouched.
func (a *AtomicFile) Abort() {
	a.tmp.Close()
	os.Remove(a.tmp.Name())
}
