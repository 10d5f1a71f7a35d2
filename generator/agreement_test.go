package generator

import (
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
)

// rungRoles are the catalog roles that are also ladder rungs.
var rungRoles = []string{"software-engineer", "senior-engineer", "staff-engineer", "principal-engineer",
	"engineering-manager", "director-of-engineering", "head-of-engineering", "vp-engineering", "cto"}

const rarely = "rarely a separate job"

// TestRungWarningAgreesWithLadder checks one truth for postings and the
// ladder at every size from 1 to 5,000, at every stage and for every
// archetype: a posting for a role that is a rung warns that it is rarely a
// separate job exactly when the ladder, built for the same company, shows
// the rung reserved or leaves it out.
func TestRungWarningAgreesWithLadder(t *testing.T) {
	l := builtinLadder(t)
	for _, st := range ladderStages {
		for _, a := range ladderArchetypes {
			// The whole ladder is built at every headcount where a rung
			// can change, either side of it, and every 250 engineers; the
			// rung labels the ladder prints are checked at every size.
			full := map[int]bool{}
			for _, n := range thresholds(l, lprof(st, 1, a), 0, 5000) {
				full[n-1], full[n] = true, true
			}
			for n := 250; n <= 5000; n += 250 {
				full[n] = true
			}
			for n := 1; n <= 5000; n++ {
				p := lprof(st, n, a)
				var lv *LadderView
				if full[n] {
					var err error
					if lv, err = CareerLadder(l, p, "all"); err != nil {
						t.Fatal(err)
					}
				}
				b := newBuilder(l, p)
				for _, role := range rungRoles {
					v, ok := RoleRung(l, role)
					if !ok {
						t.Fatalf("%s is not a rung", role)
					}
					notFilled := b.ref(v).Status != "filled"
					if lv != nil {
						onLadder, found := lv.Level(v.ID)
						if got := !found || onLadder.Reserved; got != notFilled {
							t.Fatalf("%s/%s/%d %s: the ladder and its labels disagree", st, a, n, role)
						}
					}
					warn := RungWarning(l, p, role)
					if notFilled != (warn != "") || (warn != "" && !strings.Contains(warn, rarely)) {
						t.Fatalf("%s/%s/%d %s: ladder shows it filled = %v, but the posting warning is %q", st, a, n, role, !notFilled, warn)
					}
				}
			}
		}
	}
}

// TestPostingWarningsFollowTheLadder checks the whole posting: Mismatches
// no longer warns from the catalog's min_size for a role that is a rung,
// so with RungWarning added (as rungs jd and the pipeline do) a posting
// says "rarely a separate job" once, exactly when the ladder does.
func TestPostingWarningsFollowTheLadder(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l := builtinLadder(t)
	for _, st := range ladderStages {
		stage, err := cat.Stage(st)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range ladderArchetypes {
			arch, err := cat.Archetype(a)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{1, 4, 8, 9, 10, 14, 15, 20, 25, 29, 30, 39, 40, 49, 50, 59, 60, 120, 199, 200, 300, 1000, 5000} {
				p := profile.Profile{Stage: stage, Size: n, Archetype: arch}
				for _, role := range rungRoles {
					r, err := cat.Role(role)
					if err != nil {
						t.Fatal(err)
					}
					ws := Mismatches(cat, r, p)
					if w := RungWarning(l, p, role); w != "" {
						ws = append(ws, w)
					}
					got := strings.Count(strings.Join(ws, "\n"), rarely)
					v, _ := RoleRung(l, role)
					status, _, _ := RungStatus(l, v, p)
					want := 0
					if status != "filled" {
						want = 1
					}
					if got != want {
						t.Errorf("%s/%s/%d %s: ladder says %s, posting warns %q", st, a, n, role, status, ws)
					}
				}
			}
		}
	}
}

// TestRungWarning is the table test of the rule, with the thresholds the
// issue found out of step: Head of Engineering at 25 under a product CTO,
// director, principal, staff and engineering manager.
func TestRungWarning(t *testing.T) {
	l := builtinLadder(t)
	tests := []struct {
		role, stage string
		size        int
		archetype   string
		want        string // "" for no warning
	}{
		// Head of Engineering is a real filled title from 15 to 60
		// engineers, under every CTO.
		{"head-of-engineering", "early", 25, "product", ""},
		{"head-of-engineering", "seed", 14, "product", "reserved until about 15 engineers"},
		{"head-of-engineering", "growth", 25, "product", ""},
		{"head-of-engineering", "early", 25, "external", ""},
		{"head-of-engineering", "seed", 5, "external", "reserved until about 15 engineers"},
		{"vp-engineering", "growth", 120, "product", ""},
		{"director-of-engineering", "growth", 59, "product", "reserved until about 60 engineers"},
		{"director-of-engineering", "growth", 60, "product", ""},
		{"director-of-engineering", "seed", 9, "product", "adds the level from about 15 engineers"},
		{"principal-engineer", "growth", 49, "product", "reserved until about 50 engineers"},
		{"principal-engineer", "growth", 50, "product", ""},
		{"staff-engineer", "early", 14, "product", "reserved until about 15 engineers"},
		{"staff-engineer", "early", 15, "product", ""},
		{"engineering-manager", "seed", 9, "product", "adds the level from about 10 engineers"},
		{"engineering-manager", "seed", 10, "product", ""},
		{"cto", "seed", 1, "product", ""},
		{"software-engineer", "seed", 1, "product", ""},
		{"cio", "seed", 1, "product", ""},
		{"tech-lead", "seed", 1, "product", ""},
	}
	for _, tt := range tests {
		got := RungWarning(l, lprof(tt.stage, tt.size, tt.archetype), tt.role)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("RungWarning(%s, %s/%d/%s) = %q, want %q", tt.role, tt.stage, tt.size, tt.archetype, got, tt.want)
		}
		if got != "" && !strings.Contains(got, rarely) {
			t.Errorf("RungWarning(%s) = %q, want it to say %q", tt.role, got, rarely)
		}
	}
	if v, ok := RoleRung(l, "head-of-engineering"); !ok || v.ID != l.Settings.DeliveryRung {
		t.Errorf("head-of-engineering should be the delivery rung, got %q", v.ID)
	}
}
