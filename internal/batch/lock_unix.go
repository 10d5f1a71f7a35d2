//go:build unix

package batch

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockDir takes an exclusive advisory lock on the folder itself (no lock
// file is left behind); held reports whether it is held.
func lockDir(dir string) (unlock func(), held bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, fmt.Errorf("another rungs batch is writing into %s; wait for it to finish, or give another folder", dir)
		}
		// A file system without locks: go on, as where no lock exists.
		return func() {}, false, nil
	}
	return func() { f.Close() }, true, nil
}
