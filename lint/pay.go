package lint

import (
	"regexp"
	"strconv"
	"strings"
)

// Money patterns. A currency is a symbol or an ISO code, or both ("USD
// $135,200"); an amount is a number with optional thousands separators
// (",", ".", "'", spaces), decimals and a "k"/"m" multiplier, with the
// currency before or after.
const (
	reCurrency = `(?:(?:USD|CAD|AUD|NZD|SGD|HKD|MXN)\s?\$|US\$|CA\$|C\$|AU\$|A\$|NZ\$|S\$|R\$|MX\$|[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|NZD|SGD|HKD|SEK|NOK|DKK|PLN|CZK|HUF|RON|BGN|JPY|INR|BRL|MXN|ILS|ZAR)\b)`
	reNumber   = `(?:\d{1,3}(?:[,.'\x{00A0}\x{202F} ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`
	reMult     = `(?:` + reGap + `(?:k|m|mn|thousand|million)\b)?`
	// reGap is the space between an amount and its currency: French
	// writes a no-break space there ("95 000 €"), and \s is ASCII only.
	reGap    = `[\s\x{00A0}\x{202F}]?`
	reAmount = `(?:` + reCurrency + reGap + `)?` + reNumber + reMult + `(?:` + reGap + reCurrency + `)?`
	rePeriod = `(?:(?:per|/|a|an|each)\s*(?:year|yr|annum|hour|hr|month|mo|week|wk|day)\b|annually|yearly|hourly|monthly|weekly|daily|p\.\s?a\.|pa\b|(?:usd|eur|gbp|cad)?\s?(?:annual|base)?\s?(?:salary|base|ote))`
)

