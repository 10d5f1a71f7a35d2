package studio

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/lint"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// doc is a document the page shows: what the pipeline built, the Markdown
// it rendered, and how to name its files.
type doc struct {
	tmpl     string
	view     pipeline.View
	stem     string // file name without extension, as rungs names it
	kind     string // the pipeline kind, for the formats it offers
	md       []byte
	warnings []string
}

// files renders the document in one format through the pipeline, as the
// jd and ladder commands do.
func (d *doc) file(format, paper string, data *Data) (pipeline.File, error) {
	files, err := pipeline.RenderView(d.tmpl, d.view, []string{format}, paper, data.Templates)
	if err != nil {
		return pipeline.File{}, err
	}
	return files[0], nil
}

// buildJD builds the posting of a resolved form through the pipeline's jd
// kind.
func buildJD(data *Data, r *resolved) (*doc, error) {
	k, err := pipeline.LookupKind("jd")
	if err != nil {
		return nil, err
	}
	params := pipeline.Params{"role": r.roleID}
	return buildKind(data, k, r.prof, params)
}

// buildKind builds a kind's view and its Markdown.
func buildKind(data *Data, k *pipeline.Kind, p profile.Profile, params pipeline.Params) (*doc, error) {
	env := &pipeline.Env{Cat: data.Catalog, Ladder: data.Ladder}
	view, err := k.Build(env, p, params)
	if err != nil {
		return nil, err
	}
	d := &doc{tmpl: k.Template, view: view, kind: k.Name, stem: pipeline.Stem(env, k, p, params), warnings: view.Warnings}
	return d, d.markdown(data)
}

func (d *doc) markdown(data *Data) error {
	f, err := d.file("md", "", data)
	if err != nil {
		return err
	}
	d.md = f.Data
	return nil
}

// lintJD checks the posting as rungs jd does before it writes it.
func lintJD(d *doc, p profile.Profile) lint.Report {
	jd, _ := d.view.Model.(*generator.JobDescription)
	exec := jd != nil && jd.Executive
	lang := p.Company.Language
	if lang == "" {
		lang = "en"
	}
	return lint.Check(d.stem+".md", d.md, lint.Options{Executive: exec, Date: p.Date, Employees: p.Company.Employees, Lang: lang})
}

// Sentinels stand for the marks' tags while goldmark renders the
// Markdown: private-use characters pass through it as text.
const (
	markOpen  = '\uE000'
	markSep   = '\uE001'
	markClose = '\uE002'
)

var (
	sentinels = strings.NewReplacer(string(markOpen), "", string(markSep), "", string(markClose), "")
	markRe    = regexp.MustCompile("\uE000([0-9,]+)\uE001")
	// blockPrefix is the Markdown that opens a line's block: heading
	// hashes, list bullets and numbers, quote markers.
	blockPrefix = regexp.MustCompile(`^\s*(?:(?:#{1,6}|>|[-*+]|\d{1,9}[.)])\s+)*`)
	md          = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
)

// span is a marked stretch of one line.
type span struct {
	start, end int // byte offsets in the line
	ids        []int
}

// markFindings renders Markdown to HTML with each finding that has a line
// marked where it occurs: at its words when the line holds them, else
// the whole line. It returns which findings were placed. The HTML is
// goldmark's, which drops raw HTML and unsafe links, so user text cannot
// inject markup.
func markFindings(src []byte, fs []lint.Finding) (template.HTML, map[int]bool) {
	lines := strings.Split(sentinels.Replace(string(src)), "\n")
	spans := map[int][]span{}
	placed := map[int]bool{}
	for i, f := range fs {
		if f.Line < 1 || f.Line > len(lines) {
			continue
		}
		line := lines[f.Line-1]
		s, e := findWord(line, f.Text)
		if s < 0 {
			s = len(blockPrefix.FindString(line))
			e = len(strings.TrimRight(line, " \t"))
			if s >= e {
				continue
			}
		}
		if strings.Contains(line[s:e], "|") {
			// Across a table's cell boundary (a row need not start
			// with a pipe) a mark would not nest: the finding is
			// listed, not marked.
			continue
		}
		sp := spans[f.Line-1]
		merged := false
		clash := false
		for j := range sp {
			switch {
			case sp[j].start == s && sp[j].end == e:
				sp[j].ids = append(sp[j].ids, i)
				merged = true
			case s < sp[j].end && sp[j].start < e:
				clash = true
			}
		}
		if merged {
			placed[i] = true
			continue
		}
		if clash {
			continue
		}
		spans[f.Line-1] = append(sp, span{s, e, []int{i}})
		placed[i] = true
	}
	for ln, sp := range spans {
		slices.SortFunc(sp, func(a, b span) int { return b.start - a.start })
		line := lines[ln]
		for _, x := range sp {
			ids := make([]string, len(x.ids))
			for k, id := range x.ids {
				ids[k] = strconv.Itoa(id)
			}
			line = line[:x.start] + string(markOpen) + strings.Join(ids, ",") + string(markSep) + line[x.start:x.end] + string(markClose) + line[x.end:]
		}
		lines[ln] = line
	}
	var buf bytes.Buffer
	if err := md.Convert([]byte(strings.Join(lines, "\n")), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(string(src))), nil
	}
	return template.HTML(tagMarks(buf.String(), fs)), placed
}

