package studio

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/rungs/rungs/internal/ctrl"
	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// jdFields are the posting form's fields, in the order links list them.
var jdFields = []string{"role", "stage", "size", "archetype", "name", "mission", "city", "region", "country",
	"work_model", "pay_min", "pay_max", "currency", "period", "benefits", "apply_url", "apply_by", "date", "paper"}

// ladderFields are the ladder form's fields.
var ladderFields = []string{"view", "stage", "size", "archetype", "name", "from", "to", "level", "grow_to", "paper"}

// payFields are the fields of one role's pay.
var payFields = map[string]bool{"pay_min": true, "pay_max": true, "currency": true, "period": true}

// maxField is the most characters one form value may hold; company.yaml
// keys have their own, smaller limits, checked by the company parser.
const maxField = 4000

// DefaultRole is the role the posting form opens with when neither the
// URL nor the company file says: the most common opening.
const DefaultRole = "senior-engineer"

// form is one request's values: what the user sent, else what the company
// file gives.
type form struct {
	values map[string]string
	given  map[string]bool // sent in the request (possibly empty)
	base   map[string]string
}

// get returns a field's value as the page shows it.
func (f *form) get(k string) string { return f.values[k] }

// readForm takes fields from the request, falling back to base.
func readForm(q url.Values, fields []string, base map[string]string) *form {
	f := &form{values: map[string]string{}, given: map[string]bool{}, base: base}
	// The pay fields belong to the role they were filled for (pay_role,
	// a hidden field): once the role changes they are the new role's
	// pay from the company file, not the last role's carried over.
	stale := q.Has("pay_role") && q.Get("pay_role") != q.Get("role")
	for _, k := range fields {
		if stale && payFields[k] {
			f.values[k] = base[k]
			continue
		}
		if vs, ok := q[k]; ok {
			v := ""
			if len(vs) > 0 {
				v = vs[0]
			}
			// Browsers send textarea line breaks as CRLF; a file has LF.
			f.values[k] = strings.ReplaceAll(v, "\r\n", "\n")
			f.given[k] = true
			continue
		}
		f.values[k] = base[k]
	}
	return f
}

// query is the form as a URL query: the fields that differ from what the
// page shows without them, so a link is short and still reproduces the
// screen.
func (f *form) query(fields []string) string {
	var b strings.Builder
	for _, k := range fields {
		if f.values[k] == f.base[k] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(f.values[k]))
	}
	return b.String()
}

// baseValues are the form's values from the company file: what the page
// shows before the user changes anything.
func baseValues(d *Data, role string) map[string]string {
	m := map[string]string{"role": DefaultRole, "view": "ladder", "paper": pipeline.Papers[0]}
	if _, err := d.Catalog.Role(DefaultRole); err != nil && len(d.Catalog.Roles) > 0 {
		m["role"] = d.Catalog.Roles[0].ID
	}
	c := d.Company
	if c == nil {
		return m
	}
	m["stage"] = c.Stage
	if c.Engineers > 0 {
		m["size"] = fmt.Sprint(c.Engineers)
	}
	m["archetype"] = c.Archetype
	m["name"] = c.Name
	m["mission"] = strings.TrimSpace(c.Mission)
	if len(c.Locations) > 0 {
		l := c.Locations[0]
		m["city"], m["region"], m["country"] = l.City, l.Region, l.Country
	}
	m["work_model"] = c.WorkModel
	m["benefits"] = strings.Join(c.Benefits, "\n")
	m["apply_url"] = c.Apply.URL
	m["apply_by"] = c.Apply.Deadline
	m["date"] = c.Date
	if role == "" {
		role = m["role"]
	}
	if r, err := d.Catalog.Role(role); err == nil {
		for k, p := range c.Compensation {
			if kr, err := d.Catalog.Role(k); err == nil && kr.ID == r.ID {
				if p.Min != 0 {
					m["pay_min"] = fmt.Sprint(p.Min)
				}
				if p.Max != 0 {
					m["pay_max"] = fmt.Sprint(p.Max)
				}
				m["currency"], m["period"] = p.Currency, p.Period
			}
		}
	}
	return m
}

// resolved is a form checked and turned into a profile.
type resolved struct {
	form    *form
	errs    map[string]string // field: message, as the CLI words it
	general []string          // problems no field owns
	prof    profile.Profile
	yaml    []byte // the company.yaml that reproduces the screen
	roleID  string
	// data is the data in the document's language when it is not
	// English (see dataFor).
	data *Data
}

// dataFor is the data the document is built from: d, or d in the
// language the company text asks for.
func (r *resolved) dataFor(d *Data) *Data {
	if r.data != nil {
		return r.data
	}
	return d
}

func (r *resolved) ok() bool { return len(r.errs) == 0 && len(r.general) == 0 }

// fail records a message for a field, keeping the first.
func (r *resolved) fail(field, msg string) {
	if field == "" {
		r.general = append(r.general, msg)
		return
	}
	if _, dup := r.errs[field]; !dup {
		r.errs[field] = msg
	}
}

