package batch

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/profile"
)

// TestCSVCompanyColumns: the company.<key> cells of a row make the
// company, over the company file the row names.
func TestCSVCompanyColumns(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "acme.yaml"), `name: Acme
locations: [{city: Austin, region: TX, country: United States}]
benefits: [Dental]
compensation:
  vp-engineering: {min: 200000, max: 250000, currency: USD, period: year, bonus: 10%}
date: 2026-11-23
`)
	for _, tt := range []struct {
		name, csv string
		check     func(c profile.Company) string
	}{
		{"alone", "role,company.name,company.locations,company.benefits,company.employees,company.apply_url,company.deadline\n" +
			"cto,Lumen,\"Lyon, Auvergne-Rhône-Alpes, France; Berlin, Germany; Remote Europe\",Equity; ; Lunch,40,https://l.example/jobs,2026-12-31\n",
			func(c profile.Company) string {
				want := []profile.Location{{City: "Lyon", Region: "Auvergne-Rhône-Alpes", Country: "France"}, {City: "Berlin", Country: "Germany"}, {Country: "Remote Europe"}}
				switch {
				case c.Name != "Lumen" || c.Employees != 40:
					return "name or employees"
				case len(c.Locations) != 3 || c.Locations[0] != want[0] || c.Locations[1] != want[1] || c.Locations[2] != want[2]:
					return "locations"
				case strings.Join(c.Benefits, "|") != "Equity|Lunch":
					return "benefits"
				case c.Apply.URL != "https://l.example/jobs" || c.Apply.Deadline != "2026-12-31":
					return "apply"
				}
				return ""
			}},
		{"over a file", "role,company,company.name,company.pay_max,company.benefits\nvpe,acme.yaml,Acme West,260000,Gym\n",
			func(c profile.Company) string {
				p, ok := c.Compensation["vp-engineering"]
				switch {
				case c.Name != "Acme West" || c.Date != "2026-11-23" || len(c.Locations) != 1:
					return "the file's other keys must stay"
				case !ok || len(c.Compensation) != 1:
					return "one pay for the role, under its id"
				case p.Min != 200000 || p.Max != 260000 || p.Currency != "USD" || p.Bonus != "10%":
					return "the row's pay completes the file's"
				case strings.Join(c.Benefits, "|") != "Gym":
					return "a list cell replaces the file's list"
				}
				return ""
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := csvSource(t, dir, tt.csv)
			r := &Resolver{Cat: fixture(t)}
			es := collect(t, src)
			job, probs := r.Resolve(es[0])
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			if msg := tt.check(job.Request.Profile.Company); msg != "" {
				t.Errorf("%s: %+v", msg, job.Request.Profile.Company)
			}
		})
	}
}

// TestCSVColumns: notes columns are ignored, wherever they stand; an
// unknown column names the nearest; a value given twice is refused.
func TestCSVColumns(t *testing.T) {
	for _, tt := range []struct{ csv, want string }{
		{"#notes,role,x-owner\nhello,cto,ann\n", ""},
		{"# a comment, with a comma\nrole,# notes\ncto,x\n", ""},
		{"role,compnay.name\ncto,A\n", `unknown column "compnay.name"; did you mean company.name?`},
		{"role,company.catalog\ncto,c\n", `unknown column "company.catalog"`},
		{"role,company.pay_mn\ncto,1\n", `unknown column "company.pay_mn"; did you mean company.pay_min?`},
		{"role,size,company.engineers\ncto,4,4\n", `columns "size" and "company.engineers" give the same value`},
		{"role,,stage\ncto,,seed\n", "a column has no name"},
		{"role,company.engineers\ncto,many\n", `column company.engineers: "many" is not a whole number`},
		{"role,company.employees\ncto,many\n", `column company.employees: "many" is not a whole number`},
		{"kind,company.pay_min\nladder,9\n", "column company.pay_min: the pay columns give the pay of the row's role"},
	} {
		_, got := validate(t, csvSource(t, t.TempDir(), tt.csv))
		if tt.want == "" {
			if got != nil {
				t.Errorf("%q: %v", tt.csv, got)
			}
			continue
		}
		if !strings.Contains(strings.Join(got, "\n"), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.csv, got, tt.want)
		}
	}
}
