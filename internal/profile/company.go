// Package profile reads a company's details (company.yaml) and resolves
// them, together with command-line values, into the validated Profile that
// the generator tailors documents to.
//
// Flags override the file; a missing value takes a documented default.
// Errors say which flag or which file:line field was wrong, what is
// accepted, and the nearest valid value.
package profile

import (
	"net/mail"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// Company is the content of company.yaml. Keys are flat so the same file
// serves every command and scripts can write it.
type Company struct {
	// Name is the company's name, used in headings and file names.
	Name string `yaml:"name" json:"name,omitempty"`
	// Stage is seed, early, growth or enterprise, or an alias such as
	// series-a (see rungs catalog stages).
	Stage string `yaml:"stage" json:"stage,omitempty"`
	// Engineers is the engineering headcount (--size).
	Engineers int `yaml:"engineers" json:"engineers,omitempty"`
	// Employees is the whole company's headcount.
	Employees int `yaml:"employees" json:"employees,omitempty"`
	// Archetype is the CTO archetype: infrastructure, product, visionary
	// or external.
	Archetype string `yaml:"archetype" json:"archetype,omitempty"`
	// Industry is shown in "About the company", e.g. "logistics software".
	Industry string `yaml:"industry" json:"industry,omitempty"`
	// Mission is one sentence on what the company does and why.
	Mission string `yaml:"mission" json:"mission,omitempty"`
	// Website is the company's home page, shown in "About the company".
	Website string `yaml:"website" json:"website,omitempty"`
	// Locations are the places the role can be based.
	Locations []Location `yaml:"locations" json:"locations,omitempty"`
	// WorkModel is onsite, hybrid or remote.
	WorkModel string `yaml:"work_model" json:"work_model,omitempty"`
	// EmploymentType is full-time (the default), part-time, contractor,
	// temporary, intern, volunteer, per-diem or other.
	EmploymentType string `yaml:"employment_type" json:"employment_type,omitempty"`
	// Compensation maps a role id (or alias) to its pay.
	Compensation map[string]Pay `yaml:"compensation" json:"compensation,omitempty"`
	// Benefits are listed under "Compensation and benefits".
	Benefits []string `yaml:"benefits" json:"benefits,omitempty"`
	// Stack lists the technologies the team uses, e.g. Go, PostgreSQL,
	// Kubernetes; each entry one technology.
	Stack []string `yaml:"stack" json:"stack,omitempty"`
	// Team is a few sentences on the team the hire joins: who is in it,
	// what it owns, how it works.
	Team string `yaml:"team" json:"team,omitempty"`
	// InterviewProcess lists the interview steps in order, shown as a
	// "How we hire" section, e.g. "A 30-minute call with the hiring
	// manager".
	InterviewProcess []string `yaml:"interview_process" json:"interview_process,omitempty"`
	// Titles maps a role id (or alias) to the company's own title for
	// that role, used by postings and the ladder alike, e.g.
	// senior-engineer: Senior Software Engineer.
	Titles map[string]string `yaml:"titles" json:"titles,omitempty"`
	// TitleSuffix is added to every posting title, e.g. "(m/w/d)" in
	// Germany or "(H/F)" in France.
	TitleSuffix string `yaml:"title_suffix" json:"title_suffix,omitempty"`
	// Apply says how candidates apply: a URL, an email, or both.
	Apply Apply `yaml:"apply" json:"apply"`
	// EqualOpportunity replaces the built-in equal-opportunity statement.
	EqualOpportunity string `yaml:"equal_opportunity" json:"equal_opportunity,omitempty"`
	// Date is the posting date, YYYY-MM-DD.
	Date string `yaml:"date" json:"date,omitempty"`
	// Language is the language the documents are written in: en (the
	// default) or fr (--lang).
	Language string `yaml:"language" json:"language,omitempty"`

	// Catalog, Ladder and Templates point at the company's own catalog
	// folder, ladder file and templates folder, relative to this file.
	// Catalog is a folder of catalog YAML files laid over the built-in
	// catalog (--catalog).
	Catalog string `yaml:"catalog" json:"catalog,omitempty"`
	// Ladder is a ladder YAML file replacing the built-in ladder (--ladder).
	Ladder string `yaml:"ladder" json:"ladder,omitempty"`
	// Templates is a folder of *.md.tmpl files replacing built-in
	// templates of the same name (--templates).
	Templates string `yaml:"templates" json:"templates,omitempty"`

	file string
	root *yaml.Node
}

// Location is one place the role can be based.
type Location struct {
	// City, Region and Country: give at least one.
	City    string `yaml:"city" json:"city,omitempty"`
	Region  string `yaml:"region" json:"region,omitempty"`
	Country string `yaml:"country" json:"country,omitempty"`
}

// String joins the parts that are set: "Lyon, Auvergne-Rhône-Alpes, France".
func (l Location) String() string {
	var parts []string
	for _, p := range []string{l.City, l.Region, l.Country} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, strings.TrimSpace(p))
		}
	}
	return strings.Join(parts, ", ")
}

