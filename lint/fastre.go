package lint

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fastRE finds the matches of a regular expression without running it
// over the whole text: every match must begin with one of a few short
// literal prefixes (taken from the expression's syntax), so the prefixes
// are looked up at each position of the text and the expression is run,
// anchored, only on a bounded window at each candidate. That keeps lint
// linear on any input, with a small constant: the regular-expression
// engine, not the prefix scan, is the costly part, and it runs only where
// a match can start. An expression without usable prefixes falls back to
// the ordinary unanchored search (still linear).
type fastRE struct {
	re       *regexp.Regexp // the expression as given
	anchored *regexp.Regexp // ^(?:expression)
	// prefixes are lowercase literal strings of 1 to 3 bytes; every match
	// starts with one of them (compared with the text lowercased in
	// ASCII). Nil when none could be found.
	prefixes map[string]bool
	// packed holds the prefixes packed into integers (see pack), for a
	// faster lookup than by string.
	packed map[uint32]bool
	// first marks the first bytes of the prefixes: a quick test before
	// the map.
	first [256]bool
	// wordStart: the expression starts with \b before a word character,
	// so a candidate inside a word is skipped.
	wordStart bool
	window    int
}

// maxPrefixes bounds the prefix set of one expression.
const maxPrefixes = 512

func newFastRE(expr string, window int) *fastRE {
	f := &fastRE{re: regexp.MustCompile(expr), anchored: regexp.MustCompile(`^(?:` + expr + `)`), window: window}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return f
	}
	re = re.Simplify()
	// A match is never longer than maxLen: the window need not be longer,
	// and a shorter window makes each anchored run cheaper.
	if n := maxLen(re); n >= 0 && n+1 < f.window {
		f.window = n + 1
	}
	// Three-byte prefixes select best; when there are too many of them,
	// shorter ones still work.
	var set []string
	ok := false
	for budget := 3; budget >= 1 && !ok; budget-- {
		set, ok = prefixSet([]*syntax.Regexp{re}, budget)
	}
	if !ok || len(set) == 0 || slices.Contains(set, "") {
		return f
	}
	f.prefixes = map[string]bool{}
	f.packed = map[uint32]bool{}
	for _, p := range set {
		f.prefixes[p] = true
		f.packed[pack(p)] = true
		f.first[p[0]] = true
	}
	f.wordStart = strings.Contains(expr, `\b(?:`) && strings.Index(expr, `\b`) < 8
	return f
}

// maxLen returns the longest match of re in bytes, or -1 when unbounded.
func maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
			if re.Flags&syntax.FoldCase != 0 && r >= utf8.RuneSelf {
				n += 2 // a folded rune may be longer
			}
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			m := maxLen(s)
			if m < 0 {
				return -1
			}
			n += m
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			m := maxLen(s)
			if m < 0 {
				return -1
			}
			n = max(n, m)
		}
		return n
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		m := maxLen(re.Sub[0])
		if m < 0 {
			return -1
		}
		return m * re.Max
	}
	return -1
}

// prefixSet returns the literal prefixes (lowercase, up to budget bytes)
// that every match of the sequence seq begins with. A prefix shorter than
// the budget is still a prefix of every match it stands for. ok is false
// when the set cannot be found or would be too large.
func prefixSet(seq []*syntax.Regexp, budget int) ([]string, bool) {
	if budget <= 0 || len(seq) == 0 {
		return []string{""}, true
	}
	head, rest := seq[0], seq[1:]
	join := func(first string, then []*syntax.Regexp) ([]string, bool) {
		if len(first) >= budget {
			return []string{first[:budget]}, true
		}
		tails, ok := prefixSet(then, budget-len(first))
		if !ok {
			// What follows is unknown: the literal so far is still a
			// prefix of every match.
			return []string{first}, first != ""
		}
		out := make([]string, len(tails))
		for i, t := range tails {
			out[i] = first + t
		}
		return out, true
	}
	union := func(alts ...[]*syntax.Regexp) ([]string, bool) {
		var out []string
		for _, a := range alts {
			s, ok := prefixSet(a, budget)
			if !ok {
				return nil, false
			}
			for _, x := range s {
				if !slices.Contains(out, x) {
					out = append(out, x)
				}
			}
			if len(out) > maxPrefixes {
				return nil, false
			}
		}
		return out, true
	}
	with := func(sub ...*syntax.Regexp) []*syntax.Regexp {
		return append(slices.Clone(sub), rest...)
	}
	switch head.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return prefixSet(rest, budget)
	case syntax.OpLiteral:
		var b strings.Builder
		for i, r := range head.Rune {
			if r >= utf8.RuneSelf && head.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(r) != r {
				// A letter such as "â" under (?i) may be written "Â": the
				// ASCII-lowered text keeps either as it is, so each case
				// is a prefix of its own ("âge", "Âge").
				tail := &syntax.Regexp{Op: syntax.OpLiteral, Rune: head.Rune[i+1:], Flags: head.Flags}
				var out []string
				for v := r; ; {
					s, ok := join(b.String()+string(v), append([]*syntax.Regexp{tail}, rest...))
					if !ok {
						return nil, false
					}
					out = append(out, s...)
					if v = unicode.SimpleFold(v); v == r {
						break
					}
				}
				return out, len(out) <= maxPrefixes
			}
			b.WriteRune(asciiLowerRune(r))
		}
		return join(b.String(), rest)
	case syntax.OpCharClass:
		var runes []rune
		for i := 0; i+1 < len(head.Rune); i += 2 {
			lo, hi := head.Rune[i], head.Rune[i+1]
			if hi-lo > 16 || len(runes) > 16 {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				// A class under (?i) already lists every case of its
				// letters ([àa] holds À and A): each is a prefix as
				// written.
				lr := asciiLowerRune(r)
				if !slices.Contains(runes, lr) {
					runes = append(runes, lr)
				}
			}
		}
		var out []string
		for _, r := range runes {
			s, ok := join(string(r), rest)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
			if len(out) > maxPrefixes {
				return nil, false
			}
		}
		return out, true
	case syntax.OpCapture:
		return prefixSet(with(head.Sub[0]), budget)
	case syntax.OpConcat:
		return prefixSet(with(head.Sub...), budget)
	case syntax.OpAlternate:
		alts := make([][]*syntax.Regexp, len(head.Sub))
		for i, s := range head.Sub {
			alts[i] = with(s)
		}
		return union(alts...)
	case syntax.OpQuest:
		return union(with(head.Sub[0]), rest)
	case syntax.OpStar:
		// x*: either nothing, or a match that starts with x (whatever
		// follows it).
		return union(rest, head.Sub)
	case syntax.OpPlus:
		return prefixSet(head.Sub, budget)
	case syntax.OpRepeat:
		if head.Min == 0 {
			return union(rest, head.Sub)
		}
		return prefixSet(head.Sub, budget)
	}
	return nil, false
}

