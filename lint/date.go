package lint

import (
	"regexp"
	"strings"
	"time"
)

// The posting's own date: a "Posted 2026-11-23" line (as Rungs writes
// it), "Date posted: March 3, 2026", or a JSON-LD "datePosted". When no
// date is given (Options.Date), it is the publication date, so `rungs jd`
// and `rungs lint` agree on the same file.
var (
	postedRE    = regexp.MustCompile(`(?i)(?:\b(?:date posted|posted on|posted|published on|published|posting date|date of posting)\b\s*:?\s*|"dateposted"\s*:\s*")((?:\d{4}-\d{2}-\d{2})|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4})`)
	dateLayouts = []string{time.DateOnly, "January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006"}
)

// postingDate returns the first date the posting gives for itself, or the
// zero time. It reads at most the first 64 KiB (the date is at the top, or
// in the JSON-LD of a page).
func postingDate(md []byte) time.Time {
	src := md
	if len(src) > 64<<10 {
		src = src[:64<<10]
	}
	// The expression runs only where one of its words starts.
	lower := lowerASCII(string(src))
	var found [][]byte
	for _, w := range []string{"posted", "published", "posting date", "date of posting"} {
		for off := 0; len(found) < 4; {
			i := strings.Index(lower[off:], w)
			if i < 0 {
				break
			}
			start := off + i
			if start >= 5 && (lower[start-5:start] == "\"date" || lower[start-5:start] == "date ") {
				start -= 5 // "datePosted" in JSON-LD, "Date posted"
			}
			if m := postedRE.FindSubmatch(src[start:min(len(src), start+80)]); m != nil {
				found = append(found, m[1])
			}
			off = off + i + len(w)
		}
	}
	for _, d := range found {
		s := strings.ReplaceAll(string(d), ".", "")
		s = strings.Replace(s, "Sept ", "Sep ", 1)
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, titleMonth(s)); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// titleMonth capitalises a month name so time.Parse accepts it.
func titleMonth(s string) string {
	b := []byte(strings.ToLower(s))
	for i := range b {
		if b[i] >= 'a' && b[i] <= 'z' && (i == 0 || b[i-1] == ' ') {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}
