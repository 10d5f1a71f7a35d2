package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/batch"
	"github.com/rungs/rungs/internal/pipeline"
)

// TestWarningSummary: one line per kind of warning, in the order of
// pipeline.Rules, with the count of entries (an entry with two gaps counts
// once) and the first few entries.
func TestWarningSummary(t *testing.T) {
	s := &warningSummary{}
	s.Start(0)
	pay := pipeline.Warning{Rule: pipeline.RulePayTransparency, Message: "m"}
	for i := 1; i <= 7; i++ {
		r := &batch.Result{Source: fmt.Sprintf("plan.csv:%d", i+1), Checks: []pipeline.Warning{pay, pay}}
		if i == 3 {
			r.Checks = append(r.Checks, pipeline.Warning{Rule: pipeline.RuleStageSize, Message: "s"})
		}
		s.Entry(r, i)
	}
	s.Entry(&batch.Result{Source: "plan.csv:9"}, 8)
	var b bytes.Buffer
	s.print(&b, false)
	want := []string{
		"rungs: warning: pay-transparency: the posting lacks pay details the law of its location requires (guidance, not legal advice): 7 entries: plan.csv:2, plan.csv:3, plan.csv:4, plan.csv:5, plan.csv:6 and 2 more",
		"rungs: warning: stage-size: the size is outside the stage's usual range: 1 entry: plan.csv:4",
		"rungs: the report (--report) has each entry's warnings in full",
	}
	if got := strings.TrimSpace(b.String()); got != strings.Join(want, "\n") {
		t.Errorf("summary:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}

	quiet := &warningSummary{}
	quiet.Start(0)
	quiet.Entry(&batch.Result{Source: "plan.csv:2"}, 1)
	b.Reset()
	quiet.print(&b, false)
	if b.Len() != 0 {
		t.Errorf("no warning, yet %q", b.String())
	}
}
