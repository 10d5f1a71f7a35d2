package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/templates"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes, documented in the README.
const (
	exitOK          = 0
	exitFailure     = 1 // run-time failure, such as I/O
	exitUsage       = 2 // bad flags or arguments
	exitInvalidData = 3 // invalid profile, manifest, catalog or template
	exitInterrupted = 130
)

// exitError carries the exit code an error should end the process with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, args...)}
}

func dataErr(err error) error { return &exitError{exitInvalidData, err} }
func failure(err error) error { return &exitError{exitFailure, err} }
func flagErr(err error) error { return &exitError{exitUsage, err} }

// app is what every command shares: the streams and the environment.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// templateTimeout is --template-timeout.
	templateTimeout time.Duration
}

// warn prints a warning line on stderr.
func (a *app) warn(format string, args ...any) {
	fmt.Fprintf(a.stderr, "rungs: warning: "+format+"\n", args...)
}

// run executes the command line and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	// Every message is written through an escaping writer, so no user
	// text or path echoed in one can carry a raw ESC (or any other
	// control character but tab and newline) to the terminal. Documents
	// printed to a terminal are escaped the same way; piped or redirected
	// output is left byte for byte as generated.
	errw := ctrl.NewWriter(stderr)
	defer errw.Flush()
	stderr = &escWriter{Writer: errw, raw: stderr}
	if isTerminal(stdout) {
		outw := ctrl.NewWriter(stdout)
		defer outw.Flush()
		stdout = &escWriter{Writer: outw, raw: stdout}
	}
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	msg := err.Error()
	if !strings.Contains(msg, "\n") {
		fmt.Fprintln(stderr, "rungs: "+msg)
	} else {
		for _, line := range strings.Split(msg, "\n") {
			fmt.Fprintln(stderr, "rungs: "+line)
		}
	}
	return code
}

// escWriter escapes control characters on their way to raw.
type escWriter struct {
	*ctrl.Writer
	raw io.Writer
}

// rawWriter returns what w escapes into, or w itself.
func rawWriter(w io.Writer) io.Writer {
	if e, ok := w.(*escWriter); ok {
		return e.raw
	}
	return w
}

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var fe *profile.FlagError
	if errors.As(err, &fe) {
		return exitUsage
	}
	var list strictyaml.List
	var one *strictyaml.Error
	if errors.As(err, &list) || errors.As(err, &one) {
		return exitInvalidData
	}
	// Usage errors are classified where they arise (flags, arguments,
	// unknown commands: see usageArgs); anything else is a failure at run
	// time, never blamed on the user's command line.
	return exitFailure
}

// usageArgs makes cobra's argument checks of cmd and its children usage
// errors, and an unknown command one too: cobra returns them as plain
// errors, which would otherwise exit 1.
func usageArgs(cmd *cobra.Command) {
	if cmd.Args != nil {
		check := cmd.Args
		cmd.Args = func(c *cobra.Command, args []string) error {
			if err := check(c, args); err != nil {
				return usageErr("%v (see %s --help)", err, c.CommandPath())
			}
			return nil
		}
	} else if cmd.HasSubCommands() {
		// Runnable, so that cobra checks the arguments instead of
		// printing the help for any word it does not know.
		if cmd.RunE == nil && cmd.Run == nil {
			cmd.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
		cmd.Args = func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
			if c.SuggestionsMinimumDistance <= 0 {
				c.SuggestionsMinimumDistance = 2
			}
			if s := c.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "; did you mean " + s[0] + "?"
			}
			return usageErr("%s (see %s --help)", msg, c.CommandPath())
		}
	}
	for _, c := range cmd.Commands() {
		usageArgs(c)
	}
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "rungs",
		Short: "Tailored job descriptions and career ladders, from seed startup to enterprise",
		Long: `Rungs turns a company's parameters (stage, engineering size, CTO archetype and
details such as name, location and pay) plus a responsibility catalog into
tailored job descriptions, from software engineer to CTO, and an IC-to-CTO
career ladder with promotion guides; it checks postings with rungs lint.

Exit codes: 0 success, 1 run-time failure, 2 usage error,
3 invalid input data, 130 interrupted.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// --version prints what rungs version prints.
		Version: "-",
	}
	root.SetVersionTemplate(versionText())
	root.PersistentFlags().DurationVar(&a.templateTimeout, "template-timeout", templates.DefaultTimeout,
		"the time budget of one template run; a custom template that runs longer fails with exit 3")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if a.templateTimeout <= 0 {
			return usageErr("--template-timeout: %s is not a positive duration; give for example 5s or 500ms", a.templateTimeout)
		}
		templates.SetTimeout(a.templateTimeout)
		// A flag's value is user text like any other: no control
		// characters (a usage error, as every bad flag is).
		var bad error
		cmd.Flags().Visit(func(f *pflag.Flag) {
			if bad != nil {
				return
			}
			switch {
			case f.Name == "output" && strings.TrimSpace(f.Value.String()) == "":
				// "" would silently mean stdout (or fail later).
				bad = usageErr("-o: the value is empty; give a folder, for example -o out/, or -o - for stdout")
				return
			case f.Name == "jobs" && atoiBelow1(f.Value.String()):
				// 0 is the default's internal value ("one per CPU"), not a
				// value to give.
				bad = usageErr("--jobs: %s is out of range; give 1 to 1024, for example --jobs 2 (leave it out for one per CPU)", f.Value.String())
				return
			}
			for _, v := range flagValues(f) {
				if msg := ctrl.Problem(v, ctrl.Allow{}); msg != "" {
					bad = usageErr("--%s has %s; write plain text", f.Name, msg)
					return
				}
			}
		})
		return bad
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageErr("%v (see %s --help)", err, cmd.CommandPath())
	})
	root.AddCommand(newJDCmd(a), newLadderCmd(a), newBatchCmd(a), newLintCmd(a), newCatalogCmd(a),
		newInitCmd(a), newValidateCmd(a), newSchemaCmd(a), newVersionCmd(a), newServeCmd(a))
	usageArgs(root)
	return root
}

// loadCatalog returns the catalog; a broken catalog is invalid data.
func loadCatalog() (*catalog.Catalog, error) {
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, dataErr(err)
	}
	return cat, nil
}

func atoiBelow1(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n < 1
}

// flagValues returns a flag's values: each item of a list flag, or the one
// value.
func flagValues(f *pflag.Flag) []string {
	if sv, ok := f.Value.(pflag.SliceValue); ok {
		return sv.GetSlice()
	}
	return []string{f.Value.String()}
}

// readErr words a failed read of path. A file over its cap or a special
// file (a device, a pipe) is invalid input, exit 3; any other failure is a
// run-time failure, exit 1.
func readErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	e := fmt.Errorf("%s: cannot read the file: %v", path, err)
	if boundedio.IsBounded(err) {
		return dataErr(e)
	}
	return failure(e)
}

// readCompany reads and parses company.yaml; "" means no file.
func readCompany(path string) (*profile.Company, error) {
	c, _, err := readCompanyData(path)
	return c, err
}

// readCompanyData is readCompany that also returns the file's bytes, read
// once, for a caller that keeps the text (rungs serve edits a copy of it).
func readCompanyData(path string) (*profile.Company, []byte, error) {
	if path == "" {
		return nil, nil, nil
	}
	data, err := boundedio.ReadFile(path, strictyaml.MaxBytes)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, nil, dataErr(fmt.Errorf("--company %s: cannot read the file: %v", path, err))
	}
	c, err := profile.ParseCompany(path, data)
	if err != nil {
		return nil, nil, dataErr(err)
	}
	return c, data, nil
}
