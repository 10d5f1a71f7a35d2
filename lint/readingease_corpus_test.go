package lint

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/strictyaml"
)

// easeThresholds are a warning and an info threshold for each group.
type easeThresholds struct {
	Warning          float64 `yaml:"warning"`
	Info             float64 `yaml:"info"`
	WarningExecutive float64 `yaml:"warning_executive"`
	InfoExecutive    float64 `yaml:"info_executive"`
}

// easePosting is one real posting's measures; its text is not kept.
type easePosting struct {
	ID       string  `yaml:"id"`
	Repo     string  `yaml:"repo"`
	Path     string  `yaml:"path"`
	Note     string  `yaml:"note"`
	Employer string  `yaml:"employer"`
	Role     string  `yaml:"role"`
	Group    string  `yaml:"group"`
	Words    int     `yaml:"words"`
	Flesch   float64 `yaml:"flesch"`
	Grade    float64 `yaml:"grade"`
	Before   string  `yaml:"before"`
	After    string  `yaml:"after"`
}

type easeCorpus struct {
	Method struct {
		WarningPercentile float64 `yaml:"warning_percentile"`
		InfoPercentile    float64 `yaml:"info_percentile"`
	} `yaml:"method"`
	OldThresholds easeThresholds `yaml:"old_thresholds"`
	Thresholds    easeThresholds `yaml:"thresholds"`
	Postings      []easePosting  `yaml:"postings"`
}

