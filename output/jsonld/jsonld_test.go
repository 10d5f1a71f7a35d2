package jsonld_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/output/jsonld"
	"github.com/rungs/rungs/templates"
)

const officeCompany = `name: Acme Robotics
industry: warehouse robotics
website: https://acme.example
locations:
  - {city: New York, region: NY, country: United States}
work_model: hybrid
employment_type: full-time
compensation:
  senior-engineer: {min: 150000, max: 185000, currency: USD, period: year}
apply: {url: "https://acme.example/jobs", deadline: 2026-12-31}
date: 2026-11-23
`

const remoteCompany = `name: Lumen Data
locations:
  - {country: Germany}
  - {country: France}
work_model: remote
employment_type: contract
compensation:
  vpe: {min: 90, max: 90, currency: EUR, period: hour}
date: 2026-11-02
`

// build generates the job description and its Markdown for a company file,
// and the renderer's view of it, as rungs jd makes them.
func build(t testing.TB, company, role string) (*jsonld.Job, []byte) {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var c *profile.Company
	if company != "" {
		if c, err = profile.ParseCompany("company.yaml", []byte(company)); err != nil {
			t.Fatal(err)
		}
	}
	p, err := profile.Resolve(cat, profile.Input{Company: c})
	if err != nil {
		t.Fatal(err)
	}
	jd, err := generator.JD(cat, p, role)
	if err != nil {
		t.Fatal(err)
	}
	md, err := templates.Render("jd.md.tmpl", jd)
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.JobOf(jd), md
}

// decode encodes the posting and decodes it back as generic JSON, checking
// that it is valid JSON whose @type is JobPosting.
func decode(t *testing.T, jd *jsonld.Job, md []byte) map[string]any {
	t.Helper()
	data, err := jsonld.Encode(jd, md)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not valid JSON: %v\n%s", err, data)
	}
	if v["@context"] != "https://schema.org" || v["@type"] != "JobPosting" {
		t.Errorf("@context %v, @type %v", v["@context"], v["@type"])
	}
	for _, k := range []string{"title", "description", "datePosted", "hiringOrganization"} {
		if s, ok := v[k]; !ok || s == "" {
			t.Errorf("required property %s missing", k)
		}
	}
	return v
}

func TestOfficePosting(t *testing.T) {
	jd, md := build(t, officeCompany, "senior-engineer")
	v := decode(t, jd, md)
	if v["title"] != "Senior Software Engineer" || v["datePosted"] != "2026-11-23" || v["validThrough"] != "2026-12-31" {
		t.Errorf("title/dates: %v %v %v", v["title"], v["datePosted"], v["validThrough"])
	}
	org := v["hiringOrganization"].(map[string]any)
	if org["@type"] != "Organization" || org["name"] != "Acme Robotics" || org["sameAs"] != "https://acme.example" {
		t.Errorf("hiringOrganization %v", org)
	}
	locs, ok := v["jobLocation"].([]any)
	if !ok || len(locs) != 1 {
		t.Fatalf("jobLocation %v", v["jobLocation"])
	}
	addr := locs[0].(map[string]any)["address"].(map[string]any)
	if addr["@type"] != "PostalAddress" || addr["addressLocality"] != "New York" || addr["addressRegion"] != "NY" || addr["addressCountry"] != "United States" {
		t.Errorf("address %v", addr)
	}
	if _, ok := v["jobLocationType"]; ok {
		t.Error("jobLocationType set for an office job")
	}
	sal := v["baseSalary"].(map[string]any)
	val := sal["value"].(map[string]any)
	if sal["@type"] != "MonetaryAmount" || sal["currency"] != "USD" || val["@type"] != "QuantitativeValue" ||
		val["minValue"] != 150000.0 || val["maxValue"] != 185000.0 || val["unitText"] != "YEAR" {
		t.Errorf("baseSalary %v", sal)
	}
	if v["employmentType"] != "FULL_TIME" || v["directApply"] != true {
		t.Errorf("employmentType %v directApply %v", v["employmentType"], v["directApply"])
	}
	id := v["identifier"].(map[string]any)
	if id["@type"] != "PropertyValue" || id["value"] != "acme-robotics-senior-engineer" {
		t.Errorf("identifier %v", id)
	}
}

