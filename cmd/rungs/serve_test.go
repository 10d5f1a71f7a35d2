package main

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/studio"
)

// newStudio builds the studio as rungs serve does for the flags.
func newStudio(t *testing.T, opts *serveOptions) *studio.Server {
	t.Helper()
	var stderr bytes.Buffer
	a := &app{stderr: &stderr, getenv: func(string) string { return "" }}
	load, _, err := serveLoader(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	s, err := studio.New(studio.Config{Load: load})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fetch(t *testing.T, s *studio.Server, path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Host = "127.0.0.1:8080"
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

// runCLI runs rungs with args and returns the files it wrote into a new
// folder (added as -o).
func runCLI(t *testing.T, args ...string) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run(append(args, "-o", dir), strings.NewReader(""), &stdout, &stderr, func(string) string { return "" }); code != 0 {
		t.Fatalf("rungs %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	out := map[string][]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

// Each download is the file rungs jd writes for the same parameters: same
// name, same bytes.
func TestServeDownloadsAreWhatJDWrites(t *testing.T) {
	company := filepath.Join("..", "..", "examples", "company.yaml")
	s := newStudio(t, &serveOptions{company: company})
	for _, fm := range pipeline.Formats {
		if pipeline.CheckFormats("jd", []string{fm.Name}) != nil {
			continue // the ladder's site
		}
		for _, paper := range []string{"a4", "letter"} {
			q := url.Values{"role": {"cto"}, "stage": {"seed"}, "size": {"6"}, "archetype": {"visionary"}, "paper": {paper}}
			rec := fetch(t, s, "/download/jd/"+fm.Name+"?"+q.Encode())
			if rec.Code != 200 {
				t.Fatalf("%s: status %d: %s", fm.Name, rec.Code, rec.Body)
			}
			files := runCLI(t, "jd", "--role", "cto", "--stage", "seed", "--size", "6", "--archetype", "visionary",
				"--company", company, "--format", fm.Name, "--paper", paper)
			if len(files) != 1 {
				t.Fatalf("%s: rungs jd wrote %d files", fm.Name, len(files))
			}
			for name, data := range files {
				if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="`+name+`"` {
					t.Errorf("%s: disposition %q, rungs jd names it %s", fm.Name, cd, name)
				}
				if !bytes.Equal(rec.Body.Bytes(), data) {
					t.Errorf("%s (%s): the download differs from what rungs jd writes", fm.Name, paper)
				}
			}
			if ct := rec.Header().Get("Content-Type"); ct != studio.ContentType(fm.Name) {
				t.Errorf("%s: content type %q", fm.Name, ct)
			}
		}
	}
}

// The company.yaml the page gives makes, with rungs jd alone, the posting
// on screen.
func TestServeCompanyYAMLReproducesWithCLI(t *testing.T) {
	company := filepath.Join("..", "..", "examples", "company.yaml")
	s := newStudio(t, &serveOptions{company: company})
	q := url.Values{"role": {"senior-engineer"}, "name": {"Tarte Tatin Ltd"}, "mission": {"We bake."}, "city": {"London"},
		"region": {""}, "country": {"United Kingdom"}, "pay_min": {"70000"}, "pay_max": {"85000"}, "currency": {"GBP"},
		"period": {"year"}, "size": {"30"}, "stage": {"growth"}, "work_model": {"remote"}}.Encode()
	rec := fetch(t, s, "/company.yaml?"+q)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(file, rec.Body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, fm := range []string{"md", "jsonld"} {
		files := runCLI(t, "jd", "--role", "senior-engineer", "--company", file, "--format", fm)
		dl := fetch(t, s, "/download/jd/"+fm+"?"+q)
		for name, data := range files {
			if !bytes.Equal(dl.Body.Bytes(), data) {
				t.Errorf("%s: rungs jd --company <the page's company.yaml> writes another posting than the page's:\n%s\n---\n%s", name, data, dl.Body.Bytes())
			}
		}
	}
}

// Bad flags fail before anything listens, with the usual exit codes.
func TestServeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"serve", "--addr", "8080"}, exitUsage, `--addr "8080": missing port in address; give host:port, for example --addr 127.0.0.1:8080`},
		{[]string{"serve", "--company", "no-such.yaml"}, exitInvalidData, "--company no-such.yaml: cannot read the file"},
		{[]string{"serve", "--ladder", "no-such.yaml"}, exitInvalidData, "--ladder no-such.yaml: cannot read it"},
		{[]string{"serve", "--addr", "127.0.0.1:99999"}, exitFailure, "--addr 127.0.0.1:99999: cannot listen"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		if code != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d with %q", tc.args, code, stderr.String(), tc.code, tc.msg)
		}
	}
}

func TestServeLoopback(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true, "127.0.0.2": true,
		"": false, "0.0.0.0": false, "::": false, "192.168.1.10": false, "example.com": false} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}
