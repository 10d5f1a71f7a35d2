package generator

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/profile"
)

// The tailoring rules. Each is a small pure function with a table test in
// rules_test.go:
//
//   - AboutCompany: the company paragraph from name, stage, size, industry.
//   - ReportsTo: the manager, from the role's reports_to rules by stage and
//     size, skipping managers the company is too small to have.
//   - TeamScope: the span of the role at this headcount.
//   - MergedRoles: below a split's merge_below headcount, the CTO also
//     holds the VP Engineering role (seed 000).
//   - DeliveryNote: who runs delivery, by archetype and size.
//   - Mismatches: warnings when stage, size, archetype and role do not fit.
//   - SelectResponsibilities: stage filter, stage phrasing, archetype
//     weighting, area spread and near-duplicate removal.
//   - NeedsBareMinimums: a seed or early CTO (or Head of Engineering) sets
//     up the five bare minimums.
//   - SelectSkills, SelectChallenges, SelectMeasures: stage filter and
//     ranking of the other lists.
//   - Compensation, HowToApply: the pay and apply sections from company.yaml.

// List sizes. Each list in a posting has 5 to 10 bullets, and must-haves
// stay at 8 or fewer so candidates from under-represented groups are not
// put off by an endless wish list.
const (
	MaxMustHaves = 7
	// MaxExecutiveMustHaves is higher: an executive search is broader.
	MaxExecutiveMustHaves = 8
	MaxNiceToHaves        = 5
	MaxChallenges         = 5
	MaxMeasures           = 5
	// perAreaFirstPass caps how many bullets one area gets before every
	// other area has had its turn, so the list shows the role's breadth.
	perAreaFirstPass = 2
	// duplicateThreshold is the word-overlap above which two bullets say
	// the same thing and only the better-ranked one is kept.
	duplicateThreshold = 0.5
)

// stagePhrase says what kind of company a stage makes.
func stagePhrase(s catalog.Stage) string {
	switch s.ID {
	case "seed":
		return "a seed-stage startup"
	case "early":
		return "an early-stage startup"
	case "growth":
		return "a growth-stage company"
	case "enterprise":
		return "an established company"
	}
	return "a " + strings.ToLower(s.Title) + " company"
}

// StageLabel names the stage for the header line of a document.
func StageLabel(s catalog.Stage) string {
	if s.ID == "enterprise" {
		return "Established company"
	}
	return strings.TrimSuffix(s.Title, " stage") + " stage"
}

// AboutCompany writes the "About the company" paragraph.
func AboutCompany(p profile.Profile) string {
	c := p.Company
	who := "We are " + stagePhrase(p.Stage)
	if name := strings.TrimSpace(c.Name); name != "" {
		who = name + " is " + stagePhrase(p.Stage)
	}
	if ind := strings.TrimSpace(c.Industry); ind != "" {
		who += " in " + ind
	}
	var b strings.Builder
	b.WriteString(who)
	switch {
	case c.Employees > p.Size:
		fmt.Fprintf(&b, " with %s people, %s of them in engineering.", thousands(c.Employees), thousands(p.Size))
	default:
		fmt.Fprintf(&b, " with %s.", engineers(p.Size))
	}
	if m := strings.TrimSpace(c.Mission); m != "" {
		b.WriteString(" ")
		b.WriteString(sentence(m))
	}
	if len(c.Locations) > 0 || c.WorkModel != "" {
		b.WriteString(" ")
		b.WriteString(WhereYouWork(c))
	}
	return b.String()
}

func engineers(n int) string {
	if n == 1 {
		return "one engineer"
	}
	return thousands(n) + " engineers"
}

// WhereYouWork words the work model and locations.
func WhereYouWork(c profile.Company) string {
	var locs []string
	for _, l := range c.Locations {
		locs = append(locs, l.String())
	}
	where := joinAnd(locs)
	switch c.WorkModel {
	case "remote":
		if where != "" {
			return "The role is fully remote; you work from " + where + "."
		}
		return "The role is fully remote."
	case "hybrid":
		if where != "" {
			return "The role is hybrid: part of the week at our office in " + where + ", the rest from home."
		}
		return "The role is hybrid: part of the week in the office, the rest from home."
	case "onsite":
		if where != "" {
			return "You work with us on site in " + where + "."
		}
		return "You work with us on site."
	}
	return "The role is based in " + where + "."
}

