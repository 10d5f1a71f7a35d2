// Package sitedoc writes a career ladder as a static website: an index
// (the overview, the tracks, the weights, how to read the ladder and the
// FAQ), a page per level, a page per promotion step, a side-by-side
// comparison of any two levels and, when asked, the growth plan.
//
// Every page is a ladder document: Markdown from the ladder templates
// (ladder.md.tmpl, ladder-level.md.tmpl, ...), rendered by the HTML
// renderer (output/htmldoc). The few words only the site needs (its
// navigation, the links around a page) are templates too
// (site.md.tmpl), so the site never says what the documents do not, and a
// custom --templates folder changes the site as it changes the documents.
//
// The site is self-contained: relative links only, no script, the
// stylesheets in the folder, so it works from file://, a zip, an intranet
// server or GitHub Pages. Pages are named by level id, so links into it
// survive a regeneration, and the same input gives byte-identical files.
// Build makes every file in memory; Write puts them in a folder (see
// write.go).
package sitedoc

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
	"github.com/rungs/rungs/output"
	"github.com/rungs/rungs/output/htmldoc"
	"github.com/rungs/rungs/templates"
	"github.com/yuin/goldmark/ast"
)

// Source is what a site is built from: the ladder data and the company's
// profile, as rungs ladder takes them.
type Source struct {
	Ladder  *ladders.Ladder
	Profile profile.Profile
	// Track is ic, management or all; "" is all.
	Track string
	// GrowTo, when above the profile's size, adds the growth plan to that
	// headcount.
	GrowTo int
	// GrowStage is the stage whose weights the growth plan's ladder at
	// GrowTo uses; zero means the profile's stage.
	GrowStage catalog.Stage
	// Templates are the templates to render with; nil means the built-in
	// ones.
	Templates *templates.Set
	// Language is the BCP 47 tag of the pages; "" is en.
	Language string
}

// File is one file of the site; Path is relative to the site's folder,
// with forward slashes.
type File struct {
	Path string
	Data []byte
}

// Site is a whole website, its files sorted by path.
type Site struct {
	Files []File
	// Warnings say where the parameters do not fit each other (the
	// ladder's own warnings); commands print them on stderr.
	Warnings []string
}

// Where the site's files go. Level ids are kebab-case, so they name
// files as they are.
const (
	indexPage   = "index.html"
	growthPage  = "growth.html"
	compareHome = "compare/index.html"
	documentCSS = "assets/document.css"
	siteCSS     = "assets/site.css"
	printCSS    = "assets/print.css"
)

func levelPage(id string) string       { return "levels/" + id + ".html" }
func guidePage(from, to string) string { return "promotions/" + from + "-to-" + to + ".html" }
func comparePage(a, b string) string   { return "compare/" + a + "-vs-" + b + ".html" }

// maxTitle is the longest page title that still reads whole in a tab, a
// bookmark or a search result.
const maxTitle = 70

var pageID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

//go:embed site.css
var siteStyle string

//go:embed print.css
var printStyle string

// Link is a link the site templates write: a level, a guide or a
// comparison, by its label. Href is relative to the page; "" means the
// site has no page for it (a rung not on this ladder), and the label is
// written as text.
type Link struct {
	Label string
	Href  string
}

// Pair links a page about two levels (a comparison, a promotion guide);
// A and B are the levels' labels.
type Pair struct {
	A, B string
	Href string
}

// Comparison is the view model of ladder-compare.md.tmpl: two levels and
// their expectations, one row per dimension, heaviest at this stage first.
type Comparison struct {
	generator.LadderMeta
	A, B generator.LevelView
	Rows []ComparisonRow
}

// ComparisonRow is one dimension of a comparison; A or B is nil when that
// level has no expectation in it.
type ComparisonRow struct {
	Dimension string
	Title     string
	A, B      *generator.ExpectationView
}

// guide is one promotion step the site has a page for.
type guide struct{ from, to string }

