package batch

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// A CSV row can carry the company: a company.<key> column for each flat
// company.yaml key, so a CSV alone makes complete postings and a script
// need not write one company file per client. Row values override the
// company file the row names (its company column, or --company).
//
// The keys are read from profile.Company itself, so a flat key added to
// company.yaml is a column at once. Keys that are not values of one
// company are left out: catalog, ladder and templates are paths to the
// user's data (--catalog, --ladder and --templates serve a batch).
// Nested keys get flat names: apply.url is company.apply_url, and the pay
// of the row's role (compensation.<role>) is company.pay_min, pay_max,
// currency, period, equity and bonus.

// companyFieldAliases are company columns that are entry fields under
// another name: company.stage is the stage column.
var companyFieldAliases = map[string]Field{"stage": FStage, "engineers": FSize, "archetype": FArchetype, "language": FLang}

// excludedCompanyKeys are the flat company.yaml keys that are not columns.
var excludedCompanyKeys = []string{"catalog", "ladder", "templates"}

// applyColumns and payColumns map the flat column names of nested keys to
// their YAML key.
var (
	applyColumns = map[string]string{"apply_url": "url", "apply_email": "email", "deadline": "deadline"}
	payColumns   = map[string]string{"pay_min": "min", "pay_max": "max", "currency": "currency", "period": "period", "equity": "equity", "bonus": "bonus"}
)

// listSeparator separates the items of a list cell (benefits, stack,
// locations): a comma is part of a location.
const listSeparator = ";"

