// Package jsonld encodes a job description as schema.org JobPosting JSON-LD,
// the structured data search engines read from job pages, and embeds it in
// HTML.
//
// The description is the posting's own Markdown turned into the small HTML
// subset search engines accept (p, ul and li only), so a custom template
// shows in the JSON-LD too.
package jsonld

import (
	"bytes"
	"errors"
	"html"
	"strings"

	"github.com/rungs/rungs/output"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// JobPosting is the schema.org type, with the properties Rungs fills.
// Field order is the output order.
type JobPosting struct {
	Context            string       `json:"@context"`
	Type               string       `json:"@type"`
	Title              string       `json:"title"`
	Description        string       `json:"description"`
	InLanguage         string       `json:"inLanguage,omitempty"` // the posting's language, a BCP 47 tag ("fr")
	DatePosted         string       `json:"datePosted"`
	ValidThrough       string       `json:"validThrough,omitempty"`
	EmploymentType     string       `json:"employmentType,omitempty"`
	HiringOrganization Organization `json:"hiringOrganization"`
	JobLocation        []Place      `json:"jobLocation,omitempty"`
	// JobLocationType is TELECOMMUTE for fully remote jobs, which then
	// name where candidates may live in ApplicantLocationRequirements.
	JobLocationType               string          `json:"jobLocationType,omitempty"`
	ApplicantLocationRequirements []AdminArea     `json:"applicantLocationRequirements,omitempty"`
	BaseSalary                    *MonetaryAmount `json:"baseSalary,omitempty"`
	Identifier                    *PropertyValue  `json:"identifier,omitempty"`
	DirectApply                   bool            `json:"directApply"`
	Industry                      string          `json:"industry,omitempty"`
	URL                           string          `json:"url,omitempty"`
}

// Organization is the hiring organization.
type Organization struct {
	Type   string `json:"@type"`
	Name   string `json:"name"`
	SameAs string `json:"sameAs,omitempty"`
}

// Place is a job location.
type Place struct {
	Type    string        `json:"@type"`
	Address PostalAddress `json:"address"`
}

// PostalAddress is the address of a Place.
type PostalAddress struct {
	Type            string `json:"@type"`
	AddressLocality string `json:"addressLocality,omitempty"`
	AddressRegion   string `json:"addressRegion,omitempty"`
	AddressCountry  string `json:"addressCountry,omitempty"`
}

// AdminArea is a Country, State or other area candidates may work from.
type AdminArea struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// MonetaryAmount is the base salary.
type MonetaryAmount struct {
	Type     string            `json:"@type"`
	Currency string            `json:"currency"`
	Value    QuantitativeValue `json:"value"`
}

// QuantitativeValue is a pay range (MinValue, MaxValue) or a fixed pay
// (Value), per UnitText: HOUR, DAY, WEEK, MONTH or YEAR.
type QuantitativeValue struct {
	Type     string   `json:"@type"`
	Value    *float64 `json:"value,omitempty"`
	MinValue *float64 `json:"minValue,omitempty"`
	MaxValue *float64 `json:"maxValue,omitempty"`
	UnitText string   `json:"unitText"`
}

// PropertyValue identifies the posting within the organization.
type PropertyValue struct {
	Type  string `json:"@type"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

var employmentTypes = map[string]string{
	"full-time": "FULL_TIME", "part-time": "PART_TIME", "contractor": "CONTRACTOR", "temporary": "TEMPORARY",
	"intern": "INTERN", "volunteer": "VOLUNTEER", "per-diem": "PER_DIEM", "other": "OTHER",
}

var unitTexts = map[string]string{"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR", "": "YEAR"}

// MissingError lists the required properties the input cannot fill, each
// with the company.yaml field that would.
type MissingError struct{ Missing []string }

func (e *MissingError) Error() string {
	return "JSON-LD JobPosting needs " + strings.Join(e.Missing, "; ")
}

// Job is what a JobPosting is made from: the facts of one job
// description, as the renderer's own view, so this package does not
// depend on the generator's model (pipeline fills it).
type Job struct {
	// Title is the posting's title; Role the role id, for the identifier.
	Title, Role string
	// Date is the posting date and Deadline the last day to apply,
	// YYYY-MM-DD.
	Date, Deadline string
	// EmploymentType is as company.yaml accepts it: full-time,
	// part-time, contractor... ("" is full-time).
	EmploymentType string
	// ApplyURL is the application page.
	ApplyURL string
	// Language is the BCP 47 tag of the posting's language, for
	// inLanguage; "" leaves inLanguage out.
	Language string
	Company  Company
	// Pay is the base pay, nil when the company gives none.
	Pay *Pay
}

// Company is the hiring organization and where the job is.
type Company struct {
	Name, Website, Industry string
	// WorkModel is onsite, hybrid or remote.
	WorkModel string
	Addresses []Address
}

// Address is one location, split into its parts.
type Address struct{ City, Region, Country string }

// Pay is a pay range (or a fixed pay when Min equals Max) per Period:
// hour, day, week, month or year ("" is year).
type Pay struct {
	Min, Max         float64
	Currency, Period string
}

// Posting builds the JobPosting of a job whose Markdown rendering is md. It fails with a *MissingError when a required property
// (datePosted, hiringOrganization, jobLocation or, for remote jobs, the
// applicant locations) has no data.
func Posting(jd *Job, md []byte) (*JobPosting, error) {
	p := &JobPosting{
		Context: "https://schema.org", Type: "JobPosting",
		Title:              jd.Title,
		Description:        Description(md),
		InLanguage:         jd.Language,
		DatePosted:         jd.Date,
		ValidThrough:       jd.Deadline,
		EmploymentType:     employmentTypes[jd.EmploymentType],
		HiringOrganization: Organization{Type: "Organization", Name: jd.Company.Name, SameAs: jd.Company.Website},
		DirectApply:        jd.ApplyURL != "",
		Industry:           jd.Company.Industry,
		URL:                jd.ApplyURL,
	}
	if p.EmploymentType == "" {
		p.EmploymentType = "FULL_TIME"
	}
	var missing []string
	if p.DatePosted == "" {
		missing = append(missing, "a posting date (date in company.yaml, or SOURCE_DATE_EPOCH)")
	}
	if p.HiringOrganization.Name == "" {
		missing = append(missing, "the company name (name in company.yaml)")
	}
	if jd.Company.WorkModel == "remote" {
		p.JobLocationType = "TELECOMMUTE"
		for _, a := range jd.Company.Addresses {
			switch {
			case a.Region != "":
				p.ApplicantLocationRequirements = append(p.ApplicantLocationRequirements, AdminArea{"State", a.Region})
			case a.Country != "":
				p.ApplicantLocationRequirements = append(p.ApplicantLocationRequirements, AdminArea{"Country", a.Country})
			case a.City != "":
				p.ApplicantLocationRequirements = append(p.ApplicantLocationRequirements, AdminArea{"AdministrativeArea", a.City})
			}
		}
		if len(p.ApplicantLocationRequirements) == 0 {
			missing = append(missing, "for a remote job, where candidates may work from (locations in company.yaml, such as {country: Germany})")
		}
	} else {
		for _, a := range jd.Company.Addresses {
			p.JobLocation = append(p.JobLocation, Place{Type: "Place", Address: PostalAddress{
				Type: "PostalAddress", AddressLocality: a.City, AddressRegion: a.Region, AddressCountry: a.Country,
			}})
		}
		if len(p.JobLocation) == 0 {
			missing = append(missing, "a job location (locations in company.yaml, or work_model: remote)")
		}
	}
	if c := jd.Pay; c != nil && (c.Min > 0 || c.Max > 0) && c.Currency != "" {
		v := QuantitativeValue{Type: "QuantitativeValue", UnitText: unitTexts[c.Period]}
		if v.UnitText == "" {
			v.UnitText = "YEAR"
		}
		if c.Min > 0 && c.Max > 0 && c.Min != c.Max {
			v.MinValue, v.MaxValue = ptr(c.Min), ptr(c.Max)
		} else {
			v.Value = ptr(max(c.Min, c.Max))
		}
		p.BaseSalary = &MonetaryAmount{Type: "MonetaryAmount", Currency: c.Currency, Value: v}
	}
	if jd.Company.Name != "" {
		p.Identifier = &PropertyValue{Type: "PropertyValue", Name: jd.Company.Name,
			Value: strings.TrimSuffix(output.FileName(jd.Company.Name, jd.Role, "x"), ".x")}
	}
	if len(missing) > 0 {
		return p, &MissingError{missing}
	}
	return p, nil
}

func ptr(f float64) *float64 { return &f }

// Encode builds the JobPosting and encodes it as indented JSON ending in a
// newline.
func Encode(jd *Job, md []byte) ([]byte, error) {
	p, err := Posting(jd, md)
	if err != nil {
		return nil, err
	}
	return output.JSON(p)
}

// ScriptTag wraps JSON-LD in the script element that carries it in an HTML
// page. Every "<" is written as \u003c, so no value can close the element.
func ScriptTag(ld []byte) string {
	safe := bytes.ReplaceAll(bytes.TrimSpace(ld), []byte("<"), []byte(`\u003c`))
	return `<script type="application/ld+json">` + "\n" + string(safe) + "\n</script>\n"
}

// Embed inserts the JSON-LD script element into an HTML page: before
// </head> when there is one, else after <body...>, else at the start.
func Embed(page, ld []byte) []byte {
	tag := []byte(ScriptTag(ld))
	lower := bytes.ToLower(page)
	if i := bytes.Index(lower, []byte("</head>")); i >= 0 {
		return concat(page[:i], tag, page[i:])
	}
	if i := bytes.Index(lower, []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			k := i + j + 1
			return concat(page[:k], []byte("\n"), tag, page[k:])
		}
	}
	return concat(tag, page)
}

func concat(parts ...[]byte) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		b.Write(p)
	}
	return b.Bytes()
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// Description turns a posting's Markdown into HTML that uses only p, ul and
// li, as search engines accept in JobPosting.description. The first
// level-1 heading is left out (it is the title); other headings, table rows
// and code become paragraphs; emphasis and links become their text.
func Description(md []byte) string {
	doc := markdown.Parser().Parse(text.NewReader(md))
	var b strings.Builder
	titleSeen := false
	var block func(n ast.Node)
	block = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 && !titleSeen {
				titleSeen = true
				return
			}
			para(&b, inlineText(n, md))
			return
		case *ast.Paragraph, *ast.TextBlock:
			para(&b, inlineText(n, md))
			return
		case *ast.List:
			b.WriteString("<ul>")
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				b.WriteString("<li>")
				item(&b, c, md, block)
				b.WriteString("</li>")
			}
			b.WriteString("</ul>")
			return
		case *east.Table:
			for row := n.FirstChild(); row != nil; row = row.NextSibling() {
				var cells []string
				for c := row.FirstChild(); c != nil; c = c.NextSibling() {
					cells = append(cells, inlineText(c, md))
				}
				para(&b, strings.Join(cells, " · "))
			}
			return
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			var lines []string
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				lines = append(lines, strings.TrimRight(string(seg.Value(md)), "\n"))
			}
			para(&b, strings.Join(lines, " "))
			return
		case *ast.HTMLBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			block(c)
		}
	}
	block(doc)
	return b.String()
}

// item writes a list item: its first paragraph as text, further blocks
// (paragraphs, nested lists) as their own elements.
func item(b *strings.Builder, li ast.Node, md []byte, block func(ast.Node)) {
	first := true
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if first {
				b.WriteString(html.EscapeString(inlineText(c, md)))
				first = false
				continue
			}
		}
		first = false
		block(c)
	}
}

func para(b *strings.Builder, s string) {
	if s = strings.TrimSpace(s); s != "" {
		b.WriteString("<p>" + html.EscapeString(s) + "</p>")
	}
}

// inlineText is the plain text of a block's inline content.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Value(src)
				if !c.IsRaw() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				b.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return output.OneLine(b.String())
}

// IsMissing reports whether err says required JSON-LD data is missing.
func IsMissing(err error) bool {
	var m *MissingError
	return errors.As(err, &m)
}