// builder holds what every page needs while the site is built.
type builder struct {
	src    Source
	set    *templates.Set
	lang   string
	words  *locale.Catalog // the messages of lang
	ladder *generator.LadderView
	order  map[string]int // level id -> position on the ladder
	guides []guide
	title  string // the ladder's title, from its Markdown
	growth bool
	pages  []page
	links  []target // the levels a page's text may link to
}

// page is one HTML page before it is laid out.
type page struct {
	path     string
	kind     string // index, level, guide, compare, growth
	md       []byte // the document
	aside    []byte // the links around it, Markdown; nil for none
	reserved bool
}

// Build makes every file of the site, in memory. A bad template or
// ladder is an error; nothing is written.
func Build(src Source) (*Site, error) {
	if src.Ladder == nil {
		return nil, fmt.Errorf("sitedoc: no ladder")
	}
	lang, err := output.Language("sitedoc", src.Language)
	if err != nil {
		return nil, err
	}
	words := output.Words(lang)
	set := src.Templates
	if set == nil {
		// The built-in templates of the pages' language; a language
		// Rungs does not write gets English's.
		if set, err = templates.BuiltinIn(words.Lang()); err != nil {
			return nil, err
		}
	}
	track := src.Track
	if track == "" {
		track = "all"
	}
	l, err := generator.CareerLadder(src.Ladder, src.Profile, track)
	if err != nil {
		return nil, err
	}
	b := &builder{src: src, set: set, lang: lang, words: words, ladder: l, order: map[string]int{}}
	for i, v := range l.Levels {
		if !pageID.MatchString(v.ID) {
			return nil, fmt.Errorf("level id %q cannot name a page: ids are kebab-case, such as staff-engineer", v.ID)
		}
		b.order[v.ID] = i
	}
	b.growth = src.GrowTo > src.Profile.Size
	b.links = b.targets()
	b.findGuides()
	if err := b.index(); err != nil {
		return nil, err
	}
	for _, v := range l.Levels {
		if err := b.level(v); err != nil {
			return nil, err
		}
	}
	for _, g := range b.guides {
		if err := b.guide(g); err != nil {
			return nil, err
		}
	}
	if err := b.comparisons(); err != nil {
		return nil, err
	}
	if b.growth {
		if err := b.growthPlan(track); err != nil {
			return nil, err
		}
	}
	site := &Site{Warnings: l.Warnings}
	for _, p := range b.pages {
		data, err := b.layout(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.path, err)
		}
		site.Files = append(site.Files, File{Path: p.path, Data: data})
	}
	site.Files = append(site.Files,
		File{Path: documentCSS, Data: []byte(htmldoc.Stylesheet())},
		File{Path: siteCSS, Data: []byte(siteStyle)},
		File{Path: printCSS, Data: []byte(printStyle)},
	)
	slices.SortFunc(site.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return site, nil
}

// onSite reports whether a level has a page.
func (b *builder) onSite(id string) bool {
	_, ok := b.order[id]
	return ok
}

// findGuides lists the promotion steps between adjacent levels: each
// level to the levels above it (the next rung, the first management rung,
// a road up), and each road into a rung (the two roads to CTO), where
// both ends have a page.
func (b *builder) findGuides() {
	seen := map[guide]bool{}
	add := func(from, to string) {
		g := guide{from, to}
		if from == to || seen[g] || !b.onSite(from) || !b.onSite(to) {
			return
		}
		seen[g] = true
		b.guides = append(b.guides, g)
	}
	for _, v := range b.ladder.Levels {
		for _, r := range above(v) {
			add(v.ID, r.ID)
		}
	}
	for _, v := range b.ladder.Levels {
		if v.Below != nil {
			add(v.Below.ID, v.ID)
		}
		for _, r := range v.Roads {
			add(r.From.ID, v.ID)
		}
	}
}