func loadEaseCorpus(t *testing.T) easeCorpus {
	t.Helper()
	const name = "testdata/corpus/reading-ease.yaml"
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var c easeCorpus
	if _, err := strictyaml.Decode(name, b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// percentile is the method the corpus file states: p/100 × (n − 1) into
// the sorted scores, interpolated linearly between the two nearest ranks.
func percentile(scores []float64, p float64) float64 {
	xs := slices.Clone(scores)
	slices.Sort(xs)
	r := p / 100 * float64(len(xs)-1)
	lo, hi := int(math.Floor(r)), int(math.Ceil(r))
	return xs[lo] + (r-float64(lo))*(xs[hi]-xs[lo])
}

func easeVerdict(flesch, warning, info float64) string {
	switch {
	case flesch < warning:
		return "warning"
	case flesch < info:
		return "info"
	}
	return "none"
}

// TestReadingEaseCalibration recomputes the reading-ease thresholds from
// the recorded scores of real postings and requires the lint package to
// use them, so a change to the corpus or to the constants alone fails.
func TestReadingEaseCalibration(t *testing.T) {
	c := loadEaseCorpus(t)
	if len(c.Postings) < 30 {
		t.Fatalf("%d postings, want at least 30", len(c.Postings))
	}
	scores := map[string][]float64{}
	employers := map[string]bool{}
	ids := map[string]bool{}
	for _, p := range c.Postings {
		if ids[p.ID] {
			t.Errorf("posting %s listed twice", p.ID)
		}
		ids[p.ID] = true
		if p.Repo == "" || p.Path == "" || p.Employer == "" || p.Role == "" {
			t.Errorf("%s: source (repo, path), employer and role are required", p.ID)
		}
		if p.Words <= 0 || p.Grade <= 0 {
			t.Errorf("%s: words %d, grade %.1f: not measured", p.ID, p.Words, p.Grade)
		}
		if p.Group != "other" && p.Group != "executive" {
			t.Errorf("%s: group %q, want other or executive", p.ID, p.Group)
		}
		employers[p.Employer] = true
		scores[p.Group] = append(scores[p.Group], p.Flesch)
	}
	if len(employers) < 30 {
		t.Errorf("%d employers, want at least 30", len(employers))
	}

	got := easeThresholds{
		Warning:          math.Round(percentile(scores["other"], c.Method.WarningPercentile)),
		Info:             math.Round(percentile(scores["other"], c.Method.InfoPercentile)),
		WarningExecutive: math.Round(percentile(scores["executive"], c.Method.WarningPercentile)),
		InfoExecutive:    math.Round(percentile(scores["executive"], c.Method.InfoPercentile)),
	}
	if got != c.Thresholds {
		t.Errorf("the recorded method gives %+v, the file records %+v", got, c.Thresholds)
	}
	inLint := easeThresholds{Warning: FleschFloor, Info: FleschNote, WarningExecutive: FleschFloorExecutive, InfoExecutive: FleschNoteExecutive}
	if got != inLint {
		t.Errorf("the recorded method gives %+v, lint uses %+v", got, inLint)
	}

	// Each posting's before and after verdicts follow from its score.
	for _, p := range c.Postings {
		oldW, oldI, newW, newI := c.OldThresholds.Warning, c.OldThresholds.Info, c.Thresholds.Warning, c.Thresholds.Info
		if p.Group == "executive" {
			oldW, oldI, newW, newI = c.OldThresholds.WarningExecutive, c.OldThresholds.InfoExecutive, c.Thresholds.WarningExecutive, c.Thresholds.InfoExecutive
		}
		if v := easeVerdict(p.Flesch, oldW, oldI); v != p.Before {
			t.Errorf("%s: Flesch %.1f gave %s before, recorded %s", p.ID, p.Flesch, v, p.Before)
		}
		if v := easeVerdict(p.Flesch, newW, newI); v != p.After {
			t.Errorf("%s: Flesch %.1f gives %s now, recorded %s", p.ID, p.Flesch, v, p.After)
		}
	}
}

// TestReadingEaseThresholdsApplied checks the calibrated thresholds are
// the ones Check applies, in both modes, on either side of each.
func TestReadingEaseThresholdsApplied(t *testing.T) {
	cases := []struct {
		flesch    float64
		executive bool
		want      string
	}{
		{FleschFloor - 0.1, false, "warning"},
		{FleschFloor, false, "info"},
		{FleschNote - 0.1, false, "info"},
		{FleschNote, false, "none"},
		{FleschFloorExecutive - 0.1, true, "warning"},
		{FleschFloorExecutive, true, "info"},
		{FleschNoteExecutive - 0.1, true, "info"},
		{FleschNoteExecutive, true, "none"},
	}
	for _, c := range cases {
		r := Report{Flesch: c.flesch, Sentences: 1}
		var found []Finding
		checkReadability(&r, nil, Options{Executive: c.executive}, func(f Finding) { found = append(found, f) })
		got := "none"
		for _, f := range found {
			if f.Rule == "reading-ease" {
				got = string(f.Level)
			}
		}
		if got != c.want {
			t.Errorf("Flesch %.1f (executive %v): %s, want %s", c.flesch, c.executive, got, c.want)
		}
	}
}

// TestReadingEaseCalibrationFR recomputes the French thresholds from the
// recorded Kandel–Moles scores of real French postings
// (testdata/corpus/reading-ease-fr.yaml) and requires lint to use them:
// the engineering thresholds by percentile, the executive ones derived
// from them by the English gaps.
func TestReadingEaseCalibrationFR(t *testing.T) {
	const name = "testdata/corpus/reading-ease-fr.yaml"
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Method struct {
			WarningPercentile float64 `yaml:"warning_percentile"`
			InfoPercentile    float64 `yaml:"info_percentile"`
			ExecWarningGap    float64 `yaml:"executive_warning_gap"`
			ExecInfoGap       float64 `yaml:"executive_info_gap"`
		} `yaml:"method"`
		OldThresholds easeThresholds `yaml:"old_thresholds"`
		Thresholds    easeThresholds `yaml:"thresholds"`
		Postings      []struct {
			ID          string  `yaml:"id"`
			Repo        string  `yaml:"repo"`
			Path        string  `yaml:"path"`
			Commit      string  `yaml:"commit"`
			Employer    string  `yaml:"employer"`
			Role        string  `yaml:"role"`
			Group       string  `yaml:"group"`
			Words       int     `yaml:"words"`
			KandelMoles float64 `yaml:"kandel_moles"`
			Before      string  `yaml:"before"`
			After       string  `yaml:"after"`
		} `yaml:"postings"`
	}
	if _, err := strictyaml.Decode(name, b, &c); err != nil {
		t.Fatal(err)
	}
	var other []float64
	for _, p := range c.Postings {
		if p.Repo == "" || p.Path == "" || len(p.Commit) != 40 || p.Employer == "" || p.Role == "" || p.Words <= 0 {
			t.Errorf("%s: source (repo, path, commit), employer, role and words are required", p.ID)
		}
		switch p.Group {
		case "other":
			other = append(other, p.KandelMoles)
		case "executive":
		default:
			t.Errorf("%s: group %q", p.ID, p.Group)
		}
	}
	if len(other) < 10 {
		t.Fatalf("%d French engineering postings, want at least 10", len(other))
	}
	got := easeThresholds{
		Warning: math.Round(percentile(other, c.Method.WarningPercentile)),
		Info:    math.Round(percentile(other, c.Method.InfoPercentile)),
	}
	got.WarningExecutive = got.Warning - c.Method.ExecWarningGap
	got.InfoExecutive = got.Info - c.Method.ExecInfoGap
	if c.Method.ExecWarningGap != FleschFloor-FleschFloorExecutive || c.Method.ExecInfoGap != FleschNote-FleschNoteExecutive {
		t.Errorf("executive gaps %v, %v are not the English ones", c.Method.ExecWarningGap, c.Method.ExecInfoGap)
	}
	if got != c.Thresholds {
		t.Errorf("the recorded method gives %+v, the file records %+v", got, c.Thresholds)
	}
	inLint := easeThresholds{Warning: KandelMolesFloor, Info: KandelMolesNote, WarningExecutive: KandelMolesFloorExecutive, InfoExecutive: KandelMolesNoteExecutive}
	if got != inLint {
		t.Errorf("the recorded method gives %+v, lint uses %+v", got, inLint)
	}
	old := easeThresholds{Warning: FleschFloor, Info: FleschNote, WarningExecutive: FleschFloorExecutive, InfoExecutive: FleschNoteExecutive}
	if c.OldThresholds != old {
		t.Errorf("old thresholds %+v are not the English ones %+v", c.OldThresholds, old)
	}
	for _, p := range c.Postings {
		oldW, oldI, newW, newI := c.OldThresholds.Warning, c.OldThresholds.Info, c.Thresholds.Warning, c.Thresholds.Info
		if p.Group == "executive" {
			oldW, oldI, newW, newI = c.OldThresholds.WarningExecutive, c.OldThresholds.InfoExecutive, c.Thresholds.WarningExecutive, c.Thresholds.InfoExecutive
		}
		if v := easeVerdict(p.KandelMoles, oldW, oldI); v != p.Before {
			t.Errorf("%s: %.1f gave %s before, recorded %s", p.ID, p.KandelMoles, v, p.Before)
		}
		if v := easeVerdict(p.KandelMoles, newW, newI); v != p.After {
			t.Errorf("%s: %.1f gives %s now, recorded %s", p.ID, p.KandelMoles, v, p.After)
		}
	}
}

// TestReadingEaseThresholdsAppliedFR checks Check applies the French
// thresholds to a French report, in both modes, on either side of each.
func TestReadingEaseThresholdsAppliedFR(t *testing.T) {
	cases := []struct {
		ease      float64
		executive bool
		want      string
	}{
		{KandelMolesFloor - 0.1, false, "warning"},
		{KandelMolesFloor, false, "info"},
		{KandelMolesNote - 0.1, false, "info"},
		{KandelMolesNote, false, "none"},
		{KandelMolesFloorExecutive - 0.1, true, "warning"},
		{KandelMolesFloorExecutive, true, "info"},
		{KandelMolesNoteExecutive - 0.1, true, "info"},
		{KandelMolesNoteExecutive, true, "none"},
	}
	for _, c := range cases {
		r := Report{Flesch: c.ease, Sentences: 1, Language: Language{Code: LangFrench}}
		got := "none"
		checkReadability(&r, nil, Options{Executive: c.executive}, func(f Finding) {
			if f.Rule == "reading-ease" {
				got = f.Level
				if !strings.Contains(f.Text, "Kandel–Moles") {
					t.Errorf("French reading-ease text %q", f.Text)
				}
			}
		})
		if got != c.want {
			t.Errorf("Kandel–Moles %.1f (executive %v): %s, want %s", c.ease, c.executive, got, c.want)
		}
	}
}
