package lint

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Options tune a check.
type Options struct {
	// Jurisdictions are the pay-transparency jurisdictions to check, by id
	// (see ParseJurisdictions). When empty, they are detected from the
	// posting's location lines ("Location: Denver, CO").
	Jurisdictions []string
	// Executive raises the word-count ceiling from 700 to 900 and uses the
	// reading-ease thresholds calibrated on executive postings (warning
	// below 15, info below 24): real executive postings read much harder.
	Executive bool
	// Date is the day the posting is published. A rule that is not yet in
	// force on that day is reported as info instead of error. When zero,
	// the posting's own date is used ("Posted 2026-11-23", "Date posted:
	// March 3, 2026", a JSON-LD datePosted); without one, every rule is in
	// force.
	Date time.Time
	// IgnorePostingDate keeps the posting's own date out: with a zero
	// Date every rule is then in force.
	IgnorePostingDate bool
	// GenderMethod is GenderFair (the default) or GenderDecoder.
	GenderMethod string
	// Employees is the employer's headcount, when known. A law whose
	// threshold is above it is not applied. Zero means unknown: every law
	// applies.
	Employees int
	// Lang is the posting's language, LangEnglish or LangFrench. When
	// empty (or unknown) it is detected from the text: see DetectLanguage.
	Lang string
}

// Finding is one problem in a posting.
type Finding struct {
	// Rule is a stable id, such as "gendered-pronoun" or "pay-range".
	Rule string `json:"rule"`
	// Level is error, warning or info.
	Level string `json:"level"`
	// Line is the 1-based source line; 0 for the document as a whole.
	Line int `json:"line"`
	// Text is the offending text, or "" when something is missing.
	Text string `json:"text"`
	// Message says what is wrong and why.
	Message string `json:"message"`
	// Fix suggests what to write instead.
	Fix string `json:"fix"`
	// Jurisdiction is the pay-transparency jurisdiction id of a pay rule.
	Jurisdiction string `json:"jurisdiction,omitempty"`
	// Law names the law behind a pay rule.
	Law string `json:"law,omitempty"`
}

// Report is the result of checking one posting.
type Report struct {
	File string
	// Words counts every word of the posting's text: headings, paragraphs,
	// list items and table cells; code blocks and raw HTML are left out.
	Words int
	// Sentences, Flesch and AvgSentenceWords describe the prose: the
	// paragraphs and list items (see sentences); headings, labels and
	// table cells are not prose.
	Sentences int
	Flesch    float64
	// Grade is the Flesch-Kincaid US school grade level of the prose:
	// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
	Grade            float64
	AvgSentenceWords float64
	// LongestSentences are the three longest prose sentences, longest first.
	LongestSentences []Sentence
	// BulletShare is the share of the posting's words that sit in list
	// items, from 0 to 1.
	BulletShare float64
	// MustHaves counts the top-level list items under must-have headings
	// (see mustHaveHeading).
	MustHaves int
	// Jurisdictions are the pay-transparency jurisdictions checked.
	Jurisdictions []string
	// Excluded are the equal-opportunity and legal paragraphs left out of
	// the wording, sentence and reading-ease checks.
	Excluded []Excluded
	// Places are the places the posting names and what they bring in.
	Places []Place
	// Date is the publication date the pay rules were checked against,
	// and DateSource where it came from ("option", "posting"), or zero.
	Date       time.Time
	DateSource string
	// Language is the language the posting was checked as, and how it
	// was chosen.
	Language Language
	// NotChecked names the checks that were not run on this posting, each
	// with the reason, in one line: the gender-coded wording of a French
	// posting.
	NotChecked []string
	Gender     Gender
	// Findings are ordered by line, then rule, jurisdiction and text.
	Findings []Finding
}

// Count returns the number of findings at a level.
func (r Report) Count(level string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Level == level {
			n++
		}
	}
	return n
}

// HasErrors reports whether the report has an error-level finding.
func (r Report) HasErrors() bool { return r.Count(LevelError) > 0 }

