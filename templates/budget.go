package templates

import (
	"errors"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template"
	"text/template/parse"
	"time"
)

// A user template runs on a budget, in time and in memory, so that a
// template that loops forever or doubles a string forty times fails at
// once with exit 3 instead of hanging or exhausting memory:
//
//   - every string or list a function builds is checked against
//     MaxOutput before it is allocated (growers below);
//   - every {{range}} counts its iterations against MaxIterations, and a
//     range over an integer checks the clock at each step;
//   - the whole execution has a time budget (Timeout); past it, the
//     caller gets an error at once, and the functions, ranges and writer
//     of the abandoned run stop at their next check.

// MaxIterations bounds the {{range}} iterations of one execution, nested
// ranges counted in full. Built-in documents need a few hundred.
const MaxIterations = 200_000

// DefaultTimeout is the time budget of one execution.
const DefaultTimeout = 5 * time.Second

var timeout atomic.Int64

func init() { timeout.Store(int64(DefaultTimeout)) }

// SetTimeout changes the time budget of template executions (at least one
// millisecond).
func SetTimeout(d time.Duration) { timeout.Store(int64(max(d, time.Millisecond))) }

// Timeout returns the time budget of template executions.
func Timeout() time.Duration { return time.Duration(timeout.Load()) }

// ErrBudget is returned when a template passes its time or iteration
// budget.
var ErrBudget = errors.New("template passes its budget")

// budget is the state of one execution.
type budget struct {
	deadline   time.Time
	iterations atomic.Int64
	stopped    atomic.Bool
	// doing says what the template was doing when the budget ran out.
	doing atomic.Value
}

func newBudget() *budget {
	return &budget{deadline: time.Now().Add(Timeout())}
}

// check fails once the time is up or the run was abandoned.
func (b *budget) check(what string) error {
	if b.stopped.Load() || time.Now().After(b.deadline) {
		b.stopped.Store(true)
		b.doing.CompareAndSwap(nil, what)
		return fmt.Errorf("%w: still running after %s, in %s (the time budget is set with --template-timeout)", ErrBudget, Timeout(), what)
	}
	return nil
}

// grow fails when a value of n bytes or items would pass MaxOutput.
func (b *budget) grow(what string, n int) error {
	if err := b.check(what); err != nil {
		return err
	}
	if n < 0 || n > MaxOutput {
		return fmt.Errorf("%s would build %s: %w", what, sizeText(n), ErrTooLarge)
	}
	return nil
}

func sizeText(n int) string {
	if n < 0 {
		return "more than the limit"
	}
	return fmt.Sprintf("%d bytes or items", n)
}

// rangeIterations is inserted at the end of every {{range}} pipeline. It
// counts the iterations the range is about to run and, for an integer,
// returns a sequence that checks the budget at each step.
func (b *budget) rangeIterations(v any) (any, error) {
	if err := b.check("a range"); err != nil {
		return nil, err
	}
	rv := reflect.ValueOf(v)
	n := 0
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if rv.Int() > MaxIterations {
			return nil, fmt.Errorf("%w: a range over %d passes the limit of %d iterations", ErrBudget, rv.Int(), MaxIterations)
		}
		n = int(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if rv.Uint() > MaxIterations {
			return nil, fmt.Errorf("%w: a range over %d passes the limit of %d iterations", ErrBudget, rv.Uint(), MaxIterations)
		}
		n = int(rv.Uint())
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String:
		n = rv.Len()
	case reflect.Chan, reflect.Func:
		return nil, fmt.Errorf("range over a %s is not allowed in templates", rv.Kind())
	}
	if total := b.iterations.Add(int64(n)); total > MaxIterations {
		return nil, fmt.Errorf("%w: ranges ran %d iterations, past the limit of %d", ErrBudget, total, MaxIterations)
	}
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return iter.Seq[int](func(yield func(int) bool) {
			for i := range n {
				if b.check("a range over an integer") != nil || !yield(i) {
					return
				}
			}
		}), nil
	}
	return v, nil
}

// rangeFunc is the name under which rangeIterations is called.
const rangeFunc = "rungsRange"

// boundRanges appends rangeFunc to the pipeline of every {{range}} in the
// set's templates, so every range goes through the budget.
func boundRanges(t *template.Template) {
	for _, tmpl := range t.Templates() {
		if tmpl.Tree != nil && tmpl.Tree.Root != nil {
			walkRanges(tmpl.Tree.Root)
		}
	}
}

func walkRanges(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkRanges(c)
		}
	case *parse.RangeNode:
		bound(n.Pipe)
		walkRanges(n.List)
		walkRanges(n.ElseList)
	case *parse.IfNode:
		walkRanges(n.List)
		walkRanges(n.ElseList)
	case *parse.WithNode:
		walkRanges(n.List)
		walkRanges(n.ElseList)
	}
}

// bound appends the range check to a pipeline once.
func bound(p *parse.PipeNode) {
	if p == nil || len(p.Cmds) == 0 {
		return
	}
	last := p.Cmds[len(p.Cmds)-1]
	if len(last.Args) == 1 {
		if id, ok := last.Args[0].(*parse.IdentifierNode); ok && id.Ident == rangeFunc {
			return
		}
	}
	id := parse.NewIdentifier(rangeFunc).SetPos(p.Position())
	p.Cmds = append(p.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: p.Position(), Args: []parse.Node{id}})
}

