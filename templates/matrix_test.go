package templates_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/generator"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/templates"
)

// The posting matrix of issue 10: every role at two sizes per stage (three
// at enterprise, where one SVP and several SVPs read differently), under
// every archetype. These thresholds are the acceptance bar; do not loosen
// them to make a posting pass: change the catalog or the rules instead.
const (
	// maxSharedListSentences: a CTO and a VP of Engineering posting for
	// the same profile share at most this many list sentences.
	maxSharedListSentences = 3
	// maxArchetypeDrift: IC and engineering manager postings differ by at
	// most this many duties across archetypes.
	maxArchetypeDrift = 2
	// minDeliveryDuties: the delivery leader holds at least this many
	// delivery, process or people duties under every archetype.
	minDeliveryDuties = 4
	// maxSentenceShare and maxSentenceRoles bound boilerplate: no list
	// sentence (outside the five basics) appears in more than this share of
	// the matrix's postings, or in more than this many roles.
	maxSentenceShare = 0.25
	maxSentenceRoles = 6
	// maxMedianBulletShare bounds the median share of words in bullets.
	maxMedianBulletShare = 0.55
)

// matrixPoints are the stage and size points of the matrix.
var matrixPoints = []struct {
	stage string
	size  int
}{
	{"seed", 3}, {"seed", 8}, {"early", 15}, {"early", 30},
	{"growth", 60}, {"growth", 150}, {"enterprise", 400}, {"enterprise", 1000}, {"enterprise", 1500},
}

// posting is one generated posting of the matrix.
type posting struct {
	role, stage, archetype string
	size                   int
	jd                     *generator.JobDescription
	md                     string
}

func (p posting) name() string {
	return fmt.Sprintf("%s/%s/%d/%s", p.role, p.stage, p.size, p.archetype)
}

func buildMatrix(t *testing.T, cat *catalog.Catalog) []posting {
	t.Helper()
	var out []posting
	for _, r := range cat.Roles {
		for _, pt := range matrixPoints {
			for _, a := range cat.ArchetypeIDs() {
				p, err := profile.Resolve(cat, profile.Input{Stage: pt.stage, Size: fmt.Sprint(pt.size), Archetype: a})
				if err != nil {
					t.Fatal(err)
				}
				jd, err := generator.JD(cat, p, r.ID)
				if err != nil {
					t.Fatal(err)
				}
				md, err := templates.Render("jd.md.tmpl", jd)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, posting{role: r.ID, stage: pt.stage, archetype: a, size: pt.size, jd: jd, md: string(md)})
			}
		}
	}
	return out
}

// listSentences returns the list items of a posting that count as
// boilerplate candidates: every list but the five basics.
func listSentences(jd *generator.JobDescription) []string {
	var out []string
	for _, l := range [][]generator.Item{jd.Responsibilities, jd.MustHaves, jd.NiceToHaves, jd.Challenges, jd.Measures} {
		for _, it := range l {
			out = append(out, it.Text)
		}
	}
	return out
}

