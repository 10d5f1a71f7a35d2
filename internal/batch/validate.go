package batch

import (
	"errors"
	"fmt"
	"strconv"
)

// maxProblems stops validation of an input that is wrong throughout: the
// first problems say what to fix, and memory stays bounded.
const maxProblems = 1000

// Validate reads the whole input once and checks every entry, and that no
// two entries write the same file. It keeps only the output names, not
// the entries. It returns the number of entries, or the problems (a
// Problems) in input order; each problem shared by many entries, such as a
// bad default or a broken company file, is listed once.
func Validate(src Source, r *Resolver) (int, error) {
	total, _, err := ValidateOutputs(src, r)
	return total, err
}

// ValidateOutputs is Validate that also returns every output file name
// the input produces, for --prune.
func ValidateOutputs(src Source, r *Resolver) (int, map[string]bool, error) {
	names := map[string]string{} // output file name -> the entry writing it
	seen := map[string]bool{}
	var probs Problems
	stopped := false
	add := func(p *Problem) {
		key := p.Key
		if key == "" {
			key = p.Error()
		}
		if seen[key] {
			return
		}
		seen[key] = true
		probs = append(probs, p)
		stopped = stopped || len(probs) >= maxProblems
	}
	total := 0
	err := src.Entries(func(e *Entry) bool {
		total++
		if total > MaxEntries {
			add(&Problem{File: e.File, Line: e.Line, Msg: fmt.Sprintf("more than %d entries; split the input", MaxEntries)})
			return false
		}
		job, ps := r.Resolve(e)
		for _, p := range ps {
			add(p)
		}
		if job != nil {
			for _, f := range job.Files {
				if prev, ok := names[f]; ok {
					var p *Problem
					if e.Values[FName].Origin == FromEntry {
						p = e.problem(FName, "")
					} else {
						p = &Problem{File: e.File, Line: e.Line, Where: e.Where, CSV: e.CSV}
					}
					p.Msg = fmt.Sprintf("output %s is also written by %s; give one of them a distinct name", f, prev)
					add(e.named(Problems{p}, job.Name)[0])
					break
				}
				names[f] = label(e)
			}
		}
		return !stopped
	})
	if err != nil {
		var ps Problems
		var p *Problem
		switch {
		case errors.As(err, &ps):
			for _, p := range ps {
				add(p)
			}
		case errors.As(err, &p):
			add(p)
		default:
			return 0, nil, err
		}
	}
	if stopped {
		probs = append(probs, &Problem{Raw: true, Msg: fmt.Sprintf("validation stopped after %d problems", maxProblems)})
	}
	if len(probs) > 0 {
		return 0, nil, probs
	}
	out := make(map[string]bool, len(names))
	for n := range names {
		out[n] = true
	}
	return total, out, nil
}

// label names an entry in a collision message.
func label(e *Entry) string {
	if e.CSV {
		return "line " + strconv.Itoa(e.Line)
	}
	return e.Where + " (line " + strconv.Itoa(e.Line) + ")"
}
