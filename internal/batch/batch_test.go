package batch

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rungs/rungs/catalog"
)

var (
	fixtureOnce sync.Once
	fixtureCat  *catalog.Catalog
	fixtureErr  error
)

// fixture is a small catalog, so these tests do not depend on the
// built-in wording.
func fixture(t testing.TB) *catalog.Catalog {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureCat, fixtureErr = catalog.LoadFS(os.DirFS("testdata/catalog"), ".", "")
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureCat
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// validate runs Validate and returns the problems as lines.
func validate(t *testing.T, src Source) (int, []string) {
	t.Helper()
	n, err := Validate(src, &Resolver{Cat: fixture(t)})
	if err == nil {
		return n, nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is not Problems: %v", err)
	}
	return n, strings.Split(err.Error(), "\n")
}

func csvSource(t *testing.T, dir, content string) *CSV {
	t.Helper()
	path := filepath.Join(dir, "roles.csv")
	write(t, path, content)
	return NewCSVFile(path)
}

func manifest(t *testing.T, dir, content string) *Manifest {
	t.Helper()
	path := filepath.Join(dir, "plan.yaml")
	write(t, path, content)
	m, err := ReadManifest(path)
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return m
}

func collect(t *testing.T, src Source) []*Entry {
	t.Helper()
	var out []*Entry
	if err := src.Entries(func(e *Entry) bool { out = append(out, e); return true }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCSVEntries(t *testing.T) {
	dir := t.TempDir()
	src := csvSource(t, dir, "\xef\xbb\xbfkind, Role ,stage,name\n# a comment\njd,cto,seed,\n\njd,vpe,,lead\n")
	d := NewValues()
	d[FStage] = Value{S: "early", Origin: FromFlag}
	src.SetDefaults(d)
	es := collect(t, src)
	if len(es) != 2 {
		t.Fatalf("got %d entries, want 2", len(es))
	}
	if es[0].Line != 3 || es[1].Line != 5 {
		t.Errorf("lines = %d, %d; want 3, 5", es[0].Line, es[1].Line)
	}
	if v := es[0].Values[FStage]; v.S != "seed" || v.Origin != FromEntry {
		t.Errorf("row 1 stage = %+v", v)
	}
	if v := es[1].Values[FStage]; v.S != "early" || v.Origin != FromFlag {
		t.Errorf("an empty cell should take the default, got %+v", v)
	}
	if es[0].Values[FName].Set() || es[1].Values[FName].S != "lead" {
		t.Errorf("names = %+v, %+v", es[0].Values[FName], es[1].Values[FName])
	}
}

func TestCSVErrors(t *testing.T) {
	tests := []struct{ name, csv, want string }{
		{"unknown column", "role,stgae\ncto,seed\n", `roles.csv:1: unknown column "stgae"; did you mean stage?`},
		{"twice", "role,role\ncto,cto\n", `roles.csv:1: column "role" appears twice`},
		{"cells", "role,stage\ncto,seed\ncto\n", "roles.csv:3: the row has 1 cells; the header (line 1) names 2 columns"},
		{"quote", "role,stage\n\"cto,seed\n", "roles.csv:2: CSV syntax"},
		{"empty", "", "roles.csv: the file is empty"},
		{"bad stage", "role,stage\ncto,seed\ncto,serie-a\n", `roles.csv:3: column stage: unknown stage "serie-a"`},
		{"bad kind", "kind,role\njdd,cto\n", `roles.csv:2: column kind: unknown kind "jdd"; did you mean jd?`},
		{"no role", "role,stage\n,seed\n", "roles.csv:2: column role: required for kind jd; valid: software-engineer"},
		{"format", "role,format\ncto,md+odt\n", `roles.csv:2: column format: unknown format "odt"`},
		{"size", "role,size\ncto,-2\n", "roles.csv:2: column size: -2 is too small"},
		{"collision", "role,stage\ncto,seed\nvpe,seed\ncto,early\n", "roles.csv:4: output cto.md is also written by line 2; give one of them a distinct name"},
		{"named collision", "role,name\ncto,lead\nvpe,Lead\n", "roles.csv:3: column name: output lead.md is also written by line 2"},
		{"escape", "role,name\ncto,../../etc/x\n", `roles.csv:2: column name: "../../etc/x" would leave the output folder`},
		{"absolute", "role,name\ncto,/tmp/x\n", `roles.csv:2: column name: "/tmp/x" would leave the output folder`},
		{"unnamed", "role,name\ncto,***\n", `roles.csv:2: column name: "***" has no letter or digit`},
		{"placeholder", "role,name\ncto,{rolle}-x\n", "roles.csv:2: column name: unknown placeholder {rolle}"},
		{"company", "role,company\ncto,nope.yaml\ncto,nope.yaml\n", "column company: cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := validate(t, csvSource(t, t.TempDir(), tt.csv))
			if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), tt.want) {
				t.Errorf("errors = %q\nwant %q", errs, tt.want)
			}
		})
	}
}

func TestCSVCompanyErrorOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "bad.yaml"), "name: Acme\nengineer: 3\n")
	_, errs := validate(t, csvSource(t, dir, "role,company\ncto,bad.yaml\nvpe,bad.yaml\ncto,missing.yaml\nvpe,missing.yaml\n"))
	if len(errs) != 2 {
		t.Fatalf("want one problem per company file, got %q", errs)
	}
	if !strings.HasPrefix(errs[0], filepath.Join(dir, "bad.yaml")+`:2: unknown field "engineer"`) {
		t.Errorf("company error = %q", errs[0])
	}
}

func TestCSVBadEntryInTheMiddle(t *testing.T) {
	n, errs := validate(t, csvSource(t, t.TempDir(), "role,stage\ncto,seed\nvpe,pre-sed\nsoftware-engineer,enterprise\n"))
	// The file name is the path given; compare the tail.
	if n != 0 || len(errs) != 1 || !strings.HasSuffix(errs[0], `roles.csv:3: column stage: unknown stage "pre-sed"; did you mean pre-seed? valid: seed, early, enterprise`) {
		t.Fatalf("errors = %q", errs)
	}
}

const planYAML = `defaults:
  company: acme.yaml
  format: [md, json]
  stage: early
documents:
  - role: cto
    name: founding-cto
    stage: seed
  - role: vpe
  - role: software-engineer
    archetype: external
matrix:
  role: [cto, vpe]
  stage: [seed, enterprise]
  size: 40
`

func TestManifestEntries(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "acme.yaml"), "name: Acme Robotics\n")
	m := manifest(t, dir, planYAML)
	es := collect(t, m)
	if len(es) != 7 {
		t.Fatalf("got %d entries, want 3 documents + 4 from the matrix", len(es))
	}
	r := &Resolver{Cat: fixture(t)}
	var names []string
	for _, e := range es {
		j, ps := r.Resolve(e)
		if ps != nil {
			t.Fatalf("%s: %v", e.Where, ps)
		}
		names = append(names, strings.Join(j.Files, ","))
	}
	want := []string{
		"founding-cto.md,founding-cto.json",
		"acme-robotics-vp-engineering.md,acme-robotics-vp-engineering.json",
		"acme-robotics-software-engineer.md,acme-robotics-software-engineer.json",
		"acme-robotics-cto-seed.md,acme-robotics-cto-seed.json",
		"acme-robotics-cto-enterprise.md,acme-robotics-cto-enterprise.json",
		"acme-robotics-vp-engineering-seed.md,acme-robotics-vp-engineering-seed.json",
		"acme-robotics-vp-engineering-enterprise.md,acme-robotics-vp-engineering-enterprise.json",
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	if es[3].Where != "matrix #1" || es[6].Where != "matrix #4" {
		t.Errorf("matrix labels = %q, %q", es[3].Where, es[6].Where)
	}
	if n, errs := validate(t, m); n != 7 || errs != nil {
		t.Errorf("validate = %d, %q", n, errs)
	}
}

func TestManifestErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"top key", "document:\n  - role: cto\n", `plan.yaml:1: unknown field "document"; did you mean documents?`},
		{"entry field", "documents:\n  - role: cto\n    stgae: seed\n", `plan.yaml:3: documents[0] "cto": unknown field "stgae"; did you mean stage?`},
		{"stage", "documents:\n  - role: cto\n  - role: vpe\n  - role: software-engineer\n  - role: cto\n    name: backend-lead\n    stage: pre-sed\n",
			`plan.yaml:7: documents[3] "backend-lead": stage: unknown stage "pre-sed"; did you mean pre-seed? valid: seed, early, enterprise`},
		{"defaults once", "defaults:\n  stage: serie-a\ndocuments:\n  - role: cto\n  - role: vpe\n", `plan.yaml:2: defaults: stage: unknown stage "serie-a"`},
		{"matrix value", "matrix:\n  role: [cto, vpe]\n  stage: [seed, serie-a]\n", `plan.yaml:3: matrix: stage: unknown stage "serie-a"`},
		{"list outside matrix", "documents:\n  - role: [cto, vpe]\n", "plan.yaml:2: documents[0]: role: want one value; a list belongs in a matrix"},
		{"empty", "", "plan.yaml: the manifest is empty"},
		{"nothing", "defaults:\n  stage: seed\n", "plan.yaml:1: no documents"},
		{"matrix collision", "matrix:\n  role: [cto, vpe]\n  name: same\n", `plan.yaml:2: matrix #2 "same": output same.md is also written by matrix #1 (line 2)`},
		{"bad inline company", "defaults:\n  company:\n    name: Acme\n    engineers: lots\ndocuments:\n  - role: cto\n", `plan.yaml:4: got text "lots", want a whole number`},
		{"kind param", "documents:\n  - role: cto\n    from: cto\n", "plan.yaml:3: documents[0] \"cto\": from: kind jd does not use from; remove it"},
		{"not a mapping", "documents:\n  - cto\n", "plan.yaml:2: documents[0]: want a mapping of fields"},
		{"syntax", "documents: [\n", "plan.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plan.yaml")
			write(t, path, tt.yaml)
			var got string
			m, err := ReadManifest(path)
			if err == nil {
				_, errs := validate(t, m)
				got = strings.Join(errs, "\n")
			} else {
				got = err.Error()
			}
			got = strings.ReplaceAll(got, dir+string(filepath.Separator), "")
			if !strings.Contains(got, tt.want) {
				t.Errorf("errors = %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestManifestDefaultErrorReportedOnce(t *testing.T) {
	dir := t.TempDir()
	m := manifest(t, dir, "defaults:\n  archetype: visonary\nmatrix:\n  role: [cto, vpe]\n  stage: [seed, early, enterprise]\n")
	_, errs := validate(t, m)
	if len(errs) != 1 {
		t.Errorf("want the bad default once, got %q", errs)
	}
}

func TestManifestCompanyRelativeToManifest(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "plans", "acme.yaml"), "name: Acme\n")
	path := filepath.Join(dir, "plans", "plan.yaml")
	write(t, path, "defaults:\n  company: acme.yaml\ndocuments:\n  - role: cto\n")
	m, err := ReadManifest(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := validate(t, m); errs != nil {
		t.Fatal(errs)
	}
}

// run validates and runs src into out.
func run(t *testing.T, src Source, out string, jobs int, extra ...Observer) (Totals, *Report, string) {
	t.Helper()
	r := &Resolver{Cat: fixture(t)}
	n, err := Validate(src, r)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	rep := NewReport(&buf, src.Name(), out)
	tot, err := Run(context.Background(), src, r, n, Options{Cat: fixture(t), Out: out, Jobs: jobs, Started: time.Now(), Observers: append([]Observer{rep}, extra...)})
	if err != nil {
		t.Fatal(err)
	}
	return tot, rep, buf.String()
}

