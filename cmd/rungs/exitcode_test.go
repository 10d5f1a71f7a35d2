package main

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/strictyaml"
)

func TestExitCode(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want int
	}{
		{"unclassified", errors.New("disk on fire"), exitFailure},
		{"wrapped unclassified", fmt.Errorf("write out/cto.md: %w", errors.New("no space left")), exitFailure},
		{"usage", usageErr("--size: bad"), exitUsage},
		{"flag error", &profile.FlagError{Flag: "stage", Err: errors.New("unknown stage")}, exitUsage},
		{"data", dataErr(errors.New("bad catalog")), exitInvalidData},
		{"yaml error", &strictyaml.Error{File: "c.yaml", Line: 2, Msg: "bad"}, exitInvalidData},
		{"yaml list", fmt.Errorf("load: %w", strictyaml.List{{File: "c.yaml", Msg: "bad"}}), exitInvalidData},
		{"failure", failure(errors.New("cannot write")), exitFailure},
		{"interrupted", &exitError{exitInterrupted, errors.New("interrupted")}, exitInterrupted},
	} {
		if got := exitCode(tc.err); got != tc.want {
			t.Errorf("%s: exitCode(%v) = %d, want %d", tc.name, tc.err, got, tc.want)
		}
	}
}

// Cobra's own argument errors and unknown commands are usage errors.
func TestUsageErrorsFromCobra(t *testing.T) {
	for _, args := range [][]string{
		{"jdd"},
		{"version", "extra"},
		{"init", "a", "b"},
		{"jd", "--no-such-flag"},
	} {
		var out, errb bytes.Buffer
		if got := run(args, nil, &out, &errb, func(string) string { return "" }); got != exitUsage {
			t.Errorf("rungs %v exited %d, want %d; stderr: %s", args, got, exitUsage, errb.String())
		}
	}
}
