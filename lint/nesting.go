package lint

import "slices"

// MaxNesting is the deepest block nesting (block quotes and lists opened on
// one line) that lint parses. Deeper markers are dropped before parsing:
// the Markdown parser takes time quadratic in the nesting depth, and no
// posting nests that deep. Each line cut is reported (rule "nesting").
const MaxNesting = 16

// limitNesting drops the container markers past MaxNesting at the start of
// each line ("> > > ...", "- - - ...", "1. 1. ..."), keeping every line
// break so lines keep their numbers. It returns the input unchanged when no
// line is cut, and the 1-based lines that were cut. It runs in linear time.
func limitNesting(src []byte) ([]byte, []int) {
	var out []byte
	var cut []int
	line, start := 1, 0
	for start <= len(src) {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		depth, i, keep := 0, start, -1
		for i < end {
			c := src[i]
			n := 0 // length of a container marker at i, with its space
			switch {
			case c == ' ' || c == '\t':
				i++
				continue
			case c == '>':
				n = 1
			case (c == '-' || c == '*' || c == '+') && i+1 < end && (src[i+1] == ' ' || src[i+1] == '\t'):
				n = 2
			case c >= '0' && c <= '9':
				k := i
				for k < end && k-i < 9 && src[k] >= '0' && src[k] <= '9' {
					k++
				}
				if k < end && (src[k] == '.' || src[k] == ')') && k+1 < end && (src[k+1] == ' ' || src[k+1] == '\t') {
					n = k + 2 - i
				}
			}
			if n == 0 {
				break
			}
			depth++
			i += n
			if depth == MaxNesting {
				keep = i
			}
		}
		if depth > MaxNesting {
			if out == nil {
				out = append(make([]byte, 0, len(src)), src[:start]...)
			}
			out = append(out, src[start:keep]...)
			out = append(out, ' ')
			out = append(out, src[i:end]...)
			cut = append(cut, line)
		} else if out != nil {
			out = append(out, src[start:end]...)
		}
		if end < len(src) && out != nil {
			out = append(out, '\n')
		}
		start = end + 1
		line++
	}
	if out == nil {
		return src, nil
	}
	return out, cut
}

// MaxLines and MaxMarkup bound what the Markdown parser is given, so lint's
// memory stays well under 256 MB on any input under the 4 MiB read cap:
// the parser and lint's own units cost a few hundred bytes per line, per
// list item and per inline marker, and a megabyte of "- a" lines or of
// "*a " runs would otherwise hold gigabytes. A real posting has a few
// hundred lines and a few hundred markers.
const (
	MaxLines  = 20000
	MaxMarkup = 20000
)

// markup is the set of bytes that can open or close inline Markdown
// (emphasis, code, links, images, autolinks and raw HTML, entities, table
// cells): each can become a parser node of its own.
var markup = [256]bool{'*': true, '_': true, '~': true, '`': true, '[': true, ']': true, '<': true, '!': true, '&': true, '|': true}

// limitSize keeps the first MaxLines lines of src, and turns the inline
// markers past the first MaxMarkup into spaces (byte for byte, so lines
// and offsets do not move). It returns src unchanged when neither limit is
// reached; otherwise a copy, the 1-based line where the text was cut (0
// when it was not) and the line where markers started to be read as plain
// text (0 when none were). It runs in linear time.
func limitSize(src []byte) (out []byte, cutAt, plainFrom int) {
	line, markers := 1, 0
	for i, c := range src {
		if c == '\n' {
			line++
			if line > MaxLines {
				src, cutAt = src[:i+1], line
				break
			}
			continue
		}
		if !markup[c] {
			continue
		}
		markers++
		if markers > MaxMarkup && plainFrom == 0 {
			plainFrom = line
			if out == nil {
				out = slices.Clone(src)
			}
		}
		if plainFrom != 0 {
			out[i] = ' '
		}
	}
	switch {
	case out != nil:
		return out[:len(src)], cutAt, plainFrom
	default:
		return src, cutAt, plainFrom
	}
}
