package generator

import (
	"slices"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

// The archetype describes the CTO: it ranks CTO duties and leaves other
// roles' postings alone, unless an item is limited to an archetype.
func TestArchetypeShapesTheCTOOnly(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		name, role, archetype string
		size, limit           int
		want                  []string
	}{
		// Core first, then own duties in catalog order: the weights of
		// "build-more" (3) and "build" (1) do not matter for an engineer.
		{"engineer under product", "software-engineer", "product", 20, 2, []string{"build", "defining"}},
		{"engineer under external", "software-engineer", "external", 20, 2, []string{"build", "defining"}},
		// An archetype-limited item fits only under that archetype.
		{"engineer under infrastructure", "software-engineer", "infrastructure", 20, 4, []string{"build", "build-more", "defining", "infra-only"}},
		// For the CTO, archetype weights rank: external puts partners first.
		{"cto external", "cto", "external", 400, 1, []string{"vision"}},
		{"cto infrastructure", "cto", "infrastructure", 400, 1, []string{"audit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(SelectResponsibilities(c, []string{tt.role}, prof(t, c, "enterprise", tt.size, tt.archetype), tt.limit))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestResponsibilityScore(t *testing.T) {
	c := fixture(t)
	p := prof(t, c, "enterprise", 400, "infrastructure")
	r := func(id string) catalog.Responsibility {
		for _, x := range c.Responsibilities {
			if x.ID == id {
				return x
			}
		}
		t.Fatalf("no %s", id)
		return catalog.Responsibility{}
	}
	tests := []struct {
		id, primary string
		delegated   bool
		want        int
	}{
		{"audit", "cto", false, 3*archetypeStep + ownScore},
		{"audit", "vp-engineering", false, 0},
		{"defining", "software-engineer", false, coreScore + ownScore},
		{"infra-only", "software-engineer", false, ownScore + narrowedScore},
		{"code", "cto", false, 1*archetypeStep + ownScore + stageScore},
		{"ship", "cto", true, 1*archetypeStep + ownScore - delegatedPenalty},
	}
	for _, tt := range tests {
		if got := ResponsibilityScore(r(tt.id), tt.primary, p, tt.delegated); got != tt.want {
			t.Errorf("ResponsibilityScore(%s, %s) = %d, want %d", tt.id, tt.primary, got, tt.want)
		}
	}
}

func TestFitBySize(t *testing.T) {
	c := fixture(t)
	for _, tt := range []struct {
		size int
		want []string
	}{
		{199, []string{"hire", "ship"}},
		{1500, []string{"lead-leaders", "hire", "ship"}},
	} {
		items := SelectResponsibilities(c, []string{"vp-engineering"}, prof(t, c, "enterprise", tt.size, "product"), 5)
		if got := ids(items); !slices.Equal(got, tt.want) {
			t.Errorf("size %d: got %v, want %v", tt.size, got, tt.want)
		}
		for _, it := range items {
			if it.ID == "lead-leaders" && it.Text != "Run 8 VPs across about 190 teams." {
				t.Errorf("size %d: size words not filled: %q", tt.size, it.Text)
			}
		}
	}
}

// A merged CTO takes at most maxAbsorbed duties from the role it absorbs.
func TestAbsorbedDutiesAreCapped(t *testing.T) {
	c := fixture(t)
	got := SelectResponsibilities(c, []string{"cto", "vp-engineering"}, prof(t, c, "enterprise", 1500, "product"), 20)
	n := 0
	for _, it := range got {
		if it.ID == "hire" || it.ID == "lead-leaders" {
			n++
		}
	}
	if n > maxAbsorbed {
		t.Errorf("%d absorbed duties in %v, want at most %d", n, ids(got), maxAbsorbed)
	}
}

func TestSizeText(t *testing.T) {
	tests := []struct {
		size int
		text string
		want string
	}{
		{40, "{engineers} engineers in {teams} teams", "40 engineers in 5 teams"},
		{400, "{directors} directors, {vps} VPs, {teams} teams", "8 directors, 2 VPs, 50 teams"},
		{1500, "{directors} directors, {vps} VPs, {teams} teams", "30 directors, 8 VPs, 190 teams"},
		{1500, "from {engineers} to {next}", "from 1,500 to 3,000"},
		{1500, "{vps} VPs of about {per_vp} engineers", "8 VPs of about 190 engineers"},
		{400, "{vps} VPs of about {per_vp} engineers", "2 VPs of about 200 engineers"},
		{90, "from {engineers} to {next}", "from 90 to 200"},
		{1000, "{svps} SVP over {vps} VPs of {per_vp}, {directors_per_vp} directors each", "1 SVP over 5 VPs of 200, 4 directors each"},
		{3000, "{svps} SVPs, each over {vps_per_svp} VPs and {per_svp} engineers", "3 SVPs, each over 5 or 6 VPs and 1,000 engineers"},
		{8, "from {engineers} to {next}", "from 8 to 16"},
		{5, "no words here", "no words here"},
	}
	for _, tt := range tests {
		if got := SizeText(tr, tt.text, tt.size); got != tt.want {
			t.Errorf("SizeText(tr, %q, %d) = %q, want %q", tt.text, tt.size, got, tt.want)
		}
	}
}

func TestArticle(t *testing.T) {
	for word, want := range map[string]string{
		"Engineering Manager": "an", "External-facing CTO": "an", "Infrastructure CTO": "an",
		"Product CTO": "a", "CTO": "a", "SVP": "an", "MBA": "an", "VP of Engineering": "a",
		"user": "a", "one-off": "a", "hour": "an", "8-person team": "an", "18": "an", "80": "an",
		"seed": "a", "early": "an", "enterprise": "an", "growth": "a", "": "a", "Unix": "a", "Europe": "a",
	} {
		if got := article(word); got != want {
			t.Errorf("article(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestSelectOutlook(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		stage string
		size  int
		want  string
	}{
		{"seed", 5, "se-seed"},
		{"early", 20, "se-any"},
		{"enterprise", 400, "se-big"},
	}
	for _, tt := range tests {
		o := SelectOutlook(c, "software-engineer", prof(t, c, tt.stage, tt.size, "product"))
		if o == nil || o.ID != tt.want {
			t.Errorf("%s/%d: got %v, want %s", tt.stage, tt.size, o, tt.want)
		}
	}
	if o := SelectOutlook(c, "cto", prof(t, c, "seed", 5, "product")); o != nil {
		t.Errorf("cto has no outlook in the fixture, got %s", o.ID)
	}
}

func TestPlaceholders(t *testing.T) {
	c := fixture(t)
	cto := role(t, c, "cto")
	if got, want := Placeholders(profile.Company{}, cto), []string{"about", "location", "pay", "team", "stack", "interview_process", "apply"}; !slices.Equal(got, want) {
		t.Errorf("empty company: %v, want %v", got, want)
	}
	full := profile.Company{
		Mission: "We move parcels", WorkModel: "remote", Team: "Six engineers own checkout.",
		Stack: []string{"Go"}, InterviewProcess: []string{"A call"}, Apply: profile.Apply{Email: "jobs@a.example"},
		Compensation: map[string]profile.Pay{"cto": {Min: 1, Max: 2, Currency: "EUR"}},
	}
	if got := Placeholders(full, cto); len(got) != 0 {
		t.Errorf("full company: %v, want none", got)
	}
	if got := Placeholders(full, role(t, c, "software-engineer")); !slices.Equal(got, []string{"pay"}) {
		t.Errorf("no pay for the role: %v, want [pay]", got)
	}
}

// Titles come from one source: the catalog, or the company's own titles,
// with the suffix on posting titles only.
func TestTitlesFromOneSource(t *testing.T) {
	c := fixture(t)
	co, err := profile.ParseCompany("c.yaml", []byte("titles:\n  cto: Chief Technical Officer\n  vpe: Head of Delivery\ntitle_suffix: (m/w/d)\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Resolve(c, profile.Input{Company: co, Stage: "enterprise", Size: "400"})
	if err != nil {
		t.Fatal(err)
	}
	jd, err := JD(c, p, "director-of-engineering")
	if err != nil {
		t.Fatal(err)
	}
	if jd.Title != "Director of Engineering (m/w/d)" {
		t.Errorf("title = %q", jd.Title)
	}
	if jd.ReportsTo != "the Head of Delivery" {
		t.Errorf("reports to = %q, want the company's title", jd.ReportsTo)
	}
	jd, err = JD(c, p, "cto")
	if err != nil {
		t.Fatal(err)
	}
	if jd.Title != "Chief Technical Officer (m/w/d)" {
		t.Errorf("title = %q", jd.Title)
	}
}