var (
	currencyRE = regexp.MustCompile(`(?i)` + reCurrency)
	// amountRE finds amounts; it is run through its literal prefixes
	// (digits and currency signs) so that long inputs stay linear.
	amountRE = newFastRE(`(?i)`+reAmount, 64)
	// periodAfter matches a pay period right after an amount.
	periodAfter = regexp.MustCompile(`(?i)^\s*(?:\(|,)?\s*` + rePeriod)
	// rangeGap is what stands between the two ends of a range.
	rangeGap = regexp.MustCompile(`(?i)^\s*(?:` + rePeriod + `)?\s*(?:-|–|—|‒|−|~|to|and|through|until)\s*$`)
	// openAfter and openBefore find open-ended pay: "$120k+", "$120,000
	// and up", "up to $150,000", "starting at $90,000".
	openAfterRE  = regexp.MustCompile(`(?i)^(?:\+|\s*(?:and up|and upwards?|and above|or more|or higher)\b)`)
	openBeforeRE = regexp.MustCompile(`(?i)\b(?:up to|starting (?:at|from)|starts at|from|min(?:imum)?(?: of)?|max(?:imum)?(?: of)?|at least|no less than|as much as|upwards of|over|more than|in excess of)\s*~?\s*$`)
	// payLabel starts a line that gives pay: "Salary: $150,000".
	payLabel = regexp.MustCompile(`(?i)^\s*(?:base\s+)?(?:salary|pay|compensation|wage|rate|pay range|salary range|base pay|base salary|hourly rate|hiring range|target range)\b[^:]{0,30}:`)
	// basePay and otherPay tell base pay from bonuses, budgets and stipends.
	basePay  = regexp.MustCompile(`(?i)\b(?:salary|salaries|base|wages?|pay|compensation|hourly rate|rate of pay|ote|earnings|pay range|hiring range|zone|range)\b`)
	otherPay = regexp.MustCompile(`(?i)\b(?:bonus(?:es)?|equity|commissions?|stipends?|budgets?|allowances?|relocation|signing|sign-on|reimburs\w*|match(?:ing)?|401\(?k\)?|learning|training|referral|per diem|grants?|options|rsus?|spend|professional development|development|education(?:al)?|tuition|wellness|well-being|wellbeing|gym|home[ -]office|equipment|coworking|co-working|internet|phone|meals?|lunch|commut\w*|transit|donations?|charit\w*|conferences?|books?|courses?|certifications?|reward|gift|credits?|insurance|life|pension|retirement|volume|market|revenue|funding|raised|valuation|arr|processing|processed|investors?|customers)\b`)
	numberRE = regexp.MustCompile(`\d{1,3}(?:[,.'\x{00A0}\x{202F} ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`)
	multRE   = regexp.MustCompile(`(?i)\d` + reGap + `(k|m|mn|thousand|million)\b`)

	// benefitsHeading marks a section about benefits.
	benefitsHeading = regexp.MustCompile(`(?i)\b(?:benefits?|perks|what we offer|total rewards|we offer)\b`)
	// benefitTerms are concrete benefits and other compensation. Two
	// different ones describe the benefits ("medical, dental and a
	// 401(k)"); so does one under a benefits heading. Leave of any kind
	// counts ("parental leave", "a generous leave policy").
	benefitTerms = newFastRE(`(?i)\b(?:health(?:care)?(?: (?:insurance|care|cover(?:age)?|plans?|benefits))?,|health(?:care)? (?:insurance|care|cover(?:age)?|plans?|benefits|savings accounts?)|healthcare|medical|dental|vision|life insurance|disability|insurance|401\(?k\)?|403\(?b\)?|pension|superannuation|rrsp|retirement|paid time off|time off|pto|vacation|(?:paid|annual|parental|family|medical|sick|bereavement|caregiv(?:er|ers|ing)|maternity|paternity|adoption|personal|volunteer|pregnancy|gender[ -]affirming|military|jury) leave|leave (?:policy|policies|of absence)|days (?:of|off)|holidays?|maternity|paternity|sick (?:leave|days)|sabbaticals?|stock options?|stock|espp|equity|rsus?|bonus(?:es)?|commission|profit[ -]sharing|wellness|well-being|wellbeing|mental health|employee assistance|eap|gym|fertility|family[ -]planning|ivf|egg freezing|surrogacy|childcare|child care|dependent care|fsa|hsa|learning (?:and development )?budget|training budget|conference budget|education(?:al)? (?:budget|stipend|assistance|reimbursement)|tuition|home[ -]office (?:budget|stipend)|stipends?|commuter|meal vouchers?|meals|lunch(?:es)?|relocation)\b`, 128)

	// deadlineRE finds an application deadline phrase followed, within the
	// same line, by a date.
	deadlinePhrase = newFastRE(`(?i)\b(?:apply by|apply before|applications? (?:close|closes|are due|due|deadline|accepted (?:until|through)|will be accepted (?:until|through))|application (?:window|period) (?:closes|ends|is open until|open until)|deadline(?: to apply)?|closing date|posting (?:closes|expires|open until|is open until)|accepting applications (?:until|through)|open until|this posting will close)\b`, 128)
	// ongoingPhrase finds a statement that applications are taken on an
	// ongoing basis, which Colorado's POST Rule 11.1.3(A) accepts in place
	// of a deadline date.
	ongoingPhrase = newFastRE(`(?i)\b(?:applications?|candidates?|resumes?)\b[^.\n]{0,40}\b(?:accepted|reviewed|considered|taken)\s+on\s+an?\s+(?:ongoing|rolling|continuous)\s+basis\b|\b(?:accepting|accept|review|reviewing|consider|considering)\s+applications\s+on\s+an?\s+(?:ongoing|rolling|continuous)\s+basis\b`, 128)
	dateRE        = regexp.MustCompile(`(?i)\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4})\b`)

	// gendered titles, and binary gender markers such as "(m/f)" that the
	// EU directive's gender-neutral titles rule out; "(m/f/d)" and "(all
	// genders)" are neutral.
	genderedTitle = regexp.MustCompile(`(?i)\b(?:chairm[ae]n|chairwom[ae]n|salesm[ae]n|saleswom[ae]n|spokesm[ae]n|spokeswom[ae]n|forem[ae]n|craftsm[ae]n|businessm[ae]n|businesswom[ae]n|repairm[ae]n|handym[ae]n|middlem[ae]n|cameram[ae]n|workm[ae]n|deliverym[ae]n|headmaster|headmistress|waitress|stewardess|hostess|actress|manageress|m[ae]n|wom[ae]n|guys?|gals?|girls?|boys?|lad(?:y|ies)|gentlem[ae]n)\b`)
	binaryMarker  = regexp.MustCompile(`(?i)\(\s*[mfwh]\s*/\s*[mfwh]\s*\)`)
)

