package lint

import (
	"regexp"
	"strconv"
	"strings"
)

// Money patterns. A currency is a symbol or an ISO code; an amount is a
// number with optional thousands separators (",", ".", "'", spaces),
// decimals and a "k"/"m" multiplier, with the currency before or after.
const (
	reCurrency = `(?:US\$|CA\$|C\$|AU\$|A\$|NZ\$|[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|RON|BGN|JPY|INR)\b)`
	reNumber   = `(?:\d{1,3}(?:[,.'\x{00A0}\x{202F} ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`
	reMult     = `(?:\s?(?:k|m|mn|thousand|million)\b)?`
	reAmount   = `(?:` + reCurrency + `\s?)?` + reNumber + reMult + `(?:\s?` + reCurrency + `)?`
	rePeriod   = `(?:(?:per|/|a|an|each)\s*(?:year|yr|annum|hour|hr|month|mo|week|wk|day)\b|annually|yearly|hourly|monthly|weekly|daily|p\.\s?a\.)`
)

var (
	currencyRE = regexp.MustCompile(`(?i)` + reCurrency)
	// rangeRE matches "$120,000–$150,000", "€60k - €75k", "USD 120,000 to
	// 150,000", "between $100k and $120k".
	rangeRE = regexp.MustCompile(`(?i)(?:between\s+)?(` + reAmount + `)\s*(?:-|–|—|‒|−|~|to|and)\s*(` + reAmount + `)`)
	// amountRE finds single amounts.
	amountRE = regexp.MustCompile(`(?i)` + reAmount)
	// periodAfter matches a pay period right after an amount.
	periodAfter = regexp.MustCompile(`(?i)^\s*` + rePeriod)
	// openAfter and openBefore find open-ended pay: "$120k+", "$120,000
	// and up", "up to $150,000", "starting at $90,000".
	openAfter  = regexp.MustCompile(`(?i)(` + reAmount + `)(?:\+|\s*(?:and up|and upwards?|and above|or more|or higher)\b)`)
	openBefore = regexp.MustCompile(`(?i)\b(?:up to|starting (?:at|from)|starts at|from|min(?:imum)?(?: of)?|max(?:imum)?(?: of)?|at least|no less than|as much as|upwards of|over|more than|in excess of)\s+(` + reAmount + `)`)
	// payLabel starts a line that gives pay: "Salary: $150,000".
	payLabel = regexp.MustCompile(`(?i)^\s*(?:base\s+)?(?:salary|pay|compensation|wage|rate|pay range|salary range|base pay|base salary)\b[^:]{0,20}:`)
	// basePay and otherPay tell base pay from bonuses, budgets and stipends.
	basePay  = regexp.MustCompile(`(?i)\b(?:salary|salaries|base|wages?|pay|compensation|hourly rate|rate of pay|ote|earnings)\b`)
	otherPay = regexp.MustCompile(`(?i)\b(?:bonus(?:es)?|equity|commissions?|stipends?|budgets?|allowances?|relocation|signing|sign-on|reimburs\w*|match(?:ing)?|401\(?k\)?|learning|training|referral|per diem|grants?|options|rsus?)\b`)
	numberRE = regexp.MustCompile(`\d{1,3}(?:[,.'\x{00A0}\x{202F} ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`)
	multRE   = regexp.MustCompile(`(?i)\d\s?(k|m|mn|thousand|million)\b`)

	// benefitsHeading marks a section about benefits.
	benefitsHeading = regexp.MustCompile(`(?i)\b(?:benefits?|perks|what we offer|total rewards)\b`)
	// benefitTerms are concrete benefits and other compensation. Two
	// different ones describe the benefits ("medical, dental and a
	// 401(k)"); so does one under a benefits heading.
	benefitTerms = regexp.MustCompile(`(?i)\b(?:health(?:care)?(?: (?:insurance|care|cover(?:age)?|plans?|benefits))?,|health(?:care)? (?:insurance|care|cover(?:age)?|plans?|benefits)|healthcare|medical|dental|vision (?:insurance|cover(?:age)?|care|plans?)|life insurance|disability insurance|insurance|401\(?k\)?|pension|retirement|paid time off|pto|vacation|paid leave|annual leave|days (?:of|off)|holidays?|parental leave|maternity|paternity|sick (?:leave|days)|sabbaticals?|stock options?|equity|rsus?|bonus(?:es)?|commission|wellness|gym|learning budget|training budget|conference budget|home[ -]office budget|stipends?|commuter|meal vouchers?|lunch(?:es)?|childcare|relocation)\b`)

	// deadlineRE finds an application deadline phrase followed, within the
	// same line, by a date.
	deadlinePhrase = regexp.MustCompile(`(?i)\b(?:apply by|apply before|applications? (?:close|closes|are due|due|deadline|accepted (?:until|through)|will be accepted (?:until|through))|application (?:window|period) (?:closes|ends|is open until|open until)|deadline(?: to apply)?|closing date|posting (?:closes|expires|open until|is open until)|accepting applications (?:until|through))\b`)
	dateRE         = regexp.MustCompile(`(?i)\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4})\b`)

	// gendered titles, and binary gender markers such as "(m/f)" that the
	// EU directive's gender-neutral titles rule out; "(m/f/d)" and "(all
	// genders)" are neutral.
	genderedTitle = regexp.MustCompile(`(?i)\b(?:chairm[ae]n|chairwom[ae]n|salesm[ae]n|saleswom[ae]n|spokesm[ae]n|spokeswom[ae]n|forem[ae]n|craftsm[ae]n|businessm[ae]n|businesswom[ae]n|repairm[ae]n|handym[ae]n|middlem[ae]n|cameram[ae]n|workm[ae]n|deliverym[ae]n|headmaster|headmistress|waitress|stewardess|hostess|actress|manageress|m[ae]n|wom[ae]n|guys?|gals?|girls?|boys?|lad(?:y|ies)|gentlem[ae]n)\b`)
	binaryMarker  = regexp.MustCompile(`(?i)\(\s*[mfwh]\s*/\s*[mfwh]\s*\)`)
)

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