// above lists the rungs a level leads up to.
func above(v generator.LevelView) []generator.LevelRef {
	out := slices.Clone(v.Next)
	if v.MgmtNext != nil {
		out = append(out, *v.MgmtNext)
	}
	return append(out, v.RoadNext...)
}

// rel makes a site path relative to the page at from.
func rel(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}

// link links a level from the page at from, when the site has its page.
func (b *builder) link(from string, r generator.LevelRef) Link {
	l := Link{Label: r.Label()}
	if b.onSite(r.ID) {
		l.Href = rel(from, levelPage(r.ID))
	}
	return l
}

func (b *builder) levelRef(id string) generator.LevelRef {
	return b.ladder.Levels[b.order[id]].Ref()
}

// pairOf orders two levels as the ladder does, for a comparison's name.
func (b *builder) pairOf(x, y string) (string, string) {
	if b.order[x] > b.order[y] {
		return y, x
	}
	return x, y
}

func (b *builder) comparePair(from, x, y string) Pair {
	x, y = b.pairOf(x, y)
	return Pair{A: b.levelRef(x).Label(), B: b.levelRef(y).Label(), Href: rel(from, comparePage(x, y))}
}

// render runs a template of the set.
func (b *builder) render(name string, data any) ([]byte, error) {
	md, err := b.set.Render(name, data)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return md, nil
}

// index is the ladder document without its level cards, which have pages
// of their own: the list of levels, linked, stands in their place.
func (b *builder) index() error {
	md, err := b.render("ladder.md.tmpl", b.ladder)
	if err != nil {
		return err
	}
	b.title = firstHeading(md)
	type group struct {
		Title  string
		Levels []Link
	}
	var groups []group
	for _, v := range b.ladder.Levels {
		if len(groups) == 0 || groups[len(groups)-1].Title != v.TrackTitle {
			groups = append(groups, group{Title: v.TrackTitle})
		}
		g := &groups[len(groups)-1]
		g.Levels = append(g.Levels, b.link(indexPage, v.Ref()))
	}
	list, err := b.render("site-levels", struct{ Groups []group }{groups})
	if err != nil {
		return err
	}
	b.pages = append(b.pages, page{path: indexPage, kind: "index", md: spliceCards(md, b.ladder.Levels, list)})
	return nil
}

// level is one level's page: its card, and the levels, guides and
// comparisons around it.
func (b *builder) level(v generator.LevelView) error {
	path := levelPage(v.ID)
	c, err := generator.Card(b.src.Ladder, b.src.Profile, v.ID)
	if err != nil {
		return err
	}
	md, err := b.render("ladder-level.md.tmpl", c)
	if err != nil {
		return err
	}
	var links struct {
		Below, Above, Peers, Into, OutOf, Compare []Link
	}
	var adjacent []string
	if v.Below != nil {
		links.Below = append(links.Below, b.link(path, *v.Below))
		adjacent = append(adjacent, v.Below.ID)
	}
	for _, r := range above(v) {
		links.Above = append(links.Above, b.link(path, r))
		adjacent = append(adjacent, r.ID)
	}
	for _, r := range v.Equivalents {
		links.Peers = append(links.Peers, b.link(path, r))
		adjacent = append(adjacent, r.ID)
	}
	for _, g := range b.guides {
		switch v.ID {
		case g.to:
			links.Into = append(links.Into, Link{Label: b.levelRef(g.from).Label(), Href: rel(path, guidePage(g.from, g.to))})
			adjacent = append(adjacent, g.from)
		case g.from:
			links.OutOf = append(links.OutOf, Link{Label: b.levelRef(g.to).Label(), Href: rel(path, guidePage(g.from, g.to))})
		}
	}
	seen := map[string]bool{v.ID: true}
	for _, id := range adjacent {
		if seen[id] || !b.onSite(id) {
			continue
		}
		seen[id] = true
		x, y := b.pairOf(v.ID, id)
		links.Compare = append(links.Compare, Link{Label: b.levelRef(id).Label(), Href: rel(path, comparePage(x, y))})
	}
	aside, err := b.render("site-level-links", links)
	if err != nil {
		return err
	}
	b.pages = append(b.pages, page{path: path, kind: "level", md: md, aside: aside, reserved: v.Reserved})
	return nil
}