// payWords are the expressions that read pay, benefits and deadlines in
// one language. payEN holds the English ones above; payFR adds French
// forms to each ("de 80 000 à 95 000 € bruts par an", "80-95 k€",
// "Rémunération :", "à partir de 50 k€", "mutuelle", "date limite de
// candidature"), since French postings use English pay forms too. The
// amounts themselves ("80 000 €", "95 k€", "45,5 k€") are read by the same
// expression in both languages: its separators include spaces and its
// currency may follow the number.
type payWords struct {
	periodAfter, rangeGap, openAfter, openBefore, label, base, other *regexp.Regexp
	// pairWord is the word that makes a range only after pairStart:
	// "between ... and", "entre ... et".
	pairWord, pairStart          *regexp.Regexp
	benefitsHeading, date        *regexp.Regexp
	benefitTerms, deadlinePhrase *fastRE
	ongoingPhrase                *fastRE
}

var payEN = &payWords{
	periodAfter: periodAfter, rangeGap: rangeGap, openAfter: openAfterRE, openBefore: openBeforeRE,
	label: payLabel, base: basePay, other: otherPay,
	pairWord: regexp.MustCompile(`(?i)^\s*and\s*$`), pairStart: regexp.MustCompile(`(?i)between`),
	benefitsHeading: benefitsHeading, date: dateRE,
	benefitTerms: benefitTerms, deadlinePhrase: deadlinePhrase, ongoingPhrase: ongoingPhrase,
}

// French additions to the English expressions. rePeriodFR follows an
// amount: "bruts par an", "/an", "brut annuel", "par mois", "de l'heure".
const (
	rePeriodFR   = `(?:bruts?|nets?)?\s*(?:(?:par|/|⁄)\s*(?:an|année|mois|heure|h|jour|semaine)\b|de l['’]heure|annuels?|annuelle|mensuels?|bruts?\b(?:\s+annuels?)?)`
	rePeriodBoth = `(?:` + rePeriod + `|` + rePeriodFR + `)`
)