// resolve checks a form against the data: the posting's when jd is true,
// else the ladder's. Company fields go through profile.ParseCompany and
// stage, size and archetype through profile.Resolve as flags, so every
// message is the one the CLI gives for the same value.
func resolve(d *Data, f *form, jd bool, sourceDateEpoch string) *resolved {
	r := &resolved{form: f, errs: map[string]string{}}
	for k, v := range f.values {
		if !f.given[k] {
			continue
		}
		if n := utf8.RuneCountInString(v); n > maxField {
			r.fail(k, fmt.Sprintf("%s has %d characters; the limit is %d", k, n, maxField))
		}
	}
	if !r.ok() {
		return r
	}
	// Flag-like values: the checks rungs applies to every flag.
	for _, k := range []string{"role", "stage", "size", "archetype", "from", "to", "level", "grow_to"} {
		if msg := ctrl.Problem(f.get(k), ctrl.Allow{}); msg != "" && f.given[k] {
			r.fail(k, fmt.Sprintf("--%s has %s; write plain text", flagName(k), msg))
		}
	}
	if _, err := pipeline.ParsePaper(f.get("paper")); err != nil {
		r.fail("paper", "--paper: "+err.Error())
	}
	if jd {
		role := strings.TrimSpace(f.get("role"))
		if role == "" {
			r.fail("role", "--role is required; valid: "+strings.Join(d.Catalog.RoleIDs(), ", ")+" (for example --role cto)")
		} else if ro, err := d.Catalog.Role(role); err != nil {
			r.fail("role", "--role: "+err.Error())
		} else {
			r.roleID = ro.ID
		}
	}
	// Stage, size and archetype are checked here too, so their messages
	// show with the company fields' at once; profile.Resolve checks them
	// again below with the same words.
	flagChecks := []struct {
		name  string
		check func(string) error
	}{
		{"stage", func(v string) error { _, err := d.Catalog.Stage(v); return err }},
		{"size", func(v string) error { _, err := profile.ParseSize(v); return err }},
		{"archetype", func(v string) error { _, err := d.Catalog.Archetype(v); return err }},
	}
	for _, c := range flagChecks {
		if v := strings.TrimSpace(f.get(c.name)); f.given[c.name] && v != "" && r.errs[c.name] == "" {
			if err := c.check(v); err != nil {
				r.fail(c.name, (&profile.FlagError{Flag: c.name, Err: err}).Error())
			}
		}
	}

	check, copyDoc, payKey, err := companyDocs(d, f, r.roleID)
	if err != nil {
		r.fail("", "company.yaml: "+err.Error())
		return r
	}
	checkYAML, err := check.bytes()
	if err == nil {
		r.yaml, err = copyDoc.bytes()
	}
	if err != nil {
		r.fail("", "company.yaml: "+err.Error())
		return r
	}
	var company *profile.Company
	if len(checkYAML) > 0 {
		name := "company.yaml"
		if d.Company != nil && d.Company.File() != "" {
			name = d.Company.File()
		}
		company, err = profile.ParseCompany(name, checkYAML)
		if err != nil {
			r.companyErrs(err, checkYAML, payKey)
			return r
		}
	}
	if !r.ok() {
		return r
	}
	in := profile.Input{Company: company, SourceDateEpoch: sourceDateEpoch}
	if f.given["stage"] {
		in.Stage = strings.TrimSpace(f.get("stage"))
	}
	if f.given["size"] {
		in.Size = strings.TrimSpace(f.get("size"))
	}
	if f.given["archetype"] {
		in.Archetype = strings.TrimSpace(f.get("archetype"))
	}
	// A company text with language: fr makes a French document: the data
	// and templates are those of its language, as for rungs jd.
	if lang, err := profile.Lang(in); err == nil && lang != "en" {
		env, set, err := pipeline.Localize(&pipeline.Env{Cat: d.Catalog, Ladder: d.Ladder}, d.Templates, lang)
		if err != nil {
			r.general = append(r.general, err.Error())
			return r
		}
		local := *d
		local.Catalog, local.Ladder, local.Templates = env.Cat, env.Ladder, set
		r.data = &local
	}
	p, err := profile.Resolve(r.dataFor(d).Catalog, in)
	if err != nil {
		var fe *profile.FlagError
		if errors.As(err, &fe) {
			r.fail(fe.Flag, err.Error())
		} else {
			r.companyErrs(err, checkYAML, payKey)
		}
		return r
	}
	r.prof = p
	return r
}

// companyErrs files company.yaml problems under the fields they are in.
// A field's message is the CLI's without the file:line prefix, which
// names a line of a file the user has not seen yet.
func (r *resolved) companyErrs(err error, data []byte, payKey string) {
	var list strictyaml.List
	var one *strictyaml.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = strictyaml.List{one}
	default:
		r.fail("", err.Error())
		return
	}
	for _, e := range list {
		fld := fieldAt(data, e.Line, payKey)
		if fld == "" {
			r.fail("", e.Error())
			continue
		}
		r.fail(fld, e.Msg)
	}
}

