package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript scripts run the real command as "rungs".
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rungs": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "")
			env.Setenv("ESCPATH", "no\x1b]0;pwned\x07.yaml")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"cmpdir": cmpdir,
			"exits":  exits,
			// holdlock DIR: hold DIR's batch lock, as a running batch
			// would, until the script ends.
			"holdlock": holdLock,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				// Permission tests mean nothing to root, which CI may be.
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// cmpdir compares two folders: the same file names, byte-identical files.
//
//	cmpdir dir1 dir2
func cmpdir(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpdir dir1 dir2")
	}
	list := func(dir string) []string {
		entries, err := os.ReadDir(ts.MkAbs(dir))
		ts.Check(err)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	a, b := list(args[0]), list(args[1])
	diff := ""
	if !slices.Equal(a, b) {
		diff = fmt.Sprintf("file names differ:\n%s: %v\n%s: %v", args[0], a, args[1], b)
	} else {
		for _, name := range a {
			x, err := os.ReadFile(filepath.Join(ts.MkAbs(args[0]), name))
			ts.Check(err)
			y, err := os.ReadFile(filepath.Join(ts.MkAbs(args[1]), name))
			ts.Check(err)
			if !bytes.Equal(x, y) {
				diff = name + " differs"
				break
			}
		}
	}
	switch {
	case neg && diff == "":
		ts.Fatalf("%s and %s are identical", args[0], args[1])
	case !neg && diff != "":
		ts.Fatalf("%s", diff)
	}
	if diff == "" {
		ts.Logf("%s and %s: %d identical files", args[0], args[1], len(a))
	}
}

// exits runs a command like exec and checks its exit code, which exec
// cannot: the codes are documented, scripts rely on them.
//
//	exits 3 rungs batch bad.csv -o out
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// TestScriptsCheckExitCodes keeps every failing rungs call in the scripts
// on exits, which checks the documented code: "! exec" accepts any
// non-zero code, so a usage error turned into a crash would pass.
func TestScriptsCheckExitCodes(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	bare := regexp.MustCompile(`(?m)^\s*!\s*exec\s+rungs\b.*$`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range bare.FindAll(data, -1) {
			t.Errorf("%s: %q: use exits CODE rungs ... to check the exit code", f, m)
		}
	}
}
