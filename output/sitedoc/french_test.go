package sitedoc

import (
	"bytes"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/golden"
)

// TestGoldenFrench pins the small site of TestGolden in French: the
// French templates' headings and navigation, French level labels linked
// like English ones, and <html lang="fr"> on every page.
func TestGoldenFrench(t *testing.T) {
	src := frenchSource(t, 5)
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
		golden.Check(t, filepath.Join("testdata", "size-5-fr", filepath.FromSlash(f.Path)), f.Data)
	}
	golden.Check(t, filepath.Join("testdata", "size-5-fr.files"), paths.Bytes())
}

// headingRe is a heading element, whose text the site never links, and
// linkRe a link.
var (
	headingRe = regexp.MustCompile(`(?s)<h[1-6][^>]*>.*?</h[1-6]>`)
	linkRe    = regexp.MustCompile(`(?s)<a [^>]*>.*?</a>`)
)

// TestFrench builds French sites of several sizes and tracks: every link
// reaches its file, every level, guide and comparison has its page, the
// site's own words are French (no word of the English site.md.tmpl is
// left), the level cards leave the index, and every mention of a level
// in running text, reserved ("(L4, réservé)") or not, links to its page.
func TestFrench(t *testing.T) {
	english := []string{"Compare two levels", "Growth plan", "Around this level", "Level below", "Level above",
		"Peer on the other track", "Promotion guides", "Side by side", "Each level has a page of its own"}
	for _, size := range []int{5, 120, 1000} {
		for _, track := range []string{"all", "ic"} {
			t.Run(fmt.Sprintf("%d-%s", size, track), func(t *testing.T) {
				src := frenchSource(t, size)
				src.Track = track
				src.GrowTo = size * 4
				s, err := Build(src)
				if err != nil {
					t.Fatal(err)
				}
				checkSite(t, s, "fr")
				l, err := generator.CareerLadder(src.Ladder, src.Profile, track)
				if err != nil {
					t.Fatal(err)
				}
				checkCoverage(t, s, l)
				linked := 0
				for _, f := range s.Files {
					if !strings.HasSuffix(f.Path, ".html") {
						continue
					}
					page := string(f.Data)
					for _, w := range english {
						if strings.Contains(page, w) {
							t.Errorf("%s: English words %q", f.Path, w)
						}
					}
					if f.Path == indexPage && strings.Contains(page, "Nos attentes") {
						t.Errorf("index: the level cards were not taken out")
					}
					// What is left once headings and links are out must
					// name no level: each mention is a link.
					text := linkRe.ReplaceAllString(headingRe.ReplaceAllString(page, ""), "")
					for _, v := range l.Levels {
						if f.Path == levelPage(v.ID) {
							continue
						}
						for _, st := range []string{"filled", "reserved"} {
							r := v.Ref()
							r.Status = st
							label := html.EscapeString(r.Label())
							if n := strings.Count(text, label); n > 0 {
								t.Errorf("%s: %d mentions of %q are not links", f.Path, n, r.Label())
							}
							linked += strings.Count(page, `">`+label+`</a>`)
						}
					}
				}
				if linked == 0 {
					t.Error("no level mention is linked anywhere")
				}
			})
		}
	}
}
