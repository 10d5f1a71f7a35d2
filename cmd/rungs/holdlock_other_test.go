//go:build !unix

package main

import "github.com/rogpeppe/go-internal/testscript"

func holdLock(ts *testscript.TestScript, neg bool, args []string) {
	ts.Skip("no advisory locks on this system")
}
