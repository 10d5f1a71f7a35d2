package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
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
// "Location: Berlin", "Office – Denver, CO", "Based in Seattle", and in
// French "Lieu : Lyon", "Localisation : Paris", "Basé à Nantes".
var locationLine = regexp.MustCompile(`(?i)^\s*(?:(?:job|work|office|primary)\s+)?(?:location|locations|offices?|workplace|place of work|where|city|lieu(?: de travail)?|localisation|ville)\s*(?:\(s\))?\s*(?::|：|—|–|-|\|)\s*(.+)$|^\s*(?:based in|basée? à)\s+(.+)$`)

// placeSeparators split a location into places: "Berlin / Remote (EU)",
// "New York, NY or San Francisco, CA".
var placeSeparators = regexp.MustCompile(`(?i)\s*(?:;|\||/|·|•|&|\+|\bor\b|\band\b)\s*|\s+[-–—]\s+`)

// remoteWords mark a place as remote; a remote place that names nothing
// else ("Remote", "Anywhere") could be filled from any jurisdiction.
var remoteWords = []string{"remote", "anywhere", "worldwide", "global", "globally", "distributed", "wfh", "work from home", "home based", "fully remote"}

// qualifierWords say how or where within a place the job is done; they are
// removed before matching place names.
var qualifierPhrases = []string{"all states", "all locations", "work from home", "from home", "home based", "on site", "in office", "in person", "time zones", "time zone", "timezones", "timezone",
	// French: "Lyon, 2 jours de télétravail par semaine".
	"jours de télétravail par semaine", "jour de télétravail par semaine", "jours de télétravail", "jour de télétravail",
	"de télétravail", "télétravail partiel", "télétravail total", "télétravail possible", "par semaine", "sur site",
	"en présentiel", "temps plein", "full remote"}
var qualifierWords = map[string]bool{
	"remote": true, "hybrid": true, "onsite": true, "office": true, "offices": true, "based": true,
	"only": true, "area": true, "metro": true, "greater": true, "hq": true, "headquarters": true,
	"in": true, "from": true, "within": true, "anywhere": true, "worldwide": true, "global": true,
	"globally": true, "distributed": true, "fully": true, "flexible": true, "wfh": true, "first": true,
	"friendly": true, "hub": true, "campus": true, "downtown": true, "any": true, "across": true,
	"partially": true, "mostly": true, "role": true, "position": true, "candidates": true, "residents": true,
	"all": true, "locations": true, "location": true, "eligible": true,
	"hybrid remote": true, "onsite remote": true, "on": false, "site": true, "optional": true, "city": false,
	"preferred": true, "required": true, "the": true, "of": false, "us only": true, "time": false,
	"télétravail": true, "hybride": true, "présentiel": true, "cdi": true, "cdd": true,
}

// detection records why a jurisdiction applies.
type detection struct {
	id   string
	line int
	text string
}

// Place is a place the posting names, what Rungs recognised in it, and the
// pay-transparency jurisdictions it brings in (none for a known place
// without such a law, such as London).
type Place struct {
	// Text is the posting's words ("San Francisco, CA (Hybrid)").
	Text string `json:"text"`
	Line int    `json:"line"`
	// Names are what Rungs recognised: jurisdictions, known places or a
	// whole region ("California", "United Kingdom", "remote: us").
	Names []string `json:"names"`
	// How is where the place was found: label ("Location: ..."), header
	// (the title or the first lines), or phrase ("based in ...").
	How           string   `json:"how"`
	Jurisdictions []string `json:"jurisdictions"`
}

// headerLines is how many of the first text lines are read as a header:
// unlabelled places there count ("Discord · San Francisco, CA").
const headerLines = 10

// phraseLines bounds where prose phrases such as "based in" are read;
// "this role is based in" is read anywhere.
const phraseLines = 30

// headerSeparators split a header line into parts that may each be a
// place: "Discord · San Francisco, CA", "Chicago - remote first in US".
var headerSeparators = regexp.MustCompile(`\s+[-–—|]\s+|\s*[·•|]\s*|\s+[–—]|[–—]\s+`)

