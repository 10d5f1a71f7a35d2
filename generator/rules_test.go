package generator

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

// fixture loads the small test catalog in testdata/catalog, so rule tests
// do not change when the built-in wording does.
func fixture(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.LoadFS(os.DirFS("testdata/catalog"), ".", "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func prof(t *testing.T, c *catalog.Catalog, stage string, size int, archetype string) profile.Profile {
	t.Helper()
	st, err := c.Stage(stage)
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.Archetype(archetype)
	if err != nil {
		t.Fatal(err)
	}
	return profile.Profile{Stage: st, Size: size, Archetype: a, ArchetypeGiven: true}
}

func role(t *testing.T, c *catalog.Catalog, id string) catalog.Role {
	t.Helper()
	r, err := c.Role(id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReportsTo(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		role, stage string
		size        int
		want        string
	}{
		{"cto", "seed", 5, "the CEO"},
		{"cto", "enterprise", 400, "the CEO or the board"},
		{"software-engineer", "seed", 6, "the CTO"},
		{"software-engineer", "early", 60, "the Director of Engineering"},
		// A director cannot exist with 20 engineers, nor a VP with 12:
		// the rule walks up to the next manager that can.
		{"software-engineer", "early", 20, "the VP Engineering"},
		{"software-engineer", "early", 12, "the CTO"},
	}
	for _, tt := range tests {
		if got := ReportsTo(c, role(t, c, tt.role), prof(t, c, tt.stage, tt.size, "product")); got != tt.want {
			t.Errorf("ReportsTo(%s, %s, %d) = %q, want %q", tt.role, tt.stage, tt.size, got, tt.want)
		}
	}
}

func TestMergedRoles(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		role string
		size int
		want []string
	}{
		{"cto", 6, []string{"vp-engineering"}},
		{"cto", 14, []string{"vp-engineering"}},
		{"cto", 15, nil},
		{"vp-engineering", 6, nil},
		{"software-engineer", 3, nil},
	}
	for _, tt := range tests {
		if got := MergedRoles(c, role(t, c, tt.role), tt.size); !slices.Equal(got, tt.want) {
			t.Errorf("MergedRoles(%s, %d) = %v, want %v", tt.role, tt.size, got, tt.want)
		}
	}
}

func TestDeliveryNote(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		role, stage, archetype string
		size                   int
		want                   string
	}{
		// Below 60 engineers the delivery leader is a Head of Engineering,
		// as on the ladder; from 60 a VP of Engineering.
		{"cto", "early", "external", 30, "A Head of Engineering runs people and delivery day to day"},
		{"cto", "enterprise", "infrastructure", 90, "A VP of Engineering runs delivery day to day"},
		{"vp-engineering", "early", "external", 30, "you run delivery day to day"},
		{"cto", "early", "external", 10, ""}, // too small: the CTO is the VP Engineering
		{"cto", "early", "product", 25, "A Head of Engineering runs people and delivery"},
		{"cto", "seed", "product", 5, ""}, // merged: the CTO is the VP Engineering
		// From leaders_from (200) every CTO works through a leadership team.
		{"cto", "enterprise", "product", 199, "A VP of Engineering runs delivery day to day and reports to you."},
		{"vp-engineering", "early", "infrastructure", 30, "The CTO works as an Infrastructure CTO, focused on operational stability and scale; you run delivery day to day."},
		{"cto", "enterprise", "product", 400, "you work through your leadership team"},
		{"vp-engineering", "enterprise", "infrastructure", 400, "focused on operational stability and scale; you run delivery for your organisation day to day"},
		{"cto", "enterprise", "external", 1500, "your VPs of Engineering run delivery day to day"},
		{"software-engineer", "early", "external", 30, ""},
	}
	for _, tt := range tests {
		got := DeliveryNote(c, role(t, c, tt.role), prof(t, c, tt.stage, tt.size, tt.archetype))
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("DeliveryNote(%s, %s, %s, %d) = %q, want %q", tt.role, tt.stage, tt.archetype, tt.size, got, tt.want)
		}
	}
}

