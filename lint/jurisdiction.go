package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/rungs/rungs/internal/suggest"
)

// normPlace lowercases a place name and reduces it to letters, digits and
// single spaces: "U.S." is "us", "Cluj-Napoca" is "cluj napoca".
func normPlace(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, ".", ""))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// locationLine matches a line that gives the job's location:
// "Location: Berlin", "Office – Denver, CO", "Based in Seattle".
var locationLine = regexp.MustCompile(`(?i)^\s*(?:(?:job|work|office|primary)\s+)?(?:location|locations|offices?|workplace|place of work|where|city)\s*(?:\(s\))?\s*(?::|：|—|–|-|\|)\s*(.+)$|^\s*based in\s+(.+)$`)

// placeSeparators split a location into places: "Berlin / Remote (EU)",
// "New York, NY or San Francisco, CA".
var placeSeparators = regexp.MustCompile(`(?i)\s*(?:;|\||/|·|•|&|\+|\bor\b|\band\b)\s*`)

// remoteWords mark a place as remote; a remote place that names nothing
// else ("Remote", "Anywhere") could be filled from any jurisdiction.
var remoteWords = []string{"remote", "anywhere", "worldwide", "global", "globally", "distributed", "wfh", "work from home", "home based", "fully remote"}

// qualifierWords say how or where within a place the job is done; they are
// removed before matching place names.
var qualifierPhrases = []string{"work from home", "from home", "home based", "on site", "in office", "in person", "time zones", "time zone", "timezones", "timezone"}
var qualifierWords = map[string]bool{
	"remote": true, "hybrid": true, "onsite": true, "office": true, "offices": true, "based": true,
	"only": true, "area": true, "metro": true, "greater": true, "hq": true, "headquarters": true,
	"in": true, "from": true, "within": true, "anywhere": true, "worldwide": true, "global": true,
	"globally": true, "distributed": true, "fully": true, "flexible": true, "wfh": true, "first": true,
	"friendly": true, "hub": true, "campus": true, "downtown": true, "any": true, "across": true,
	"partially": true, "mostly": true, "role": true, "position": true, "candidates": true, "residents": true,
}

// detection records why a jurisdiction applies.
type detection struct {
	id   string
	line int
	text string
}

// detectJurisdictions finds the jurisdictions named by the posting's
// location lines, in data order.
func detectJurisdictions(d *data, lines []textLine) []detection {
	found := map[string]detection{}
	for _, l := range lines {
		m := locationLine.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		value := m[1] + m[2]
		for _, id := range placeJurisdictions(d, value) {
			if _, ok := found[id]; !ok {
				found[id] = detection{id, l.line, strings.TrimSpace(l.text)}
			}
		}
	}
	var out []detection
	for _, j := range d.jurisdictions {
		if det, ok := found[j.ID]; ok {
			out = append(out, det)
		}
	}
	return out
}

// DetectJurisdictions returns the ids of the pay-transparency
// jurisdictions a job location falls in ("New York, NY" gives nyc;
// "Remote (US)" every US jurisdiction; "Remote" alone every jurisdiction).
func DetectJurisdictions(location string) []string {
	var ids []string
	d := get()
	set := placeJurisdictions(d, location)
	for _, j := range d.jurisdictions {
		if slices.Contains(set, j.ID) {
			ids = append(ids, j.ID)
		}
	}
	return ids
}

// placeJurisdictions returns the jurisdictions of one location value.
func placeJurisdictions(d *data, value string) []string {
	var ids []string
	add := func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, seg := range splitTop(value) {
		main, inner := cutParens(seg)
		remote := isRemote(main)
		mainParts := cleanParts(main)
		var innerPlaces [][]string
		for _, in := range inner {
			remote = remote || isRemote(in)
			for _, p := range splitTop(in) {
				if parts := cleanParts(p); len(parts) > 0 {
					innerPlaces = append(innerPlaces, parts)
				}
			}
		}
		places := innerPlaces
		if len(mainParts) > 0 {
			places = append([][]string{mainParts}, innerPlaces...)
		}
		if len(places) == 0 {
			if remote {
				for _, j := range d.jurisdictions {
					add(j.ID)
				}
			}
			continue
		}
		for _, parts := range places {
			for _, id := range matchPlace(d, parts) {
				add(id)
			}
		}
	}
	return ids
}

// splitTop splits at place separators outside parentheses, so
// "Remote (US or EU) / Berlin" is "Remote (US or EU)" and "Berlin".
func splitTop(s string) []string {
	masked := []byte(s)
	depth := 0
	for i, c := range masked {
		switch {
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case depth > 0:
			masked[i] = 'x' // hide separators inside parentheses
		}
	}
	var out []string
	start := 0
	for _, loc := range placeSeparators.FindAllIndex(masked, -1) {
		out = append(out, s[start:loc[0]])
		start = loc[1]
	}
	out = append(out, s[start:])
	var trimmed []string
	for _, p := range out {
		if p = strings.TrimSpace(p); p != "" {
			trimmed = append(trimmed, p)
		}
	}
	return trimmed
}