var payFR = &payWords{
	periodAfter:     regexp.MustCompile(`(?i)^\s*(?:\(|,)?\s*` + rePeriodBoth),
	rangeGap:        regexp.MustCompile(`(?i)^\s*(?:` + rePeriodBoth + `)?\s*(?:-|–|—|‒|−|~|to|and|through|until|à|a|au|et|jusqu['’]à)\s*$`),
	openAfter:       regexp.MustCompile(`(?i)^(?:\+|\s*(?:and up|and upwards?|and above|or more|or higher|et plus|ou plus|et au-delà|minimum|au minimum|au moins)(?:[^\pL\pN]|$))`),
	openBefore:      regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(?:up to|starting (?:at|from)|starts at|from|min(?:imum)?(?: of)?|max(?:imum)?(?: of)?|at least|no less than|as much as|upwards of|over|more than|in excess of|à partir de|jusqu['’]à|dès|au moins|plus de|au-delà de|supérieure? à|minimum de|maximum de)\s*~?\s*$`),
	label:           regexp.MustCompile(`(?i)^\s*(?:(?:base\s+)?(?:salary|pay|compensation|wage|rate|pay range|salary range|base pay|base salary|hourly rate|hiring range|target range)\b|(?:salaire|rémunération|remuneration|package|fourchette|fixe|prétentions)(?:[^\pL\pN]|$))[^:]{0,30}:`),
	base:            regexp.MustCompile(`(?i)\b(?:salary|salaries|base|wages?|pay|compensation|hourly rate|rate of pay|ote|earnings|pay range|hiring range|zone|range|salaires?|rémunérations?|fixe|bruts?|package|fourchette|annuels?)\b`),
	other:           regexp.MustCompile(`(?i)\b(?:bonus(?:es)?|equity|commissions?|stipends?|budgets?|allowances?|relocation|signing|sign-on|reimburs\w*|match(?:ing)?|401\(?k\)?|learning|training|referral|per diem|grants?|options|rsus?|spend|professional development|development|education(?:al)?|tuition|wellness|well-being|wellbeing|gym|home[ -]office|equipment|coworking|co-working|internet|phone|meals?|lunch|commut\w*|transit|donations?|charit\w*|conferences?|books?|courses?|certifications?|reward|gift|credits?|insurance|life|pension|retirement|volume|market|revenue|funding|raised|valuation|arr|processing|processed|investors?|customers|primes?|variables?|intéressement|participation|tickets?|titres?|mutuelle|levées?|levé|chiffre|clients|utilisateurs|formation|bspce|actions|remboursements?|indemnités?|forfait|transports?|équipements?)\b`),
	pairWord:        regexp.MustCompile(`(?i)^\s*(?:and|et)\s*$`),
	pairStart:       regexp.MustCompile(`(?i)between|entre`),
	benefitsHeading: regexp.MustCompile(`(?i)\b(?:benefits?|perks|what we offer|total rewards|we offer|avantages|ce que nous (?:offrons|proposons)|nous (?:offrons|proposons))\b`),
	date:            regexp.MustCompile(`(?i)\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4}|\d{1,2}(?:er)? (?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre) \d{4})\b`),
	benefitTerms:    newFastRE(benefitTerms.re.String()[:len(benefitTerms.re.String())-len(`)\b`)]+`|mutuelle|prévoyance|tickets? restaurants?|titres?[ -]restaurants?|cartes? (?:déjeuner|restaurant|swile)|rtt|intéressement|participation|bspce|stock[ -]options|congés(?: payés)?|jours de congés|primes?|13e mois|forfait mobilités durables|remboursement (?:du |des )?transports?|comité d['’]entreprise|cse)\b`, 128),
	deadlinePhrase:  newFastRE(deadlinePhrase.re.String()[:len(deadlinePhrase.re.String())-len(`)\b`)]+`|date limite(?: de (?:candidature|dépôt))?|candidatures? (?:jusqu['’]au|avant le|ouvertes jusqu['’]au)|postulez avant le|postuler avant le|clôture des candidatures)\b`, 128),
	ongoingPhrase:   ongoingPhrase,
}

// moneyHit is a pay figure found in the text.
type moneyHit struct {
	text     string
	line     int
	min, max float64
}

// payFacts is what the posting says about pay.
type payFacts struct {
	ranges    []moneyHit // base-pay ranges and fixed figures
	openEnded []moneyHit // open-ended base pay
	benefits  bool
	deadline  bool
}

// amount is one money figure in a text.
type amount struct {
	start, end int
	text       string
	currency   bool
}

// amountsIn returns the amounts of s in order.
func amountsIn(s string) []amount {
	var out []amount
	for _, loc := range amountRE.FindAllIndex(s, "") {
		a := s[loc[0]:loc[1]]
		out = append(out, amount{loc[0], loc[1], a, currencyRE.MatchString(a)})
	}
	return out
}

// findPay scans every unit, and every table row, for pay facts.
func findPay(units []*unit) payFacts {
	return findPayIn(units, nil)
}

func findPayIn(units []*unit, rows []textLine) payFacts {
	return payEN.findPay(units, rows)
}

// findPay is findPayIn with the words of one language.
func (w *payWords) findPay(units []*unit, rows []textLine) payFacts {
	var f payFacts
	distinctBenefits := map[string]bool{}
	headed := false
	for _, u := range units {
		if (u.kind == kindHeading || u.kind == kindLabel) && w.benefitsHeading.MatchString(u.text) {
			headed = true
		}
		s, lower, starts := u.forms()
		for _, loc := range w.benefitTerms.findAll(s, lower, starts) {
			distinctBenefits[lower[loc[0]:loc[1]]] = true
		}
		if len(w.ongoingPhrase.findAll(s, lower, starts)) > 0 {
			f.deadline = true
		}
		for _, loc := range w.deadlinePhrase.findAll(s, lower, starts) {
			rest := u.text[loc[1]:]
			if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
				rest = rest[:nl]
			}
			if w.date.MatchString(rest[:min(len(rest), 80)]) {
				f.deadline = true
			}
		}
		if !strings.ContainsAny(s, "0123456789") {
			continue
		}
		w.scanMoney(&f, s, u.lineAt, false)
	}
	for _, r := range rows {
		if strings.ContainsAny(r.text, "0123456789") && len(f.ranges) == 0 {
			line := r.line
			w.scanMoney(&f, r.text, func(int) int { return line }, true)
		}
	}
	f.benefits = len(distinctBenefits) >= 2 || (headed && len(distinctBenefits) >= 1)
	return f
}

// scanMoney adds the ranges, fixed figures and open-ended figures of s.
// In a table row (row), two amounts in neighbouring cells ("$100,000 |
// $120,000") are a range too.
func (w *payWords) scanMoney(f *payFacts, s string, lineAt func(int) int, row bool) {
	labelled := w.label.MatchString(s)
	amts := amountsIn(s)
	used := make([]bool, len(amts))
	// Ranges: two amounts with a range word or dash between them.
	for i := 0; i+1 < len(amts); i++ {
		a, b := amts[i], amts[i+1]
		gap := s[a.end:b.start]
		isRange := w.rangeGap.MatchString(gap)
		if isRange && w.pairWord.MatchString(gap) {
			// "between $100K and $120K", "entre 80 et 95 k€": "and" alone
			// joins two figures that need not be a range.
			isRange = w.pairStart.MatchString(s[max(0, a.start-12):a.start])
		}
		if !isRange && row && strings.TrimSpace(gap) == ":" && a.currency && b.currency {
			isRange = true
		}
		if !isRange && strings.TrimSpace(gap) == "" && a.currency && (b.currency || strings.HasSuffix(a.text, "$")) &&
			strings.Contains(strings.ToLower(s[max(0, a.start-60):a.start]), "range") {
			isRange = true // "base range for this position is $184,050 $262,928"
		}
		if !isRange {
			continue
		}
		if !a.currency && !b.currency && !w.periodAfter.MatchString(s[b.end:min(len(s), b.end+40)]) {
			continue // "5–10 years", "2023-2024"
		}
		lo, hi := amountValue(a.text), amountValue(b.text)
		if !multRE.MatchString(a.text) && multRE.MatchString(b.text) && lo < 1000 {
			lo *= multiplier(b.text) // "$120–150k"
		}
		if lo <= 0 || hi < lo {
			continue
		}
		used[i], used[i+1] = true, true
		i++
		if !w.isBasePay(s, a.start, b.end) {
			continue
		}
		f.ranges = append(f.ranges, moneyHit{strings.TrimSpace(s[a.start:b.end]), lineAt(a.start), lo, hi})
	}
	for i, a := range amts {
		if used[i] || !a.currency {
			continue
		}
		v := amountValue(a.text)
		if v <= 0 {
			continue
		}
		open := w.openAfter.MatchString(s[a.end:min(len(s), a.end+20)]) || w.openBefore.MatchString(s[max(0, a.start-24):a.start])
		if open {
			if w.isBasePay(s, a.start, a.end) {
				from := a.start
				if m := w.openBefore.FindStringIndex(s[max(0, a.start-24):a.start]); m != nil {
					from = max(0, a.start-24) + m[0]
				}
				to := a.end
				if m := w.openAfter.FindStringIndex(s[a.end:min(len(s), a.end+20)]); m != nil {
					to = a.end + m[1]
				}
				f.openEnded = append(f.openEnded, moneyHit{strings.TrimSpace(s[from:to]), lineAt(a.start), v, v})
			}
			continue
		}
		// A single figure is a fixed pay when it has a period ("$95,000 per
		// year") or sits on a pay line ("Salary: $95,000").
		if !labelled && !w.periodAfter.MatchString(s[a.end:min(len(s), a.end+40)]) {
			continue
		}
		if w.isBasePay(s, a.start, a.end) {
			f.ranges = append(f.ranges, moneyHit{strings.TrimSpace(a.text), lineAt(a.start), v, v})
		}
	}
}

// addedPay between a figure and a later kind of pay says that pay comes on
// top of the figure.
var addedPay = regexp.MustCompile(`(?i)\+|\bplus\b|\bas well as\b|\bin addition\b|\band\b|\bwith\b`)

// payContext bounds how far from a figure isBasePay looks, in bytes.
const payContext = 120

// isBasePay reports whether the figure at s[a:b] is base pay. Within its
// sentence (and at most payContext bytes either side), the nearest word
// that names a kind of pay decides: base pay ("salary", "base", "pay
// range") or another kind ("bonus", "stipend", "to spend on professional
// development", "learning budget"). A figure near neither is base pay.
func (w *payWords) isBasePay(s string, a, b int) bool {
	lo, hi := max(0, a-payContext), min(len(s), b+payContext)
	start := lo + strings.LastIndexAny(s[lo:a], ";!?•") + 1
	if i := lastSentenceEnd(s[start:a]); i >= 0 {
		start += i
	}
	end := hi
	if i := strings.IndexAny(s[b:hi], ";!?•"); i >= 0 {
		end = b + i
	}
	if i := sentenceEnd(s[b:end]); i >= 0 {
		end = b + i
	}
	dist := func(re *regexp.Regexp, other bool) int {
		best := -1
		for _, m := range re.FindAllStringIndex(s[start:end], -1) {
			ms, me := start+m[0], start+m[1]
			if ms >= a && me <= b {
				continue
			}
			if other && ms >= b && addedPay.MatchString(s[b:ms]) {
				continue // "$196,000 to $220,500 + equity": the equity is on top
			}
			d := ms - b
			if me <= a {
				d = a - me
			}
			if best < 0 || d < best {
				best = d
			}
		}
		return best
	}
	base, other := dist(w.base, false), dist(w.other, true)
	switch {
	case other < 0:
		return true
	case base < 0:
		return false
	}
	return base <= other
}

// sentenceEnd returns the offset just after the first ". " in s, or -1;
// lastSentenceEnd the offset after the last one. A dot inside a number
// ("$120.5k") does not end a sentence.
func sentenceEnd(s string) int {
	if i := strings.Index(s, ". "); i >= 0 {
		return i + 1
	}
	return -1
}

func lastSentenceEnd(s string) int {
	if i := strings.LastIndex(s, ". "); i >= 0 {
		return i + 2
	}
	return -1
}

// amountValue parses an amount such as "$120,000", "€60k", "120.000 €".
func amountValue(a string) float64 {
	n := numberRE.FindString(a)
	if n == "" {
		return 0
	}
	intPart, frac := n, ""
	// A final separator followed by one or two digits is a decimal mark.
	if i := strings.LastIndexAny(n, ".,"); i >= 0 && len(n)-i-1 <= 2 {
		intPart, frac = n[:i], n[i+1:]
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, intPart)
	v, err := strconv.ParseFloat(digits+"."+frac+"0", 64)
	if err != nil {
		return 0
	}
	return v * multiplier(a)
}

func multiplier(a string) float64 {
	m := multRE.FindStringSubmatch(a)
	if m == nil {
		return 1
	}
	switch strings.ToLower(m[1]) {
	case "k", "thousand":
		return 1e3
	}
	return 1e6
}

// titleProblem returns the gendered part of a title, or "".
func titleProblem(title string) string {
	if m := binaryMarker.FindString(title); m != "" {
		return m
	}
	return genderedTitle.FindString(title)
}
