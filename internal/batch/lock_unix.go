//go:build unix

package batch

import (
	"errors"
	"os"
	"syscall"
)

// flock takes an exclusive advisory lock on f without waiting. The kernel
// releases it when the process ends, however it ends (SIGKILL included),
// so a killed run never leaves a lock behind that blocks the next one.
// busy is true when another process holds it; a file system without locks
// gives ok false and no error.
func flock(f *os.File) (ok, busy bool, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	switch {
	case err == nil:
		return true, false, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		return false, true, nil
	case errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.EOPNOTSUPP), errors.Is(err, syscall.ENOSYS):
		return false, false, nil
	}
	return false, false, err
}
