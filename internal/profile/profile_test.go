package profile

import (
	"strings"
	"testing"
)

func TestParseCompanyErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown field", "name: A\nengineer: 3\n", `c.yaml:2: unknown field "engineer"; did you mean engineers?`},
		{"bad type", "engineers: lots\n", `c.yaml:1: got text "lots", want a whole number`},
		{"negative size", "engineers: -4\n", "c.yaml:1: engineers: -4 is too small; the engineering headcount is 1 or more"},
		{"work model", "work_model: remot\n", `c.yaml:1: work_model: unknown value "remot"; did you mean remote?`},
		{"pay order", "compensation:\n  cto: {min: 9, max: 3, currency: EUR}\n", "c.yaml:2: compensation.cto: min 9 is above max 3"},
		{"currency", "compensation:\n  cto: {min: 1, max: 3, currency: euros}\n", `currency "euros" must be an ISO 4217 code`},
		{"period", "compensation:\n  cto: {min: 1, max: 3, currency: EUR, period: yearly}\n", `period: unknown value "yearly"; did you mean year?`},
		{"date", "date: 23/11/2026\n", `c.yaml:1: date "23/11/2026" must be YYYY-MM-DD`},
		{"email", "apply:\n  email: jobs-at-acme\n", `c.yaml:2: apply.email "jobs-at-acme" is not an email address`},
		{"url", "apply:\n  url: acme.example/jobs\n", `c.yaml:2: apply.url "acme.example/jobs" must be an http or https URL`},
		{"deadline", "apply:\n  deadline: next week\n", `c.yaml:2: apply.deadline "next week" must be YYYY-MM-DD`},
		{"employment type", "employment_type: fulltme\n", `c.yaml:1: employment_type: unknown value "fulltme"; did you mean full-time?`},
		{"empty location", "locations:\n  - city: ''\n", "c.yaml:2: locations[0]: give at least one of city, region or country"},
		{"utf8", "name: caf\xe9\n", "c.yaml:1: invalid UTF-8"},
		{"syntax", "name: [a\n", "c.yaml:"},
		{"two docs", "name: a\n---\nname: b\n", "more than one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCompany("c.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseCompanyReportsEveryProblem(t *testing.T) {
	_, err := ParseCompany("c.yaml", []byte("name: A\nwork_model: boat\ndate: soon\nengineers: -1\n"))
	if err == nil {
		t.Fatal("expected errors")
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("got %d problems, want 3:\n%v", n, err)
	}
}

func TestParseCompanyValid(t *testing.T) {
	c, err := ParseCompany("c.yaml", []byte(`name: Acme
engineers: 12
work_model: On-site
locations: [{city: Lyon, country: France}]
employment_type: Contract
apply: {deadline: 2026-12-31}
compensation:
  cto: {min: 120000, max: 150000, currency: EUR, period: year}
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.EmploymentType != "contractor" || c.Apply.Deadline != "2026-12-31" {
		t.Errorf("employment type %q, deadline %q", c.EmploymentType, c.Apply.Deadline)
	}
	if c.WorkModel != "onsite" {
		t.Errorf("work model = %q, want onsite", c.WorkModel)
	}
	if got := c.Locations[0].String(); got != "Lyon, France" {
		t.Errorf("location = %q", got)
	}
	if c.Line("name") != 1 || c.PayLine("cto") != 8 {
		t.Errorf("lines = %d, %d", c.Line("name"), c.PayLine("cto"))
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"25", 25, ""},
		{" 7 ", 7, ""},
		{"0", 0, "too small"},
		{"-3", 0, "too small"},
		{"ten", 0, "not a whole number"},
		{"2.5", 0, "not a whole number"},
		{"99999999", 0, "above the limit"},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseSize(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v", tt.in, got, err)
		}
	}
}
