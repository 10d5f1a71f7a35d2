package sitedoc

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/golden"
	"github.com/rungs/rungs/templates"
)

// TestGolden pins a small site, page by page: a team of five, where rungs
// are reserved, with the growth plan to 25. document.css is the HTML
// renderer's stylesheet, pinned by its own tests; the manifest holds its
// checksum, so neither is pinned here.
func TestGolden(t *testing.T) {
	src := source(t, 5)
	src.GrowTo = 25
	s, err := Build(src)
	if err != nil {
		t.Fatal(err)
	}
	var paths bytes.Buffer
	for _, f := range s.Files {
		fmt.Fprintln(&paths, f.Path)
		if f.Path == documentCSS {
			continue
		}
		golden.Check(t, filepath.Join("testdata", "size-5", filepath.FromSlash(f.Path)), f.Data)
	}
	golden.Check(t, filepath.Join("testdata", "size-5.files"), paths.Bytes())
}

var (
	hrefRe  = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRe    = regexp.MustCompile(`\sid="([^"]*)"`)
	titleRe = regexp.MustCompile(`<title>([^<]+)</title>`)
)

// TestLinks walks every href and src of sites of many sizes and both
// tracks: each is relative, stays in the folder and reaches a file (and
// an id, for a fragment). Every page has its language, a title, one h1
// and the print stylesheet; every level has a page, every step to the
// next rung a promotion guide, every pair of levels a comparison, and a
// reserved rung's page says so.
func TestLinks(t *testing.T) {
	for _, size := range []int{5, 25, 120, 1000, 5000} {
		for _, track := range []string{"all", "ic", "management"} {
			t.Run(fmt.Sprintf("%d-%s", size, track), func(t *testing.T) {
				src := source(t, size)
				src.Track = track
				src.GrowTo = size * 4
				s, err := Build(src)
				if err != nil {
					t.Fatal(err)
				}
				checkSite(t, s, "en")
				l, err := generator.CareerLadder(src.Ladder, src.Profile, track)
				if err != nil {
					t.Fatal(err)
				}
				checkCoverage(t, s, l)
			})
		}
	}
}

func checkSite(t *testing.T, s *Site, lang string) {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range s.Files {
		files[f.Path] = f.Data
	}
	ids := func(p string) map[string]bool {
		m := map[string]bool{}
		for _, id := range idRe.FindAllSubmatch(files[p], -1) {
			m[string(id[1])] = true
		}
		return m
	}
	for _, f := range s.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		page := string(f.Data)
		if !strings.Contains(page, `<html lang="`+lang+`">`) {
			t.Errorf("%s: no lang %q on <html>", f.Path, lang)
		}
		if m := titleRe.FindAllStringSubmatch(page, -1); len(m) != 1 || strings.TrimSpace(m[0][1]) == "" {
			t.Errorf("%s: want one non-empty <title>, got %d", f.Path, len(m))
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", f.Path, n)
		}
		if !strings.Contains(page, `/print.css" media="print">`) && !strings.Contains(page, `"assets/print.css" media="print">`) {
			t.Errorf("%s: no print stylesheet", f.Path)
		}
		if strings.Contains(page, "<script") || strings.Contains(page, "<img") {
			t.Errorf("%s: a script or an image; the site has neither", f.Path)
		}
		for _, m := range hrefRe.FindAllStringSubmatch(page, -1) {
			ref := html.UnescapeString(m[1])
			u, err := url.Parse(ref)
			if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(ref, "/") || ref == "" {
				t.Errorf("%s: link %q is not relative", f.Path, ref)
				continue
			}
			target := f.Path
			if u.Path != "" {
				target = path.Join(path.Dir(f.Path), u.Path)
			}
			if _, ok := files[target]; !ok || strings.HasPrefix(target, "../") {
				t.Errorf("%s: link %q reaches no file of the site (%s)", f.Path, ref, target)
				continue
			}
			if u.Fragment != "" && !ids(target)[u.Fragment] {
				t.Errorf("%s: link %q: %s has no id %q", f.Path, ref, target, u.Fragment)
			}
		}
	}
}

