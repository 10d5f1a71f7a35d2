package lint

import (
	"regexp"
	"strings"
)

// Equal-opportunity and legal paragraphs ("We are an equal opportunity
// employer...", accommodation, E-Verify, fair-chance and privacy notices)
// are detected by their content. They are required or customary wording,
// not the job's own text: they are left out of the gender score, the
// phrasing rules (but placeholders) and the sentence and reading-ease
// measures, and Report.Excluded lists them.

// legalStrong are phrases that alone mark a legal paragraph when another
// cue is present; legalCues are the other cues.
var (
	legalStrong  = newFastRE(`(?i)\b(?:equal (?:employment )?opportunit(?:y|ies)|eeo|affirmative action|without regard to|regardless of (?:race|age|sex|gender|religion|colou?r)|reasonable accommodations?|e-verify|fair chance|pay transparency nondiscrimination|know your rights|protected (?:veteran|class|characteristic|status)|applicable (?:federal, state,? and local )?laws?)\b`, 96)
	legalCues    = newFastRE(`(?i)\b(?:race|colou?r|religion|creed|national origin|ancestry|sex|sexual orientation|gender identity|gender expression|marital status|pregnancy|veteran|disability|disabilities|genetic information|age|citizenship|criminal histor(?:y|ies)|arrest|conviction|background checks?|privacy (?:notice|policy)|personal data|gdpr|ccpa|ordinance|discriminat\w*|harassment|accommodation|employer|applicants?|qualified)\b`, 64)
	legalHeading = regexp.MustCompile(`(?i)\b(?:equal (?:employment )?opportunit\w*|eeo|diversity|legal|privacy|notice|disclaimer|accommodations?|our commitment)\b`)
)

// Excluded is a block of text left out of the wording checks.
type Excluded struct {
	Line   int    `json:"line"`
	Words  int    `json:"words"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

// isLegal reports whether a unit's text reads as an equal-opportunity or
// legal statement, and why.
func isLegal(text string, underLegalHeading bool) (bool, string) {
	return isLegalUnit(&unit{text: text}, underLegalHeading)
}

func isLegalUnit(u *unit, underLegalHeading bool) (bool, string) {
	flat, lower, starts := u.forms()
	var strong []string
	for _, m := range legalStrong.findAll(flat, lower, starts) {
		strong = append(strong, flat[m[0]:m[1]])
	}
	cues := len(legalCues.findAll(flat, lower, starts))
	switch {
	case len(strong) >= 2, len(strong) == 1 && cues >= 2:
		return true, "equal-opportunity or legal statement (" + strings.ToLower(strong[0]) + ")"
	case underLegalHeading && (len(strong) > 0 || cues >= 2):
		return true, "under an equal-opportunity or legal heading"
	case cues >= 5:
		return true, "lists protected characteristics"
	}
	return false, ""
}

// markLegal sets unit.legal on the units of equal-opportunity and legal
// paragraphs and returns what was left out.
func markLegal(units []*unit) []Excluded {
	out := []Excluded{}
	legalLevel := 0 // the level of an enclosing legal heading, or 0
	for _, u := range units {
		if u.kind == kindHeading || u.kind == kindLabel {
			if legalLevel > 0 && u.level <= legalLevel {
				legalLevel = 0
			}
			if legalHeading.MatchString(u.text) {
				legalLevel = u.level
			}
			continue
		}
		if ok, why := isLegalUnit(u, legalLevel > 0); ok {
			u.legal = true
			out = append(out, Excluded{Line: u.firstLine(), Words: countWords(u.text), Reason: why, Text: clip(strings.Join(strings.Fields(u.text), " "), 80)})
		}
	}
	return out
}
