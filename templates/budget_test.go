package templates

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rungs/rungs/internal/strictyaml"
)

// Every runaway template of the red-team report ends with a budget error
// naming the file, quickly and without a large allocation.
func TestTemplateBudget(t *testing.T) {
	// These templates fail on the caps, not on the clock: a long time
	// budget keeps a busy machine from turning a cap error into a time one.
	SetTimeout(time.Minute)
	defer SetTimeout(DefaultTimeout)
	tests := []struct {
		name, tmpl string
		want       error
		msg        string
	}{
		{"huge integer range", `{{range 1000000000000}}{{end}}`, ErrBudget, "a range over 1000000000000"},
		{"nested ranges", `{{range 100000}}{{range 100000}}{{end}}{{end}}`, ErrBudget, "ranges ran"},
		{"range over a big list", `{{$l := splitList "," (repeat 300000 "a,")}}{{range $l}}{{end}}`, ErrBudget, "ranges ran"},
		{"doubling cat", `{{$s := "xxxxxxxxxxxxxxxx"}}{{range 40}}{{$s = cat $s $s}}{{end}}{{len $s}}`, ErrTooLarge, "cat would build"},
		{"replace growth", `{{$s := "x"}}{{range 14}}{{$s = replace "x" "xxxxxxxxxx" $s}}{{end}}`, ErrTooLarge, "replace would build"},
		{"huge indent", `{{indent 100000000 "a"}}`, ErrTooLarge, "indent would build"},
		{"indent of many lines", `{{$s := repeat 500000 "\n"}}{{indent 100 $s}}`, ErrTooLarge, "indent would build"},
		{"wide printf", `{{printf "%999999999d" 1}}`, ErrTooLarge, "printf would build"},
		{"star printf", `{{printf "%*d" 999999999 1}}`, ErrTooLarge, "printf would build"},
		{"many printf fields", `{{$s := ""}}{{range 2000}}{{$s = printf "%s%90000d" $s 1}}{{end}}`, ErrTooLarge, "printf would build"},
		{"self-nested list", `{{$l := list}}{{range 200}}{{$l = list $l $l}}{{end}}{{join "," $l}}`, ErrTooLarge, "list would build"},
		{"self-nested dict", `{{$d := dict}}{{range 200}}{{$d = dict "a" $d "b" $d}}{{end}}{{$d}}`, ErrTooLarge, "dict would build"},
		{"join growth", `{{$l := splitList "," (repeat 1000 "a,")}}{{$s := "x"}}{{range 30}}{{$s = join $s $l}}{{end}}`, ErrTooLarge, "join would build"},
		{"wrap growth", `{{$s := repeat 400000 "a "}}{{wrap 1 $s}}`, ErrTooLarge, "wrap would build"},
		{"output cap", `{{range 100000}}{{repeat 100 "x"}}{{end}}`, ErrTooLarge, "1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTemplates(t, map[string]string{"jd.md.tmpl": tt.tmpl})
			set, err := LoadWithOverlay(dir)
			if err != nil {
				t.Fatal(err)
			}
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err = set.Render("jd.md.tmpl", nil)
			took := time.Since(start)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			var se *strictyaml.Error
			if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), dir) {
				t.Errorf("error %q does not name the template file (exit 3)", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
			t.Logf("failed after %s", took)
			// Sys is the memory taken from the system: it grows with the
			// peak heap, not with garbage collected on the way.
			if grew := int64(after.Sys) - int64(before.Sys); grew > 256<<20 {
				t.Errorf("took %d MiB more memory from the system, want under 256", grew>>20)
			}
		})
	}
}

// A template that spins without calling anything checkable is stopped by
// the time budget.
func TestTemplateTimeBudget(t *testing.T) {
	SetTimeout(200 * time.Millisecond)
	defer SetTimeout(DefaultTimeout)
	dir := writeTemplates(t, map[string]string{"jd.md.tmpl": `{{range 150000}}{{$x := upper (repeat 200000 "a")}}{{end}}`})
	set, err := LoadWithOverlay(dir)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = set.Render("jd.md.tmpl", nil)
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "still running after 200ms") {
		t.Fatalf("error = %v, want the time budget", err)
	}
	// The work would take minutes; returning within seconds shows the
	// budget stopped it (generous, so a busy machine passes).
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("took %s, want about the 200ms budget", took)
	}
}

// Built-in documents stay far inside the budget.
func TestBuiltinRangesStayBounded(t *testing.T) {
	out, err := Render("jd.md.tmpl", nil)
	if err == nil || len(out) > 0 {
		t.Fatalf("rendering a nil view should fail on a missing key, got %v", err)
	}
	if errors.Is(err, ErrBudget) {
		t.Errorf("budget error for a built-in template: %v", err)
	}
}

func TestPrintfSize(t *testing.T) {
	tests := []struct {
		format string
		args   []any
		want   int
	}{
		{"%s-%s", []any{"ab", "cd"}, 9},
		{"%5d", []any{1}, 9},
		{"%999999999d", []any{1}, -1},
		{"%12345678d", []any{1}, -1},
		{"%*d", []any{5000000, 1}, -1},
		{"100%%", nil, 5},
	}
	for _, tt := range tests {
		if got := printfSize(tt.format, tt.args); got != tt.want {
			t.Errorf("printfSize(%q) = %d, want %d", tt.format, got, tt.want)
		}
	}
}