func checkCoverage(t *testing.T, s *Site, l *generator.LadderView) {
	t.Helper()
	files := map[string]string{}
	for _, f := range s.Files {
		files[f.Path] = string(f.Data)
	}
	for _, p := range []string{indexPage, compareHome, growthPage, documentCSS, siteCSS, printCSS} {
		if _, ok := files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	on := map[string]bool{}
	for _, v := range l.Levels {
		on[v.ID] = true
	}
	for i, v := range l.Levels {
		page, ok := files[levelPage(v.ID)]
		if !ok {
			t.Errorf("level %s has no page", v.ID)
			continue
		}
		if v.Reserved != strings.Contains(page, `<body class="page-level reserved">`) {
			t.Errorf("%s: reserved is %v, the page's class says otherwise", v.ID, v.Reserved)
		}
		if v.Reserved && !strings.Contains(files[indexPage], html.EscapeString(v.Ref().Label())) {
			t.Errorf("index: no %q for the reserved rung", v.Ref().Label())
		}
		for _, n := range v.Next {
			if on[n.ID] {
				if _, ok := files[guidePage(v.ID, n.ID)]; !ok {
					t.Errorf("no promotion guide from %s to %s", v.ID, n.ID)
				}
			}
		}
		for _, z := range l.Levels[i+1:] {
			page, ok := files[comparePage(v.ID, z.ID)]
			if !ok {
				t.Errorf("no comparison of %s and %s", v.ID, z.ID)
				continue
			}
			for _, e := range append(slices.Clone(v.Expectations), z.Expectations...) {
				if !strings.Contains(page, "<th scope=\"row\"><strong>"+html.EscapeString(e.Title)+"</strong></th>") {
					t.Errorf("comparison of %s and %s: no row for %s", v.ID, z.ID, e.Title)
				}
			}
		}
	}
	for _, v := range l.Levels {
		for _, r := range v.Roads {
			if on[r.From.ID] {
				if _, ok := files[guidePage(r.From.ID, v.ID)]; !ok {
					t.Errorf("no promotion guide on the road from %s to %s", r.From.ID, v.ID)
				}
			}
		}
	}
}

// TestDeterministic builds the same site twice.
func TestDeterministic(t *testing.T) {
	a, err := Build(source(t, 120))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(source(t, 120))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Manifest(), b.Manifest()) {
		t.Fatal("two builds of the same input differ")
	}
}

