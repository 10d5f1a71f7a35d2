// Package boundedio is the one way Rungs reads a file: company files,
// manifests, CSV plans, catalogs, ladders, templates and lint input all go
// through it. A read is capped (the file is never read past its limit, so
// /dev/zero or a growing file cannot exhaust memory), and only regular
// files are read: a device, a named pipe or a socket fails at once, without
// blocking, instead of being read forever.
package boundedio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// DefaultMax is the cap Rungs applies to its input files. Real catalogs
// are a few hundred kilobytes and real plans far less.
const DefaultMax = 4 << 20

// ErrNotRegular is returned, wrapped in an *fs.PathError, for anything
// that is not a regular file.
var ErrNotRegular = errors.New("not a regular file (a device, a pipe or a socket); give a regular file")

// TooLargeError is returned, wrapped in an *fs.PathError, for a file over
// its cap.
type TooLargeError struct{ Max int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("larger than the limit of %s; is it the right file?", human(e.Max))
}

func human(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// IsBounded reports whether err came from a cap or a special file, that is
// whether it is the input's fault rather than the system's.
func IsBounded(err error) bool {
	var tl *TooLargeError
	return errors.Is(err, ErrNotRegular) || errors.As(err, &tl)
}

// ReadFile reads the regular file at name, up to max bytes (DefaultMax
// when max <= 0). Errors are *fs.PathError values.
func ReadFile(name string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMax
	}
	f, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCapped(f, name, max)
}

// Open opens the regular file at name for reading, without blocking on a
// named pipe; the returned reader stops with an error past max bytes.
func Open(name string, max int64) (io.ReadCloser, error) {
	if max <= 0 {
		max = DefaultMax
	}
	f, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	return &capped{f: f, name: name, left: max, max: max}, nil
}

// Read reads r (stdin, for example) up to max bytes; name is used in
// errors.
func Read(r io.Reader, name string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMax
	}
	return readCapped(r, name, max)
}

func openRegular(name string) (*os.File, error) {
	// O_NONBLOCK: opening a named pipe with no writer would otherwise
	// block forever. It has no effect on regular files.
	f, err := os.OpenFile(name, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		if st.IsDir() {
			return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a folder; give a file")}
		}
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	return f, nil
}

func readCapped(r io.Reader, name string, max int64) ([]byte, error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > max {
			return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{max}}
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(len(data)) > max {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{max}}
	}
	return data, nil
}

// capped is a file that fails once more than max bytes were read.
type capped struct {
	f    *os.File
	name string
	left int64
	max  int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, &fs.PathError{Op: "read", Path: c.name, Err: &TooLargeError{c.max}}
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.f.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, &fs.PathError{Op: "read", Path: c.name, Err: &TooLargeError{c.max}}
	}
	return n, err
}

func (c *capped) Close() error { return c.f.Close() }

// DirFS is os.DirFS(dir) whose ReadFile goes through ReadFile with the
// given cap, so loaders that take an fs.FS read user folders bounded.
func DirFS(dir string, max int64) fs.FS {
	return dirFS{FS: os.DirFS(dir), dir: dir, max: max}
}

type dirFS struct {
	fs.FS
	dir string
	max int64
}

func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	data, err := ReadFile(filepath.Join(d.dir, filepath.FromSlash(path.Clean(name))), d.max)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			// The loaders name the file themselves.
			return nil, pe.Err
		}
	}
	return data, err
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }
