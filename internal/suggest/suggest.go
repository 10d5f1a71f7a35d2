// Package suggest finds the valid value nearest to a mistyped one, so error
// messages can say "did you mean series-a?".
package suggest

import "strings"

// Nearest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a plausible typo. A candidate that starts with
// s, or that s starts with, counts as close.
func Nearest(s string, candidates []string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := Distance(s, lc)
		if strings.HasPrefix(lc, s) || strings.HasPrefix(s, lc) {
			d = min(d, 1)
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow roughly one edit per three characters, at least two.
	limit := max(2, len(s)/3)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// Distance is the Levenshtein distance between a and b, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Hint formats the tail of an error message: "; did you mean X? valid: a, b".
func Hint(s string, valid []string) string {
	var b strings.Builder
	if n := Nearest(s, valid); n != "" {
		b.WriteString("; did you mean ")
		b.WriteString(n)
		b.WriteString("?")
	}
	if len(valid) > 0 {
		b.WriteString(" valid: ")
		b.WriteString(strings.Join(valid, ", "))
	}
	return b.String()
}