// TestCustomTemplates: the site is made of the templates, so a custom
// one changes it, and a broken one fails the build with its file.
func TestCustomTemplates(t *testing.T) {
	dir := t.TempDir()
	custom := `{{- define "site-nav" -}}
- [Home]({{ .Home }})
- [Side by side]({{ .Compare }})
{{- end -}}`
	if err := os.WriteFile(filepath.Join(dir, "site-custom.md.tmpl"), []byte(custom), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := templates.LoadWithOverlay(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := source(t, 25)
	src.Templates = set
	s, err := Build(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.Files {
		if f.Path == indexPage && !bytes.Contains(f.Data, []byte(`<a href="compare/index.html">Side by side</a>`)) {
			t.Errorf("index.html does not use the custom navigation")
		}
	}

	broken := `{{ define "site-levels" }}{{ .Nope }}{{ end }}`
	if err := os.WriteFile(filepath.Join(dir, "site-custom.md.tmpl"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if set, err = templates.LoadWithOverlay(dir); err != nil {
		t.Fatal(err)
	}
	src.Templates = set
	if _, err := Build(src); err == nil || !strings.Contains(err.Error(), "site-levels") {
		t.Errorf("a broken template: got %v, want an error naming site-levels", err)
	}
}

// TestSpliceCards: the cards leave the index and the list takes the place
// of the first; a ladder whose cards read otherwise keeps them.
func TestSpliceCards(t *testing.T) {
	levels := []generator.LevelView{{Title: "Staff Engineer", Code: "L3"}, {Title: "CTO", Code: "M9"}}
	md := "# Ladder\n\n## The levels\n\n### Staff Engineer (L3)\n\ncard\n\n#### What we expect\n\n- x\n\n### CTO (M9)\n\ncard\n\n## FAQ\n\n### Why?\n\nBecause.\n"
	got := string(spliceCards([]byte(md), levels, []byte("LIST\n")))
	want := "# Ladder\n\n## The levels\n\nLIST\n\n## FAQ\n\n### Why?\n\nBecause.\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	other := "# Ladder\n\n### Level three\n\ncard\n"
	if got := string(spliceCards([]byte(other), levels, []byte("LIST\n"))); got != other+"\nLIST\n" {
		t.Errorf("no cards: got %q", got)
	}
}

func TestEvenHeadings(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"# A\n\n#### B\n\ntext\n\n#### C\n\n## D\n", "# A\n\n## B\n\ntext\n\n## C\n\n## D\n"},
		{"# A\n\n## B\n\n### C\n", "# A\n\n## B\n\n### C\n"},
		{"# A\n\n### B\n\n## C\n\n#### D\n", "# A\n\n## B\n\n## C\n\n### D\n"},
	} {
		if got := string(evenHeadings([]byte(c.in))); got != c.want {
			t.Errorf("evenHeadings(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWrite(t *testing.T) {
	big, err := Build(source(t, 120))
	if err != nil {
		t.Fatal(err)
	}
	small, err := Build(source(t, 5))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dir := filepath.Join(root, "site")

	rep, err := big.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Written) != len(big.Files) {
		t.Errorf("new folder: wrote %d files, want %d", len(rep.Written), len(big.Files))
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".site.*")); len(left) > 0 {
		t.Errorf("temporary folder left behind: %v", left)
	}
	checkDisk(t, dir, big)

	// The same site again: nothing changes.
	if rep, err = big.Write(dir); err != nil || len(rep.Written) != 0 || len(rep.Unchanged) != len(big.Files) {
		t.Fatalf("rewrite: %+v, %v; want every file unchanged", rep, err)
	}

	// A smaller ladder: its pages replace the larger one's, and the pages
	// it has no longer are removed, except one someone edited.
	edited := filepath.Join(dir, "levels", "director-of-engineering.html")
	if err := os.WriteFile(edited, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, err = small.Write(dir); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(rep.Kept, "levels/director-of-engineering.html") || !slices.Contains(rep.Removed, "levels/principal-engineer.html") {
		t.Errorf("smaller site: kept %v, removed %v", rep.Kept, rep.Removed)
	}
	if err := os.Remove(edited); err != nil {
		t.Fatal(err)
	}
	checkDisk(t, dir, small)

	// A file the site did not write: refused, nothing touched.
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, ManifestName))
	_, err = big.Write(dir)
	var fe *FolderError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("foreign file: got %v, want a FolderError naming notes.txt", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, ManifestName)); !bytes.Equal(before, after) {
		t.Error("a refused write changed the manifest")
	}

	// An existing empty folder is fine; a file is not.
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := small.Write(empty); err != nil {
		t.Errorf("empty folder: %v", err)
	}
	if _, err := small.Write(notes); !errors.As(err, &fe) || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("a file: got %v, want a FolderError", err)
	}

	// A folder with a manifest that is not a site's.
	odd := filepath.Join(root, "odd")
	if err := os.Mkdir(odd, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(odd, ManifestName), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := small.Write(odd); !errors.As(err, &fe) || !strings.Contains(err.Error(), ManifestName+":1") {
		t.Errorf("bad manifest: got %v, want a FolderError naming its line", err)
	}
}

// checkDisk compares the folder with the site: the same files, the same
// bytes, and the manifest.
func checkDisk(t *testing.T, dir string, s *Site) {
	t.Helper()
	want := map[string][]byte{ManifestName: s.Manifest()}
	for _, f := range s.Files {
		want[f.Path] = f.Data
	}
	got := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		r, _ := filepath.Rel(dir, p)
		r = filepath.ToSlash(r)
		got[r] = true
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if w, ok := want[r]; !ok {
			t.Errorf("%s: not a file of the site", r)
		} else if !bytes.Equal(w, data) {
			t.Errorf("%s: differs from the site", r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range want {
		if !got[p] {
			t.Errorf("%s: missing", p)
		}
	}
}

func TestParseManifest(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	for _, c := range []struct {
		in, err string
	}{
		{sum + "  index.html\n" + sum + "  levels/cto.html\n", ""},
		{"", ""},
		{sum + " index.html\n", ":1: want a SHA-256"},
		{sum + "  ../etc/passwd\n", "not a path inside"},
		{sum + "  /etc/passwd\n", "not a path inside"},
		{sum + "  a/./b\n", "not a path inside"},
		{sum + "  " + ManifestName + "\n", "not a path inside"},
		{sum + "  a\n" + sum + "  a\n", ":2: a is listed twice"},
		{strings.ToUpper(sum) + "  a\n", "lowercase hex"},
	} {
		_, err := ParseManifest([]byte(c.in))
		if (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("ParseManifest(%q) = %v, want %q", c.in, err, c.err)
		}
	}
}

// TestLinkLevels: mentions of a level become links to its page, in
// sentences, lists and the overview's first column; headings, existing
// links and the page's own level stay as they are, and no word changes.
func TestLinkLevels(t *testing.T) {
	targets := []target{
		{names: [][]byte{[]byte("Staff Engineer (L3)"), []byte("Staff Engineer (L3, reserved)")}, title: []byte("Staff Engineer"), code: []byte("L3"), page: levelPage("staff-engineer")},
		{names: [][]byte{[]byte("Senior Staff Engineer (L4)")}, title: []byte("Senior Staff Engineer"), code: []byte("L4"), page: levelPage("senior-staff-engineer")},
		{names: [][]byte{[]byte("CTO (M9)")}, title: []byte("CTO"), code: []byte("M9"), page: levelPage("cto")},
	}
	for _, c := range []struct{ from, in, want string }{
		{indexPage, "Peers: Staff Engineer (L3) and CTO (M9).\n", "Peers: [Staff Engineer (L3)](levels/staff-engineer.html) and [CTO (M9)](levels/cto.html).\n"},
		{indexPage, "- Senior Staff Engineer (L4)\n", "- [Senior Staff Engineer (L4)](levels/senior-staff-engineer.html)\n"},
		{indexPage, "Reserved: Staff Engineer (L3, reserved).\n", "Reserved: [Staff Engineer (L3, reserved)](levels/staff-engineer.html).\n"},
		{indexPage, "| Level | Span |\n|---|---|\n| **Staff Engineer** L3, reserved | teams |\n", "| Level | Span |\n|---|---|\n| [**Staff Engineer** L3](levels/staff-engineer.html), reserved | teams |\n"},
		{indexPage, "### Staff Engineer (L3)\n\n[CTO (M9)](x.html)\n", "### Staff Engineer (L3)\n\n[CTO (M9)](x.html)\n"},
		{levelPage("staff-engineer"), "Below CTO (M9) is Staff Engineer (L3).\n", "Below [CTO (M9)](../levels/cto.html) is Staff Engineer (L3).\n"},
	} {
		if got := string(linkLevels([]byte(c.in), c.from, targets)); got != c.want {
			t.Errorf("linkLevels(%q) =\n%q\nwant\n%q", c.in, got, c.want)
		}
	}
}

// TestHostileName: a company name full of markup reads as text in every
// title and link, and links nowhere outside the site.
func TestHostileName(t *testing.T) {
	src := source(t, 60)
	src.Profile.Company.Name = `<script>alert(1)</script> & Co [x](javascript:alert(1)) \*`
	s, err := Build(src)
	if err != nil {
		t.Fatal(err)
	}
	checkSite(t, s, "en")
	for _, f := range s.Files {
		if f.Path != indexPage {
			continue
		}
		want := `<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co [x](javascript:alert(1)) \*: engineering career ladder</title>`
		if !bytes.Contains(f.Data, []byte(want)) {
			t.Errorf("index.html: no %s", want)
		}
	}
}

// TestStaleTemporaries: what a killed run left (a half-built folder beside
// the site, a temporary file in it) goes on the next run once it is an
// hour old; younger, it may be another run's, and stays.
func TestStaleTemporaries(t *testing.T) {
	s, err := Build(source(t, 25))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	old := time.Now().Add(-2 * time.Hour)
	deadFolder := filepath.Join(root, ".site.123456.tmp")
	youngFolder := filepath.Join(root, ".site.654321.tmp")
	for _, d := range []string{deadFolder, youngFolder} {
		if err := os.MkdirAll(filepath.Join(d, "levels"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(deadFolder, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(deadFolder); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dead run's folder is still there: %v", err)
	}
	if _, err := os.Stat(youngFolder); err != nil {
		t.Errorf("a young temporary folder was removed: %v", err)
	}

	deadFile := filepath.Join(dir, "levels", ".cto.html.98765.tmp")
	if err := os.WriteFile(deadFile, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(deadFile, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(deadFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dead run's temporary file is still there: %v", err)
	}
}