// guide is one promotion step's page.
func (b *builder) guide(g guide) error {
	path := guidePage(g.from, g.to)
	pg, err := generator.Promotion(b.src.Ladder, b.src.Profile, g.from, g.to)
	if err != nil {
		return err
	}
	md, err := b.render("ladder-promotion.md.tmpl", pg)
	if err != nil {
		return err
	}
	links := struct {
		Levels  []Link
		Compare []Pair
	}{
		Levels:  []Link{b.link(path, b.levelRef(g.from)), b.link(path, b.levelRef(g.to))},
		Compare: []Pair{b.comparePair(path, g.from, g.to)},
	}
	aside, err := b.render("site-guide-links", links)
	if err != nil {
		return err
	}
	b.pages = append(b.pages, page{path: path, kind: "guide", md: md, aside: aside, reserved: pg.To.Reserved})
	return nil
}

// comparisons are a page for every pair of levels, and the page that
// lists them: adjacent pairs first, then any pair. Every pair has its
// page, so any two levels compare without a script.
func (b *builder) comparisons() error {
	levels := b.ladder.Levels
	byDim := func(v generator.LevelView) map[string]*generator.ExpectationView {
		m := map[string]*generator.ExpectationView{}
		for i := range v.Expectations {
			m[v.Expectations[i].Dimension] = &v.Expectations[i]
		}
		return m
	}
	guides := map[guide]bool{}
	for _, g := range b.guides {
		guides[g] = true
	}
	type row struct {
		Level string
		Pairs []Link
	}
	var rows []row
	var adjacent []Pair
	adjSeen := map[guide]bool{}
	addAdjacent := func(x, y string) {
		if !b.onSite(x) || !b.onSite(y) || x == y {
			return
		}
		x, y = b.pairOf(x, y)
		if adjSeen[guide{x, y}] {
			return
		}
		adjSeen[guide{x, y}] = true
		adjacent = append(adjacent, b.comparePair(compareHome, x, y))
	}
	for _, v := range levels {
		for _, r := range above(v) {
			addAdjacent(v.ID, r.ID)
		}
		for _, r := range v.Equivalents {
			addAdjacent(v.ID, r.ID)
		}
	}
	for _, g := range b.guides {
		addAdjacent(g.from, g.to)
	}
	for i, a := range levels {
		r := row{Level: a.Ref().Label()}
		for j, z := range levels {
			if i == j {
				continue
			}
			x, y := b.pairOf(a.ID, z.ID)
			r.Pairs = append(r.Pairs, Link{Label: z.Ref().Label(), Href: rel(compareHome, comparePage(x, y))})
			if j < i {
				continue
			}
			path := comparePage(a.ID, z.ID)
			da, dz := byDim(a), byDim(z)
			c := Comparison{LadderMeta: b.ladder.LadderMeta, A: a, B: z}
			// The dimensions in the stage's order, heaviest first.
			for _, col := range b.ladder.Weights {
				if da[col.Dimension] == nil && dz[col.Dimension] == nil {
					continue
				}
				c.Rows = append(c.Rows, ComparisonRow{Dimension: col.Dimension, Title: col.Title, A: da[col.Dimension], B: dz[col.Dimension]})
			}
			md, err := b.render("ladder-compare.md.tmpl", c)
			if err != nil {
				return err
			}
			links := struct {
				Levels []Link
				Guides []Pair
			}{Levels: []Link{b.link(path, a.Ref()), b.link(path, z.Ref())}}
			for _, g := range []guide{{a.ID, z.ID}, {z.ID, a.ID}} {
				if guides[g] {
					links.Guides = append(links.Guides, Pair{A: b.levelRef(g.from).Label(), B: b.levelRef(g.to).Label(), Href: rel(path, guidePage(g.from, g.to))})
				}
			}
			aside, err := b.render("site-compare-links", links)
			if err != nil {
				return err
			}
			b.pages = append(b.pages, page{path: path, kind: "compare", md: md, aside: aside})
		}
		rows = append(rows, r)
	}
	md, err := b.render("site-compare-index", struct {
		Meta     generator.LadderMeta
		Adjacent []Pair
		Rows     []row
	}{b.ladder.LadderMeta, adjacent, rows})
	if err != nil {
		return err
	}
	b.pages = append(b.pages, page{path: compareHome, kind: "compare", md: md})
	return nil
}