// Pay is the compensation for one role.
type Pay struct {
	// Min and Max bound the base pay.
	Min float64 `yaml:"min" json:"min,omitempty"`
	Max float64 `yaml:"max" json:"max,omitempty"`
	// Currency is an ISO 4217 code such as USD, EUR or GBP.
	Currency string `yaml:"currency" json:"currency,omitempty"`
	// Period is year, month, week, day or hour.
	Period string `yaml:"period" json:"period,omitempty"`
	// Equity and Bonus are shown as written, e.g. "0.1% to 0.2%".
	Equity string `yaml:"equity" json:"equity,omitempty"`
	Bonus  string `yaml:"bonus" json:"bonus,omitempty"`
}

// Apply says how candidates apply.
type Apply struct {
	// URL is the application page, http or https.
	URL string `yaml:"url" json:"url,omitempty"`
	// Email receives applications.
	Email string `yaml:"email" json:"email,omitempty"`
	// Deadline is the last day to apply, YYYY-MM-DD. Colorado requires it
	// in every posting; JSON-LD shows it as validThrough.
	Deadline string `yaml:"deadline" json:"deadline,omitempty"`
}

// WorkModels are the accepted work_model values.
var WorkModels = []string{"onsite", "hybrid", "remote"}

// EmploymentTypes are the accepted employment_type values, as schema.org
// JobPosting names them in lowercase with hyphens.
var EmploymentTypes = []string{"full-time", "part-time", "contractor", "temporary", "intern", "volunteer", "per-diem", "other"}

// Periods are the accepted pay periods.
var Periods = []string{"year", "month", "week", "day", "hour"}

var currencyRe = regexp.MustCompile(`^[A-Z]{3}$`)

// ParseCompany reads company.yaml content strictly. name is the file name
// used in error messages. Every problem in the file is reported, each with
// its line.
func ParseCompany(name string, data []byte) (*Company, error) {
	var c Company
	root, err := strictyaml.Decode(name, data, &c)
	if root == nil {
		return nil, err
	}
	// Unknown or mistyped fields do not stop the checks of the others:
	// every problem is reported at once.
	return checkCompany(name, root, &c, strictyaml.Errors(err))
}

// ParseCompanyNode reads a company given inline in another YAML file (a
// batch manifest's company: mapping). name is that file's name; errors
// carry its lines.
func ParseCompanyNode(name string, node *yaml.Node) (*Company, error) {
	var c Company
	if node == nil || node.Kind != yaml.MappingNode {
		line := 0
		if node != nil {
			line = node.Line
		}
		return nil, strictyaml.List{{File: name, Line: line, Msg: "company: want a file name or a mapping of company fields"}}
	}
	err := strictyaml.DecodeNode(name, node, &c)
	return checkCompany(name, node, &c, strictyaml.Errors(err))
}