// placePhrase finds a place named in prose: "This role is based in New
// York City", "located in Austin, TX", "remote within the United States".
var placePhrase = regexp.MustCompile(`(?i)\b(?:(?:role|position|job|team|you)\s+(?:is|are|will be|would be|can be)\s+(?:based|located)\s+(?:in|out of)|based (?:in|out of)|located in|work (?:from|at|in) (?:our|the)(?: office in)?|office in|remote(?:ly)? (?:in|within|from|across)(?: anywhere in)?|hybrid (?:in|from)|on-?site in|in-office in|basée?s? à|située?s? à|bureaux (?:à|de))\s+(?:the\s+)?([^.;!?()\n]{1,80})`)

// basedSuffix finds "San Francisco, CA-based roles" and "a Berlin-based
// team": the words before "-based" may be a place.
var basedSuffix = regexp.MustCompile(`(\p{Lu}[\p{L} .]{1,30}(?:, \p{Lu}[\p{L}.]{1,20})?)-based\b`)

var roleBasedPhrase = regexp.MustCompile(`(?i)\b(?:role|position|job)\s+(?:is|will be)\s+(?:based|located)\b`)

// labelPlaceWords and namePlaceWords are the words of mayLabelPlace and
// mayNamePlace, lowercase.
var (
	labelPlaceWords = [][]byte{[]byte("location"), []byte("office"), []byte("workplace"), []byte("place"), []byte("where"), []byte("city"), []byte("based"),
		[]byte("lieu"), []byte("localisation"), []byte("ville"), []byte("bas\xc3\xa9")}
	namePlaceWords = [][]byte{[]byte("based"), []byte("located"), []byte("work "), []byte("office"), []byte("remote"), []byte("hybrid"), []byte("site in"), []byte("-based"),
		[]byte("bas\xc3\xa9"), []byte("situ\xc3\xa9"), []byte("bureaux")}
)

// mayLabelPlace and mayNamePlace are quick tests before the regular
// expressions locationLine and placePhrase: a line without one of their
// words cannot match.
func mayLabelPlace(s string) bool {
	return holdsLowerASCII(s[:min(len(s), 40)], labelPlaceWords)
}

func mayNamePlace(s string) bool {
	return holdsLowerASCII(s, namePlaceWords)
}

