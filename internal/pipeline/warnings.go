package pipeline

import (
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
)

// Warning is one thing a document's user should know: the document is
// made all the same. Rule is a stable id scripts can group by.
type Warning struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// The warning rules, stable ids of the batch report.
const (
	// RuleStageSize: the headcount is outside the stage's usual range.
	RuleStageSize = "stage-size"
	// RuleArchetypeSize: the CTO archetype usually needs a larger team.
	RuleArchetypeSize = "archetype-size"
	// RuleRoleSize: the role is rarely a separate job at this size.
	RuleRoleSize = "role-size"
	// RulePDFFont: the PDF cannot draw some characters of the company's
	// details.
	RulePDFFont = "pdf-font"
	// RulePayTransparency: the posting lacks pay details the law of its
	// location requires.
	RulePayTransparency = "pay-transparency"
	// RuleUntranslated: texts of the user's catalog or ladder have no
	// translation in the document's language and stay in English.
	RuleUntranslated = "untranslated"
)

// Rules are the warning rules with what each means, in the order a
// summary lists them.
var Rules = []struct{ ID, Summary string }{
	{RulePayTransparency, "the posting lacks pay details the law of its location requires (guidance, not legal advice)"},
	{RuleStageSize, "the size is outside the stage's usual range"},
	{RuleArchetypeSize, "the CTO archetype usually needs a larger team"},
	{RuleRoleSize, "the role is rarely a separate job at this size"},
	{RulePDFFont, "the PDF cannot draw some characters of the company's details"},
	{RuleUntranslated, "texts of your catalog or ladder have no translation in the document's language"},
}

// Classify gives each of a kind's mismatch warnings its rule. The
// generator words them; the rule follows from what was checked: the stage
// against the size, the archetype against the size, and for postings the
// role against the size.
func Classify(k *Kind, prof profile.Profile, warnings []string) []Warning {
	stage := generator.StageSizeMismatch(prof)
	out := make([]Warning, 0, len(warnings))
	for _, w := range warnings {
		rule := RuleRoleSize
		switch {
		case stage != "" && w == stage:
			rule = RuleStageSize
		case w == generator.ArchetypeMismatch(prof, true) || w == generator.ArchetypeMismatch(prof, false):
			rule = RuleArchetypeSize
		case k.Posting == nil:
			// Ladders warn only about stage and archetype; anything
			// else the ladder data adds is about the size too.
			rule = RuleStageSize
		}
		out = append(out, Warning{Rule: rule, Message: w})
	}
	return out
}

// Messages returns the warnings' messages.
func Messages(ws []Warning) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Message
	}
	return out
}