type reportDoc struct {
	Entries []struct {
		Index  int    `json:"index"`
		Source string `json:"source"`
		Name   string `json:"name"`
		Status string `json:"status"`
		Error  string `json:"error"`
		Files  []struct {
			Path   string `json:"path"`
			Bytes  int    `json:"bytes"`
			SHA256 string `json:"sha256"`
		} `json:"files"`
	} `json:"entries"`
	Totals map[string]any `json:"totals"`
}

func parseReport(t *testing.T, s string) reportDoc {
	t.Helper()
	var d reportDoc
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, s)
	}
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func dirContents(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func bigCSV(n int) string {
	roles := []string{"cto", "vpe", "software-engineer", "director-of-engineering"}
	stages := []string{"seed", "early", "enterprise"}
	var b strings.Builder
	b.WriteString("role,stage,size,name\n")
	for i := range n {
		b.WriteString(roles[i%len(roles)] + "," + stages[i%len(stages)] + "," + strconv.Itoa(5+i%300) + ",doc-" + strconv.Itoa(i) + "\n")
	}
	return b.String()
}

func TestRunDeterministicAcrossJobs(t *testing.T) {
	dir := t.TempDir()
	// Every row in two formats.
	data := strings.ReplaceAll(bigCSV(200), "\n", ",md+json\n")
	data = strings.Replace(data, "name,md+json", "name,format", 1)
	src := NewCSVBytes("roles.csv", dir, []byte(data))
	_, _, rep1 := run(t, src, filepath.Join(dir, "one"), 1)
	_, _, rep4 := run(t, src, filepath.Join(dir, "four"), 4)
	a, b := dirContents(t, filepath.Join(dir, "one")), dirContents(t, filepath.Join(dir, "four"))
	if len(a) != 400 || len(a) != len(b) {
		t.Fatalf("files: %d and %d, want 400", len(a), len(b))
	}
	for name, content := range a {
		if b[name] != content {
			t.Errorf("%s differs between --jobs 1 and --jobs 4", name)
		}
	}
	// The reports list the same entries in the same order.
	strip := func(s string) string {
		d := parseReport(t, s)
		var lines []string
		for _, e := range d.Entries {
			lines = append(lines, e.Source+" "+e.Name+" "+e.Status)
		}
		return strings.Join(lines, "\n")
	}
	if strip(rep1) != strip(rep4) {
		t.Error("reports list entries in a different order")
	}
}

func TestRunIncremental(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	csv := "role,stage,name\ncto,seed,a\nvpe,early,b\nsoftware-engineer,enterprise,c\n"
	tot, _, _ := run(t, NewCSVBytes("roles.csv", dir, []byte(csv)), out, 2)
	if tot.Written != 3 {
		t.Fatalf("first run: %+v", tot)
	}
	before, _ := os.Stat(filepath.Join(out, "a.md"))
	tot, _, rep := run(t, NewCSVBytes("roles.csv", dir, []byte(csv)), out, 2)
	if tot.Unchanged != 3 || tot.Written != 0 {
		t.Fatalf("rerun: %+v", tot)
	}
	after, _ := os.Stat(filepath.Join(out, "a.md"))
	if !os.SameFile(before, after) {
		t.Error("an unchanged file was replaced")
	}
	if d := parseReport(t, rep); d.Entries[0].Status != "unchanged" || len(d.Entries[0].Files) != 1 || d.Entries[0].Files[0].SHA256 == "" {
		t.Errorf("report entry = %+v", d.Entries[0])
	}
	// Edit one entry: only its file is rewritten.
	csv = strings.Replace(csv, "vpe,early,b", "vpe,enterprise,b", 1)
	tot, _, rep = run(t, NewCSVBytes("roles.csv", dir, []byte(csv)), out, 2)
	if tot.Written != 1 || tot.Unchanged != 2 {
		t.Fatalf("after an edit: %+v", tot)
	}
	if d := parseReport(t, rep); d.Entries[1].Status != "written" {
		t.Errorf("edited entry status = %s", d.Entries[1].Status)
	}
}

func TestRunFailureDoesNotStopOthers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	// A folder where an entry's file should go makes that entry fail.
	if err := os.MkdirAll(filepath.Join(out, "b.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A symbolic link pointing outside is refused.
	if err := os.Symlink(filepath.Join(dir, "outside.md"), filepath.Join(out, "c.md")); err != nil {
		t.Fatal(err)
	}
	csv := "role,name\ncto,a\nvpe,b\ncto,c\nvpe,d\n"
	tot, _, rep := run(t, NewCSVBytes("roles.csv", dir, []byte(csv)), out, 2)
	if tot.Failed != 2 || tot.Written != 2 {
		t.Fatalf("totals = %+v", tot)
	}
	d := parseReport(t, rep)
	if !strings.Contains(d.Entries[1].Error, "is a folder") || !strings.Contains(d.Entries[2].Error, "is a symbolic link") {
		t.Errorf("errors = %q, %q", d.Entries[1].Error, d.Entries[2].Error)
	}
	if _, err := os.Stat(filepath.Join(dir, "outside.md")); !os.IsNotExist(err) {
		t.Error("a file was written through the symbolic link")
	}
	if d.Totals["failed"] != 2.0 || d.Totals["written"] != 2.0 {
		t.Errorf("totals = %v", d.Totals)
	}
}

func TestRunFailFast(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(filepath.Join(out, "doc-3.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := NewCSVBytes("roles.csv", dir, []byte(bigCSV(500)))
	r := &Resolver{Cat: fixture(t)}
	n, err := Validate(src, r)
	if err != nil {
		t.Fatal(err)
	}
	tot, err := Run(context.Background(), src, r, n, Options{Cat: fixture(t), Out: out, Jobs: 2, FailFast: true, Started: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if tot.Failed != 1 || tot.Skipped == 0 || tot.Written > 50 {
		t.Errorf("fail-fast totals = %+v", tot)
	}
}

// cancelAfter cancels a run once some entries are done.
type cancelAfter struct {
	n      int
	cancel func()
}

func (c *cancelAfter) Start(int) {}
func (c *cancelAfter) Entry(_ *Result, done int) {
	if done == c.n {
		c.cancel()
	}
}
func (c *cancelAfter) Finish(Totals) {}

func TestRunInterrupted(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	src := NewCSVBytes("roles.csv", dir, []byte(bigCSV(3000)))
	r := &Resolver{Cat: fixture(t)}
	n, err := Validate(src, r)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(out, 0o755)
	ctx, cancel := context.WithCancel(context.Background())
	var buf strings.Builder
	rep := NewReport(&buf, "roles.csv", out)
	tot, err := Run(ctx, src, r, n, Options{Cat: fixture(t), Out: out, Jobs: 4, Started: time.Now(),
		Observers: []Observer{rep, &cancelAfter{n: 20, cancel: cancel}}})
	if err != nil {
		t.Fatal(err)
	}
	if !tot.Interrupted || tot.Skipped == 0 || tot.Written < 20 {
		t.Fatalf("totals = %+v", tot)
	}
	d := parseReport(t, buf.String())
	if len(d.Entries) != tot.Written {
		t.Errorf("report lists %d entries, %d were written", len(d.Entries), tot.Written)
	}
	files := dirContents(t, out)
	if len(files) != tot.Written {
		t.Errorf("%d files for %d written entries", len(files), tot.Written)
	}
	for name := range files {
		if strings.HasSuffix(name, ".tmp") {
			t.Errorf("temporary file left: %s", name)
		}
	}
	if d.Totals["interrupted"] != true {
		t.Errorf("totals = %v", d.Totals)
	}
}

func TestReportEmpty(t *testing.T) {
	var buf strings.Builder
	r := NewReport(&buf, "in.csv", "out")
	r.Start(0)
	r.Finish(Totals{})
	d := parseReport(t, buf.String())
	if d.Entries == nil || len(d.Entries) != 0 {
		t.Errorf("entries = %v", d.Entries)
	}
}
