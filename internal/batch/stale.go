package batch

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// staleAfter is the age from which a temporary file is surely a dead
// run's, where the folder cannot be locked.
const staleAfter = time.Hour

// tempName matches the temporary files output.WriteFile creates beside a
// document (".<name>.<random>.tmp") before it renames them into place.
var tempName = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

// LockOutput takes the output folder for one batch run and removes the
// temporary files a run killed before it could clean up (SIGKILL, a power
// cut) left there. The documents themselves are always whole: each is
// renamed into place only once complete. While the lock is held, a second
// batch writing into the same folder fails at once instead of mixing its
// files with this run's (where the system offers no lock, only temporary
// files older than an hour are removed). Call unlock when the run ends.
func LockOutput(dir string) (unlock func(), removed int, err error) {
	unlock, held, err := lockDir(dir)
	if err != nil {
		return nil, 0, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		unlock()
		return nil, 0, err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !tempName.MatchString(e.Name()) {
			continue
		}
		if !held {
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < staleAfter {
				continue
			}
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			removed++
		}
	}
	return unlock, removed, nil
}