// bulletShare is the share of a posting's words that sit in bullets.
func bulletShare(md string) float64 {
	var all, bullets int
	for _, line := range strings.Split(md, "\n") {
		n := len(strings.Fields(line))
		all += n
		if strings.HasPrefix(strings.TrimSpace(line), "- ") {
			bullets += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(bullets) / float64(all)
}

func duties(jd *generator.JobDescription) []string {
	var ids []string
	for _, it := range jd.Responsibilities {
		ids = append(ids, it.ID)
	}
	return ids
}

func TestPostingMatrix(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m := buildMatrix(t, cat)
	byKey := map[string]posting{}
	for _, p := range m {
		byKey[p.name()] = p
	}
	var failures []string
	fail := func(format string, args ...any) { failures = append(failures, fmt.Sprintf(format, args...)) }

	// Item 1: IC and engineering manager postings barely move with the
	// archetype; the delivery leader keeps delivery, process and people
	// duties under every archetype.
	drift := 0
	for _, r := range cat.Roles {
		if r.Track != "ic" && r.ID != "engineering-manager" {
			continue
		}
		for _, pt := range matrixPoints {
			base := duties(byKey[fmt.Sprintf("%s/%s/%d/product", r.ID, pt.stage, pt.size)].jd)
			for _, a := range cat.ArchetypeIDs() {
				other := duties(byKey[fmt.Sprintf("%s/%s/%d/%s", r.ID, pt.stage, pt.size, a)].jd)
				d := 0
				for _, id := range other {
					if !slices.Contains(base, id) {
						d++
					}
				}
				drift = max(drift, d)
				if d > maxArchetypeDrift {
					fail("%s/%s/%d: %d duties change between product and %s, want at most %d", r.ID, pt.stage, pt.size, d, a, maxArchetypeDrift)
				}
			}
		}
	}
	minDelivery := 100
	for _, p := range m {
		if p.role != "vp-engineering" && p.role != "head-of-engineering" {
			continue
		}
		n := 0
		for _, it := range p.jd.Responsibilities {
			switch it.Area {
			case "product-delivery", "process-and-metrics", "people-and-culture":
				n++
			}
		}
		minDelivery = min(minDelivery, n)
		if n < minDeliveryDuties {
			fail("%s: %d delivery, process or people duties, want at least %d", p.name(), n, minDeliveryDuties)
		}
	}

	// Item 2: one job per posting.
	maxShared := 0
	for _, pt := range matrixPoints {
		for _, a := range cat.ArchetypeIDs() {
			cto := listSentences(byKey[fmt.Sprintf("cto/%s/%d/%s", pt.stage, pt.size, a)].jd)
			vpe := listSentences(byKey[fmt.Sprintf("vp-engineering/%s/%d/%s", pt.stage, pt.size, a)].jd)
			shared := 0
			for _, s := range cto {
				if slices.Contains(vpe, s) {
					shared++
				}
			}
			maxShared = max(maxShared, shared)
			if shared > maxSharedListSentences {
				fail("cto and vp-engineering at %s/%d/%s share %d list sentences, want at most %d", pt.stage, pt.size, a, shared, maxSharedListSentences)
			}
		}
	}

	// Item 5: every responsibility reaches a posting.
	used := map[string]bool{}
	for _, p := range m {
		for _, it := range p.jd.Responsibilities {
			used[it.ID] = true
		}
	}
	var unused []string
	for _, r := range cat.Responsibilities {
		if !used[r.ID] {
			unused = append(unused, r.ID)
		}
	}
	if len(unused) > 0 {
		fail("%d of %d responsibilities appear in no posting: %s", len(unused), len(cat.Responsibilities), strings.Join(unused, ", "))
	}

	// Item 6: no boilerplate.
	postingsWith := map[string]int{}
	rolesWith := map[string]map[string]bool{}
	for _, p := range m {
		seen := map[string]bool{}
		for _, s := range listSentences(p.jd) {
			if seen[s] {
				continue
			}
			seen[s] = true
			postingsWith[s]++
			if rolesWith[s] == nil {
				rolesWith[s] = map[string]bool{}
			}
			rolesWith[s][p.role] = true
		}
	}
	type freq struct {
		text  string
		n     int
		roles int
	}
	var common []freq
	for s, n := range postingsWith {
		common = append(common, freq{s, n, len(rolesWith[s])})
	}
	sort.Slice(common, func(i, j int) bool {
		if common[i].n != common[j].n {
			return common[i].n > common[j].n
		}
		return common[i].text < common[j].text
	})
	for _, f := range common {
		share := float64(f.n) / float64(len(m))
		if share > maxSentenceShare || f.roles > maxSentenceRoles {
			fail("boilerplate: in %d postings (%.0f%%) and %d roles: %q", f.n, 100*share, f.roles, f.text)
		}
	}

	// Item 7: prose over bullets, inside the word bounds.
	var shares []float64
	for _, p := range m {
		shares = append(shares, bulletShare(p.md))
	}
	slices.Sort(shares)
	median := shares[len(shares)/2]
	if median > maxMedianBulletShare {
		fail("median bullet share %.0f%%, want at most %.0f%%", 100*median, 100*maxMedianBulletShare)
	}

	top := "none"
	if len(common) > 0 {
		top = fmt.Sprintf("%d postings, %d roles", common[0].n, common[0].roles)
	}
	t.Logf("matrix: %d postings; most archetype drift in IC/EM duties %d; fewest delivery duties for the delivery leader %d; most CTO/VPE shared list sentences %d; unused responsibilities %d of %d; most common list sentence %s; bullet share min %.0f%%, median %.0f%%, max %.0f%%",
		len(m), drift, minDelivery, maxShared, len(unused), len(cat.Responsibilities), top, 100*shares[0], 100*median, 100*shares[len(shares)-1])
	for _, f := range failures {
		t.Error(f)
	}
}
