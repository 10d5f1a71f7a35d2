package profile

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// Limits of the free-text company.yaml keys. A value over a limit is
// almost always a paste gone wrong; postings have no room for it.
const (
	MaxTitleLen         = 200  // one titles: entry
	MaxTitleSuffixLen   = 40   // title_suffix
	MaxTeamLen          = 2000 // team
	MaxStackItemLen     = 80   // one stack entry
	MaxStackItems       = 40   // stack entries
	MaxInterviewStepLen = 300  // one interview_process step
	MaxInterviewSteps   = 12   // interview_process steps
)

// textRule says what one free-text value accepts.
type textRule struct {
	max       int    // the most characters (runes)
	multiline bool   // line breaks allowed (team)
	want      string // what to write, for the empty-value message
}

var (
	stackRule     = textRule{MaxStackItemLen, false, "one technology, such as Go or PostgreSQL"}
	teamRule      = textRule{MaxTeamLen, true, "a few sentences on the team the hire joins"}
	interviewRule = textRule{MaxInterviewStepLen, false, `one step, such as "A 30-minute call with the hiring manager"`}
	titleRule     = textRule{MaxTitleLen, false, "the company's title for the role, such as Senior Software Engineer"}
	suffixRule    = textRule{MaxTitleSuffixLen, false, `a suffix such as "(m/w/d)" or "(H/F)"`}
)

// checkText validates one value and returns it trimmed. what names the
// field ("stack[2]", "titles.cto") in messages.
func checkText(errs *strictyaml.List, name string, line int, what, v string, r textRule) string {
	t := strings.TrimSpace(v)
	if t == "" {
		errs.Add(name, line, "%s is empty; give %s, or leave the key out", what, r.want)
		return t
	}
	for i, c := range t {
		if c == '\n' && r.multiline {
			continue
		}
		if c != '\t' && c != '\n' && ctrl.Is(c) {
			// strictyaml.CheckControl reports it, for every field.
			return t
		}
		if unicode.IsControl(c) || c == '\u2028' || c == '\u2029' {
			kind := "a control character"
			if c == '\n' || c == '\r' {
				kind = "a line break"
			}
			fix := "write it on one line of plain text"
			if r.multiline {
				fix = "remove it; plain text and line breaks are accepted"
			}
			errs.Add(name, line, "%s has %s (%U) at character %d; %s", what, kind, c, utf8.RuneCountInString(t[:i])+1, fix)
			return t
		}
	}
	if n := utf8.RuneCountInString(t); n > r.max {
		errs.Add(name, line, "%s has %d characters, over the limit of %d; shorten it to %d or fewer", what, n, r.max, r.max)
	}
	return t
}

// checkTexts validates and trims the free-text keys: stack, team,
// interview_process, titles (values; the role ids are checked against the
// catalog by Resolve) and title_suffix.
func checkTexts(name string, root *yaml.Node, c *Company, errs *strictyaml.List) {
	at := func(field string) int { return strictyaml.Line(root, field) }
	list := func(field string, vs []string, r textRule, maxItems int) {
		nodes := strictyaml.Items(root, field)
		if n := max(len(vs), len(nodes)); n > maxItems {
			errs.Add(name, at(field), "%s has %d entries, over the limit of %d; keep the %d that matter most", field, n, maxItems, maxItems)
		}
		if len(nodes) == 0 {
			for i, v := range vs {
				vs[i] = checkText(errs, name, at(field), fmt.Sprintf("%s[%d]", field, i), v, r)
			}
			return
		}
		// Decoding drops null entries ("- ~", "-"), so walk the YAML
		// items: entry i of the file is the i-th node.
		j := 0
		for i, n := range nodes {
			what := fmt.Sprintf("%s[%d]", field, i)
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				checkText(errs, name, n.Line, what, "", r)
				continue
			}
			if j < len(vs) {
				vs[j] = checkText(errs, name, n.Line, what, vs[j], r)
				j++
			}
		}
	}
	list("stack", c.Stack, stackRule, MaxStackItems)
	list("interview_process", c.InterviewProcess, interviewRule, MaxInterviewSteps)
	if strictyaml.Field(root, "team") != nil {
		c.Team = checkText(errs, name, at("team"), "team", c.Team, teamRule)
	}
	if strictyaml.Field(root, "title_suffix") != nil {
		c.TitleSuffix = checkText(errs, name, at("title_suffix"), "title_suffix", c.TitleSuffix, suffixRule)
	}
	keys := make([]string, 0, len(c.Titles))
	for k := range c.Titles {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		c.Titles[k] = checkText(errs, name, c.TitleLine(k), "titles."+k, c.Titles[k], titleRule)
	}
}

// TitleLine returns the line of a titles: entry.
func (c *Company) TitleLine(role string) int {
	if v := strictyaml.Field(strictyaml.Field(c.root, "titles"), role); v != nil {
		return v.Line
	}
	return c.Line("titles")
}
