package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/studio"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	customFlags
	company string
	ladder  string
	addr    string
	open    bool
}

// defaultAddr is loopback: the studio is for the person at this computer.
const defaultAddr = "127.0.0.1:8080"

func newServeCmd(a *app) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Open a local web page to write postings and ladders, with the lint findings marked",
		Long: `Serve a local web page (the studio): a form for the role and the company's
details, the posting as it will look with every lint finding marked in the
text, a summary (words, reading ease, gender-coded wording, pay
transparency), downloads in every format, and the company.yaml that
reproduces the screen. A second tab does the same for the career ladder,
promotion guides, level cards and growth plans.

The page works without JavaScript; with it, the preview follows your
typing. With --company, --catalog, --ladder or --templates, open pages
refresh when those files change. Nothing is written to disk.

It listens on 127.0.0.1 only unless --addr says otherwise, and refuses
requests that name another host (DNS rebinding) or come from other sites.
Ctrl-C stops it (exit 130).`,
		Example: `  rungs serve
  rungs serve --company company.yaml --open
  rungs serve --addr 127.0.0.1:0`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(a, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.addr, "addr", defaultAddr, "host:port to listen on; port 0 picks a free one. Anything but loopback lets the network in")
	fl.StringVar(&opts.company, "company", "", "company.yaml whose details fill the form")
	_ = cmd.MarkFlagFilename("company", "yaml", "yml")
	fl.StringVar(&opts.ladder, "ladder", "", "a ladder YAML file, or a folder of them, replacing the built-in ladder (default: company.yaml ladder)")
	_ = cmd.MarkFlagFilename("ladder", "yaml", "yml")
	fl.BoolVar(&opts.open, "open", false, "open the page in the default browser")
	opts.customFlags.register(cmd)
	return cmd
}

// serveLoader returns the function the studio loads its data with: the
// same loaders, flags and messages as rungs jd and rungs ladder. Paths
// lists what to watch for changes.
func serveLoader(a *app, opts *serveOptions) (load func() (*studio.Data, error), paths []string, err error) {
	company, err := readCompany(opts.company)
	if err != nil {
		return nil, nil, err
	}
	lo := &docOptions{customFlags: opts.customFlags, ladder: opts.ladder}
	for _, p := range []string{
		opts.company,
		pick(opts.catalogDir, company, func(c *profile.Company) string { return c.Catalog }),
		pick(opts.ladder, company, func(c *profile.Company) string { return c.Ladder }),
		pick(opts.templatesDir, company, func(c *profile.Company) string { return c.Templates }),
	} {
		if p != "" {
			paths = append(paths, p)
		}
	}
	load = func() (*studio.Data, error) {
		// --verbose says which files were used once, not at every reload.
		defer func() { lo.verbose, opts.verbose = false, false }()
		// One read gives both the parsed company and the text the form's
		// company.yaml is edited from, so the two always agree.
		company, text, err := readCompanyData(opts.company)
		if err != nil {
			return nil, err
		}
		d := &studio.Data{Company: company, CompanyYAML: text}
		if d.Catalog, err = opts.loadCatalogFor(a, company); err != nil {
			return nil, err
		}
		if d.Ladder, err = lo.loadLadderFor(a, company); err != nil {
			return nil, err
		}
		if d.Templates, err = opts.loadTemplatesFor(a, company); err != nil {
			return nil, err
		}
		return d, nil
	}
	return load, paths, nil
}

func runServe(a *app, opts *serveOptions) error {
	host, _, err := net.SplitHostPort(opts.addr)
	if err != nil {
		return usageErr("--addr %q: %v; give host:port, for example --addr %s", opts.addr, strings.TrimPrefix(err.Error(), "address "+opts.addr+": "), defaultAddr)
	}
	loopback := isLoopback(host)
	// Signals are caught before the address is printed, so a Ctrl-C at
	// any moment after it stops the server cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	load, paths, err := serveLoader(a, opts)
	if err != nil {
		return err
	}
	srv, err := studio.New(studio.Config{Load: load, Watch: paths, SourceDateEpoch: a.getenv("SOURCE_DATE_EPOCH"), Remote: !loopback})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return failure(fmt.Errorf("--addr %s: cannot listen: %v", opts.addr, unwrapNet(err)))
	}
	if !loopback {
		a.warn("--addr %s listens beyond this computer: anyone on the network can use the studio and see what is typed in it", opts.addr)
	}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(a.stderr, "Serving on %s\n", url)
	a.info("press Ctrl-C to stop")

	go srv.Watch(ctx)
	hs := srv.HTTPServer()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if opts.open {
		if err := openBrowser(url); err != nil {
			a.warn("--open: cannot open a browser (%v); open %s yourself", err, url)
		}
	}
	select {
	case err := <-served:
		return failure(fmt.Errorf("serve: %v", err))
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
		_ = hs.Close()
	}
	return &exitError{exitInterrupted, errors.New("interrupted; the studio stopped")}
}

// isLoopback reports whether host names this computer only: localhost or
// a loopback address. "" (every interface) is not.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// unwrapNet keeps the reason of a listen error ("address already in
// use").
func unwrapNet(err error) error {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		var se *os.SyscallError
		if errors.As(oe.Err, &se) {
			return se.Err
		}
		return oe.Err
	}
	return err
}

// openBrowser opens url with the system's opener.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