func TestMismatches(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		name, role, stage, archetype string
		size                         int
		want                         []string
	}{
		{"fits", "cto", "seed", "product", 5, nil},
		{"infrastructure at five", "cto", "seed", "infrastructure", 5, []string{"infrastructure archetype"}},
		{"seed with 300", "cto", "seed", "product", 300, []string{"a seed company usually has 1 to 10 engineers"}},
		{"early with 300", "cto", "early", "product", 300, []string{"an early company usually has 8 to 40 engineers"}},
		// Roles that are ladder rungs take "rarely a separate job" from
		// the ladder (RungWarning, agreement_test.go), not from min_size.
		{"director too early", "director-of-engineering", "early", "product", 20, nil},
		{"vpe merged", "vp-engineering", "seed", "product", 8, []string{"consider --role cto"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Mismatches(c, role(t, c, tt.role), prof(t, c, tt.stage, tt.size, tt.archetype))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d warnings %q, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("warning %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
	p := prof(t, c, "seed", 5, "infrastructure")
	p.ArchetypeGiven = false
	if w := Mismatches(c, role(t, c, "cto"), p); len(w) != 0 {
		t.Errorf("a default archetype raised %q", w)
	}
}

func ids(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

func TestSelectResponsibilities(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		name      string
		roles     []string
		stage     string
		archetype string
		size      int
		limit     int
		want      []string
	}{
		// Stage filter: "code" is seed-only.
		{"seed product", []string{"cto"}, "seed", "product", 5, 3, []string{"vision", "code", "ship"}},
		{"enterprise product", []string{"cto"}, "enterprise", "product", 400, 3, []string{"vision", "ship", "audit"}},
		// Archetype weights: infrastructure puts audits first; external
		// puts partnerships first and drops one near-duplicate.
		{"enterprise infrastructure", []string{"cto"}, "enterprise", "infrastructure", 400, 2, []string{"vision", "audit"}},
		{"external no duplicates", []string{"cto"}, "enterprise", "external", 400, 4, []string{"vision", "partners", "ship", "audit"}},
		// Merged roles add the VP Engineering's duties after the CTO's own.
		{"merged", []string{"cto", "vp-engineering"}, "seed", "product", 5, 6, []string{"vision", "hire", "partners", "code", "ship", "audit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(SelectResponsibilities(c, tt.roles, prof(t, c, tt.stage, tt.size, tt.archetype), tt.limit))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStagePhrasing(t *testing.T) {
	c := fixture(t)
	for stage, want := range map[string]string{"seed": "Set up basic security checks.", "early": "Run security audits.", "enterprise": "Govern the security audit programme."} {
		items := SelectResponsibilities(c, []string{"cto"}, prof(t, c, stage, 20, "infrastructure"), 10)
		found := false
		for _, it := range items {
			if it.ID == "audit" {
				found = true
				if it.Text != want {
					t.Errorf("%s: text = %q, want %q", stage, it.Text, want)
				}
			}
		}
		if !found {
			t.Errorf("%s: audit not selected", stage)
		}
	}
}

func TestNeedsBareMinimums(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		role, stage string
		merged      []string
		want        bool
	}{
		{"cto", "seed", nil, true},
		{"cto", "early", nil, true},
		{"cto", "enterprise", nil, false},
		{"vp-engineering", "seed", nil, false},
		{"software-engineer", "seed", nil, false},
	}
	for _, tt := range tests {
		if got := NeedsBareMinimums(role(t, c, tt.role), tt.stage, tt.merged); got != tt.want {
			t.Errorf("NeedsBareMinimums(%s, %s) = %v, want %v", tt.role, tt.stage, got, tt.want)
		}
	}
}

func TestTeamScope(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		role string
		size int
		want string
	}{
		{"cto", 6, "for its 6 engineers"},
		{"software-engineer", 1, "first engineer"},
		{"software-engineer", 12, "team of 12 engineers"},
		{"director-of-engineering", 64, "about 8 teams"},
		{"vp-engineering", 120, "the whole engineering team: 120 engineers"},
		// From 200 engineers a VP of Engineering runs one of several
		// organisations, as the ladder shows it.
		{"vp-engineering", 1200, "one of about 6 engineering organisations: about 200 engineers"},
		// Numbers fit the size: a director runs a handful of teams even in
		// a large company, and a large VP works through directors.
		{"director-of-engineering", 60, "about 8 teams and"},
		{"director-of-engineering", 3, "engineering team of 3 engineers directly"},
		{"director-of-engineering", 1500, "about 6 teams and"},
		{"vp-engineering", 1500, "one of about 8 engineering organisations: about 190 engineers"},
		{"software-engineer", 1500, "one of about 190 teams, within an engineering team of 1,500"},
		{"cto", 400, "in about 50 teams under 8 directors"},
	}
	for _, tt := range tests {
		if got := TeamScope(tr, role(t, c, tt.role), tt.size); !strings.Contains(got, tt.want) {
			t.Errorf("TeamScope(tr, %s, %d) = %q, want %q", tt.role, tt.size, got, tt.want)
		}
	}
}

func TestAboutCompany(t *testing.T) {
	c := fixture(t)
	p := prof(t, c, "seed", 6, "product")
	// Without what the company does, the posting shows a placeholder
	// rather than a sentence that only looks finished.
	if got := AboutCompany(p); got != "" {
		t.Errorf("anonymous = %q, want \"\"", got)
	}
	p.Company = profile.Company{Name: "Acme", Industry: "logistics", Employees: 40, Mission: "We move parcels",
		WorkModel: "remote", Locations: []profile.Location{{Country: "France"}, {Country: "Spain"}}}
	want := "Acme is a seed-stage startup in logistics with 40 people, 6 of them in engineering. We move parcels. The role is fully remote; you work from France or Spain."
	if got := AboutCompany(p); got != want {
		t.Errorf("named =\n%q\nwant\n%q", got, want)
	}
}

func TestCompensation(t *testing.T) {
	c := fixture(t)
	co := profile.Company{Compensation: map[string]profile.Pay{
		"vpe": {Min: 150000, Max: 190000.5, Currency: "EUR", Period: "year", Bonus: "10%"},
		"cto": {Min: 90, Currency: "USD", Period: "hour"},
	}}
	if got := Compensation(co, role(t, c, "vp-engineering")); got == nil || got.Range != "EUR 150,000 – 190,000.50 per year" || got.Bonus != "10%" {
		t.Errorf("alias key: %+v", got)
	}
	if got := Compensation(co, role(t, c, "cto")); got == nil || got.Range != "USD 90 per hour" {
		t.Errorf("single amount: %+v", got)
	}
	if got := Compensation(co, role(t, c, "software-engineer")); got != nil {
		t.Errorf("no pay: %+v", got)
	}
}

func TestHowToApply(t *testing.T) {
	c := fixture(t)
	r := role(t, c, "cto")
	tests := []struct {
		apply profile.Apply
		want  string
	}{
		{profile.Apply{URL: "https://a.example/jobs"}, "Apply at https://a.example/jobs."},
		{profile.Apply{Email: "jobs@a.example"}, `Email jobs@a.example with "Chief Technology Officer" in the subject line.`},
		// Only the company knows where to apply: the posting shows a
		// placeholder instead.
		{profile.Apply{}, ""},
	}
	for _, tt := range tests {
		if got := HowToApply(profile.Company{Apply: tt.apply}, r); !strings.HasPrefix(got, tt.want) || (tt.want == "") != (got == "") {
			t.Errorf("HowToApply(%+v) = %q", tt.apply, got)
		}
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := tr.Number(in); got != want {
			t.Errorf("tr.Number(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestSelectResponsibilitiesAvoidsListedTexts(t *testing.T) {
	c := fixture(t)
	p := prof(t, c, "seed", 5, "product")
	got := ids(SelectResponsibilities(c, []string{"cto"}, p, 10, "Write code every week, always."))
	if slices.Contains(got, "code") {
		t.Errorf("a duty repeating an avoided text was kept: %v", got)
	}
}
