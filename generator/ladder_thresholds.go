package generator

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rungs/rungs/ladders"
)

// LadderThresholds is the table of size thresholds in the README, written
// from the ladder data so the two cannot drift apart (a test compares
// them).
func LadderThresholds(lad *ladders.Ladder) string {
	var b strings.Builder
	b.WriteString("| rung | on the ladder from | filled from | needs |\n| --- | --- | --- | --- |\n")
	for _, v := range lad.Levels {
		filled := fmt.Sprint(max(1, v.Size.FillFrom))
		if v.ID == lad.Settings.DeliveryRung {
			filled = deliveryThresholds(lad, v)
		}
		needs := v.Size.Needs
		if needs == "" {
			needs = "—"
		}
		fmt.Fprintf(&b, "| %s (%s) | %d | %s | %s |\n", v.Title, v.Code, max(1, v.Size.ShowFrom), filled, needs)
	}
	fmt.Fprintf(&b, "\nBelow %d engineers the ladder is compressed.", lad.Settings.CompressedBelow)
	for _, v := range lad.Levels {
		for _, t := range v.Titles {
			fmt.Fprintf(&b, " Below %d engineers the %s rung is titled %s.", t.Below, v.Title, t.Title)
		}
	}
	b.WriteString("\n")
	return b.String()
}

// deliveryThresholds words the delivery rung's filled-from headcount: the
// rung's own threshold, then each archetype's difference from it.
func deliveryThresholds(lad *ladders.Ladder, v ladders.Level) string {
	parts := []string{fmt.Sprint(v.Size.FillFrom)}
	for _, a := range lad.Archetypes {
		if f := a.DeliveryRung.FillFrom; f > 0 && f != v.Size.FillFrom {
			parts = append(parts, fmt.Sprintf("%s CTO: %d", a.ID, f))
		}
		byN := map[int][]string{}
		for st, n := range a.DeliveryRung.ByStage {
			byN[n] = append(byN[n], st)
		}
		var ns []int
		for n := range byN {
			ns = append(ns, n)
		}
		sort.Ints(ns)
		for _, n := range ns {
			sts := byN[n]
			sort.Slice(sts, func(i, j int) bool { return stageOrder(lad, sts[i]) < stageOrder(lad, sts[j]) })
			parts = append(parts, fmt.Sprintf("%s CTO at %s stage: %d", a.ID, strings.Join(sts, " or "), n))
		}
	}
	return strings.Join(parts, "; ")
}

func stageOrder(lad *ladders.Ladder, id string) int {
	for i, s := range lad.StageIDs() {
		if s == id {
			return i
		}
	}
	return len(lad.Stages)
}