var companyColumns = sync.OnceValues(func() ([]string, map[string]reflect.Kind) {
	kinds := map[string]reflect.Kind{}
	var keys []string
	t := reflect.TypeOf(profile.Company{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "" || name == "-" || slices.Contains(excludedCompanyKeys, name) {
			continue
		}
		if _, ok := companyFieldAliases[name]; ok {
			continue
		}
		k := f.Type.Kind()
		switch {
		case k == reflect.String, k == reflect.Int, k == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
		case name == "locations":
		default:
			continue // a mapping: apply and compensation have flat names below
		}
		keys = append(keys, name)
		kinds[name] = k
	}
	for _, m := range []map[string]string{applyColumns, payColumns} {
		keys = append(keys, slices.Sorted(maps.Keys(m))...)
	}
	return keys, kinds
})

// companyKeys lists the keys of the company.<key> columns.
func companyKeys() []string {
	keys, _ := companyColumns()
	return keys
}

// ColumnNames lists every CSV column name: the fields, then the company
// columns.
func ColumnNames() []string {
	out := FieldNames()
	for _, k := range companyKeys() {
		out = append(out, "company."+k)
	}
	for k := range companyFieldAliases {
		out = append(out, "company."+k)
	}
	slices.Sort(out[len(FieldNames()):])
	return out
}

// isPayColumn reports whether a company column gives the pay of the row's
// role.
func isPayColumn(key string) bool { _, ok := payColumns[key]; return ok }

// rowCompany returns the company of a CSV row with company cells: the
// base company (from the row's company file, or nil) with the row's values
// over it. The row's values are checked as company.yaml's are, with the
// CSV's lines; role is the row's role, whose pay the pay columns give.
func rowCompany(e *Entry, base *profile.Company, cat *catalog.Catalog, role string) (*profile.Company, Problems) {
	_, kinds := companyColumns()
	node := &yaml.Node{Kind: yaml.MappingNode, Line: e.Line}
	add := func(parent *yaml.Node, key string, line int, v *yaml.Node) {
		parent.Content = append(parent.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line}, v)
	}
	str := func(s string, line int) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: line}
	}
	var apply, pay *yaml.Node
	set := map[string]bool{}
	payLine := e.Line
	var probs Problems
	for _, c := range e.Company {
		switch {
		case c.Key == "locations":
			seq := &yaml.Node{Kind: yaml.SequenceNode, Line: c.Line}
			for _, item := range splitList(c.Value) {
				seq.Content = append(seq.Content, location(item, c.Line))
			}
			add(node, c.Key, c.Line, seq)
			set[c.Key] = true
		case kinds[c.Key] == reflect.Slice:
			seq := &yaml.Node{Kind: yaml.SequenceNode, Line: c.Line}
			for _, item := range splitList(c.Value) {
				seq.Content = append(seq.Content, str(item, c.Line))
			}
			add(node, c.Key, c.Line, seq)
			set[c.Key] = true
		case kinds[c.Key] == reflect.Int:
			if _, err := strconv.Atoi(c.Value); err != nil {
				probs = append(probs, &Problem{File: e.File, Line: c.Line, Field: "company." + c.Key, CSV: true,
					Msg: fmt.Sprintf("%q is not a whole number, for example 120", c.Value)})
				continue
			}
			add(node, c.Key, c.Line, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: c.Value, Line: c.Line})
			set[c.Key] = true
		case applyColumns[c.Key] != "":
			if apply == nil {
				apply = &yaml.Node{Kind: yaml.MappingNode, Line: c.Line}
				add(node, "apply", c.Line, apply)
			}
			add(apply, applyColumns[c.Key], c.Line, str(c.Value, c.Line))
		case isPayColumn(c.Key):
			if (c.Key == "pay_min" || c.Key == "pay_max") && !isNumber(c.Value) {
				probs = append(probs, &Problem{File: e.File, Line: c.Line, Field: "company." + c.Key, CSV: true,
					Msg: fmt.Sprintf("%q is not a number; write the amount in digits, for example 150000", c.Value)})
				continue
			}
			if role == "" {
				probs = append(probs, &Problem{File: e.File, Line: c.Line, Field: "company." + c.Key, CSV: true,
					Msg: "the pay columns give the pay of the row's role, and this row has none; leave the cell empty"})
				continue
			}
			if pay == nil {
				pay = &yaml.Node{Kind: yaml.MappingNode, Line: c.Line}
				payLine = c.Line
			}
			v := str(c.Value, c.Line)
			if c.Key == "pay_min" || c.Key == "pay_max" {
				v.Tag = "!!float"
			}
			add(pay, payColumns[c.Key], c.Line, v)
		default:
			add(node, c.Key, c.Line, str(c.Value, c.Line))
			set[c.Key] = true
		}
	}
	roleID := role
	if pay != nil {
		if r, err := cat.Role(role); err == nil {
			roleID = r.ID
		}
		// The row's pay cells complete the company file's pay for the
		// role, so a row can change only the range.
		if base != nil {
			if old, ok := payOf(base, cat, role); ok {
				fillPay(pay, old, payLine)
			}
		}
		comp := &yaml.Node{Kind: yaml.MappingNode, Line: payLine}
		add(comp, roleID, payLine, pay)
		add(node, "compensation", payLine, comp)
	}
	row, err := profile.ParseCompanyNode(e.File, node)
	if err != nil {
		for _, se := range strictyaml.Errors(err) {
			probs = append(probs, &Problem{File: se.File, Line: se.Line, CSV: true, Msg: columnMessage(se.Msg, roleID)})
		}
	}
	if len(probs) > 0 {
		// Every problem of the row at once: those found reading the
		// cells, then those company.yaml's checks find.
		return nil, probs
	}
	if base == nil {
		return row, nil
	}
	merged := *base
	mv, rv := reflect.ValueOf(&merged).Elem(), reflect.ValueOf(row).Elem()
	t := mv.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if set[name] {
			mv.Field(i).Set(rv.Field(i))
		}
	}
	if apply != nil {
		for _, c := range e.Company {
			switch applyColumns[c.Key] {
			case "url":
				merged.Apply.URL = row.Apply.URL
			case "email":
				merged.Apply.Email = row.Apply.Email
			case "deadline":
				merged.Apply.Deadline = row.Apply.Deadline
			}
		}
	}
	if pay != nil {
		comp := map[string]profile.Pay{}
		for k, v := range base.Compensation {
			if r, err := cat.Role(k); err == nil && r.ID == roleID {
				continue // the row's pay replaces it, under whichever name
			}
			comp[k] = v
		}
		comp[roleID] = row.Compensation[roleID]
		merged.Compensation = comp
	}
	return &merged, nil
}

