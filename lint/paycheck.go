package lint

// CheckPay runs only the pay-transparency rules of Check: the places the
// posting names, the laws that apply there on its date, and whether it
// gives what they require. Its findings are exactly the pay rules'
// findings Check makes for the same posting (the jurisdiction ones and
// no-location, no-pay-law, with the same places, jurisdictions and date);
// the wording, shape and readability checks, most of Check's cost, are
// skipped, and Excluded is left empty. It is for callers that check many postings
// against the law and do not show the rest, such as rungs batch without
// --lint.
func CheckPay(name string, md []byte, opts Options) Report {
	d := get()
	md, _ = limitNesting(md)
	doc := parse(md)
	r := Report{File: name, Findings: []Finding{}, LongestSentences: []Sentence{}, Jurisdictions: []string{}, Places: []Place{}, NotChecked: []string{}}
	r.Date = opts.Date
	switch {
	case !opts.Date.IsZero():
		r.DateSource = "option"
	case !opts.IgnorePostingDate:
		if d := postingDate(md); !d.IsZero() {
			r.Date, r.DateSource = d, "posting"
		}
	}
	// The legal paragraphs matter to the wording checks only: Excluded
	// stays empty.
	r.Excluded = []Excluded{}
	r.Language = postingLanguage(opts.Lang, doc.units)
	doc.lang = r.Language.Code
	checkPay(&r, d, doc, opts, func(f Finding) { r.Findings = append(r.Findings, f) })
	sortFindings(r.Findings)
	return r
}

// payFacts returns what the posting says about pay, found on first use:
// a posting in no place with a pay law needs none of it.
func (doc *document) payFacts() payFacts {
	if !doc.payFound {
		var rows []textLine
		for _, l := range doc.lines {
			if l.row {
				rows = append(rows, l)
			}
		}
		w := payEN
		if doc.lang == LangFrench {
			w = payFR
		}
		doc.pay, doc.payFound = w.findPay(doc.units, rows), true
	}
	return doc.pay
}