func TestRemotePosting(t *testing.T) {
	jd, md := build(t, remoteCompany, "vpe")
	v := decode(t, jd, md)
	if v["jobLocationType"] != "TELECOMMUTE" {
		t.Errorf("jobLocationType %v", v["jobLocationType"])
	}
	req, ok := v["applicantLocationRequirements"].([]any)
	if !ok || len(req) != 2 {
		t.Fatalf("applicantLocationRequirements %v", v["applicantLocationRequirements"])
	}
	if c := req[0].(map[string]any); c["@type"] != "Country" || c["name"] != "Germany" {
		t.Errorf("first requirement %v", c)
	}
	val := v["baseSalary"].(map[string]any)["value"].(map[string]any)
	if val["value"] != 90.0 || val["unitText"] != "HOUR" || val["minValue"] != nil {
		t.Errorf("fixed hourly pay %v", val)
	}
	if v["employmentType"] != "CONTRACTOR" || v["directApply"] != false {
		t.Errorf("employmentType %v directApply %v", v["employmentType"], v["directApply"])
	}
}

func TestMissingRequired(t *testing.T) {
	jd, md := build(t, "", "cto")
	_, err := jsonld.Encode(jd, md)
	if !jsonld.IsMissing(err) {
		t.Fatalf("error %v, want a MissingError", err)
	}
	for _, want := range []string{"posting date", "company name", "job location"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	jd, md = build(t, "name: A\nwork_model: remote\ndate: 2026-01-01\n", "cto")
	if _, err := jsonld.Encode(jd, md); err == nil || !strings.Contains(err.Error(), "remote job") {
		t.Errorf("remote without locations: %v", err)
	}
}

var tagRE = regexp.MustCompile(`</?([a-zA-Z0-9]+)[^>]*>`)

func TestDescriptionTags(t *testing.T) {
	md := []byte("# Title\n\nSome **bold** and [a link](https://x.example) <b>raw</b>.\n\n## Section\n\n- one\n- two\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode <here>\n```\n\n1. first\n2. second\n")
	got := jsonld.Description(md)
	for _, m := range tagRE.FindAllStringSubmatch(got, -1) {
		if tag := m[1]; tag != "p" && tag != "ul" && tag != "li" {
			t.Errorf("tag <%s> in description", tag)
		}
	}
	want := "<p>Some bold and a link raw.</p><p>Section</p><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><p>a · b</p><p>1 · 2</p><p>code &lt;here&gt;</p><ul><li>first</li><li>second</li></ul>"
	if got != want {
		t.Errorf("description\n got %s\nwant %s", got, want)
	}
	// Every generated posting: only the allowed tags.
	_, full := build(t, officeCompany, "senior-engineer")
	for _, m := range tagRE.FindAllStringSubmatch(jsonld.Description(full), -1) {
		if tag := m[1]; tag != "p" && tag != "ul" && tag != "li" {
			t.Errorf("tag <%s> in a generated description", tag)
		}
	}
}

func TestEmbed(t *testing.T) {
	ld := []byte(`{"@type":"JobPosting","description":"<p>x</script></p>"}`)
	tag := jsonld.ScriptTag(ld)
	if strings.Contains(strings.TrimSuffix(tag, "</script>\n"), "</") {
		t.Errorf("script content can close the element: %s", tag)
	}
	var back map[string]any
	body := strings.TrimSuffix(strings.TrimPrefix(tag, `<script type="application/ld+json">`+"\n"), "\n</script>\n")
	if err := json.Unmarshal([]byte(body), &back); err != nil || back["description"] != "<p>x</script></p>" {
		t.Errorf("escaped JSON does not decode to the same value: %v %v", back, err)
	}
	cases := map[string]string{
		"<html><head><title>t</title></head><body>b</body></html>": "<title>t</title><script",
		"<html><body class=x>b</body></html>":                      "<body class=x>\n<script",
		"<p>fragment</p>":                                          "<script",
	}
	for page, want := range cases {
		if got := string(jsonld.Embed([]byte(page), ld)); !strings.Contains(got, want) {
			t.Errorf("Embed(%q) = %q, want it to contain %q", page, got, want)
		}
	}
}

const frenchCompany = `name: Crème Brûlée Labs
language: fr
locations:
  - {city: Lyon, country: France}
work_model: hybrid
compensation:
  senior-engineer: {min: 52000, max: 64000, currency: EUR, period: year}
  cto: {min: 6500, max: 6500, currency: EUR, period: month}
apply: {url: "https://creme-brulee-labs.example/careers", deadline: 2026-12-31}
date: 2026-11-23
`

// frenchJSONLD builds a posting in French as rungs jd --lang fr does
// (pipeline.Localize, then the kind and the built-in French templates)
// and returns its JSON-LD as the jsonld format writes it.
func frenchJSONLD(t *testing.T, role string) map[string]any {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	c, err := profile.ParseCompany("company.yaml", []byte(frenchCompany))
	if err != nil {
		t.Fatal(err)
	}
	env, set, err := pipeline.Localize(&pipeline.Env{Cat: cat}, nil, "fr")
	if err != nil {
		t.Fatal(err)
	}
	// Resolved with the French catalog, as the commands do, so the stage
	// and the archetype are French too.
	p, err := profile.Resolve(env.Cat, profile.Input{Company: c})
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Render(env, &pipeline.Request{Kind: "jd", Profile: p, Params: pipeline.Params{"role": role}, Formats: []string{"jsonld"}, Templates: set})
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(res.Files[0].Data, &v); err != nil {
		t.Fatalf("not valid JSON: %v\n%s", err, res.Files[0].Data)
	}
	return v
}

// A French posting says it is French (inLanguage), and keeps the forms
// JobPosting defines whatever the language: ISO 8601 dates, the ISO 4217
// currency code and unitText in capitals, while the description carries
// the French text with its no-break spaces.
func TestFrenchPosting(t *testing.T) {
	const nb = "\u00a0"
	for _, c := range []struct {
		role, title, unit, pay string
		min, max, value        any
	}{
		{"senior-engineer", "Senior Software Engineer (H/F)", "YEAR", "de 52" + nb + "000 à 64" + nb + "000" + nb + "€ bruts par an", 52000.0, 64000.0, nil},
		{"cto", "CTO (H/F)", "MONTH", "6" + nb + "500" + nb + "€ bruts par mois", nil, nil, 6500.0},
	} {
		v := frenchJSONLD(t, c.role)
		if v["inLanguage"] != "fr" {
			t.Errorf("%s: inLanguage %v, want fr", c.role, v["inLanguage"])
		}
		if v["title"] != c.title || v["datePosted"] != "2026-11-23" || v["validThrough"] != "2026-12-31" {
			t.Errorf("%s: title %v, datePosted %v, validThrough %v", c.role, v["title"], v["datePosted"], v["validThrough"])
		}
		sal := v["baseSalary"].(map[string]any)
		val := sal["value"].(map[string]any)
		if sal["currency"] != "EUR" || val["unitText"] != c.unit || val["minValue"] != c.min || val["maxValue"] != c.max || val["value"] != c.value {
			t.Errorf("%s: baseSalary %v", c.role, sal)
		}
		if d, _ := v["description"].(string); !strings.Contains(d, c.pay) || !strings.Contains(d, "Égalité des chances") {
			t.Errorf("%s: the description lacks the French pay %q or its last heading: %s", c.role, c.pay, d)
		}
	}
	// An English posting leaves inLanguage out, as before --lang.
	jd, md := build(t, officeCompany, "senior-engineer")
	if v := decode(t, jd, md); v["inLanguage"] != nil {
		t.Errorf("English posting has inLanguage %v", v["inLanguage"])
	}
}