// ReportsTo finds the role's manager. It follows the first rule whose stage
// and size conditions hold; when that manager's role does not exist at this
// headcount (its min_size is larger), it moves up to that manager's own
// manager, so an engineer in a 12-person team never reports to a director.
func ReportsTo(cat *catalog.Catalog, role catalog.Role, stage string, size int) string {
	seen := map[string]bool{role.ID: true}
	cur := role
	for {
		rule, ok := matchRule(cur.ReportsTo, stage, size)
		if !ok {
			return "the CEO"
		}
		if rule.Title != "" {
			return rule.Title
		}
		mgr, err := cat.Role(rule.Role)
		if err != nil || seen[mgr.ID] {
			return "the CEO"
		}
		if mgr.MinSize <= size {
			return "the " + mgr.Title
		}
		seen[mgr.ID] = true
		cur = mgr
	}
}

func matchRule(rules []catalog.ReportsTo, stage string, size int) (catalog.ReportsTo, bool) {
	for _, r := range rules {
		if len(r.Stages) > 0 && !slices.Contains(r.Stages, stage) {
			continue
		}
		if r.MinSize > 0 && size < r.MinSize {
			continue
		}
		if r.MaxSize > 0 && size > r.MaxSize {
			continue
		}
		return r, true
	}
	return catalog.ReportsTo{}, false
}

// TeamScope says how many people the role works with or is responsible for.
func TeamScope(role catalog.Role, size int) string {
	team := min(size, 8)
	switch role.ID {
	case "cto":
		return fmt.Sprintf("You are responsible for technology across the company and for its %s.", engineers(size))
	case "cio":
		return fmt.Sprintf("You are responsible for the internal systems the whole company relies on, working beside %s.", engineers(size))
	case "cpo":
		return fmt.Sprintf("You own the product team and work hand in hand with %s.", engineers(size))
	case "vp-engineering", "head-of-engineering":
		return fmt.Sprintf("You are responsible for the whole engineering team: %s.", engineers(size))
	case "director-of-engineering":
		teams := max(2, size/8)
		return fmt.Sprintf("You run about %d teams and their managers, within an engineering team of %s.", teams, thousands(size))
	case "engineering-manager":
		return fmt.Sprintf("You manage one team of up to %s, within an engineering team of %s.", engineers(team), thousands(size))
	case "tech-lead":
		return fmt.Sprintf("You guide the technical work of one team of about %s, and you still write code.", engineers(team))
	case "staff-engineer", "principal-engineer":
		if size <= 8 {
			return fmt.Sprintf("You work across the whole engineering team of %s.", engineers(size))
		}
		return fmt.Sprintf("You work across teams, with influence over the work of %s.", engineers(size))
	}
	if size <= 1 {
		return "You are the first engineer on the team."
	}
	return fmt.Sprintf("You join an engineering team of %s.", engineers(size))
}

// MergedRoles lists the roles the given role absorbs at this headcount:
// the right-hand side of every split whose left side is this role and whose
// merge_below is above the size. With the built-in data, a CTO of fewer
// than 15 engineers is also the VP Engineering (seed 000).
func MergedRoles(cat *catalog.Catalog, role catalog.Role, size int) []string {
	var out []string
	for _, s := range cat.Splits {
		if s.Left.Role == role.ID && s.MergeBelow > 0 && size < s.MergeBelow {
			out = append(out, s.Right.Role)
		}
	}
	if len(out) == 0 && role.ID == "cto" && size < cat.Settings.MergeCTOAndVPEBelow {
		out = append(out, "vp-engineering")
	}
	return out
}

// mergeThreshold is the headcount under which the CTO holds the VP
// Engineering role.
func mergeThreshold(cat *catalog.Catalog) int {
	for _, s := range cat.Splits {
		if s.Left.Role == "cto" && s.Right.Role == "vp-engineering" && s.MergeBelow > 0 {
			return s.MergeBelow
		}
	}
	return cat.Settings.MergeCTOAndVPEBelow
}

