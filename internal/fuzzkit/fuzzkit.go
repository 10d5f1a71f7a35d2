// Package fuzzkit holds what the renderers' fuzz targets share: cutting a
// sample document into small seeds, and capping the fuzzer's minimisation.
// A render costs milliseconds whatever its size, so targets fuzz small
// pieces of Markdown and keep the mutator running instead of minimising.
// It is imported by tests only.
package fuzzkit

import (
	"bytes"
	"flag"
	"testing"
)

// MaxMarkdown bounds a renderer's fuzz input: a few sections of a posting.
// Whole documents are covered by the renderers' unit and golden tests.
const MaxMarkdown = 4 << 10

// Sections splits a Markdown document at its headings into pieces of at
// most max bytes, to seed a fuzz target with real structure in small
// inputs.
func Sections(md []byte, max int) [][]byte {
	var out [][]byte
	for _, part := range bytes.SplitAfter(md, []byte("\n#")) {
		for len(part) > max {
			out = append(out, part[:max])
			part = part[max:]
		}
		if len(bytes.TrimSpace(part)) > 0 {
			out = append(out, part)
		}
	}
	return out
}

// CapMinimize sets -test.fuzzminimizetime to 10 runs when it was left at
// go's default of 60 s. With the default, a renderer spends up to a
// minute minimising each new input, counting no executions meanwhile, and
// the target shows a handful of executions a minute. A value given on the
// command line is kept.
func CapMinimize(f *testing.F) {
	fl := flag.Lookup("test.fuzzminimizetime")
	if fl == nil || fl.Value.String() != fl.DefValue {
		return
	}
	if err := fl.Value.Set("10x"); err != nil {
		f.Logf("cannot cap -fuzzminimizetime: %v", err)
	}
}