// growthPlan is the growth plan's page.
func (b *builder) growthPlan(track string) error {
	g, err := generator.GrowthTo(b.src.Ladder, b.src.Profile, track, b.src.GrowTo, b.src.GrowStage)
	if err != nil {
		return err
	}
	md, err := b.render("ladder-growth.md.tmpl", g)
	if err != nil {
		return err
	}
	b.pages = append(b.pages, page{path: growthPage, kind: "growth", md: md})
	return nil
}

// layout puts a page's document, with the site's navigation and the
// links around it, into an HTML page.
func (b *builder) layout(p page) ([]byte, error) {
	nav := struct{ Title, Home, Compare, Growth string }{
		Title: b.title, Home: rel(p.path, indexPage), Compare: rel(p.path, compareHome),
	}
	if b.growth {
		nav.Growth = rel(p.path, growthPage)
	}
	navMD, err := b.render("site-nav", nav)
	if err != nil {
		return nil, err
	}
	navHTML, err := htmldoc.Fragment(navMD, b.lang)
	if err != nil {
		return nil, err
	}
	main, err := htmldoc.Fragment(linkLevels(evenHeadings(p.md), p.path, b.links), b.lang)
	if err != nil {
		return nil, err
	}
	var aside []byte
	if len(bytes.TrimSpace(p.aside)) > 0 {
		if aside, err = htmldoc.Fragment(p.aside, b.lang); err != nil {
			return nil, err
		}
	}
	// A page's title is its heading, with the company's name after it
	// when the whole stays short enough to read in a tab or a bookmark.
	title := firstHeading(p.md)
	if title == "" {
		title = b.title
	}
	if c := strings.TrimSpace(b.ladder.Company); p.path != indexPage && c != "" && !strings.Contains(title, c) &&
		utf8.RuneCountInString(title)+len(" · ")+utf8.RuneCountInString(c) <= maxTitle {
		title += " · " + c
	}
	up := rel(p.path, "")
	var w bytes.Buffer
	w.Grow(len(main) + len(aside) + 2048)
	fmt.Fprintf(&w, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(b.lang))
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&w, "<title>%s</title>\n", html.EscapeString(title))
	meta(&w, "author", b.ladder.Company)
	meta(&w, "generator", "Rungs")
	for _, css := range []struct{ path, media string }{{documentCSS, ""}, {siteCSS, ""}, {printCSS, "print"}} {
		fmt.Fprintf(&w, "<link rel=\"stylesheet\" href=\"%s%s\"", up, css.path)
		if css.media != "" {
			fmt.Fprintf(&w, " media=\"%s\"", css.media)
		}
		w.WriteString(">\n")
	}
	class := "page-" + p.kind
	if p.reserved {
		class += " reserved"
	}
	fmt.Fprintf(&w, "</head>\n<body class=\"%s\">\n<header class=\"site\">\n<nav>\n", class)
	w.Write(navHTML)
	w.WriteString("</nav>\n</header>\n")
	// A page with links around it lays them beside the document on a
	// wide screen (site.css), below it on a narrow one.
	if aside != nil {
		w.WriteString("<div class=\"with-related\">\n")
	}
	w.WriteString("<main>\n")
	w.Write(main)
	w.WriteString("</main>\n")
	if aside != nil {
		w.WriteString("<aside class=\"related\">\n")
		w.Write(aside)
		w.WriteString("</aside>\n</div>\n")
	}
	w.WriteString("</body>\n</html>\n")
	return w.Bytes(), nil
}