// findPay scans every unit for pay facts.
func findPay(units []*unit) payFacts {
	var f payFacts
	distinctBenefits := map[string]bool{}
	headed := false
	for _, u := range units {
		if (u.kind == kindHeading || u.kind == kindLabel) && benefitsHeading.MatchString(u.text) {
			headed = true
		}
		s := flatten(u.text)
		for _, m := range benefitTerms.FindAllString(s, -1) {
			distinctBenefits[strings.ToLower(m)] = true
		}
		if loc := deadlinePhrase.FindStringIndex(s); loc != nil {
			rest := s[loc[1]:]
			if nl := strings.IndexByte(u.text[loc[1]:], '\n'); nl >= 0 {
				rest = rest[:nl]
			}
			if dateRE.MatchString(rest) {
				f.deadline = true
			}
		}
		// Ranges first; single figures inside a range are not looked at again.
		var taken [][2]int
		for _, loc := range rangeRE.FindAllStringSubmatchIndex(s, -1) {
			a, b := s[loc[2]:loc[3]], s[loc[4]:loc[5]]
			whole := s[loc[0]:loc[1]]
			hasCur := currencyRE.MatchString(whole)
			if !hasCur && !periodAfter.MatchString(s[loc[1]:]) {
				continue // "5–10 years", "2023-2024"
			}
			lo, hi := amountValue(a), amountValue(b)
			if !multRE.MatchString(a) && multRE.MatchString(b) && lo < 1000 {
				lo *= multiplier(b) // "$120–150k"
			}
			if lo <= 0 || hi < lo {
				continue
			}
			taken = append(taken, [2]int{loc[0], loc[1]})
			if !isBasePay(s, loc[0], loc[1]) {
				continue
			}
			f.ranges = append(f.ranges, moneyHit{strings.TrimSpace(whole), u.lineAt(loc[0]), lo, hi})
		}
		overlaps := func(a, b int) bool {
			for _, t := range taken {
				if a < t[1] && b > t[0] {
					return true
				}
			}
			return false
		}
		for _, re := range []*regexp.Regexp{openAfter, openBefore} {
			for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
				amt := s[loc[2]:loc[3]]
				if !currencyRE.MatchString(amt) || overlaps(loc[0], loc[1]) || !isBasePay(s, loc[0], loc[1]) {
					continue
				}
				taken = append(taken, [2]int{loc[0], loc[1]})
				v := amountValue(amt)
				f.openEnded = append(f.openEnded, moneyHit{strings.TrimSpace(s[loc[0]:loc[1]]), u.lineAt(loc[0]), v, v})
			}
		}
		// A single figure is a fixed pay when it has a period ("$95,000 per
		// year") or sits on a pay line ("Salary: $95,000").
		labelled := payLabel.MatchString(s)
		for _, loc := range amountRE.FindAllStringIndex(s, -1) {
			amt := s[loc[0]:loc[1]]
			if !currencyRE.MatchString(amt) || overlaps(loc[0], loc[1]) {
				continue
			}
			if !labelled && !periodAfter.MatchString(s[loc[1]:]) {
				continue
			}
			if !isBasePay(s, loc[0], loc[1]) {
				continue
			}
			v := amountValue(amt)
			if v > 0 {
				f.ranges = append(f.ranges, moneyHit{strings.TrimSpace(amt), u.lineAt(loc[0]), v, v})
			}
		}
	}
	f.benefits = len(distinctBenefits) >= 2 || (headed && len(distinctBenefits) >= 1)
	return f
}

// isBasePay reports whether the figure at s[a:b] is base pay: its
// sentence names base pay, or does not name another kind of pay (a bonus,
// a budget, a stipend).
func isBasePay(s string, a, b int) bool {
	start := strings.LastIndexAny(s[:a], ".;!?") + 1
	end := len(s)
	if i := strings.IndexAny(s[b:], ";!?"); i >= 0 {
		end = b + i
	}
	sent := s[start:end]
	if basePay.MatchString(sent) {
		return true
	}
	return !otherPay.MatchString(sent)
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
