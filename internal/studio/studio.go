// Package studio is the local web page of rungs serve: a form for a
// posting's or a ladder's parameters, the document as it will look, the
// lint findings marked where they occur, and downloads in every format.
//
// Every document comes from internal/pipeline, as rungs jd and rungs
// ladder make it, and every check from the lint package and the company
// parser, so the page and the CLI cannot disagree. Pages render on the
// server and work without JavaScript; the embedded script only refreshes
// them as the user types. Nothing is written to disk.
package studio

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/templates"
)

//go:embed assets
var assets embed.FS

var pageTmpl = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"fld": func(p *page, name, label, hint, kind string) fieldView {
		return fieldView{Name: name, Label: label, Hint: hint, Kind: kind, Value: p.Fields[name], Err: p.Errs[name]}
	},
	"sel": func(p *page, name, label, hint string, opts []option) fieldView {
		return fieldView{Name: name, Label: label, Hint: hint, Value: p.Fields[name], Err: p.Errs[name], Options: opts}
	},
}).ParseFS(assets, "assets/page.html"))

// fieldView is one form field as page.html draws it.
type fieldView struct {
	Name, Label, Hint, Kind, Value, Err string
	Options                             []option
}

// Data is what documents are made from: the catalog, the ladder, the
// templates and the company file, as the CLI loads them for the same
// flags.
type Data struct {
	Catalog   *catalog.Catalog
	Ladder    *ladders.Ladder
	Templates *templates.Set
	// Company is the parsed --company file and CompanyYAML its bytes;
	// both nil without one.
	Company     *profile.Company
	CompanyYAML []byte
}

// Config sets up a Server.
type Config struct {
	// Load reads the data; the server calls it at the start and again
	// when a watched file changes.
	Load func() (*Data, error)
	// Watch lists the files and folders whose changes reload the data
	// (the company file, catalog, ladder and templates).
	Watch []string
	// SourceDateEpoch is the environment's SOURCE_DATE_EPOCH, which
	// dates documents as it does for the CLI.
	SourceDateEpoch string
	// Remote is true when the server listens beyond loopback: requests
	// may then name the host by an IP address too.
	Remote bool
	// Poll is how often watched files are checked; 0 means every 500 ms.
	Poll time.Duration
}

// Server serves the studio.
type Server struct {
	cfg Config

	mu      sync.RWMutex
	data    *Data
	loadErr error
	version int
	changed chan struct{} // closed and replaced at each reload

	// renders bounds the documents rendered at once, so a burst of
	// previews queues instead of exhausting memory.
	renders chan struct{}
	// quit ends the event streams when the server shuts down, which
	// otherwise waits for them.
	quit     chan struct{}
	quitOnce sync.Once
}

// Close ends the open event streams; register it with
// http.Server.RegisterOnShutdown.
func (s *Server) Close() { s.quitOnce.Do(func() { close(s.quit) }) }

// New loads the data and returns a server; a load error is returned as
// the CLI would report it.
func New(cfg Config) (*Server, error) {
	d, err := cfg.Load()
	if err != nil {
		return nil, err
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 500 * time.Millisecond
	}
	return &Server{cfg: cfg, data: d, changed: make(chan struct{}), renders: make(chan struct{}, 2*runtime.GOMAXPROCS(0)), quit: make(chan struct{})}, nil
}

// current returns the data and the last reload's error.
func (s *Server) current() (*Data, error, int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data, s.loadErr, s.version
}

// reload reads the data again and tells the pages. A failed load keeps
// the last good data and shows the error on every page until fixed.
func (s *Server) reload() {
	d, err := s.cfg.Load()
	s.mu.Lock()
	if err == nil {
		s.data = d
	}
	s.loadErr = err
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// Watch polls the watched paths until ctx ends and reloads on a change.
// Polling needs no dependency and the handful of files a company keeps
// cost nothing to stat.
func (s *Server) Watch(ctx context.Context) {
	if len(s.cfg.Watch) == 0 {
		return
	}
	last := stamp(s.cfg.Watch)
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if now := stamp(s.cfg.Watch); now != last {
				last = now
				s.reload()
			}
		}
	}
}