func meta(w *bytes.Buffer, name, content string) {
	if content = strings.TrimSpace(content); content != "" {
		fmt.Fprintf(w, "<meta name=\"%s\" content=\"%s\">\n", name, html.EscapeString(content))
	}
}

// firstHeading is the plain text of a Markdown document's first heading.
func firstHeading(md []byte) string {
	doc, err := output.ParseMarkdown("sitedoc", md)
	if err != nil {
		return ""
	}
	var title string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			title = output.PlainText(h, md)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return title
}

// spliceCards takes the level cards out of the ladder's Markdown and puts
// list where the first one was. A card is a third-level heading that
// reads "Title (Code)" for a level, down to the next heading of its level
// or above. A custom template whose cards read otherwise keeps them, and
// the list goes at the end.
func spliceCards(md []byte, levels []generator.LevelView, list []byte) []byte {
	doc, err := output.ParseMarkdown("sitedoc", md)
	if err != nil {
		return md
	}
	cards := map[string]bool{}
	for _, v := range levels {
		cards[v.Title+" ("+v.Code+")"] = true
	}
	type heading struct {
		start, level int
		card         bool
	}
	var hs []heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Lines().Len() == 0 {
			continue
		}
		start := h.Lines().At(0).Start
		start = bytes.LastIndexByte(md[:start], '\n') + 1
		hs = append(hs, heading{start: start, level: h.Level, card: h.Level == 3 && cards[output.PlainText(h, md)]})
	}
	var out bytes.Buffer
	at, placed := 0, false
	for i, h := range hs {
		if !h.card {
			continue
		}
		end := len(md)
		for _, next := range hs[i+1:] {
			if next.level <= 3 {
				end = next.start
				break
			}
		}
		out.Write(md[at:h.start])
		if !placed {
			out.Write(list)
			out.WriteByte('\n')
			placed = true
		}
		at = end
	}
	out.Write(md[at:])
	if !placed {
		out.WriteByte('\n')
		out.Write(list)
	}
	return out.Bytes()
}

// evenHeadings closes the gaps in a document's heading levels: a level
// card goes from its title (#) to "#### What we expect", because in the
// ladder document the same card sits under "### Title". On a page of its
// own the gap would mislead screen readers, which list headings by
// level, so each heading goes one level below the heading it belongs under.
func evenHeadings(md []byte) []byte {
	doc, err := output.ParseMarkdown("sitedoc", md)
	if err != nil {
		return md
	}
	type edit struct{ at, from, to int }
	var edits []edit
	// open holds the headings still open, each with its level before and
	// after: a heading goes one level below the nearest open heading
	// above it in rank.
	type open struct{ from, to int }
	var stack []open
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Lines().Len() == 0 {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].from >= h.Level {
			stack = stack[:len(stack)-1]
		}
		level := 1
		if len(stack) > 0 {
			level = stack[len(stack)-1].to + 1
		}
		stack = append(stack, open{h.Level, level})
		if level == h.Level {
			continue
		}
		start := bytes.LastIndexByte(md[:h.Lines().At(0).Start], '\n') + 1
		// Only ATX headings ("#### ...") carry their level in hashes.
		hashes := 0
		for start+hashes < len(md) && md[start+hashes] == '#' {
			hashes++
		}
		if hashes == h.Level {
			edits = append(edits, edit{start, hashes, level})
		}
	}
	if len(edits) == 0 {
		return md
	}
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		out.Write(md[at:e.at])
		out.WriteString(strings.Repeat("#", e.to))
		at = e.at + e.from
	}
	out.Write(md[at:])
	return out.Bytes()
}