// DeliveryNote says who runs delivery. An external-facing or visionary CTO
// usually has a VP Engineering running delivery beneath them; a product CTO
// at a young company holds delivery directly.
func DeliveryNote(cat *catalog.Catalog, role catalog.Role, p profile.Profile) string {
	big := p.Size >= mergeThreshold(cat)
	a := p.Archetype
	switch {
	case role.ID == "cto" && a.DelegatesDelivery && big:
		return fmt.Sprintf("As %s %s, you work with a VP Engineering who runs delivery day to day, so your time goes to %s.",
			article(a.Title), a.Title, lowerFirst(strings.TrimSuffix(a.Focus, ".")))
	case role.ID == "vp-engineering" && a.DelegatesDelivery && big:
		return fmt.Sprintf("The CTO works as %s %s, focused on %s; you run delivery day to day.", article(a.Title), a.Title, lowerFirst(strings.TrimSuffix(a.Focus, ".")))
	case role.ID == "cto" && a.ID == "product" && big && (p.Stage.ID == "seed" || p.Stage.ID == "early"):
		return "You hold delivery directly: no VP Engineering sits between you and the teams."
	}
	return ""
}

// Mismatches explains where the parameters do not fit each other. The
// document is generated all the same.
func Mismatches(cat *catalog.Catalog, role catalog.Role, p profile.Profile) []string {
	var w []string
	if m := StageSizeMismatch(p); m != "" {
		w = append(w, m)
	}
	if p.ArchetypeGiven && p.Archetype.MinSize > p.Size {
		w = append(w, fmt.Sprintf("the %s archetype (%s) usually needs %d or more engineers; with %s, the CTO spends most of the time building, so expect the role to be hands-on",
			p.Archetype.ID, lowerFirst(p.Archetype.Focus), p.Archetype.MinSize, engineers(p.Size)))
	}
	// A role that is a ladder rung takes its threshold from the ladder
	// (RungWarning, added where postings are built); the catalog's
	// min_size speaks only for the other roles.
	if role.MinSize > p.Size && !isBuiltinRung(role.ID) {
		w = append(w, fmt.Sprintf("a %s is rarely a separate job below %d engineers; with %s, consider a broader role",
			role.Title, role.MinSize, engineers(p.Size)))
	}
	if role.ID == "vp-engineering" && p.Size < mergeThreshold(cat) {
		w = append(w, fmt.Sprintf("with %s, the CTO usually holds the VP Engineering role too; consider --role cto", engineers(p.Size)))
	}
	return w
}

// StageSizeMismatch says when the headcount is outside the stage's usual
// range, or returns "".
func StageSizeMismatch(p profile.Profile) string {
	st := p.Stage
	if st.TypicalMax <= 0 || (p.Size >= st.TypicalMin && p.Size <= st.TypicalMax) {
		return ""
	}
	return fmt.Sprintf("%s %s company usually has %d to %s engineers, and you gave %s; check --stage and --size",
		article(st.ID), st.ID, st.TypicalMin, thousands(st.TypicalMax), thousands(p.Size))
}