// checkCompany validates a decoded company; root is its YAML mapping.
func checkCompany(name string, root *yaml.Node, c *Company, errs strictyaml.List) (*Company, error) {
	c.file, c.root = name, root
	at := func(field string) int { return strictyaml.Line(root, field) }
	checkHeadcount(name, root, "engineers", "the engineering headcount", " (leave the key out to use the stage's default)", c.Engineers, &errs)
	checkHeadcount(name, root, "employees", "the company's headcount", "", c.Employees, &errs)
	// One-line values: a line break in a name would start a new Markdown
	// block (a heading, a list) in every document that prints it.
	for _, f := range []struct{ key, v string }{{"name", c.Name}, {"industry", c.Industry}, {"website", c.Website}} {
		if strings.Contains(strings.TrimSpace(f.v), "\n") {
			errs.Add(name, at(f.key), "%s has a line break; write it on one line", f.key)
		}
	}
	if c.Language != "" {
		lang, ok := locale.Normalize(c.Language)
		if !ok {
			errs.Add(name, at("language"), "language: unknown value %q%s", c.Language, suggest.Hint(lang, locale.Languages()))
		}
		c.Language = lang
	}
	if c.WorkModel != "" {
		wm := strings.ToLower(strings.TrimSpace(c.WorkModel))
		wm = strings.NewReplacer("on-site", "onsite", "on site", "onsite", "in-office", "onsite").Replace(wm)
		if !slices.Contains(WorkModels, wm) {
			errs.Add(name, at("work_model"), "work_model: unknown value %q%s", c.WorkModel, suggest.Hint(c.WorkModel, WorkModels))
		}
		c.WorkModel = wm
	}
	if c.EmploymentType != "" {
		et := strings.ToLower(strings.TrimSpace(c.EmploymentType))
		et = strings.NewReplacer("_", "-", " ", "-", "fulltime", "full-time", "parttime", "part-time", "perdiem", "per-diem").Replace(et)
		switch et {
		case "contract":
			et = "contractor"
		case "internship":
			et = "intern"
		case "temp":
			et = "temporary"
		}
		if !slices.Contains(EmploymentTypes, et) {
			errs.Add(name, at("employment_type"), "employment_type: unknown value %q%s", c.EmploymentType, suggest.Hint(c.EmploymentType, EmploymentTypes))
		}
		c.EmploymentType = et
	}
	comp := strictyaml.Field(root, "compensation")
	for _, role := range sortedPayKeys(c.Compensation) {
		p := c.Compensation[role]
		line := at("compensation")
		if v := strictyaml.Field(comp, role); v != nil {
			line = v.Line
		}
		what := "compensation." + role
		if p.Min < 0 || p.Max < 0 {
			errs.Add(name, line, "%s: min and max must not be negative", what)
		}
		if p.Max != 0 && p.Min > p.Max {
			errs.Add(name, line, "%s: min %v is above max %v", what, p.Min, p.Max)
		}
		if (p.Min != 0 || p.Max != 0) && !currencyRe.MatchString(p.Currency) {
			errs.Add(name, line, "%s: currency %q must be an ISO 4217 code such as USD, EUR or GBP", what, p.Currency)
		}
		if p.Period != "" && !slices.Contains(Periods, p.Period) {
			errs.Add(name, line, "%s: period: unknown value %q%s", what, p.Period, suggest.Hint(p.Period, Periods))
		}
	}
	checkTexts(name, root, c, &errs)
	if c.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
			errs.Add(name, at("date"), "date %q must be YYYY-MM-DD, for example 2026-11-23", c.Date)
		}
	}
	if c.Apply.Deadline != "" {
		if _, err := time.Parse(time.DateOnly, c.Apply.Deadline); err != nil {
			errs.Add(name, strictyaml.Line(strictyaml.Field(root, "apply"), "deadline"), "apply.deadline %q must be YYYY-MM-DD, for example 2026-12-31", c.Apply.Deadline)
		}
	}
	if c.Apply.Email != "" {
		if a, err := mail.ParseAddress(c.Apply.Email); err != nil || a.Address != c.Apply.Email {
			errs.Add(name, strictyaml.Line(strictyaml.Field(root, "apply"), "email"), "apply.email %q is not an email address, for example jobs@example.com", c.Apply.Email)
		}
	}
	for field, u := range map[string]string{"apply.url": c.Apply.URL, "website": c.Website} {
		if u == "" {
			continue
		}
		line := at("website")
		if field == "apply.url" {
			line = strictyaml.Line(strictyaml.Field(root, "apply"), "url")
		}
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "https" && pu.Scheme != "http") || pu.Host == "" {
			errs.Add(name, line, "%s %q must be an http or https URL, for example https://example.com/jobs", field, u)
		}
	}
	for i, l := range c.Locations {
		if l.String() == "" {
			line := at("locations")
			if items := strictyaml.Items(root, "locations"); i < len(items) {
				line = items[i].Line
			}
			errs.Add(name, line, "locations[%d]: give at least one of city, region or country", i)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// Line returns the line of a top-level field of the file, for errors found
// after parsing (such as an unknown stage).
func (c *Company) Line(field string) int { return strictyaml.Line(c.root, field) }

// ResolvePath returns p relative to the folder of the company file, as
// paths inside company.yaml are written.
func (c *Company) ResolvePath(p string) string {
	if p == "" || filepath.IsAbs(p) || c.file == "" {
		return p
	}
	return filepath.Join(filepath.Dir(c.file), p)
}

// File is the name the company file was read from.
func (c *Company) File() string { return c.file }

func sortedPayKeys(m map[string]Pay) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// PayLine returns the line of a compensation entry.
func (c *Company) PayLine(role string) int {
	if v := strictyaml.Field(strictyaml.Field(c.root, "compensation"), role); v != nil {
		return v.Line
	}
	return c.Line("compensation")
}

// checkHeadcount checks a headcount key as written: a whole number, 1 or
// more. YAML would truncate 2.5 to 2, and 0 would read as "not given", so
// the node is checked, not only the decoded number.
func checkHeadcount(name string, root *yaml.Node, key, what, hint string, n int, errs *strictyaml.List) {
	v := strictyaml.Field(root, key)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return // absent, or a type error reported by the decoder
	}
	switch {
	case v.Tag == "!!float":
		errs.Add(name, v.Line, "%s: %s is not a whole number; give %s, for example 25", key, v.Value, what)
	case v.Tag == "!!int" && n < 1:
		errs.Add(name, v.Line, "%s: %s is too small; %s is 1 or more%s", key, v.Value, what, hint)
	}
}
