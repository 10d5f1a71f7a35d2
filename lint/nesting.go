package lint

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