// pack packs a string of one to three bytes, and its length, into an
// integer.
func pack(p string) uint32 {
	v := uint32(len(p)) << 24
	for i := 0; i < len(p); i++ {
		v |= uint32(p[i]) << (8 * i)
	}
	return v
}

func asciiLowerRune(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// lowerASCII lowercases ASCII letters, keeping every byte offset.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// containsLowerASCII reports whether lowerASCII(s) contains needle, a
// lowercase string, without building the lowered copy.
func containsLowerASCII(s, needle string) bool {
	n := len(needle)
	if n == 0 {
		return true
	}
	first := needle[0]
	upper := first
	if first >= 'a' && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+n <= len(s); i++ {
		if c := s[i]; c != first && c != upper {
			continue
		}
		j := 1
		for ; j < n; j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
		}
		if j == n {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// FindAllIndex returns the [start, end) of each successive non-overlapping
// match in s, as regexp.FindAllStringIndex does; lower is s lowercased
// with lowerASCII (pass "" to have it computed).
func (f *fastRE) FindAllIndex(s, lower string) [][]int {
	return f.findAll(s, lower, nil)
}

// wordStarts returns the offsets where a word of ASCII letters, digits or
// underscores starts, or a non-word byte stands: the only places where an
// expression that starts with \b can match.
func wordStarts(s string) []int32 {
	// Counted first, then stored as int32 (inputs are capped at a few
	// megabytes): a long run of one-letter words has a start every other
	// byte, and this list lives as long as its unit.
	n := 0
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) || i == 0 || !isWordByte(s[i-1]) {
			n++
		}
	}
	out := make([]int32, 0, n)
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) || i == 0 || !isWordByte(s[i-1]) {
			out = append(out, int32(i))
		}
	}
	return out
}

// findAll is FindAllIndex; starts, when given, are wordStarts(s), and an
// expression that starts with \b is tried only there.
func (f *fastRE) findAll(s, lower string, starts []int32) [][]int {
	if f.prefixes == nil {
		return f.re.FindAllStringIndex(s, -1)
	}
	if lower == "" {
		lower = lowerASCII(s)
	}
	var out [][]int
	next := 0
	n := len(s)
	if f.wordStart && starts != nil {
		n = len(starts)
	}
	for j := 0; j < n; j++ {
		i := j
		if f.wordStart && starts != nil {
			i = int(starts[j])
		}
		if i < next || !f.first[lower[i]] || (f.wordStart && i > 0 && isWordByte(s[i-1]) && isWordByte(s[i])) {
			continue
		}
		hit := false
		v := uint32(0)
		for k := 1; k <= 3 && i+k <= len(s); k++ {
			v = v&0xFFFFFF | uint32(lower[i+k-1])<<(8*(k-1))
			if f.packed[v|uint32(k)<<24] {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		end := min(len(s), i+f.window)
		for stop := min(len(s), end+64); end < stop && isWordByte(s[end]); {
			end++
		}
		loc := f.anchored.FindStringIndex(s[i:end])
		if loc == nil {
			continue
		}
		out = append(out, []int{i, i + loc[1]})
		next = i + max(loc[1], 1)
	}
	return out
}

// MatchString reports whether s has a match.
func (f *fastRE) MatchString(s string) bool {
	if f.prefixes == nil {
		return f.re.MatchString(s)
	}
	return len(f.FindAllIndex(s, "")) > 0
}