// flagName is the CLI flag of a form field.
func flagName(k string) string { return strings.ReplaceAll(k, "_", "-") }

// companyDocs applies the form to the company file's tree. check is the
// tree the company checks read (stage, engineers and archetype sent by
// the form are left to profile.Resolve as flags, so their messages are
// the flags'); copy also holds them, and is the file "Copy company.yaml"
// gives. payKey is the compensation key of the role.
func companyDocs(d *Data, f *form, roleID string) (check, copyDoc *yamlDoc, payKey string, err error) {
	if check, err = parseDoc(d.CompanyYAML); err != nil {
		return nil, nil, "", err
	}
	copyDoc, _ = parseDoc(d.CompanyYAML)
	payKey = roleID
	for _, doc := range []*yamlDoc{check, copyDoc} {
		m := doc.root()
		if f.given["name"] {
			setText(m, "name", f.get("name"))
		}
		if f.given["mission"] {
			setText(m, "mission", f.get("mission"))
		}
		if f.given["date"] {
			setText(m, "date", f.get("date"))
		}
		if f.given["work_model"] {
			setText(m, "work_model", f.get("work_model"))
		}
		if f.given["benefits"] {
			setList(m, "benefits", lines(f.get("benefits")))
		}
		if f.given["city"] || f.given["region"] || f.given["country"] {
			setLocation(m, f.get("city"), f.get("region"), f.get("country"))
		}
		if f.given["apply_url"] || f.given["apply_by"] {
			a := child(m, "apply")
			if f.given["apply_url"] {
				setText(a, "url", f.get("apply_url"))
			}
			if f.given["apply_by"] {
				setText(a, "deadline", f.get("apply_by"))
			}
			dropEmpty(m, "apply")
		}
		if roleID != "" && (f.given["pay_min"] || f.given["pay_max"] || f.given["currency"] || f.given["period"]) {
			payKey = setPay(d, m, roleID, f)
		}
	}
	// The copy says stage, size and archetype, so rungs reads the same
	// company from it alone.
	m := copyDoc.root()
	for _, kv := range [][2]string{{"stage", "stage"}, {"size", "engineers"}, {"archetype", "archetype"}} {
		if !f.given[kv[0]] {
			continue
		}
		if v := strings.TrimSpace(f.get(kv[0])); v == "" {
			del(m, kv[1])
		} else if kv[1] == "engineers" {
			set(m, kv[1], num(v))
		} else {
			set(m, kv[1], str(v))
		}
	}
	cm := check.root()
	for _, kv := range [][2]string{{"stage", "stage"}, {"size", "engineers"}, {"archetype", "archetype"}} {
		if f.given[kv[0]] {
			del(cm, kv[1])
		}
	}
	return check, copyDoc, payKey, nil
}

// setLocation replaces the first location; the company file's others
// stay.
func setLocation(m *yaml.Node, city, region, country string) {
	loc := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	setText(loc, "city", city)
	setText(loc, "region", region)
	setText(loc, "country", country)
	seq := field(m, "locations")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		set(m, "locations", seq)
	}
	switch {
	case len(loc.Content) == 0 && len(seq.Content) > 0:
		seq.Content = seq.Content[1:]
	case len(loc.Content) == 0:
	case len(seq.Content) > 0:
		seq.Content[0] = loc
	default:
		seq.Content = append(seq.Content, loc)
	}
	if len(seq.Content) == 0 {
		del(m, "locations")
	}
}

// setPay writes the pay fields under the role's compensation key (the
// file's own spelling when it has one, such as an alias) and returns it.
func setPay(d *Data, m *yaml.Node, roleID string, f *form) string {
	comp := child(m, "compensation")
	key := roleID
	for i := 0; i+1 < len(comp.Content); i += 2 {
		if r, err := d.Catalog.Role(comp.Content[i].Value); err == nil && r.ID == roleID {
			key = comp.Content[i].Value
			break
		}
	}
	p := child(comp, key)
	for _, kv := range [][2]string{{"pay_min", "min"}, {"pay_max", "max"}} {
		if v := strings.TrimSpace(strings.ReplaceAll(f.get(kv[0]), ",", "")); v == "" {
			del(p, kv[1])
		} else {
			set(p, kv[1], num(v))
		}
	}
	setText(p, "currency", strings.ToUpper(strings.TrimSpace(f.get("currency"))))
	setText(p, "period", strings.TrimSpace(f.get("period")))
	dropEmpty(comp, key)
	dropEmpty(m, "compensation")
	return key
}

// lines splits a textarea into its non-blank lines, trimmed.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- ")); t != "" {
			out = append(out, t)
		}
	}
	return out
}