// Length and shape targets (Textio's analysis of job posts, Paycor).
const (
	MinWords          = 300
	MaxWords          = 700
	MaxWordsExecutive = 900
	// BulletShareLow and BulletShareHigh bound "about one third".
	BulletShareLow  = 0.20
	BulletShareHigh = 0.50
	MaxMustHaves    = 8
	// FleschPlain is the reading ease from which text reads as plain
	// English; the messages quote it as the target.
	FleschPlain = 60
	// The reading-ease thresholds are calibrated on 40 full, real public
	// engineering postings (testdata/corpus/reading-ease.yaml, which gives
	// the sources, scores and method; a test recomputes these values from
	// it). The warning is the 10th percentile of the group's scores, the
	// hardest tenth of real postings; the info note is the median, harder
	// to read than half of them. Executive postings (VP, C-level,
	// director) are their own group, used with Options.Executive.
	FleschFloor          = 30
	FleschNote           = 42
	FleschFloorExecutive = 15
	FleschNoteExecutive  = 24
	// LongSentence is the word count above which a sentence is flagged;
	// AvgSentenceMax the average sentence length above which prose is
	// flagged (plain-English guidance is 8 to 13 words on average).
	LongSentence   = 30
	AvgSentenceMax = 20
)

// Check lints one Markdown posting. name is used only to label the report.
// Check never fails: any input gives a report.
func Check(name string, md []byte, opts Options) Report {
	d := get()
	md, cutAt, plainFrom := limitSize(md)
	md, cut := limitNesting(md)
	doc := parse(md)
	r := Report{File: name, Findings: []Finding{}, LongestSentences: []Sentence{}, Jurisdictions: []string{}, Places: []Place{}, NotChecked: []string{}}
	r.Date, r.DateSource = opts.Date, ""
	switch {
	case !opts.Date.IsZero():
		r.DateSource = "option"
	case !opts.IgnorePostingDate:
		if d := postingDate(md); !d.IsZero() {
			r.Date, r.DateSource = d, "posting"
		}
	}
	add := func(f Finding) { r.Findings = append(r.Findings, f) }
	for i, line := range cut {
		if i == 3 {
			add(Finding{Rule: "nesting", Level: LevelWarning, Line: line, Text: fmt.Sprintf("%d more lines", len(cut)-i),
				Message: fmt.Sprintf("%d lines nest block quotes or lists deeper than %d levels; the markers past that depth were ignored", len(cut), MaxNesting),
				Fix:     "Remove the extra \">\", \"-\" or \"1.\" markers at the start of the line."})
			break
		}
		add(Finding{Rule: "nesting", Level: LevelWarning, Line: line,
			Message: fmt.Sprintf("block quotes or lists nested deeper than %d levels on one line; the markers past that depth were ignored", MaxNesting),
			Fix:     "Remove the extra \">\", \"-\" or \"1.\" markers at the start of the line."})
	}

	if cutAt > 0 {
		add(Finding{Rule: "input-limit", Level: LevelWarning, Line: cutAt, Text: fmt.Sprintf("more than %d lines", MaxLines),
			Message: fmt.Sprintf("the text from line %d on was not checked: lint reads the first %d lines, and a posting has a few hundred", cutAt, MaxLines),
			Fix:     "Lint the posting on its own, not a file that holds many."})
	}
	if plainFrom > 0 {
		add(Finding{Rule: "input-limit", Level: LevelWarning, Line: plainFrom, Text: fmt.Sprintf("more than %d markup characters", MaxMarkup),
			Message: fmt.Sprintf("more than %d inline markup characters (* _ ~ ` [ ] < ! & |); from here on they were read as plain text", MaxMarkup),
			Fix:     "Remove the stray markup characters."})
	}

	r.Excluded = markLegal(doc.units)
	r.Language = postingLanguage(opts.Lang, doc.units)
	doc.lang = r.Language.Code
	french := doc.lang == LangFrench
	// Words, bullets, prose.
	bulletWords, syls := 0, 0
	var sents []Sentence
	for _, u := range doc.units {
		n := countWords(u.text)
		u.nwords = n
		r.Words += n
		if u.kind == kindBullet {
			bulletWords += n
		} else if u.kind == kindParagraph && strings.Contains(u.text, "•") {
			// Inline items ("Go • Kubernetes • Postgres", "• one • two"):
			// the words after each bullet sign are list words.
			if i := strings.Index(u.text, "•"); i >= 0 {
				// "Stack: Go • Kubernetes": the first item follows the label.
				ls := strings.LastIndexByte(u.text[:i], '\n') + 1
				if c := strings.LastIndexByte(u.text[ls:i], ':'); c >= 0 {
					i = ls + c + 1
				}
				bulletWords += countWords(u.text[i:])
			}
		}
		if (u.kind == kindParagraph || u.kind == kindBullet) && !u.legal {
			ss := sentences(u)
			sents = append(sents, ss...)
			if french {
				syls += countSyllablesFR(u.text)
			} else {
				syls += countSyllables(u.text)
			}
		}
	}
	proseWords := 0
	for _, s := range sents {
		proseWords += s.Words
	}
	r.Sentences = len(sents)
	if french {
		// No grade level: Flesch-Kincaid's is for US school grades and
		// English text.
		r.Flesch = kandelMoles(proseWords, len(sents), syls)
	} else {
		r.Flesch = flesch(proseWords, len(sents), syls)
		r.Grade = grade(proseWords, len(sents), syls)
	}
	if len(sents) > 0 {
		r.AvgSentenceWords = float64(proseWords) / float64(len(sents))
	}
	if r.Words > 0 {
		r.BulletShare = float64(bulletWords) / float64(r.Words)
	}
	r.MustHaves = doc.mustHaves
	longest := slices.Clone(sents)
	sort.SliceStable(longest, func(i, j int) bool { return longest[i].Words > longest[j].Words })
	if len(longest) > 3 {
		longest = longest[:3]
	}
	r.LongestSentences = append(r.LongestSentences, longest...)

	checkShape(&r, doc, opts, add)
	checkReadability(&r, sents, opts, add)
	if french {
		checkTitleHF(doc, add)
	}

	if french {
		r.Gender = Gender{Verdict: VerdictNotScored, Method: GenderNone, Masculine: []string{}, Feminine: []string{}}
		r.NotChecked = append(r.NotChecked, notScoredFrench)
	} else {
		checkGender(&r, d, doc, opts, add)
	}

	// Phrasing. "Vague pay" is for postings without a figure: a posting
	// that gives a range may still say pay depends on experience.
	pay := doc.payFacts()
	rules := d.rulesEN
	if french {
		rules = d.rulesFR
	}
	for _, u := range doc.units {
		for _, pm := range matchPhrases(rules, u) {
			if pm.rule.ID == "vague-pay" && len(pay.ranges) > 0 {
				continue
			}
			if u.legal && pm.rule.ID != "placeholder" {
				continue // equal-opportunity and legal text (see legal.go)
			}
			if f, ok := inContext(pm, u); ok {
				add(f)
				continue
			}
			add(Finding{Rule: pm.rule.ID, Level: pm.rule.Level, Line: pm.line, Text: pm.text,
				Message: pm.rule.Name + ": " + pm.rule.Reason, Fix: pm.rule.Fix})
		}
	}

	checkPay(&r, d, doc, opts, add)
	checkFrenchRequired(&r, d, doc, opts, add)

	sortFindings(r.Findings)
	return r
}

