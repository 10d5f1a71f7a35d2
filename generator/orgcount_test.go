package generator

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

// TestOrgCountsAgree checks one truth for the counts at every size from
// VPsFrom (300) to 5,000 engineers: the VP of Engineering posting and the ladder's
// VP card name the same number of VPs, the same engineers per org and the
// same manager (the CTO, or from SVPFrom the SVP), and the CTO posting and
// the CTO card the same executives beneath the CTO. Both come from OrgAt
// through SizeText.
func TestOrgCountsAgree(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l := builtinLadder(t)
	stage, err := cat.Stage("enterprise")
	if err != nil {
		t.Fatal(err)
	}
	arch, err := cat.Archetype("product")
	if err != nil {
		t.Fatal(err)
	}
	postVP := regexp.MustCompile(`one of (\d+) VPs of Engineering, and you meet every manager in your organisation of about ([\d,]+) engineers`)
	cardVP := regexp.MustCompile(`about (\d+) VPs of Engineering, each over an org of about ([\d,]+) engineers`)
	postCTO := regexp.MustCompile(`(?:senior team of (\d+) VPs of Engineering|SVP of Engineering who runs delivery through (\d+) VPs|Choose the (\d+) SVPs of Engineering)`)
	cardCTO := regexp.MustCompile(`(?:About (\d+) VPs of Engineering report to you|The SVP of Engineering reports to you and runs delivery through about (\d+) VPs|About (\d+) SVPs of Engineering report to you)`)
	for n := VPsFrom; n <= 5000; n++ {
		p := profile.Profile{Stage: stage, Size: n, Archetype: arch}
		o := OrgAt(n)
		jd, err := JD(cat, p, "vp-engineering")
		if err != nil {
			t.Fatal(err)
		}
		card, err := Card(l, p, "vp-engineering")
		if err != nil {
			t.Fatal(err)
		}
		pm := postVP.FindStringSubmatch(jd.Outlook.FirstMonths)
		cm := cardVP.FindStringSubmatch(strings.Join(card.Card.Notes, " "))
		if pm == nil || cm == nil {
			t.Fatalf("%d: VP counts missing: posting %q, card %q", n, jd.Outlook.FirstMonths, card.Card.Notes)
		}
		if pm[1] != cm[1] || pm[2] != cm[2] || pm[1] != about(tr, o.VPs) {
			t.Fatalf("%d: the VP posting says %s VPs of %s engineers, the ladder %s of %s, the model %d", n, pm[1], pm[2], cm[1], cm[2], o.VPs)
		}
		if !strings.Contains(card.Card.Scope, "about "+pm[2]+" engineers") {
			t.Fatalf("%d: VP card scope %q disagrees with the posting's org of %s", n, card.Card.Scope, pm[2])
		}
		// Who the VP reports to: the posting's line and the ladder's note.
		toSVP := jd.ReportsTo == "the SVP of Engineering" || jd.ReportsTo == "one of the SVPs of Engineering"
		if several := o.SVPs > 1; toSVP && several != (jd.ReportsTo == "one of the SVPs of Engineering") {
			t.Fatalf("%d: the model has %d SVPs, the VP posting reports to %q", n, o.SVPs, jd.ReportsTo)
		}
		notes := strings.Join(card.Card.Notes, " ")
		if toSVP != (o.SVPs > 0) || toSVP != strings.Contains(notes, "You report to") || (!toSVP && !strings.Contains(notes, "each reports to the CTO")) {
			t.Fatalf("%d: the VP posting reports to %q, the ladder says %q", n, jd.ReportsTo, notes)
		}
		svp, _ := Card(l, p, "svp-engineering")
		if svp.Card.Reserved != (o.SVPs == 0) {
			t.Fatalf("%d: SVP rung reserved = %v, but the model has %d SVPs", n, svp.Card.Reserved, o.SVPs)
		}

		cjd, err := JD(cat, p, "cto")
		if err != nil {
			t.Fatal(err)
		}
		cc, err := Card(l, p, "cto")
		if err != nil {
			t.Fatal(err)
		}
		var duties []string
		for _, it := range cjd.Responsibilities {
			duties = append(duties, it.Text)
		}
		pc := postCTO.FindStringSubmatch(strings.Join(duties, " "))
		ccm := cardCTO.FindStringSubmatch(strings.Join(cc.Card.Notes, " "))
		if pc == nil || ccm == nil {
			t.Fatalf("%d: CTO counts missing: posting %q, card %q", n, duties, cc.Card.Notes)
		}
		for i := 1; i <= 3; i++ {
			if pc[i] != ccm[i] {
				t.Fatalf("%d: the CTO posting says %q, the ladder %q", n, pc[0], ccm[0])
			}
		}
	}
}

// TestOrgAt checks the model's shape: each layer has a sensible span at
// every size, and the thresholds match the ladder data.
func TestOrgAt(t *testing.T) {
	l := builtinLadder(t)
	svp, err := l.Level("svp-engineering")
	if err != nil {
		t.Fatal(err)
	}
	if svp.Size.FillFrom != SVPFrom {
		t.Errorf("the ladder fills the SVP rung from %d, the size model from %d", svp.Size.FillFrom, SVPFrom)
	}
	for n := 1; n <= 5000; n++ {
		o := OrgAt(n)
		if (n < VPsFrom) != (o.VPs == 1) {
			t.Fatalf("%d: %d VPs; one VP runs engineering below %d, several from it", n, o.VPs, VPsFrom)
		}
		if n >= VPsFrom && o.Directors/o.VPs > 6 {
			t.Fatalf("%d: %d directors under %d VPs", n, o.Directors, o.VPs)
		}
		switch {
		case n < SVPFrom && o.SVPs != 0, n >= SVPFrom && n < SVPsFrom && o.SVPs != 1, n >= SVPsFrom && o.SVPs < 2:
			t.Fatalf("%d: %d SVPs", n, o.SVPs)
		}
		if o.SVPs > 0 && (o.VPs/o.SVPs < 3 || o.VPs/o.SVPs > 6) {
			t.Fatalf("%d: %d VPs under %d SVPs", n, o.VPs, o.SVPs)
		}
	}
}