// stamp sums up the names, sizes and times of the watched files.
func stamp(paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		_ = fsWalk(p, func(path string, info fs.FileInfo) {
			fmt.Fprintf(&b, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		})
	}
	return b.String()
}

// HTTPServer wraps the handler with the timeouts a local server still
// needs: a stalled client must not hold a connection for ever.
func (s *Server) HTTPServer() *http.Server {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	srv.RegisterOnShutdown(s.Close)
	return srv
}

// Handler is the studio's routes behind its safety checks.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		target := "/jd"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
	})
	mux.HandleFunc("GET /jd", s.jdPage)
	mux.HandleFunc("POST /jd", s.jdPage)
	mux.HandleFunc("GET /ladder", s.ladderPage)
	mux.HandleFunc("POST /ladder", s.ladderPage)
	mux.HandleFunc("GET /download/jd/{format}", s.jdDownload)
	mux.HandleFunc("GET /download/ladder/{format}", s.ladderDownload)
	mux.HandleFunc("GET /company.yaml", s.companyYAML)
	mux.HandleFunc("GET /events", s.events)
	static, _ := fs.Sub(assets, "assets/static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	return s.guard(mux)
}

// maxBody caps a POSTed form; the longest company text fits many times.
const maxBody = 64 << 10

// csp allows the page's own script, style and requests, and nothing else.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// guard refuses requests a page on another site could make (DNS
// rebinding names another host; a cross-site form posts with another
// Origin) and sets the security headers.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if !s.hostAllowed(r.Host) {
			http.Error(w, fmt.Sprintf("rungs serve: host %q is not a loopback name; open the page at http://127.0.0.1 or http://localhost", r.Host), http.StatusForbidden)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
			http.Error(w, fmt.Sprintf("rungs serve: a request from %q is refused; only the studio's own pages may send one", o), http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			http.Error(w, "rungs serve: a cross-site request is refused", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
			if err := r.ParseForm(); err != nil {
				var mb *http.MaxBytesError
				if errors.As(err, &mb) {
					http.Error(w, fmt.Sprintf("rungs serve: the form is over %d bytes", maxBody), http.StatusRequestEntityTooLarge)
					return
				}
				http.Error(w, "rungs serve: "+err.Error(), http.StatusBadRequest)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed accepts loopback names (localhost, *.localhost, 127.0.0.0/8,
// ::1); when the server listens beyond loopback, any IP address too. A
// DNS-rebinding page always arrives under a domain name, so no name but
// localhost is ever accepted.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	return ip.IsLoopback() || s.cfg.Remote
}

// acquire waits for a render slot; false when the client gave up.
func (s *Server) acquire(r *http.Request) bool {
	select {
	case s.renders <- struct{}{}:
		return true
	case <-r.Context().Done():
		return false
	}
}

func (s *Server) release() { <-s.renders }

// events streams a "change" event each time the data reloads, so open
// pages refresh (server-sent events; the script listens).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	// The stream outlives the server's write timeout on purpose.
	_ = rc.SetWriteDeadline(time.Time{})
	fmt.Fprint(w, "retry: 2000\n\n")
	if err := rc.Flush(); err != nil {
		return
	}
	keep := time.NewTicker(20 * time.Second)
	defer keep.Stop()
	for {
		s.mu.RLock()
		ch, v := s.changed, s.version
		s.mu.RUnlock()
		select {
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		case <-keep.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-ch:
			fmt.Fprintf(w, "event: change\ndata: %d\n\n", v+1)
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// fsWalk calls fn for path, or for every file under it when it is a
// folder. Missing paths are skipped: a deleted file shows as a change.
func fsWalk(path string, fn func(string, fs.FileInfo)) error {
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			fn(p, info)
		}
		return nil
	})
}