// notScoredFrench is the one line a French report gives for the gender
// check it does not run.
const notScoredFrench = "gender-coded wording: not scored in French; the coded word lists are English research (Gaucher, Friesen & Kay 2011) and no French list has been validated"

// checkGender scores the gender-coded wording of an English posting.
func checkGender(r *Report, d *data, doc *document, opts Options, add func(Finding)) {
	// Gender-coded wording.
	m := genderMatcher{d.masculine, d.feminine, d.exceptions, d.hyphenStems}
	var coded []codedWord
	words := 0
	method := GenderFair
	if opts.GenderMethod == GenderDecoder {
		method = GenderDecoder
		coded, words = d.decoder.scanDecoder(doc.units)
	} else {
		coded, words = m.scanFair(doc.units)
	}
	r.Gender = genderOf(coded)
	r.Gender.Method, r.Gender.Words = method, words
	if words > 0 {
		r.Gender.MasculinePer1000 = round1(1000 * float64(len(r.Gender.Masculine)) / float64(words))
		r.Gender.FemininePer1000 = round1(1000 * float64(len(r.Gender.Feminine)) / float64(words))
	}
	if r.Gender.Verdict == VerdictMasculine || r.Gender.Verdict == VerdictStronglyMasculine {
		line := 0
		for _, c := range coded {
			if c.masculine {
				line = c.line
				break
			}
		}
		add(Finding{
			Rule: "gender-coded", Level: LevelWarning, Line: line,
			Text: summarize(r.Gender.Masculine),
			Message: fmt.Sprintf("the posting is %s (score %d: %d masculine-coded, %d feminine-coded words); masculine-coded wording makes women less likely to apply (Gaucher, Friesen & Kay 2011)",
				r.Gender.Verdict, r.Gender.Score, len(r.Gender.Masculine), len(r.Gender.Feminine)),
			Fix: "Replace masculine-coded words (lead, driven, competitive, analytical...) with neutral or collaborative ones (guide, motivated, thorough, support, understand).",
		})
	}

}