// applies reports whether an item limited to stages applies at stage.
func applies(stages []string, stage string) bool {
	return len(stages) == 0 || slices.Contains(stages, stage)
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

type scored struct {
	item  Item
	area  int
	score int
	order int
}

// ResponsibilityScore ranks a responsibility for a role: the archetype's
// weight dominates, the role's own duties come before duties it absorbs
// from a merged role, and stage-specific duties come before generic ones.
// When a VP Engineering runs delivery, the CTO's delivery and process
// duties drop.
func ResponsibilityScore(r catalog.Responsibility, primary string, p profile.Profile, delegated bool) int {
	s := r.Weights.For(p.Archetype.ID) * 10
	if slices.Contains(r.Roles, primary) {
		s += 12
	}
	if len(r.Stages) > 0 {
		s += 3
	}
	if delegated && (r.Area == "product-delivery" || r.Area == "process-and-metrics") {
		s -= 15
	}
	return s
}

// SelectResponsibilities picks up to limit duties for roles (the first is
// the role itself, the rest roles it absorbs) at the profile's stage. A
// duty that repeats one of the avoid texts (such as a bare minimum already
// listed in its own section) is left out.
func SelectResponsibilities(cat *catalog.Catalog, roles []string, p profile.Profile, limit int, avoid ...string) []Item {
	primary := roles[0]
	delegated := primary == "cto" && p.Archetype.DelegatesDelivery && p.Size >= mergeThreshold(cat)
	var cands []scored
	for i, r := range cat.Responsibilities {
		if !overlaps(r.Roles, roles) || !applies(r.Stages, p.Stage.ID) {
			continue
		}
		cands = append(cands, scored{
			item:  Item{ID: r.ID, Area: r.Area, Text: r.TextFor(p.Stage.ID), Sources: r.Sources},
			area:  cat.AreaIndex(r.Area),
			score: ResponsibilityScore(r, primary, p, delegated),
			order: i,
		})
	}
	return pick(cands, limit, perAreaFirstPass, avoid...)
}

// pick takes the best-scored items, at most perArea per area on the first
// pass, skipping near-duplicates, then shows them grouped by area.
func pick(cands []scored, limit, perArea int, avoid ...string) []Item {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].order < cands[j].order
	})
	var chosen []scored
	taken := make([]bool, len(cands))
	perAreaCount := map[int]int{}
	dup := func(c scored) bool {
		for _, a := range avoid {
			if catalog.Similarity(a, c.item.Text) > duplicateThreshold {
				return true
			}
		}
		for _, x := range chosen {
			if catalog.Similarity(x.item.Text, c.item.Text) > duplicateThreshold {
				return true
			}
		}
		return false
	}
	for pass := 0; pass < 2 && len(chosen) < limit; pass++ {
		for i, c := range cands {
			if len(chosen) >= limit {
				break
			}
			if taken[i] || (pass == 0 && perArea > 0 && perAreaCount[c.area] >= perArea) {
				continue
			}
			taken[i] = true
			if dup(c) {
				continue
			}
			chosen = append(chosen, c)
			perAreaCount[c.area]++
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		if chosen[i].area != chosen[j].area {
			return chosen[i].area < chosen[j].area
		}
		if chosen[i].score != chosen[j].score {
			return chosen[i].score > chosen[j].score
		}
		return chosen[i].order < chosen[j].order
	})
	out := make([]Item, len(chosen))
	for i, c := range chosen {
		out[i] = c.item
	}
	return out
}

// NeedsBareMinimums reports whether the posting lists the five bare
// minimums: a CTO or Head of Engineering at a seed or early startup puts
// them in place (seed 002), and so does anyone holding the CTO's duties.
func NeedsBareMinimums(role catalog.Role, stage string, merged []string) bool {
	if stage != "seed" && stage != "early" {
		return false
	}
	return role.ID == "cto" || role.ID == "head-of-engineering" || slices.Contains(merged, "cto")
}

// SelectSkills picks the must-haves and nice-to-haves for a role at a
// stage, ranking skills with archetype weights first.
func SelectSkills(cat *catalog.Catalog, role string, p profile.Profile, maxMust, maxNice int) (must, nice []Item) {
	var m, n []scored
	for i, s := range cat.Skills {
		if !applies(s.Stages, p.Stage.ID) {
			continue
		}
		score := 0
		if s.Weights != nil {
			score = s.Weights.For(p.Archetype.ID) * 10
		}
		if len(s.Stages) > 0 {
			score += 3
		}
		it := scored{item: Item{ID: s.ID, Title: s.Kind, Text: s.TextFor(p.Stage.ID), Sources: s.Sources}, score: score, order: i}
		if slices.Contains(s.Must, role) {
			m = append(m, it)
		} else if slices.Contains(s.Nice, role) {
			n = append(n, it)
		}
	}
	return keepOrder(pick(m, maxMust, 0), m), keepOrder(pick(n, maxNice, 0), n)
}

// keepOrder returns the chosen items in catalog order, so technical skills
// and people skills stay grouped as the catalog arranges them.
func keepOrder(chosen []Item, all []scored) []Item {
	ids := map[string]bool{}
	for _, c := range chosen {
		ids[c.ID] = true
	}
	out := make([]Item, 0, len(chosen))
	sort.SliceStable(all, func(i, j int) bool { return all[i].order < all[j].order })
	for _, a := range all {
		if ids[a.item.ID] {
			out = append(out, a.item)
		}
	}
	return out
}

