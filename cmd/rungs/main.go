// Command rungs generates tailored job descriptions and career ladders
// from a company's parameters and a responsibility catalog.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// Most runs are short: one document, a few milliseconds, most of
	// the allocation done while the built-in data loads. The default
	// GC target would collect several times during that start-up for a
	// heap that all stays live; four times the target cuts a fifth of a
	// posting's CPU time for about 2 MB more (rungs batch sets its own
	// target). GOGC, when set, wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