// inContext turns a gendered pronoun that refers to a named person, or a
// gendered word that describes the people a product serves, into info
// with the reason.
func inContext(pm phraseMatch, u *unit) (Finding, bool) {
	flat, _, _ := u.forms()
	switch pm.rule.ID {
	case "gendered-pronoun":
		sent := sentenceAround(flat, pm.off, pm.off+len(pm.text))
		if name := namedPerson(sent); name != "" {
			return Finding{Rule: pm.rule.ID, Level: LevelInfo, Line: pm.line, Text: pm.text,
				Message: fmt.Sprintf("%s: the pronoun seems to refer to %s, a named person, not to the person hired; not counted as an error", pm.rule.Name, name),
				Fix:     "Nothing to do if it refers to " + name + "; otherwise " + pm.rule.Fix}, true
		}
	case "gendered-word":
		if !peopleWords.MatchString(pm.text) {
			break
		}
		sent := sentenceAround(flat, pm.off, pm.off+len(pm.text))
		if m := servedContext.FindString(sent); m != "" {
			return Finding{Rule: pm.rule.ID, Level: LevelInfo, Line: pm.line, Text: pm.text,
				Message: fmt.Sprintf("%s: %q describes the people the product serves (the sentence says %q), not the person hired; not counted as an error", pm.rule.Name, pm.text, m),
				Fix:     "Nothing to do if it describes customers or users; otherwise " + pm.rule.Fix}, true
		}
	}
	return Finding{}, false
}

func summarize(ws []string) string {
	count := map[string]int{}
	var order []string
	for _, w := range ws {
		if count[w] == 0 {
			order = append(order, w)
		}
		count[w]++
	}
	parts := make([]string, len(order))
	for i, w := range order {
		parts[i] = w
		if count[w] > 1 {
			parts[i] = fmt.Sprintf("%s×%d", w, count[w])
		}
	}
	return strings.Join(parts, ", ")
}

func checkShape(r *Report, doc *document, opts Options, add func(Finding)) {
	maxWords := MaxWords
	if opts.Executive {
		maxWords = MaxWordsExecutive
	}
	switch {
	case r.Words < MinWords:
		add(Finding{Rule: "length", Level: LevelWarning, Text: fmt.Sprintf("%d words", r.Words),
			Message: fmt.Sprintf("the posting has %d words; postings of %d–%d words get the most applicants", r.Words, MinWords, maxWords),
			Fix:     "Add what the role does in its first year, who it works with, and the pay and benefits."})
	case r.Words > maxWords:
		add(Finding{Rule: "length", Level: LevelWarning, Text: fmt.Sprintf("%d words", r.Words),
			Message: fmt.Sprintf("the posting has %d words; postings of %d–%d words get the most applicants", r.Words, MinWords, maxWords),
			Fix:     "Cut repeated points, company boilerplate and nice-to-haves."})
	}
	if r.Words > 0 && (r.BulletShare < BulletShareLow || r.BulletShare > BulletShareHigh) {
		add(Finding{Rule: "bullet-share", Level: LevelInfo, Text: fmt.Sprintf("%.0f%% in bullets", 100*r.BulletShare),
			Message: fmt.Sprintf("%.0f%% of the text is in bullet lists; about one third reads best (skimmable lists, with prose that explains)", 100*r.BulletShare),
			Fix:     "Keep responsibilities and requirements as short lists; explain the team and the mission in a few sentences."})
	}
	if r.MustHaves > MaxMustHaves {
		add(Finding{Rule: "must-haves", Level: LevelWarning, Line: doc.mustHaveLine, Text: fmt.Sprintf("%d requirements", r.MustHaves),
			Message: fmt.Sprintf("%d must-have requirements; more than %d discourage qualified people, women especially, who apply only when they meet them all", r.MustHaves, MaxMustHaves),
			Fix:     "Keep the requirements the job cannot do without; move the rest to a \"Nice to have\" list or drop them."})
	}
}