// holdsLowerASCII reports whether lowerASCII(s) contains one of words.
// It runs on every line of a posting, so the lowered copy of a line of
// usual length is made on the stack, not the heap.
func holdsLowerASCII(s string, words [][]byte) bool {
	var buf [512]byte
	var l []byte
	if len(s) <= len(buf) {
		l = buf[:len(s)]
	} else {
		l = make([]byte, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		l[i] = c
	}
	for _, w := range words {
		if bytes.Contains(l, w) {
			return true
		}
	}
	return false
}

// phraseWords are words without which placePhrase cannot match: each of
// its alternatives holds one (lowercase, in any ASCII case).
var phraseWords = [][]byte{[]byte("based"), []byte("located"), []byte("work from "), []byte("work at "),
	[]byte("work in "), []byte("office in"), []byte("remote"), []byte("hybrid "), []byte("site in"),
	[]byte("bas\xc3\xa9"), []byte("situ\xc3\xa9"), []byte("bureaux ")}

// placePhrases returns placePhrase's matches in s (at most 4), running the
// expression only on a line that holds one of phraseWords: most lines
// that may name a place ("work ", "office") hold no phrase, and the
// expression, tried at every word of the line, is the costly part. (?i)
// also matches s and k with ſ and the Kelvin sign, which the ASCII test
// does not see: a line with either is given to the expression as it is.
func placePhrases(s string) [][]string {
	if !strings.Contains(s, "ſ") && !strings.Contains(s, "\u212a") && !holdsLowerASCII(s, phraseWords) {
		return nil
	}
	return placePhrase.FindAllStringSubmatch(s, 4)
}

// placeFinder collects places and the jurisdictions they bring in.
type placeFinder struct {
	d      *data
	date   time.Time
	places []Place
	// bareRemote: a location line or header says "Remote" and names no
	// place.
	bareRemote     *Place
	found          map[string]detection
	namedSomething bool
}

// detectPlaces finds the places the posting names, in its location lines,
// its header and its first lines of prose, and the jurisdictions they
// bring in, in data order.
func detectPlaces(d *data, lines []textLine, date time.Time) ([]Place, []detection) {
	f := &placeFinder{d: d, date: date, found: map[string]detection{}}
	labelled := map[int]bool{}
	for i, l := range lines {
		if !mayLabelPlace(l.text) {
			continue
		}
		m := locationLine.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		labelled[i] = true
		f.add(l, m[1]+m[2], "label", false)
	}
	for i, l := range lines {
		if i >= headerLines {
			break
		}
		if labelled[i] || moreFields(l.text, 14) || strings.HasSuffix(l.text, ".") {
			continue
		}
		for _, part := range headerSeparators.Split(l.text, -1) {
			f.add(l, part, "header", true)
		}
	}
	for i, l := range lines {
		if labelled[i] || l.row || !mayNamePlace(l.text) || (i >= phraseLines && !roleBasedPhrase.MatchString(l.text)) {
			continue
		}
		for _, m := range placePhrases(l.text) {
			f.phrase(l, m[1])
		}
		if strings.Contains(l.text, "-based") {
			for _, m := range basedSuffix.FindAllStringSubmatch(l.text, 8) {
				f.suffix(l, m[1])
			}
		}
	}
	if f.bareRemote != nil && !f.namedSomething {
		// "Remote" and nothing else: the job may be done from anywhere,
		// so every law in force applies.
		p := *f.bareRemote
		for _, j := range d.jurisdictions {
			if f.inForce(j) {
				p.Jurisdictions = append(p.Jurisdictions, j.ID)
				f.note(j.ID, p)
			}
		}
		p.Names = []string{"remote, no place named"}
		f.places = append(f.places, p)
	}
	var out []detection
	for _, j := range d.jurisdictions {
		if det, ok := f.found[j.ID]; ok {
			out = append(out, det)
		}
	}
	return f.places, out
}

func (f *placeFinder) inForce(j Jurisdiction) bool {
	if f.date.IsZero() {
		return true
	}
	day, err := time.Parse(time.DateOnly, j.Effective)
	return err != nil || !f.date.Before(day)
}

func (f *placeFinder) note(id string, p Place) {
	if _, ok := f.found[id]; !ok {
		f.found[id] = detection{id, p.Line, p.Text}
	}
}

// add evaluates one location value; strict (for unlabelled text) accepts
// only values that are wholly a place.
func (f *placeFinder) add(l textLine, value string, how string, strict bool) bool {
	if strings.ContainsAny(value, "[]") {
		return false // a placeholder ("[City and country]") names no place yet
	}
	ids, names, remote := f.evaluate(value, strict)
	if len(names) == 0 {
		if remote && len(cleanParts(strings.NewReplacer("(", ",", ")", ",").Replace(value))) == 0 {
			if f.bareRemote == nil {
				f.bareRemote = &Place{Text: strings.TrimSpace(l.text), Line: l.line, How: how, Jurisdictions: []string{}}
			}
		}
		return false
	}
	f.namedSomething = true
	p := Place{Text: strings.TrimSpace(l.text), Line: l.line, Names: names, How: how, Jurisdictions: ids}
	for _, q := range f.places {
		if q.Line == p.Line && slices.Equal(q.Names, p.Names) {
			return true
		}
	}
	for _, id := range ids {
		f.note(id, p)
	}
	f.places = append(f.places, p)
	return true
}

// phrase tries the words after "based in" and the like: the longest run
// of leading words that is a place ("New York City or remotely" gives New
// York City).
func (f *placeFinder) phrase(l textLine, rest string) {
	parts := strings.Split(rest, ",")
	for n := min(len(parts), 3); n >= 1; n-- {
		ws := strings.Fields(parts[n-1])
		for k := min(len(ws), 4); k >= 1; k-- {
			cand := strings.Join(append(slices.Clone(parts[:n-1]), strings.Join(ws[:k], " ")), ",")
			if f.add(l, cand, "phrase", true) {
				return
			}
		}
	}
}

// suffix tries the words before "-based": the shortest tail of them that
// is a place ("For San Francisco, CA" gives San Francisco, CA).
func (f *placeFinder) suffix(l textLine, before string) {
	ws := strings.Fields(before)
	for k := min(len(ws), 5); k >= 1; k-- {
		if f.add(l, strings.Join(ws[len(ws)-k:], " "), "phrase", true) {
			return
		}
	}
}

// evaluate returns the jurisdictions and the recognised names of one
// location value, and whether it says remote.
func (f *placeFinder) evaluate(value string, strict bool) (ids, names []string, remote bool) {
	ids = []string{}
	addID := func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	addName := func(n string) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, seg := range splitTop(value) {
		main, inner := cutParens(seg)
		segRemote := isRemote(main)
		var places [][]string
		if parts := cleanParts(main); len(parts) > 0 {
			places = append(places, parts)
		}
		for _, in := range inner {
			segRemote = segRemote || isRemote(in)
			for _, p := range splitTop(in) {
				if parts := cleanParts(p); len(parts) > 0 {
					places = append(places, parts)
				}
			}
		}
		remote = remote || segRemote
		for _, parts := range places {
			jids, pnames, region := f.match(parts, strict)
			if strict && len(pnames) == 0 {
				// Unlabelled text must be wholly places: "We sell in
				// California" is not a location.
				return []string{}, nil, remote
			}
			for _, id := range jids {
				addID(id)
			}
			for _, n := range pnames {
				addName(n)
			}
			_ = region
		}
	}
	return ids, names, remote
}

// match returns the jurisdictions and names of one place given as cleaned
// comma parts. A place made only of region names ("US", "Europe") brings
// in every jurisdiction of the region in force on the posting's date.
func (f *placeFinder) match(parts []string, strict bool) (ids, names []string, region bool) {
	d := f.d
	var regions []string
	for _, p := range parts {
		r, ok := d.regions[p]
		if !ok {
			regions = nil
			break
		}
		regions = append(regions, r)
	}
	if regions != nil {
		for _, j := range d.jurisdictions {
			if slices.Contains(regions, j.Region) && f.inForce(j) {
				ids = append(ids, j.ID)
			}
		}
		for _, r := range regions {
			names = append(names, "region: "+r)
		}
		return ids, names, true
	}
	if strict && len(parts) == 1 && len(parts[0]) <= 2 {
		return nil, nil, false // "IT", "DE", "OR": too ambiguous without a label
	}
	candidates := [][]string{parts}
	if len(parts) == 1 {
		ws := strings.Fields(parts[0])
		for k := 1; k <= 2 && k < len(ws); k++ {
			candidates = append(candidates, []string{strings.Join(ws[:len(ws)-k], " "), strings.Join(ws[len(ws)-k:], " ")})
		}
	}
	known := false
	for _, c := range candidates {
		for _, p := range c {
			known = known || d.known[p]
		}
	}
	if !known {
		return nil, nil, false
	}
	for _, j := range d.jurisdictions {
		for _, c := range candidates {
			if placeIn(d, j, c) {
				ids = append(ids, j.ID)
				names = append(names, j.Name)
				break
			}
		}
	}
	if len(ids) > 0 {
		return ids, names, false
	}
	for _, p := range d.places {
		for _, c := range candidates {
			if placeIn(d, p, c) {
				names = append(names, p.Name)
				break
			}
		}
	}
	return nil, names, false
}

// DetectJurisdictions returns the ids of the pay-transparency
// jurisdictions a job location falls in ("New York, NY" gives nyc and
// nys; "Remote (US)" every US jurisdiction; "Remote" alone every
// jurisdiction).
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

// placeJurisdictions returns the jurisdictions of one location value, as
// a "Location:" line gives it.
func placeJurisdictions(d *data, value string) []string {
	f := &placeFinder{d: d, found: map[string]detection{}}
	_, dets := detectPlaces(d, []textLine{{text: "Location: " + value, line: 1}}, time.Time{})
	_ = f
	var ids []string
	for _, det := range dets {
		ids = append(ids, det.id)
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
