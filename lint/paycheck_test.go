package lint

import (
	"os"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestCheckPayMatchesCheck: CheckPay finds what Check finds about pay
// transparency, on every posting of the corpus and the sample files, with
// and without a date, a headcount and named jurisdictions.
func TestCheckPayMatchesCheck(t *testing.T) {
	docs := map[string][]byte{}
	for _, c := range loadCorpus(t) {
		docs[c.ID] = []byte(c.MD)
	}
	for _, f := range []string{"bad.md", "good.md", "typical.md"} {
		b, err := os.ReadFile("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		docs[f] = b
	}
	payRules := []string{"unknown-jurisdiction", "no-location", "no-pay-law"}
	opts := []Options{
		{},
		{Date: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC), Employees: 10},
		{Jurisdictions: []string{"nyc", "co", "nowhere"}},
		{IgnorePostingDate: true, Executive: true},
	}
	checked := 0
	for name, md := range docs {
		for i, o := range opts {
			full, pay := Check(name, md, o), CheckPay(name, md, o)
			var want []Finding
			for _, f := range full.Findings {
				if f.Jurisdiction != "" || slices.Contains(payRules, f.Rule) {
					want = append(want, f)
				}
			}
			if want == nil {
				want = []Finding{}
			}
			if !reflect.DeepEqual(pay.Findings, want) {
				t.Errorf("%s, options %d: CheckPay findings\n%+v\nCheck's pay findings\n%+v", name, i, pay.Findings, want)
			}
			if !reflect.DeepEqual(pay.Places, full.Places) || !slices.Equal(pay.Jurisdictions, full.Jurisdictions) ||
				!pay.Date.Equal(full.Date) || pay.DateSource != full.DateSource {
				t.Errorf("%s, options %d: places, jurisdictions or date differ", name, i)
			}
			checked += len(want)
		}
	}
	if checked == 0 {
		t.Error("no pay finding compared")
	}
}