// tagMarks turns the sentinels in goldmark's HTML into mark elements.
// Marks never overlap, so each close sentinel ends the last mark opened.
// A mark ends with the numbers of its findings, so it is told apart
// without its colour, and names them for screen readers.
func tagMarks(html string, fs []lint.Finding) string {
	var b strings.Builder
	var open []string
	for len(html) > 0 {
		r, size := utf8.DecodeRuneInString(html)
		switch r {
		case markOpen:
			m := markRe.FindStringSubmatch(html)
			if m == nil || !strings.HasPrefix(html, m[0]) {
				html = html[size:]
				continue
			}
			open = strings.Split(m[1], ",")
			id, _ := strconv.Atoi(open[0])
			desc := make([]string, len(open))
			for k, s := range open {
				desc[k] = "f" + s
			}
			fmt.Fprintf(&b, `<mark class="lint %s" id="m%d" tabindex="0" aria-describedby="%s"><span class="visually-hidden">%s: </span>`,
				fs[id].Level, id, strings.Join(desc, " "), levelWord(fs[id].Level))
			html = html[len(m[0]):]
			continue
		case markClose:
			nums := make([]string, len(open))
			for k, s := range open {
				n, _ := strconv.Atoi(s)
				nums[k] = strconv.Itoa(n + 1)
			}
			fmt.Fprintf(&b, `<sup class="mark-n" aria-hidden="true">%s</sup></mark>`, strings.Join(nums, ","))
			open = nil
		default:
			b.WriteString(html[:size])
		}
		html = html[size:]
	}
	return b.String()
}

// findWord finds text in line as whole words, ignoring case.
func findWord(line, text string) (int, int) {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > len(line) {
		return -1, -1
	}
	for i := 0; i+len(text) <= len(line); i++ {
		if !strings.EqualFold(line[i:i+len(text)], text) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(line[:i])
		after, _ := utf8.DecodeRuneInString(line[i+len(text):])
		if i > 0 && isWordRune(before) || i+len(text) < len(line) && isWordRune(after) {
			continue
		}
		// Not inside a link target: "](" opens one.
		if j := strings.LastIndex(line[:i], "]("); j >= 0 && !strings.Contains(line[j:i], ")") {
			continue
		}
		return i, i + len(text)
	}
	return -1, -1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// levelWord is the level as a screen reader and the finding list say it.
func levelWord(l string) string {
	switch l {
	case lint.LevelError:
		return "Error"
	case lint.LevelWarning:
		return "Warning"
	}
	return "Note"
}

// plainHTML renders Markdown without marks (ladders).
func plainHTML(src []byte) template.HTML {
	h, _ := markFindings(src, nil)
	return h
}

// summary is the lint report's headline figures.
type summary struct {
	Words, MinWords, MaxWords int
	WordsOK                   bool
	Flesch                    string
	FleschLabel               string
	FleschOK                  bool
	Gender                    string
	GenderDetail              string
	GenderOK                  bool
	Masculine, Feminine       string // the coded words, each once
	Pay                       string
	PayDetail                 string
	PayOK                     bool
	Errors, Warnings, Notes   int
}

func summarize(rep lint.Report, exec bool) summary {
	s := summary{Words: rep.Words, MinWords: lint.MinWords, MaxWords: lint.MaxWords}
	if exec {
		s.MaxWords = lint.MaxWordsExecutive
	}
	s.WordsOK = s.Words >= s.MinWords && s.Words <= s.MaxWords
	s.Flesch = strconv.Itoa(int(math.Round(rep.Flesch)))
	floor := float64(lint.FleschFloor)
	if exec {
		floor = lint.FleschFloorExecutive
	}
	switch {
	case rep.Flesch >= lint.FleschPlain:
		s.FleschLabel, s.FleschOK = "plain English", true
	case rep.Flesch >= floor:
		s.FleschLabel, s.FleschOK = "fairly hard", true
	default:
		s.FleschLabel = "hard going"
	}
	s.Gender = rep.Gender.Verdict
	s.GenderOK = !strings.Contains(rep.Gender.Verdict, "masculine")
	s.GenderDetail = fmt.Sprintf("%d masculine-coded, %d feminine-coded words", len(rep.Gender.Masculine), len(rep.Gender.Feminine))
	s.Masculine, s.Feminine = uniq(rep.Gender.Masculine), uniq(rep.Gender.Feminine)
	var places []string
	for _, p := range rep.Places {
		for _, n := range p.Names {
			if !slices.Contains(places, n) {
				places = append(places, n)
			}
		}
	}
	missing := 0
	for _, f := range rep.Findings {
		switch f.Level {
		case lint.LevelError:
			s.Errors++
		case lint.LevelWarning:
			s.Warnings++
		default:
			s.Notes++
		}
		if f.Jurisdiction != "" && f.Level == lint.LevelError {
			missing++
		}
	}
	switch {
	case len(places) == 0:
		s.Pay = "no location"
		s.PayDetail = "The posting names no location Rungs knows; add one to check the law."
	case len(rep.Jurisdictions) == 0:
		s.Pay, s.PayOK = "no law found", true
		s.PayDetail = "No pay-transparency law Rungs knows applies to " + strings.Join(places, ", ") + "."
	case missing == 0:
		s.Pay, s.PayOK = "complete", true
		s.PayDetail = "Meets the pay-transparency rules of " + strings.Join(places, ", ") + "."
	default:
		s.Pay = fmt.Sprintf("%d missing", missing)
		s.PayDetail = fmt.Sprintf("%s: %d %s the law requires %s missing.", strings.Join(places, ", "), missing, plural(missing, "item", "items"), plural(missing, "is", "are"))
	}
	return s
}

// uniq joins words, each once, in order of first use.
func uniq(words []string) string {
	var out []string
	for _, w := range words {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return strings.Join(out, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
