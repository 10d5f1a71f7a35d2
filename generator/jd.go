// Package generator turns a validated company Profile and the catalog into
// view models: the job description (and, built on the same rules, ladders
// and promotion guides). It is pure: no file or terminal I/O, no clock.
// Every tailoring rule is a small named function with its own table test;
// rules.go lists them.
package generator

import (
	"strconv"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
)

// Item is one bullet of a document, traceable to the catalog.
type Item struct {
	ID      string   `json:"id"`
	Area    string   `json:"area,omitempty"`
	Title   string   `json:"title,omitempty"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// JobDescription is the view model of a posting. Its JSON form is a
// contract for scripts (see the README): fields are added, never renamed.
type JobDescription struct {
	Title     string `json:"title"`
	Role      string `json:"role"`
	Track     string `json:"track"`
	Level     int    `json:"level"`
	Executive bool   `json:"executive"`
	Stage     string `json:"stage"`
	// StageLabel is the stage as a reader sees it, such as "Seed stage".
	StageLabel string `json:"stage_label"`
	Size       int    `json:"size"`
	Archetype  string `json:"archetype"`
	Date       string `json:"date,omitempty"`

	Company CompanyView `json:"company"`

	// About is the "About the company" paragraph.
	About string `json:"about"`
	// Summary, Scope, ReportsTo and Team make up "The role".
	Summary   string `json:"summary"`
	Scope     string `json:"scope"`
	ReportsTo string `json:"reports_to"`
	Team      string `json:"team"`
	// Notes explain tailoring the reader should know about, such as one
	// person holding both the CTO and VP Engineering roles.
	Notes []string `json:"notes,omitempty"`
	// CTOArchetype describes the kind of CTO the company wants; it is set
	// on CTO postings only, whose opening it shapes.
	CTOArchetype *ArchetypeView `json:"cto_archetype,omitempty"`
	// Outlook is what the first months and the first year look like.
	Outlook *OutlookView `json:"outlook,omitempty"`
	// TeamDetails, Stack and InterviewProcess come from company.yaml's
	// team, stack and interview_process.
	TeamDetails      string   `json:"team_details,omitempty"`
	Stack            []string `json:"stack,omitempty"`
	InterviewProcess []string `json:"interview_process,omitempty"`
	// Placeholders names what only the company can say and the company
	// file does not give yet: about, location, pay, team, stack,
	// interview_process. The posting shows a [bracketed] placeholder for
	// each, which rungs lint reports as an error.
	Placeholders []string `json:"placeholders,omitempty"`

	Responsibilities []Item `json:"responsibilities"`
	// BareMinimums are the basics a startup CTO puts in place first.
	BareMinimums []Item `json:"bare_minimums,omitempty"`
	MustHaves    []Item `json:"must_haves"`
	NiceToHaves  []Item `json:"nice_to_haves"`
	Challenges   []Item `json:"challenges"`
	Measures     []Item `json:"measures"`

	Compensation *PayView `json:"compensation,omitempty"`
	Benefits     []string `json:"benefits,omitempty"`
	// Apply is the apply section as plain text; ApplyURL and ApplyEmail
	// let templates link them.
	Apply      string `json:"apply"`
	ApplyURL   string `json:"apply_url,omitempty"`
	ApplyEmail string `json:"apply_email,omitempty"`
	// Deadline is the last day to apply, YYYY-MM-DD, or "".
	Deadline string `json:"deadline,omitempty"`
	// EmploymentType is full-time, part-time, contractor, temporary,
	// intern, volunteer, per-diem or other.
	EmploymentType   string `json:"employment_type"`
	EqualOpportunity string `json:"equal_opportunity"`

	// Warnings say where the parameters do not fit each other. The
	// document is generated all the same; commands print them on stderr.
	Warnings []string `json:"warnings,omitempty"`
}

// ArchetypeView is the CTO archetype as a posting presents it.
type ArchetypeView struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Article is "a" or "an", to go before Title.
	Article string `json:"article"`
	Focus   string `json:"focus"`
	Summary string `json:"summary"`
	// VogelsRole is the one of Werner Vogels' four CTO roles the
	// archetype follows.
	VogelsRole string   `json:"vogels_role"`
	Sources    []string `json:"sources"`
}

// OutlookView is the first months and first year of the role.
type OutlookView struct {
	FirstMonths string   `json:"first_months"`
	FirstYear   string   `json:"first_year"`
	Sources     []string `json:"sources"`
}

// CompanyView is what a document shows of the company.
type CompanyView struct {
	Name      string   `json:"name,omitempty"`
	Industry  string   `json:"industry,omitempty"`
	Mission   string   `json:"mission,omitempty"`
	Website   string   `json:"website,omitempty"`
	Employees int      `json:"employees,omitempty"`
	Locations []string `json:"locations,omitempty"`
	// Addresses are the locations with their parts, for structured
	// formats such as JSON-LD.
	Addresses []Address `json:"addresses,omitempty"`
	WorkModel string    `json:"work_model,omitempty"`
}

// Address is one location, split into its parts.
type Address struct {
	City    string `json:"city,omitempty"`
	Region  string `json:"region,omitempty"`
	Country string `json:"country,omitempty"`
}

// PayView is the compensation section, already worded.
type PayView struct {
	Min      float64 `json:"min,omitempty"`
	Max      float64 `json:"max,omitempty"`
	Currency string  `json:"currency,omitempty"`
	Period   string  `json:"period,omitempty"`
	// Range is the worded range, such as "USD 150,000 – 190,000 per year".
	Range  string `json:"range,omitempty"`
	Equity string `json:"equity,omitempty"`
	Bonus  string `json:"bonus,omitempty"`
}

// postingTitle is the role's title with the company's title_suffix, or
// with what the language adds to every job offer when there is none
// (posting.title: "(H/F)" in French).
func postingTitle(tr *locale.Catalog, p profile.Profile, role catalog.Role) string {
	if p.TitleSuffix != "" {
		return p.PostingTitle(role.ID, role.Title)
	}
	return tr.Text("posting.title", locale.Args{"title": p.PostingTitle(role.ID, role.Title)})
}

// JD builds the job description for a role. role may be an id or alias.
func JD(cat *catalog.Catalog, p profile.Profile, roleName string) (*JobDescription, error) {
	tr := wordsFor(p.Company.Language)
	// The stage and archetype as this catalog words them: a profile
	// resolved against the English catalog still makes a French posting
	// from the French one.
	if st, err := cat.Stage(p.Stage.ID); err == nil {
		p.Stage = st
	}
	if a, err := cat.Archetype(p.Archetype.ID); err == nil {
		p.Archetype = a
	}
	role, err := cat.Role(roleName)
	if err != nil {
		return nil, err
	}
	jd := &JobDescription{
		Title:      postingTitle(tr, p, role),
		Role:       role.ID,
		Track:      role.Track,
		Level:      role.Level,
		Executive:  role.Executive,
		Stage:      p.Stage.ID,
		StageLabel: StageLabel(tr, p.Stage),
		Size:       p.Size,
		Archetype:  p.Archetype.ID,
		Summary:    role.Summary,
		Scope:      role.Scope,
	}
	if !p.Date.IsZero() {
		jd.Date = p.Date.Format("2006-01-02")
	}
	jd.Company = companyView(p.Company)
	jd.About = AboutCompany(p)
	jd.ReportsTo = ReportsTo(cat, role, p)
	jd.Team = TeamScope(tr, role, p.Size)

	merged := MergedRoles(cat, role, p.Size)
	for _, m := range merged {
		other, _ := cat.Role(m)
		jd.Notes = append(jd.Notes, tr.Text("posting.merged_roles", locale.Args{"size": strconv.Itoa(p.Size), "role": RoleName(p, role), "other": RoleName(p, other)}))
	}
	if note := DeliveryNote(cat, role, p); note != "" {
		jd.Notes = append(jd.Notes, note)
	}
	jd.Warnings = Mismatches(cat, role, p)

	limit := cat.Settings.Bullets
	if role.Executive {
		limit = cat.Settings.ExecutiveBullets
	}
	roles := append([]string{role.ID}, merged...)
	var avoid []string
	if NeedsBareMinimums(role, p.Stage.ID, merged) {
		for _, b := range cat.BareMinimums {
			jd.BareMinimums = append(jd.BareMinimums, Item{ID: b.ID, Title: b.Title, Text: b.Text, Sources: b.Sources})
			avoid = append(avoid, b.Text)
		}
	}
	if len(jd.BareMinimums) > 0 {
		// The five basics are duties too: the duty list makes room for
		// them, so the posting keeps its length.
		limit = max(5, limit-1)
	}
	jd.Responsibilities = SelectResponsibilities(cat, roles, p, limit, avoid...)
	maxMust := MaxMustHaves
	if role.Executive {
		maxMust = MaxExecutiveMustHaves
	}
	jd.MustHaves, jd.NiceToHaves = SelectSkills(cat, role.ID, p, maxMust, MaxNiceToHaves)
	maxChallenges := MaxChallenges
	if role.Executive {
		maxChallenges = MaxExecutiveChallenges
	}
	jd.Challenges = SelectChallenges(cat, roles, p, maxChallenges)
	jd.Measures = SelectMeasures(cat, roles, p, MaxMeasures)
	if o := SelectOutlook(cat, role.ID, p); o != nil {
		jd.Outlook = &OutlookView{FirstMonths: SizeText(tr, o.FirstMonths, p.Size), FirstYear: SizeText(tr, o.FirstYear, p.Size), Sources: o.Sources}
	}
	if role.ID == "cto" {
		a := p.Archetype
		jd.CTOArchetype = &ArchetypeView{ID: a.ID, Title: a.Title, Article: article(a.Title), Focus: a.Focus, Summary: a.Summary, VogelsRole: a.VogelsRole, Sources: a.Sources}
	}
	jd.TeamDetails = strings.TrimSpace(p.Company.Team)
	jd.Stack = p.Company.Stack
	jd.InterviewProcess = p.Company.InterviewProcess
	jd.Placeholders = Placeholders(p.Company, role)

	jd.Compensation = Compensation(p.Company, role)
	jd.Benefits = p.Company.Benefits
	jd.Apply = HowToApply(p.Company, role)
	jd.ApplyURL, jd.ApplyEmail = strings.TrimSpace(p.Company.Apply.URL), strings.TrimSpace(p.Company.Apply.Email)
	jd.Deadline = strings.TrimSpace(p.Company.Apply.Deadline)
	jd.EmploymentType = p.Company.EmploymentType
	if jd.EmploymentType == "" {
		jd.EmploymentType = "full-time"
	}
	jd.EqualOpportunity = strings.TrimSpace(p.Company.EqualOpportunity)
	if jd.EqualOpportunity == "" {
		// Used when company.yaml has no statement of its own.
		jd.EqualOpportunity = tr.Text("posting.equal_opportunity", nil)
	}
	return jd, nil
}

func companyView(c profile.Company) CompanyView {
	v := CompanyView{
		Name: strings.TrimSpace(c.Name), Industry: strings.TrimSpace(c.Industry),
		Mission: strings.TrimSpace(c.Mission), Website: c.Website,
		Employees: c.Employees, WorkModel: c.WorkModel,
	}
	for _, l := range c.Locations {
		v.Locations = append(v.Locations, l.String())
		v.Addresses = append(v.Addresses, Address{City: strings.TrimSpace(l.City), Region: strings.TrimSpace(l.Region), Country: strings.TrimSpace(l.Country)})
	}
	return v
}
