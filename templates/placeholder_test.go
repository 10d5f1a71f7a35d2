package templates_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
)

// placeholderRe finds a [bracketed] placeholder that is not a link.
var placeholderRe = regexp.MustCompile(`\[[^\]]*[A-Za-z][^\]]*\]([^(\[:]|$)`)

// A posting without a company file shows a visible placeholder for each
// thing only the company can say; with a complete company file none is
// left.
func TestPlaceholders(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	bare := string(generate(t, cat, goldenCase{role: "staff-engineer", stage: "growth", archetype: "product", size: 90}))
	for _, want := range []string{
		"**Location:** [City and country",
		"[Two or three sentences on what the company builds",
		"[The team you join",
		"**Stack:** [The languages",
		"[The pay range for this role",
		"[The interview steps",
	} {
		if !strings.Contains(bare, want) {
			t.Errorf("no company file: missing placeholder %q", want)
		}
	}
	if strings.Contains(bare, "We are a growth-stage company") {
		t.Error("no company file: filler about the company that looks finished")
	}
	for _, g := range []goldenCase{
		{role: "cto", stage: "seed", archetype: "product", size: 6, company: "company-full.yaml"},
		{role: "senior-engineer", stage: "growth", archetype: "product", size: 60, company: "company-full.yaml"},
		{role: "vp-engineering", stage: "growth", archetype: "external", size: 90, company: "company-remote.yaml"},
	} {
		md := string(generate(t, cat, g))
		for _, line := range strings.Split(md, "\n") {
			if placeholderRe.MatchString(line) {
				t.Errorf("%s: placeholder left with a complete company file: %s", g.name(), line)
			}
		}
	}
	for _, r := range cat.Roles {
		g := goldenCase{role: r.ID, stage: "growth", archetype: "product", size: 90, company: "company-matrix.yaml"}
		if m := placeholderRe.FindString(string(generate(t, cat, g))); m != "" {
			t.Errorf("%s: placeholder left with a complete company file: %s", g.name(), m)
		}
	}
}
