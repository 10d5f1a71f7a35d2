package lint

import (
	"regexp"
	"strings"
)

// Context rules: findings that a careful reader would not count against
// the posting, judged from the sentence around them.

// personName finds a personal name: two or more capitalised words ("Paul
// Graham", "Pat Kua"), or a title and a name ("Dr. Lee").
var personName = regexp.MustCompile(`\b(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+\p{Lu}\p{L}+|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}\p{Ll}+)+)`)

// notNameWords are capitalised words that start or fill a phrase that is
// not a person's name: sentence openers, and the words of job titles and
// team names ("The Engineering Manager ... his").
var notNameWords = map[string]bool{
	"the": true, "a": true, "an": true, "we": true, "you": true, "our": true, "your": true, "in": true, "at": true,
	"this": true, "that": true, "if": true, "as": true, "for": true, "with": true, "join": true, "about": true,
	"he": true, "she": true, "his": true, "her": true, "they": true, "when": true, "while": true, "and": true,
	"engineer": true, "engineering": true, "manager": true, "lead": true, "director": true, "officer": true,
	"developer": true, "designer": true, "head": true, "vp": true, "president": true, "chief": true, "team": true,
	"product": true, "software": true, "senior": true, "staff": true, "principal": true, "hiring": true,
	"candidate": true, "applicant": true, "person": true, "successful": true, "ideal": true, "new": true,
	"technical": true, "tech": true, "cto": true, "ceo": true, "data": true, "platform": true, "sales": true,
}

// sentenceAround returns the sentence of flat that contains [a, b),
// bounded to 300 bytes either side.
func sentenceAround(flat string, a, b int) string {
	lo, hi := max(0, a-300), min(len(flat), b+300)
	start := lo
	for i := a - 1; i >= lo; i-- {
		if c := flat[i]; c == '.' || c == '!' || c == '?' {
			if i+1 < len(flat) && flat[i+1] == ' ' {
				start = i + 1
				break
			}
		}
	}
	end := hi
	for i := b; i < hi; i++ {
		if c := flat[i]; (c == '.' || c == '!' || c == '?') && (i+1 == len(flat) || flat[i+1] == ' ') {
			end = i + 1
			break
		}
	}
	return flat[start:end]
}

// namedPerson returns the personal name in the sentence, or "".
func namedPerson(sentence string) string {
	for _, m := range personName.FindAllString(sentence, -1) {
		ws := strings.Fields(m)
		name := true
		for _, w := range ws {
			if notNameWords[strings.ToLower(strings.Trim(w, "."))] {
				name = false
				break
			}
		}
		if name {
			return m
		}
	}
	return ""
}

// peopleWords are gendered words that name people in general; in a
// sentence about customers or users they describe the people served, not
// the person hired.
var peopleWords = regexp.MustCompile(`(?i)^(?:m[ae]n|wom[ae]n|males?|females?|mothers?|fathers?|moms?|mums?|dads?|boys?|girls?|husbands?|wi(?:fe|ves)|grandmothers?|grandfathers?|sisters?|brothers?)$`)

// servedContext marks a sentence about the people a product serves.
var servedContext = regexp.MustCompile(`(?i)\b(?:customers?|users?|clients?|patients?|members?|consumers?|shoppers?|families|kids|children|millions|billions|thousands|communit(?:y|ies)|audiences?|players?|riders?|athletes|students|parents|learners|readers|listeners|viewers|serv(?:e|es|ed|ing)|help(?:s|ed|ing)?|support(?:s|ed|ing)?|products? for|designed for|built for|care for|health)\b`)