func checkReadability(r *Report, sents []Sentence, opts Options, add func(Finding)) {
	if r.Sentences == 0 {
		return
	}
	floor, note, kind := float64(FleschFloor), float64(FleschNote), "engineering"
	if opts.Executive {
		floor, note, kind = FleschFloorExecutive, FleschNoteExecutive, "executive"
	}
	if r.Language.Code == LangFrench {
		checkReadabilityFR(r, opts, add)
	} else {
		switch {
		case r.Flesch < floor:
			add(Finding{Rule: "reading-ease", Level: LevelWarning, Text: fmt.Sprintf("Flesch %.1f", r.Flesch),
				Message: fmt.Sprintf("reading ease is %.1f (US grade %.1f), below %.0f: harder than 9 in 10 real %s postings (%d or more is plain English)", r.Flesch, r.Grade, floor, kind, FleschPlain),
				Fix:     "Use shorter sentences and everyday words; split sentences at \"and\" and \"which\"."})
		case r.Flesch < note:
			add(Finding{Rule: "reading-ease", Level: LevelInfo, Text: fmt.Sprintf("Flesch %.1f", r.Flesch),
				Message: fmt.Sprintf("reading ease is %.1f (US grade %.1f), below %.0f: harder than half of real %s postings (%d or more is plain English)", r.Flesch, r.Grade, note, kind, FleschPlain),
				Fix:     "Use shorter sentences and everyday words."})
		}
	}
	if r.AvgSentenceWords > AvgSentenceMax {
		add(Finding{Rule: "sentence-length", Level: LevelInfo, Text: fmt.Sprintf("%.1f words per sentence", r.AvgSentenceWords),
			Message: fmt.Sprintf("sentences average %.1f words; 8 to 13 words read best", r.AvgSentenceWords),
			Fix:     "Split long sentences; one idea per sentence."})
	}
	for _, s := range sents {
		if s.Words > LongSentence {
			add(Finding{Rule: "long-sentence", Level: LevelWarning, Line: s.Line, Text: clip(s.Text, 120),
				Message: fmt.Sprintf("a sentence of %d words; over %d words is hard to follow", s.Words, LongSentence),
				Fix:     "Split it into two or three sentences."})
		}
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// payFix is the suggested fix for each missing element.
var payFix = map[string]string{
	ElementPayRange:     `State the base pay as a range with currency and period: "$140,000–$170,000 per year".`,
	ElementNoOpenEnded:  `Give both ends of the range: replace "and up", "up to" or "starting at" with a minimum and a maximum.`,
	ElementBenefits:     `Add a short "Benefits" section: health cover, retirement plan, paid leave, bonus and equity.`,
	ElementDeadline:     `Add the application deadline as a date ("Apply by 2026-12-31"), or say that applications are accepted on an ongoing basis.`,
	ElementNeutralTitle: `Use a gender-neutral title ("Salesperson", "Chair"), or mark it "(m/f/d)" or "(all genders)".`,
}

// payRule is the finding rule id for each element.
var payRule = map[string]string{
	ElementPayRange:     "pay-range",
	ElementNoOpenEnded:  "pay-open-ended",
	ElementBenefits:     "pay-benefits",
	ElementDeadline:     "pay-deadline",
	ElementNeutralTitle: "pay-neutral-title",
}

var payMissing = map[string]string{
	ElementPayRange:     "no pay range found",
	ElementNoOpenEnded:  "open-ended pay",
	ElementBenefits:     "no description of benefits found",
	ElementDeadline:     "no application deadline (a date) found",
	ElementNeutralTitle: "the job title is not gender-neutral",
}

func checkPay(r *Report, d *data, doc *document, opts Options, add func(Finding)) {
	var dets []detection
	if len(opts.Jurisdictions) > 0 {
		for _, id := range opts.Jurisdictions {
			if _, ok := JurisdictionByID(id); !ok {
				add(Finding{Rule: "unknown-jurisdiction", Level: LevelError, Text: id,
					Message: fmt.Sprintf("unknown jurisdiction %q", id), Fix: "Use one of: " + strings.Join(JurisdictionIDs(), ", ")})
				continue
			}
			dets = append(dets, detection{id: id})
		}
	} else {
		r.Places, dets = detectPlaces(d, doc.lines, r.Date)
	}
	if len(dets) == 0 {
		if len(opts.Jurisdictions) == 0 && len(r.Places) == 0 {
			add(Finding{Rule: "no-location", Level: LevelInfo,
				Message: "no place found (a \"Location:\" line, a place in the header, or \"based in ...\"), so pay-transparency rules were not checked",
				Fix:     "Add a \"Location:\" line, or name the jurisdictions to check (rungs lint --jurisdiction nyc,ca,co,wa,il,eu)."})
		} else if len(opts.Jurisdictions) == 0 {
			p := r.Places[0]
			add(Finding{Rule: "no-pay-law", Level: LevelInfo, Line: p.Line, Text: p.Text,
				Message: fmt.Sprintf("the job is in %s: no pay-transparency law Rungs checks applies there (guidance, not legal advice)", strings.Join(p.Names, ", ")),
				Fix:     "Nothing to do; stating the pay range still helps candidates."})
		}
		return
	}
	facts := doc.payFacts()
	title, titleLine := "", 0
	if doc.title != nil {
		title, titleLine = flatten(doc.title.text), doc.title.firstLine()
	}
	for _, det := range dets {
		j, _ := JurisdictionByID(det.id)
		if opts.Employees > 0 && opts.Employees < j.Employees {
			continue
		}
		r.Jurisdictions = append(r.Jurisdictions, j.ID)
		for _, req := range j.Requires {
			line, text := det.line, det.text
			missing := payMissing[req.Element]
			switch req.Element {
			case ElementPayRange:
				if len(facts.ranges) > 0 {
					continue
				}
				if len(facts.openEnded) > 0 {
					missing = fmt.Sprintf("only open-ended pay found (%q)", facts.openEnded[0].text)
					line, text = facts.openEnded[0].line, facts.openEnded[0].text
				}
			case ElementNoOpenEnded:
				if len(facts.openEnded) == 0 {
					continue
				}
				line, text = facts.openEnded[0].line, facts.openEnded[0].text
			case ElementBenefits:
				if facts.benefits {
					continue
				}
			case ElementDeadline:
				if facts.deadline {
					continue
				}
			case ElementNeutralTitle:
				p := titleProblem(title)
				if doc.lang == LangFrench {
					p = titleProblemFR(title)
				}
				if p == "" {
					continue
				}
				line, text = titleLine, p
			}
			law := j.Law
			if req.Law != "" {
				law = req.Law
			}
			since := j.Effective
			if req.Since != "" {
				since = req.Since
			}
			level := LevelError
			msg := fmt.Sprintf("%s: %s; %s requires %s (%s)", j.Name, missing, law, req.Text, j.Threshold)
			if day, err := time.Parse(time.DateOnly, since); err == nil && !r.Date.IsZero() && r.Date.Before(day) {
				level = LevelInfo
				msg += "; in force from " + since
			}
			add(Finding{Rule: payRule[req.Element], Level: level, Line: line, Text: text,
				Message: msg, Fix: payFix[req.Element], Jurisdiction: j.ID, Law: law})
		}
	}
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Jurisdiction != b.Jurisdiction {
			return a.Jurisdiction < b.Jurisdiction
		}
		return a.Text < b.Text
	})
}

// round1 rounds to one decimal, for stable output.
func round1(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*10) / 10
}