// funcs returns the function map bound to this budget: the functions that
// can grow a string or a list check the cap before they allocate.
func (b *budget) funcs() template.FuncMap {
	text := func(v any) string {
		if s, ok := v.(string); ok {
			return s
		}
		return fmt.Sprint(v)
	}
	return template.FuncMap{
		rangeFunc: b.rangeIterations,
		"repeat": func(n int, s string) (string, error) {
			if n < 0 {
				return "", fmt.Errorf("repeat: count %d is negative", n)
			}
			if n > 0 && len(s) > 0 && n > MaxOutput/len(s) {
				return "", fmt.Errorf("repeat would build %d times %d bytes: %w", n, len(s), ErrTooLarge)
			}
			return strings.Repeat(s, n), b.check("repeat")
		},
		"cat": func(vs ...any) (string, error) {
			parts := make([]string, 0, len(vs))
			n := 0
			for _, v := range vs {
				if v == nil {
					continue
				}
				s := text(v)
				parts = append(parts, s)
				n += len(s) + 1
				if err := b.grow("cat", n); err != nil {
					return "", err
				}
			}
			return strings.Join(parts, " "), nil
		},
		"replace": func(old, new, src string) (string, error) {
			n := len(src)
			if c := strings.Count(src, old); c > 0 && len(new) > len(old) {
				if c > MaxOutput/(len(new)-len(old)+1) {
					n = -1
				} else {
					n += c * (len(new) - len(old))
				}
			}
			if err := b.grow("replace", n); err != nil {
				return "", err
			}
			return strings.ReplaceAll(src, old, new), nil
		},
		"indent": func(spaces int, v string) (string, error) {
			return b.indent("indent", spaces, v, false)
		},
		"nindent": func(spaces int, v string) (string, error) {
			return b.indent("nindent", spaces, v, true)
		},
		"wrap": func(width int, s string) (string, error) {
			if err := b.grow("wrap", len(s)*2); err != nil {
				return "", err
			}
			return sprigFunc("wrap").(func(int, string) string)(width, s), nil
		},
		"join": func(sep string, v any) (string, error) {
			items := listOf(v)
			n := 0
			for i, it := range items {
				if i > 0 {
					n += len(sep)
				}
				n += len(text(it))
				if err := b.grow("join", n); err != nil {
					return "", err
				}
			}
			return sprigFunc("join").(func(string, any) string)(sep, v), nil
		},
		"list": func(vs ...any) ([]any, error) {
			return vs, b.grow("list", weight(vs, MaxOutput))
		},
		"dict": func(kv ...any) (map[string]any, error) {
			if err := b.grow("dict", weight(kv, MaxOutput)); err != nil {
				return nil, err
			}
			return sprigFunc("dict").(func(...any) map[string]any)(kv...), nil
		},
		"printf": func(format string, args ...any) (string, error) {
			if err := b.grow("printf", printfSize(format, args)); err != nil {
				return "", err
			}
			return fmt.Sprintf(format, args...), nil
		},
		"print": func(args ...any) (string, error) {
			return fmt.Sprint(args...), b.check("print")
		},
		"println": func(args ...any) (string, error) {
			return fmt.Sprintln(args...), b.check("println")
		},
	}
}

func (b *budget) indent(what string, spaces int, v string, newline bool) (string, error) {
	if spaces < 0 {
		return "", fmt.Errorf("%s: %d spaces is negative", what, spaces)
	}
	lines := strings.Count(v, "\n") + 1
	if spaces > 0 && lines > MaxOutput/spaces {
		return "", fmt.Errorf("%s would build %d lines of %d spaces: %w", what, lines, spaces, ErrTooLarge)
	}
	if err := b.grow(what, len(v)+lines*spaces+1); err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", spaces)
	out := pad + strings.ReplaceAll(v, "\n", "\n"+pad)
	if newline {
		out = "\n" + out
	}
	return out, nil
}

// weight counts the items of a value, nested lists and maps counted in
// full: a list holding itself twice, forty times over, weighs 2^40 even
// though it shares its memory, and printing it would build that much. It
// stops counting past limit and then returns a number above limit.
func weight(v any, limit int) int {
	n := 0
	var walk func(v any)
	walk = func(v any) {
		if n > limit {
			return
		}
		n++
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case string:
			n += len(v) / 64
		}
	}
	walk(v)
	return n
}

// listOf returns the items of a slice or array, or nil.
func listOf(v any) []any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out
}

// printfSize bounds the length of fmt.Sprintf(format, args...) without
// building it: the format's own bytes, every width and precision (fmt pads
// to them before it writes), and each argument as %v would print it. It
// returns -1 when a width or precision alone passes MaxOutput.
func printfSize(format string, args []any) int {
	n := len(format)
	for _, a := range args {
		switch a := a.(type) {
		case string:
			n += len(a)
		default:
			n += len(fmt.Sprint(a))
		}
	}
	// Every run of digits after a % (flags, width, precision, argument
	// index) may pad the output; "*" takes an argument as the width.
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		for i++; i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0; i++ {
			if format[i] == '*' {
				for _, a := range args {
					if w, ok := a.(int); ok && (w > MaxOutput || w < -MaxOutput) {
						return -1
					}
				}
			}
			if format[i] >= '1' && format[i] <= '9' {
				j := i
				for j < len(format) && format[j] >= '0' && format[j] <= '9' {
					j++
				}
				if j-i > 7 {
					return -1
				}
				w := 0
				fmt.Sscan(format[i:j], &w)
				if w > MaxOutput {
					return -1
				}
				n += w
				i = j - 1
			}
		}
	}
	return n
}
