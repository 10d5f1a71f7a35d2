//go:build !unix

package batch

import "os"

// flock: where the system offers no advisory locks, the lock file's content
// still names the run, but two runs are not kept apart.
func flock(*os.File) (ok, busy bool, err error) { return false, false, nil }