// SelectChallenges picks the problems the role will take on at this stage:
// stage-specific ones first, then the role's own before a merged role's.
func SelectChallenges(cat *catalog.Catalog, roles []string, stage string, limit int) []Item {
	return selectListed(cat.Challenges, roles, stage, limit, func(c catalog.Challenge) (Item, []string, []string) {
		return Item{ID: c.ID, Title: c.Title, Text: c.Text, Sources: c.Sources}, c.Roles, c.Stages
	})
}

// SelectMeasures picks how success is measured, like SelectChallenges.
func SelectMeasures(cat *catalog.Catalog, roles []string, stage string, limit int) []Item {
	return selectListed(cat.Measures, roles, stage, limit, func(m catalog.Measure) (Item, []string, []string) {
		return Item{ID: m.ID, Title: m.Category, Text: m.Text, Sources: m.Sources}, m.Roles, m.Stages
	})
}

// selectListed keeps the items for roles at stage, ranks them with
// listScore and returns up to limit of them in catalog order.
func selectListed[T any](items []T, roles []string, stage string, limit int, view func(T) (Item, []string, []string)) []Item {
	var cands []scored
	for i, x := range items {
		it, itemRoles, stages := view(x)
		if !overlaps(itemRoles, roles) || !applies(stages, stage) {
			continue
		}
		cands = append(cands, scored{item: it, score: listScore(itemRoles, stages, roles[0]), order: i})
	}
	return keepOrder(pick(cands, limit, 0), cands)
}

func listScore(itemRoles, stages []string, primary string) int {
	s := 0
	if slices.Contains(itemRoles, primary) {
		s += 10
	}
	if len(stages) > 0 {
		s += 3
	}
	return s
}

// Compensation words the pay for a role from company.yaml, which may key
// it by role id or alias. It returns nil when the company gives no pay.
func Compensation(c profile.Company, role catalog.Role) *PayView {
	pay, ok := c.Compensation[role.ID]
	if !ok {
		for _, a := range role.Aliases {
			if pay, ok = c.Compensation[a]; ok {
				break
			}
		}
	}
	if !ok {
		return nil
	}
	v := &PayView{Min: pay.Min, Max: pay.Max, Currency: pay.Currency, Period: pay.Period, Equity: pay.Equity, Bonus: pay.Bonus}
	period := pay.Period
	if period == "" {
		period = "year"
	}
	switch {
	case pay.Min > 0 && pay.Max > 0 && pay.Min != pay.Max:
		v.Range = fmt.Sprintf("%s %s – %s per %s", pay.Currency, money(pay.Min), money(pay.Max), period)
	case pay.Min > 0 || pay.Max > 0:
		v.Range = fmt.Sprintf("%s %s per %s", pay.Currency, money(max(pay.Min, pay.Max)), period)
	}
	return v
}

// HowToApply words the apply section.
func HowToApply(c profile.Company, role catalog.Role) string {
	u, e := strings.TrimSpace(c.Apply.URL), strings.TrimSpace(c.Apply.Email)
	switch {
	case u != "" && e != "":
		return fmt.Sprintf("Apply at %s, or email %s with \"%s\" in the subject line.", u, e, role.Title)
	case u != "":
		return fmt.Sprintf("Apply at %s.", u)
	case e != "":
		return fmt.Sprintf("Email %s with \"%s\" in the subject line.", e, role.Title)
	}
	return "Send us your CV and a few lines about a piece of work you are proud of, and why. We reply to every application."
}

// money formats an amount with thousands separators and, when it has
// cents, two decimals.
func money(v float64) string {
	whole := math.Floor(v)
	s := thousands(int(whole))
	if cents := math.Round((v - whole) * 100); cents > 0 {
		s += fmt.Sprintf(".%02d", int(cents))
	}
	return s
}

// thousands formats 1234567 as "1,234,567".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// sentence makes sure text ends with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// article returns "an" before a vowel sound and "a" otherwise.
func article(word string) string {
	if word != "" && strings.ContainsRune("AEIOUaeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an acronym such as "R&D" or "API"
	}
	return strings.ToLower(string(r[:1])) + string(r[1:])
}