// columnMessage rewords a company.yaml message about a row's value to
// name the CSV column: "work_model: unknown value" becomes "column
// company.work_model: unknown value".
func columnMessage(msg, role string) string {
	prefixes := map[string]string{"compensation." + role: "company.pay_min, pay_max, currency, period"}
	for _, k := range companyKeys() {
		prefixes[k] = "company." + k
	}
	for col, key := range applyColumns {
		prefixes["apply."+key] = "company." + col
	}
	best := ""
	for p := range prefixes {
		if len(p) > len(best) && strings.HasPrefix(msg, p) && len(msg) > len(p) && strings.ContainsRune(":[ ", rune(msg[len(p)])) {
			best = p
		}
	}
	if best == "" {
		return msg
	}
	rest := strings.TrimLeft(msg[len(best):], ": ")
	if strings.HasPrefix(msg[len(best):], "[") {
		rest = msg[len(best):] // locations[1]: the item's place
		return "column " + prefixes[best] + rest
	}
	what := "column "
	if best == "compensation."+role {
		what = "columns "
	}
	return what + prefixes[best] + ": " + rest
}

// payOf finds the company's pay for a role, by id or alias.
func payOf(c *profile.Company, cat *catalog.Catalog, role string) (profile.Pay, bool) {
	r, err := cat.Role(role)
	if err != nil {
		return profile.Pay{}, false
	}
	for k, p := range c.Compensation {
		if kr, err := cat.Role(k); err == nil && kr.ID == r.ID {
			return p, true
		}
	}
	return profile.Pay{}, false
}

// fillPay adds to a pay mapping the keys the row leaves out, from the
// company file's pay.
func fillPay(pay *yaml.Node, old profile.Pay, line int) {
	has := map[string]bool{}
	for i := 0; i+1 < len(pay.Content); i += 2 {
		has[pay.Content[i].Value] = true
	}
	for _, kv := range []struct {
		key, value string
		number     bool
	}{
		{"min", strconv.FormatFloat(old.Min, 'f', -1, 64), true}, {"max", strconv.FormatFloat(old.Max, 'f', -1, 64), true},
		{"currency", old.Currency, false}, {"period", old.Period, false},
		{"equity", old.Equity, false}, {"bonus", old.Bonus, false},
	} {
		if has[kv.key] || kv.value == "" || (kv.number && kv.value == "0") {
			continue
		}
		v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv.value, Line: line}
		if kv.number {
			v.Tag = "!!float"
		}
		pay.Content = append(pay.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv.key, Line: line}, v)
	}
}

// isNumber reports whether s is a plain decimal number, as a pay amount.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(s, "xXpPeEinfINFaA")
}

// splitList splits a list cell on semicolons, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, listSeparator) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// location reads "City, Region, Country", "City, Country" or "Country".
func location(s string, line int) *yaml.Node {
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	var keys []string
	switch len(parts) {
	case 0:
		// No part at all: profile says what a location needs.
	case 1:
		keys = []string{"country"}
	case 2:
		keys = []string{"city", "country"}
	default:
		// More than three parts: the city's own commas stay in the city.
		parts = []string{strings.Join(parts[:len(parts)-2], ", "), parts[len(parts)-2], parts[len(parts)-1]}
		keys = []string{"city", "region", "country"}
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Line: line}
	for i, k := range keys {
		m.Content = append(m.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: line},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: parts[i], Line: line})
	}
	return m
}