// cutParens returns s without its parenthesised parts, and those parts.
func cutParens(s string) (string, []string) {
	var main strings.Builder
	var inner []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			if depth == 0 {
				start = i + 1
			}
			depth++
			continue
		case ')', ']':
			if depth > 0 {
				depth--
				if depth == 0 {
					inner = append(inner, s[start:i])
				}
				continue
			}
		}
		if depth == 0 {
			main.WriteRune(r)
		}
	}
	return main.String(), inner
}

func isRemote(s string) bool {
	n := " " + normPlace(s) + " "
	for _, w := range remoteWords {
		if strings.Contains(n, " "+w+" ") {
			return true
		}
	}
	return false
}

// cleanParts splits a place at commas, normalises each part, drops
// qualifier words and postcodes, and returns the non-empty parts.
func cleanParts(place string) []string {
	var out []string
	for _, p := range strings.Split(place, ",") {
		n := " " + normPlace(p) + " "
		for _, q := range qualifierPhrases {
			n = strings.ReplaceAll(n, " "+q+" ", " ")
		}
		var kept []string
		for _, w := range strings.Fields(n) {
			if qualifierWords[w] || isPostcode(w) {
				continue
			}
			kept = append(kept, w)
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, " "))
		}
	}
	return out
}

func isPostcode(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// matchPlace returns the jurisdictions of one place given as cleaned
// comma parts: ["denver", "co"], ["remote us"] cleaned to ["us"], ...
func matchPlace(d *data, parts []string) []string {
	// A place made only of region names covers the whole region.
	regions := []string{}
	for _, p := range parts {
		r, ok := d.regions[p]
		if !ok {
			regions = nil
			break
		}
		regions = append(regions, r)
	}
	var ids []string
	if regions != nil {
		for _, j := range d.jurisdictions {
			if slices.Contains(regions, j.Region) {
				ids = append(ids, j.ID)
			}
		}
		// "EU" is also a state name of the eu jurisdiction; nothing else to do.
		return ids
	}
	candidates := [][]string{parts}
	if len(parts) == 1 {
		// "Seattle WA", "Denver Colorado": try the last one or two words
		// as the state.
		ws := strings.Fields(parts[0])
		for k := 1; k <= 2 && k < len(ws); k++ {
			candidates = append(candidates, []string{strings.Join(ws[:len(ws)-k], " "), strings.Join(ws[len(ws)-k:], " ")})
		}
	}
	for _, j := range d.jurisdictions {
		for _, c := range candidates {
			if placeIn(d, j, c) {
				ids = append(ids, j.ID)
				break
			}
		}
	}
	return ids
}

// placeIn reports whether the place parts put a job in jurisdiction j:
// a city of j followed only by j's states or region names ("Brooklyn,
// NY" for nyc, whose city_suffixes include "ny"), or any part after the
// first that is a state of j ("Boise, Idaho" no; "Spokane, Washington"
// yes), or a single part that is a state of j ("Colorado").
func placeIn(d *data, j Jurisdiction, parts []string) bool {
	if len(parts) == 1 {
		return slices.Contains(j.Cities, parts[0]) || slices.Contains(j.States, parts[0])
	}
	for _, p := range parts[1:] {
		if slices.Contains(j.States, p) {
			return true
		}
	}
	if !slices.Contains(j.Cities, parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if !slices.Contains(j.States, p) && !slices.Contains(j.CitySuffixes, p) && d.regions[p] != j.Region {
			return false
		}
	}
	return true
}

// ParseJurisdictions parses a --jurisdiction value: ids separated by
// commas or spaces, "us" for every US jurisdiction and "all" for all. It
// returns the ids in data order, or an error naming the unknown id with a
// suggestion and the valid values.
func ParseJurisdictions(list string) ([]string, error) {
	d := get()
	want := map[string]bool{}
	valid := append(JurisdictionIDs(), "all", "us")
	for _, f := range strings.FieldsFunc(strings.ToLower(list), func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		switch f {
		case "all":
			for _, j := range d.jurisdictions {
				want[j.ID] = true
			}
		case "us":
			for _, j := range d.jurisdictions {
				if j.Region == "us" {
					want[j.ID] = true
				}
			}
		default:
			if _, ok := JurisdictionByID(f); !ok {
				return nil, fmt.Errorf("unknown jurisdiction %q%s", f, suggest.Hint(f, valid))
			}
			want[f] = true
		}
	}
	var ids []string
	for _, j := range d.jurisdictions {
		if want[j.ID] {
			ids = append(ids, j.ID)
		}
	}
	return ids, nil
}
