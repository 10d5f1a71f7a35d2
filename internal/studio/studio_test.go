package studio

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/lint"
	"github.com/rungs/rungs/templates"
)

const companyYAML = `# Our company
name: Acme Robotics
stage: early
engineers: 20
archetype: product
mission: We build robots that sort parcels.
locations:
  - city: Denver
    region: CO
    country: US
  - city: Austin
    region: TX
    country: US
work_model: hybrid
compensation:
  senior: {min: 150000, max: 180000, currency: USD, period: year, equity: 0.1%}
benefits:
  - Health insurance
apply:
  url: https://acme.example/jobs
  deadline: 2026-12-31
date: 2026-11-23
`

// builtinData is the built-in data with the given company file (none
// when empty).
func builtinData(t testing.TB, company string) *Data {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lad, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d := &Data{Catalog: cat, Ladder: lad, Templates: templates.Builtin()}
	if company != "" {
		c, err := profile.ParseCompany("company.yaml", []byte(company))
		if err != nil {
			t.Fatal(err)
		}
		d.Company, d.CompanyYAML = c, []byte(company)
	}
	return d
}

func newServer(t testing.TB, company string) *Server {
	t.Helper()
	d := builtinData(t, company)
	s, err := New(Config{Load: func() (*Data, error) { return d, nil }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get requests path from the handler as a local browser would.
func get(t testing.TB, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Host = "127.0.0.1:8080"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestJDPageWithoutJavaScript(t *testing.T) {
	h := newServer(t, companyYAML).Handler()
	rec := get(t, h, "/jd?role=cto&mission="+url.QueryEscape("We are an aggressive team of rockstar engineers."))
	if rec.Code != 200 {
		t.Fatalf("status %d\n%s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	for _, want := range []string{
		"<h1>Chief Technology Officer</h1>",
		`<mark class="lint warning"`, `Warning: </span>rockstar`, // the planted word, marked in place
		"Hype job title", // its reason
		"Fix:",           // and its fix
		"Words", "Reading ease", "Gender-coded words", "Pay transparency",
		`href="/download/jd/pdf?role=cto&amp;mission=`, `href="/download/jd/jsonld?`,
		`href="/download/jd/docx?`, `href="/download/jd/html?`, `href="/download/jd/md?`,
		"rungs jd --role cto --company company.yaml",
		"# Our company", // the copy keeps the file's comments
		`value="Acme Robotics"`,
		"<strong>Masculine:</strong> aggressive", // the coded words behind the verdict
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
}

func TestJDPagePost(t *testing.T) {
	h := newServer(t, "").Handler()
	form := url.Values{"role": {"senior-engineer"}, "name": {"Posted Co"}, "city": {"Seattle"}, "region": {"WA"}, "country": {"US"}}
	req := httptest.NewRequest("POST", "/jd", strings.NewReader(form.Encode()))
	req.Host = "localhost:8080"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://localhost:8080")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("status %d\n%s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	for _, want := range []string{"Posted Co", "Washington", "no pay range"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// Without a posting date JSON-LD cannot be made: its button says so
// instead of downloading an error.
func TestJSONLDNeedsADate(t *testing.T) {
	h := newServer(t, "").Handler()
	body := get(t, h, "/jd?role=cto").Body.String()
	if strings.Contains(body, `href="/download/jd/jsonld`) || !strings.Contains(body, "JSON-LD JobPosting needs a posting date") {
		t.Errorf("the JSON-LD button is offered without a date")
	}
	body = get(t, h, "/jd?role=cto&date=2026-11-23&name=Acme&city=Lyon&country=France").Body.String()
	if !strings.Contains(body, `href="/download/jd/jsonld?`) {
		t.Errorf("the JSON-LD button is missing with a date")
	}
}

func TestPrefillFromCompany(t *testing.T) {
	h := newServer(t, companyYAML).Handler()
	body := get(t, h, "/jd").Body.String()
	// The senior role's pay is under an alias in the file.
	for _, want := range []string{`value="Denver"`, `value="150000"`, `value="USD"`, `<option value="year" selected>`,
		"Health insurance", `value="https://acme.example/jobs"`, "1 more location", `<option value="senior-engineer" selected>`} {
		if !strings.Contains(body, want) {
			t.Errorf("form lacks %q", want)
		}
	}
}

// Pay typed for one role does not follow the form to another: the new
// role's pay comes from the company file.
func TestPayFollowsTheRole(t *testing.T) {
	h := newServer(t, companyYAML).Handler()
	body := get(t, h, "/jd?role=cto&pay_role=senior-engineer&pay_min=150000&pay_max=180000&currency=USD&period=year").Body.String()
	if strings.Contains(body, `value="150000"`) || !strings.Contains(body, `name="pay_role" value="cto"`) {
		t.Errorf("the senior role's pay stayed on the CTO's form")
	}
	body = get(t, h, "/jd?role=cto&pay_role=cto&pay_min=200000&pay_max=240000&currency=USD&period=year").Body.String()
	if !strings.Contains(body, `value="200000"`) || !strings.Contains(body, "200,000 – 240,000") {
		t.Errorf("pay typed for the role on screen is not used")
	}
}

func TestDownloads(t *testing.T) {
	s := newServer(t, companyYAML)
	h := s.Handler()
	q := "role=cto&stage=seed&size=6&archetype=product"
	d := builtinData(t, companyYAML)
	f := readForm(mustQuery(t, q), jdFields, baseValues(d, "cto"))
	res := resolve(d, f, true, "")
	if !res.ok() {
		t.Fatal(res.messages(jdFields))
	}
	for _, fm := range pipeline.Formats {
		if pipeline.CheckFormats("jd", []string{fm.Name}) != nil {
			continue // the ladder's site
		}
		rec := get(t, h, "/download/jd/"+fm.Name+"?"+q)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d: %s", fm.Name, rec.Code, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != ContentType(fm.Name) {
			t.Errorf("%s: content type %q", fm.Name, ct)
		}
		if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="acme-robotics-cto.`+fm.Ext+`"` {
			t.Errorf("%s: disposition %q", fm.Name, cd)
		}
		// The same bytes the registry renders for the same request.
		out, err := pipeline.Render(&pipeline.Env{Cat: d.Catalog, Ladder: d.Ladder}, &pipeline.Request{
			Kind: "jd", Profile: res.prof, Params: pipeline.Params{"role": "cto"}, Formats: []string{fm.Name}, Paper: "a4"})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(rec.Body.Bytes(), out.Files[0].Data) {
			t.Errorf("%s: the download differs from the pipeline's rendering", fm.Name)
		}
	}
	if b := get(t, h, "/download/jd/pdf?"+q).Body.Bytes(); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("PDF starts %q", b[:min(8, len(b))])
	}
	if b := get(t, h, "/download/jd/docx?"+q).Body.Bytes(); !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("DOCX is not a zip")
	}
}

func mustQuery(t testing.TB, q string) url.Values {
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBadValues(t *testing.T) {
	h := newServer(t, companyYAML).Handler()
	for _, tc := range []struct {
		query  string
		status int
		field  string
		msg    string
	}{
		{"role=ctoo", 400, "role", `--role: unknown role &#34;ctoo&#34;; did you mean cto?`},
		{"role=", 400, "role", "--role is required; valid: software-engineer"},
		{"role=cto&stage=serie-a", 400, "stage", `--stage: unknown stage &#34;serie-a&#34;; did you mean series-a?`},
		{"role=cto&size=abc", 400, "size", `--size: &#34;abc&#34; is not a whole number; give the engineering headcount, for example 25`},
		{"role=cto&size=0", 400, "size", "--size: 0 is too small"},
		{"role=cto&archetype=visonary", 400, "archetype", "did you mean visionary?"},
		{"role=cto&paper=a5", 400, "paper", `--paper: unknown paper size &#34;a5&#34;`},
		{"role=cto&work_model=office", 422, "work_model", `work_model: unknown value &#34;office&#34;`},
		{"role=cto&apply_url=ftp://x", 422, "apply_url", "apply.url &#34;ftp://x&#34; must be an http or https URL"},
		{"role=cto&apply_by=31/12/2026", 422, "apply_by", "apply.deadline &#34;31/12/2026&#34; must be YYYY-MM-DD"},
		{"role=cto&pay_min=200000&pay_max=100000&currency=USD&period=year", 422, "pay", "compensation.cto: min 200000 is above max 100000"},
		{"role=cto&pay_min=100000&currency=dollars", 422, "pay", "currency &#34;DOLLARS&#34; must be an ISO 4217 code"},
		{"role=cto&mission=" + url.QueryEscape("a\x1b[2Jb"), 422, "mission", "control character"},
		{"role=cto&name=" + strings.Repeat("x", maxField+1), 422, "name", "the limit is 4000"},
		{"role=cto&city=&region=&country=", 200, "", ""},
	} {
		rec := get(t, h, "/jd?"+tc.query)
		if rec.Code != tc.status {
			t.Errorf("%.60s: status %d, want %d", tc.query, rec.Code, tc.status)
			continue
		}
		if tc.field == "" {
			continue
		}
		body := rec.Body.String()
		marker := `id="e-` + tc.field + `" data-err="` + tc.field + `" >`
		i := strings.Index(body, marker)
		if i < 0 {
			t.Errorf("%.60s: no message next to %s", tc.query, tc.field)
			continue
		}
		if got := body[i+len(marker):][:strings.Index(body[i+len(marker):], "</p>")]; !strings.Contains(got, tc.msg) {
			t.Errorf("%.60s: message %q, want %q", tc.query, got, tc.msg)
		}
		// A download of the same values fails alike, with the message
		// as the CLI prints it.
		dl := get(t, h, "/download/jd/md?"+tc.query)
		if dl.Code != tc.status || !strings.HasPrefix(dl.Body.String(), "rungs: ") {
			t.Errorf("%.60s: download status %d: %s", tc.query, dl.Code, dl.Body)
		}
	}
	// Every bad field is reported at once.
	body := get(t, h, "/jd?role=cto&size=abc&work_model=office&apply_url=x").Body.String()
	for _, f := range []string{"size", "work_model", "apply_url"} {
		if !strings.Contains(body, `id="e-`+f+`" data-err="`+f+`" >`) {
			t.Errorf("no message for %s when several fields are wrong", f)
		}
	}
	for _, tc := range []struct{ path, msg string }{
		{"/download/jd/txt?role=cto", `--format: unknown format "txt"`},
		{"/download/ladder/jsonld", "--format: format jsonld is only for kind jd, not ladder"},
	} {
		rec := get(t, h, tc.path)
		if rec.Code != 400 || !strings.Contains(rec.Body.String(), tc.msg) {
			t.Errorf("%s: %d %s", tc.path, rec.Code, rec.Body)
		}
	}
}

func TestHostAndOrigin(t *testing.T) {
	s := newServer(t, "")
	h := s.Handler()
	for _, tc := range []struct {
		host, origin, method, fetchSite string
		status                          int
	}{
		{"127.0.0.1:8080", "", "GET", "", 200},
		{"localhost:8080", "", "GET", "", 200},
		{"LOCALHOST", "", "GET", "", 200},
		{"studio.localhost:1234", "", "GET", "", 200},
		{"[::1]:8080", "", "GET", "", 200},
		{"127.1.2.3", "", "GET", "", 200},
		{"evil.example:8080", "", "GET", "", 403}, // DNS rebinding
		{"localhost.evil.example", "", "GET", "", 403},
		{"192.168.1.10:8080", "", "GET", "", 403},
		{"127.0.0.1:8080", "http://evil.example", "GET", "", 403},
		{"127.0.0.1:8080", "http://127.0.0.1:8080", "POST", "same-origin", 200},
		{"127.0.0.1:8080", "http://localhost:8080", "POST", "", 403},
		{"127.0.0.1:8080", "", "POST", "cross-site", 403},
		{"127.0.0.1:8080", "", "GET", "cross-site", 200}, // a shared link
	} {
		req := httptest.NewRequest(tc.method, "/jd?role=cto", nil)
		req.Host = tc.host
		if tc.origin != "" {
			req.Header.Set("Origin", tc.origin)
		}
		if tc.fetchSite != "" {
			req.Header.Set("Sec-Fetch-Site", tc.fetchSite)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("%s %s origin %q site %q: status %d, want %d", tc.method, tc.host, tc.origin, tc.fetchSite, rec.Code, tc.status)
		}
	}
	// Listening beyond loopback, an IP address names the host; a domain
	// name still does not.
	remote, _ := New(Config{Load: s.cfg.Load, Remote: true})
	for host, want := range map[string]int{"192.168.1.10:8080": 200, "evil.example": 403} {
		if rec := get(t, withHost(remote.Handler(), host), "/jd?role=cto"); rec.Code != want {
			t.Errorf("remote %s: status %d, want %d", host, rec.Code, want)
		}
	}
}

// withHost rewrites the Host of every request.
func withHost(h http.Handler, host string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { r.Host = host; h.ServeHTTP(w, r) })
}

func TestLimits(t *testing.T) {
	h := newServer(t, "").Handler()
	big := url.Values{"role": {"cto"}, "mission": {strings.Repeat("a", maxBody)}}.Encode()
	req := httptest.NewRequest("POST", "/jd", strings.NewReader(big))
	req.Host = "127.0.0.1"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("big form: status %d", rec.Code)
	}
	srv := newServer(t, "").HTTPServer()
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("timeouts not set: %+v", srv)
	}
}

func TestCompanyYAMLReproducesTheScreen(t *testing.T) {
	h := newServer(t, companyYAML).Handler()
	q := "role=senior-engineer&name=Beta+Labs&pay_min=120,000&pay_max=140000&currency=usd&period=year&benefits=Dental%0D%0ALearning+budget&size=40&stage=&city=Boston&region=MA&country=US"
	rec := get(t, h, "/company.yaml?"+q)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	y := rec.Body.String()
	for _, want := range []string{"# Our company", "name: Beta Labs", "senior:", "min: 120000", "equity: 0.1%", "currency: USD", "engineers: 40", "- Dental", "- Learning budget", "city: Boston", "city: Austin"} {
		if !strings.Contains(y, want) {
			t.Errorf("company.yaml lacks %q:\n%s", want, y)
		}
	}
	if strings.Contains(y, "stage:") {
		t.Errorf("a cleared stage stays in the file:\n%s", y)
	}
	// The file alone gives the document the page shows.
	d := builtinData(t, "")
	c, err := profile.ParseCompany("company.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Resolve(d.Catalog, profile.Input{Company: c})
	if err != nil {
		t.Fatal(err)
	}
	out, err := pipeline.Render(&pipeline.Env{Cat: d.Catalog, Ladder: d.Ladder}, &pipeline.Request{Kind: "jd", Profile: p, Params: pipeline.Params{"role": "senior-engineer"}, Formats: []string{"md"}})
	if err != nil {
		t.Fatal(err)
	}
	if dl := get(t, h, "/download/jd/md?"+q).Body.Bytes(); !bytes.Equal(dl, out.Files[0].Data) {
		t.Errorf("company.yaml gives another posting than the screen:\n%s\n---\n%s", dl, out.Files[0].Data)
	}
}

func TestLadderTab(t *testing.T) {
	h := newServer(t, companyYAML).Handler()
	for _, tc := range []struct {
		query, want string
		status      int
	}{
		{"", "Career ladder", 200},
		{"view=promotion&from=senior-engineer&to=staff-engineer", "Senior Software Engineer", 200},
		{"view=level&level=staff-engineer", "Staff Engineer", 200},
		{"view=growth&grow_to=120", "120", 200},
		{"view=promotion&from=senior-engineer", "--from and --to go together", 400},
		{"view=promotion&from=senior-engineer&to=nobody", "--to: ", 400},
		{"view=level&level=L99", "--level: ", 400},
		{"view=growth&grow_to=5", "--grow-to: 5 is not above the current headcount of 20", 400},
		{"view=poster", `view: unknown value &#34;poster&#34;`, 400},
	} {
		rec := get(t, h, "/ladder?"+tc.query)
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: status %d, want %d with %q", tc.query, rec.Code, tc.status, tc.want)
		}
	}
	for _, fm := range []string{"md", "pdf", "html", "docx", "json"} {
		rec := get(t, h, "/download/ladder/"+fm+"?view=promotion&from=senior-engineer&to=staff-engineer")
		if rec.Code != 200 || rec.Header().Get("Content-Type") != ContentType(fm) {
			t.Errorf("ladder %s: status %d type %q", fm, rec.Code, rec.Header().Get("Content-Type"))
		}
		if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "acme-robotics-promotion-senior-engineer-to-staff-engineer."+fm) {
			t.Errorf("ladder %s: disposition %q", fm, cd)
		}
	}
	body := get(t, h, "/ladder?view=growth&grow_to=120").Body.String()
	if !strings.Contains(body, `href="/download/ladder/pdf?view=growth&amp;grow_to=120"`) {
		t.Errorf("growth plan lacks its PDF link")
	}
}

func TestStaticAndRedirect(t *testing.T) {
	h := newServer(t, "").Handler()
	if rec := get(t, h, "/?role=cto"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/jd?role=cto" {
		t.Errorf("/: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	for path, ct := range map[string]string{"/static/studio.js": "text/javascript", "/static/studio.css": "text/css"} {
		rec := get(t, h, path)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), ct) {
			t.Errorf("%s: %d %q", path, rec.Code, rec.Header().Get("Content-Type"))
		}
		// Nothing is loaded from elsewhere.
		if strings.Contains(rec.Body.String(), "http://") || strings.Contains(rec.Body.String(), "https://") {
			t.Errorf("%s names another site", path)
		}
	}
	if rec := get(t, h, "/nothing"); rec.Code != 404 {
		t.Errorf("/nothing: %d", rec.Code)
	}
}

func TestMarkFindings(t *testing.T) {
	src := "# Title\n\n**Location:** Denver, CO\n\nWe want a rockstar and a Rockstar.\n\n| a | b |\n|---|---|\n| ninja | x |\n\n<script>alert(1)</script> [link](http://rockstar.example)\n"
	fs := []lint.Finding{
		{Rule: "r", Level: lint.LevelWarning, Line: 5, Text: "rockstar"},
		{Rule: "r", Level: lint.LevelError, Line: 3, Text: "Location: Denver, CO"},
		{Rule: "r", Level: lint.LevelError, Line: 3, Text: "Location: Denver, CO"},
		{Rule: "r", Level: lint.LevelWarning, Line: 9, Text: "ninja"},
		{Rule: "r", Level: lint.LevelInfo, Line: 0, Text: "700 words"},
		{Rule: "r", Level: lint.LevelInfo, Line: 11, Text: "rockstar"},
	}
	html, placed := markFindings([]byte(src), fs)
	h := string(html)
	for _, want := range []string{
		`We want a <mark class="lint warning" id="m0" tabindex="0" aria-describedby="f0"><span class="visually-hidden">Warning: </span>rockstar<sup class="mark-n" aria-hidden="true">1</sup></mark> and a Rockstar.`,
		`<p><mark class="lint error" id="m1" tabindex="0" aria-describedby="f1 f2"><span class="visually-hidden">Error: </span><strong>Location:</strong> Denver, CO<sup class="mark-n" aria-hidden="true">2,3</sup></mark></p>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
		}
	}
	if strings.Contains(h, "<script>") {
		t.Errorf("raw HTML passed through:\n%s", h)
	}
	if !strings.Contains(h, `href="http://rockstar.example"`) {
		t.Errorf("a mark broke a link target:\n%s", h)
	}
	// A word in a table cell is marked inside its cell.
	if !strings.Contains(h, `<td><mark class="lint warning" id="m3" tabindex="0" aria-describedby="f3"><span class="visually-hidden">Warning: </span>ninja<sup class="mark-n" aria-hidden="true">4</sup></mark></td>`) {
		t.Errorf("the table cell's word is not marked in its cell:\n%s", h)
	}
	// The last is placed on its whole line: its words are only in a link
	// target, which stays intact.
	for i, want := range []bool{true, true, true, true, false, true} {
		if placed[i] != want {
			t.Errorf("finding %d placed %v, want %v", i, placed[i], want)
		}
	}
}

func TestEventsOnChange(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(file, []byte("name: One\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func() (*Data, error) {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		d := builtinData(t, "")
		if d.Company, err = profile.ParseCompany(file, data); err != nil {
			return nil, err
		}
		d.CompanyYAML = data
		return d, nil
	}
	s, err := New(Config{Load: load, Watch: []string{file}, Poll: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	defer s.Close()
	resp, err := http.Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	// Each change lands at once (renamed into place, its time set before),
	// so it makes one event.
	replace := func(content string, at time.Time) {
		tmp := file + ".tmp"
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(tmp, at, at); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			t.Fatal(err)
		}
	}
	later := time.Now().Add(2 * time.Second)
	replace("name: Two\n", later)
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if sc.Text() == "event: change" {
			break
		}
	}
	if !strings.Contains(get(t, s.Handler(), "/jd?role=cto").Body.String(), `value="Two"`) {
		t.Errorf("the page does not show the changed file")
	}
	// A broken file keeps the last good data and says why on the page.
	replace("name: [\n", later.Add(time.Second))
	for sc.Scan() {
		if sc.Text() == "event: change" {
			break
		}
	}
	body := get(t, s.Handler(), "/jd?role=cto").Body.String()
	if !strings.Contains(body, "The data files could not be read.") || !strings.Contains(body, `value="Two"`) {
		t.Errorf("a broken file is not reported, or the last good data is lost:\n%.3000s", body)
	}
}

// The generator's notes name command-line flags; the page names its own
// fields instead.
func TestFormWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"an early company usually has 8 to 40 engineers, and you gave 120; check --stage and --size",
			"an early company usually has 8 to 40 engineers, and you gave 120; check Company stage and Engineers"},
		{"with 6 engineers, the CTO usually holds the VP Engineering role too; consider --role cto",
			"with 6 engineers, the CTO usually holds the VP Engineering role too; consider Role: cto"},
		{"set --grow-to above the size", "set Growth plan up to above the size"},
		{"--paper letter", "Paper size letter"},
		{"use --verbose", "use --verbose"},
		{"no flag here", "no flag here"},
	} {
		if got := formWords([]string{c.in})[0]; got != c.want {
			t.Errorf("formWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
