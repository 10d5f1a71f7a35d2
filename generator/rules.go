package generator

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
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
	MaxMustHaves = 5
	// MaxExecutiveMustHaves is higher: an executive search is broader.
	MaxExecutiveMustHaves = 6
	MaxNiceToHaves        = 5
	// Challenges read as short paragraphs, so there are few of them.
	MaxChallenges          = 2
	MaxExecutiveChallenges = 3
	MaxMeasures            = 5
	// perAreaFirstPass caps how many bullets one area gets before every
	// other area has had its turn, so the list shows the role's breadth.
	perAreaFirstPass = 2
	// duplicateThreshold is the word-overlap above which two bullets say
	// the same thing and only the better-ranked one is kept.
	duplicateThreshold = 0.5
)

// stagePhrase says what kind of company a stage makes.
func stagePhrase(tr *locale.Catalog, s catalog.Stage) string {
	switch s.ID {
	case "seed":
		return tr.Text("stage.phrase.seed", nil)
	case "early":
		return tr.Text("stage.phrase.early", nil)
	case "growth":
		return tr.Text("stage.phrase.growth", nil)
	case "enterprise":
		return tr.Text("stage.phrase.enterprise", nil)
	}
	return tr.Text("stage.phrase.other", locale.Args{"stage": strings.ToLower(s.Title)})
}

// StageLabel names the stage for the header line of a document.
func StageLabel(tr *locale.Catalog, s catalog.Stage) string {
	if s.ID == "enterprise" {
		return tr.Text("stage.label.enterprise", nil)
	}
	// Stage titles in the catalog may already end in " stage" ("Early
	// stage"); the label adds it once.
	return tr.Text("stage.label.other", locale.Args{"stage": strings.TrimSuffix(s.Title, " stage")})
}

// Placeholders lists what only the company can say and its company file
// does not give yet, so the posting shows a visible placeholder for each
// instead of filler that looks finished.
func Placeholders(c profile.Company, role catalog.Role) []string {
	var out []string
	if strings.TrimSpace(c.Industry) == "" && strings.TrimSpace(c.Mission) == "" {
		out = append(out, "about")
	}
	if len(c.Locations) == 0 && c.WorkModel == "" {
		out = append(out, "location")
	}
	if Compensation(c, role) == nil {
		out = append(out, "pay")
	}
	if strings.TrimSpace(c.Team) == "" {
		out = append(out, "team")
	}
	if len(c.Stack) == 0 {
		out = append(out, "stack")
	}
	if len(c.InterviewProcess) == 0 {
		out = append(out, "interview_process")
	}
	if strings.TrimSpace(c.Apply.URL) == "" && strings.TrimSpace(c.Apply.Email) == "" {
		out = append(out, "apply")
	}
	return out
}

// AboutCompany writes the "About the company" paragraph from what the
// company file says. It returns "" when the file says nothing about what
// the company does: the posting then shows a placeholder, because a
// sentence built from stage and size alone looks finished and is not.
func AboutCompany(p profile.Profile) string {
	tr := wordsFor(p.Company.Language)
	c := p.Company
	if strings.TrimSpace(c.Industry) == "" && strings.TrimSpace(c.Mission) == "" {
		return ""
	}
	// The sentence is built from parts because a language orders them
	// differently: who, in what industry, with how many people.
	industry := ""
	if ind := strings.TrimSpace(c.Industry); ind != "" {
		industry = tr.Text("posting.about.industry", locale.Args{"industry": ind})
	}
	people := tr.Text("posting.about.with_engineers", locale.Args{"engineers": engineers(tr, p.Size)})
	if c.Employees > p.Size {
		people = tr.Text("posting.about.with_people", locale.Args{"people": tr.Number(c.Employees), "size": tr.Number(p.Size)})
	}
	var b strings.Builder
	if name := strings.TrimSpace(c.Name); name != "" {
		b.WriteString(tr.Text("posting.about.named", locale.Args{"name": name, "stage": stagePhrase(tr, p.Stage), "industry": industry, "with": people}))
	} else {
		b.WriteString(tr.Text("posting.about.unnamed", locale.Args{"stage": stagePhrase(tr, p.Stage), "industry": industry, "with": people}))
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

// WhereYouWork words the work model and locations.
func WhereYouWork(c profile.Company) string {
	tr := wordsFor(c.Language)
	var locs []string
	for _, l := range c.Locations {
		locs = append(locs, l.String())
	}
	where := joinAnd(tr, locs)
	switch c.WorkModel {
	case "remote":
		if where != "" {
			return tr.Text("posting.where.remote_in", locale.Args{"where": where})
		}
		return tr.Text("posting.where.remote", nil)
	case "hybrid":
		if where != "" {
			return tr.Text("posting.where.hybrid_in", locale.Args{"where": where})
		}
		return tr.Text("posting.where.hybrid", nil)
	case "onsite":
		if where != "" {
			return tr.Text("posting.where.onsite_in", locale.Args{"where": where})
		}
		return tr.Text("posting.where.onsite", nil)
	}
	return tr.Text("posting.where.based_in", locale.Args{"where": where})
}

// RoleName is how a document names a role in a sentence: the company's own
// title when company.yaml gives one, else the short title ("the CTO").
func RoleName(p profile.Profile, r catalog.Role) string {
	if t := p.Title(r.ID, r.Title); t != r.Title {
		return t
	}
	return r.Name()
}

// ReportsTo finds the role's manager. It follows the first rule whose stage
// and size conditions hold; when that manager's role does not exist at this
// headcount (its min_size is larger), it moves up to that manager's own
// manager, so an engineer in a 12-person team never reports to a director.
func ReportsTo(cat *catalog.Catalog, role catalog.Role, p profile.Profile) string {
	tr := wordsFor(p.Company.Language)
	stage, size := p.Stage.ID, p.Size
	seen := map[string]bool{role.ID: true}
	cur := role
	for {
		rule, ok := matchRule(cur.ReportsTo, stage, size)
		if !ok {
			return tr.Text("posting.reports_to.ceo", nil)
		}
		if rule.Title != "" {
			return rule.Title
		}
		mgr, err := cat.Role(rule.Role)
		if err != nil || seen[mgr.ID] {
			return tr.Text("posting.reports_to.ceo", nil)
		}
		if mgr.MinSize <= size {
			return tr.Text("posting.reports_to.role", locale.Args{"role": RoleName(p, mgr)})
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

// TeamScope says how many people the role works with or is responsible
// for, with numbers that fit the headcount: a director runs a handful of
// teams at any size, and a VP of 1,500 engineers works through directors.
func TeamScope(tr *locale.Catalog, role catalog.Role, size int) string {
	team := min(size, 8)
	teams := max(1, (size+4)/8)
	org := ""
	if size >= 200 {
		o := OrgAt(size)
		org = tr.Text("posting.scope.org_suffix", locale.Args{"teams": about(tr, o.Teams), "directors": about(tr, o.Directors)})
	}
	eng := engineers(tr, size)
	all := tr.Number(size)
	switch role.ID {
	case "cto":
		return tr.Text("posting.scope.cto", locale.Args{"engineers": eng, "org": org})
	case "cio":
		return tr.Text("posting.scope.cio", nil)
	case "cpo":
		return tr.Text("posting.scope.cpo", nil)
	case "vp-engineering":
		if size >= VPsFrom {
			o := OrgAt(size)
			return tr.Text("posting.scope.vp_one_of_many", locale.Args{"vps": about(tr, o.VPs), "per_vp": about(tr, div(size, o.VPs)), "size": all})
		}
		return tr.Text("posting.scope.whole_team", locale.Args{"engineers": eng, "org": ""})
	case "head-of-engineering":
		return tr.Text("posting.scope.whole_team", locale.Args{"engineers": eng, "org": org})
	case "director-of-engineering":
		if size < 16 {
			return tr.Text("posting.scope.director_small", locale.Args{"engineers": eng})
		}
		if teams > 8 {
			teams = 6
		}
		return tr.Text("posting.scope.director", locale.Args{"teams": strconv.Itoa(max(2, teams)), "size": all})
	case "engineering-manager":
		if size <= 8 {
			return tr.Text("posting.scope.manager_whole", locale.Args{"engineers": eng})
		}
		return tr.Text("posting.scope.manager_one_team", locale.Args{"team": engineers(tr, team), "size": all})
	case "tech-lead":
		return tr.Text("posting.scope.tech_lead", locale.Args{"team": engineers(tr, team)})
	case "staff-engineer":
		if size <= 8 {
			return tr.Text("posting.scope.staff_whole", locale.Args{"engineers": eng})
		}
		return tr.Text("posting.scope.staff_teams", locale.Args{"teams": teamRange(tr, teams), "size": all})
	case "principal-engineer":
		if size < 200 {
			return tr.Text("posting.scope.principal_whole", locale.Args{"engineers": eng})
		}
		return tr.Text("posting.scope.principal_area", locale.Args{"engineers": eng})
	}
	switch {
	case size <= 1:
		return tr.Text("posting.scope.first_engineer", nil)
	case size <= 12:
		return tr.Text("posting.scope.join_team", locale.Args{"engineers": eng})
	}
	return tr.Text("posting.scope.join_one_of", locale.Args{"teams": about(tr, teams), "size": all})
}

// teamRange is the teams a staff engineer works across.
func teamRange(tr *locale.Catalog, teams int) string {
	switch {
	case teams <= 2:
		return tr.Text("posting.scope.teams_both", nil)
	case teams <= 4:
		return tr.Text("posting.scope.teams_all", locale.Args{"n": strconv.Itoa(teams)})
	}
	return tr.Text("posting.scope.teams_several", locale.Args{"n": about(tr, teams)})
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

// DeliveryNote says who runs delivery, as the ladder's delivery rung has
// it: once the CTO no longer holds the role (the merge size), a Head of
// Engineering runs people and delivery, titled VP of Engineering from
// head_of_engineering_below; past the leaders_from headcount several VPs
// run it.
func DeliveryNote(cat *catalog.Catalog, role catalog.Role, p profile.Profile) string {
	tr := wordsFor(p.Company.Language)
	big := p.Size >= mergeThreshold(cat)
	large := p.Size >= cat.Settings.LeadersFrom
	a := p.Archetype
	focus := lowerFirst(strings.TrimSuffix(a.Focus, "."))
	// English needs "a" or "an" before the archetype; the article is
	// passed as its own value so a language without one can leave it out.
	switch {
	case role.ID == "cto" && large:
		return tr.Text("posting.delivery.cto_leaders", locale.Args{"engineers": engineers(tr, p.Size)})
	case role.ID == "cto" && big && p.Size < cat.Settings.HeadOfEngineeringBelow:
		return tr.Text("posting.delivery.cto_head", nil)
	case role.ID == "cto" && big:
		return tr.Text("posting.delivery.cto_vp", nil)
	case role.ID == "vp-engineering" && large:
		return tr.Text("posting.delivery.vp_org", locale.Args{"article": article(a.Title), "archetype": a.Title, "focus": focus})
	case role.ID == "vp-engineering" && big:
		return tr.Text("posting.delivery.vp", locale.Args{"article": article(a.Title), "archetype": a.Title, "focus": focus})
	}
	return ""
}

// Mismatches explains where the parameters do not fit each other. The
// document is generated all the same.
func Mismatches(cat *catalog.Catalog, role catalog.Role, p profile.Profile) []string {
	tr := wordsFor(p.Company.Language)
	var w []string
	if m := StageSizeMismatch(p); m != "" {
		w = append(w, m)
	}
	if p.ArchetypeGiven && p.Archetype.MinSize > p.Size {
		w = append(w, tr.Text("warning.archetype_too_small.posting", locale.Args{"archetype": p.Archetype.ID, "focus": lowerFirst(p.Archetype.Focus), "min": strconv.Itoa(p.Archetype.MinSize), "engineers": engineers(tr, p.Size)}))
	}
	// A role that is a ladder rung takes its threshold from the ladder
	// (RungWarning, added where postings are built); the catalog's
	// min_size speaks only for the other roles.
	if role.MinSize > p.Size && !isBuiltinRung(role.ID) {
		w = append(w, tr.Text("warning.role_too_small", locale.Args{"article": article(role.Title), "title": role.Title, "min": strconv.Itoa(role.MinSize), "engineers": engineers(tr, p.Size)}))
	}
	if role.ID == "vp-engineering" && p.Size < mergeThreshold(cat) {
		w = append(w, tr.Text("warning.cto_holds_vpe", locale.Args{"engineers": engineers(tr, p.Size)}))
	}
	return w
}

// StageSizeMismatch says when the headcount is outside the stage's usual
// range, or returns "".
func StageSizeMismatch(p profile.Profile) string {
	tr := wordsFor(p.Company.Language)
	st := p.Stage
	if st.TypicalMax <= 0 || (p.Size >= st.TypicalMin && p.Size <= st.TypicalMax) {
		return ""
	}
	return tr.Text("warning.stage_size", locale.Args{"article": article(st.ID), "stage": st.ID, "min": strconv.Itoa(st.TypicalMin), "max": tr.Number(st.TypicalMax), "size": tr.Number(p.Size)})
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

// Score parts of ResponsibilityScore. A role's core duties come first,
// then its own duties (ranked, for the CTO alone, by the archetype), then
// the few duties it absorbs from a merged role.
const (
	coreScore     = 100
	ownScore      = 40
	stageScore    = 3
	narrowedScore = 5
	// archetypeStep multiplies a duty's archetype weight (0 to 3).
	archetypeStep = 10
	// delegatedPenalty drops a CTO's delivery and process duties when a
	// VP of Engineering runs delivery.
	delegatedPenalty = 15
	// maxAbsorbed caps the duties a posting takes from a role it absorbs,
	// so a merged CTO posting stays a CTO posting.
	maxAbsorbed = 2
)

// ResponsibilityScore ranks a responsibility for a role. Core duties of
// the role come first and its own duties before those it absorbs from a
// merged role. The archetype describes the CTO, so its weights rank duties
// in CTO postings only: an engineer's or a manager's job does not change
// with the kind of CTO the company has. Duties limited to a stage, a size
// or an archetype rank above general ones. When a VP of Engineering runs
// delivery, the CTO's delivery and process duties drop.
func ResponsibilityScore(r catalog.Responsibility, primary string, p profile.Profile, delegated bool) int {
	s := 0
	if primary == "cto" {
		s += r.Weights.For(p.Archetype.ID) * archetypeStep
	}
	if slices.Contains(r.Core, primary) {
		s += coreScore
	}
	if slices.Contains(r.Roles, primary) {
		s += ownScore
	}
	if len(r.Stages) > 0 {
		s += stageScore
	}
	if r.Fit.Narrowed() {
		s += narrowedScore
	}
	if delegated && (r.Area == "product-delivery" || r.Area == "process-and-metrics") {
		s -= delegatedPenalty
	}
	return s
}

// SelectResponsibilities picks up to limit duties for roles (the first is
// the role itself, the rest roles it absorbs) at the profile's stage, size
// and archetype. It takes at most maxAbsorbed duties from absorbed roles.
// A duty that repeats one of the avoid texts (such as a bare minimum
// already listed in its own section) is left out.
func SelectResponsibilities(cat *catalog.Catalog, roles []string, p profile.Profile, limit int, avoid ...string) []Item {
	tr := wordsFor(p.Company.Language)
	primary := roles[0]
	delegated := primary == "cto" && p.Archetype.DelegatesDelivery && p.Size >= mergeThreshold(cat)
	var own, absorbed []scored
	for i, r := range cat.Responsibilities {
		if !overlaps(r.Roles, roles) || !applies(r.Stages, p.Stage.ID) || !r.Fit.Applies(p.Size, p.Archetype.ID) {
			continue
		}
		c := scored{
			item:  Item{ID: r.ID, Area: r.Area, Text: SizeText(tr, r.TextFor(p.Stage.ID), p.Size), Sources: r.Sources},
			area:  cat.AreaIndex(r.Area),
			score: ResponsibilityScore(r, primary, p, delegated),
			order: i,
		}
		if slices.Contains(r.Roles, primary) {
			own = append(own, c)
		} else {
			absorbed = append(absorbed, c)
		}
	}
	sortScored(absorbed)
	for i := range absorbed[:min(maxAbsorbed, len(absorbed))] {
		absorbed[i].score += ownScore
		own = append(own, absorbed[i])
	}
	return pick(own, limit, perAreaFirstPass, avoid...)
}

// sortScored orders candidates best first, catalog order breaking ties.
func sortScored(cands []scored) {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].order < cands[j].order
	})
}

// pick takes the best-scored items, at most perArea per area on the first
// pass, skipping near-duplicates, then shows them grouped by area.
func pick(cands []scored, limit, perArea int, avoid ...string) []Item {
	sortScored(cands)
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
// minimums: seed 002 gives them as what a web startup's CTO must worry
// about, so a CTO at a seed or early startup puts them in place, and so
// does anyone holding the CTO's duties.
func NeedsBareMinimums(role catalog.Role, stage string, merged []string) bool {
	if stage != "seed" && stage != "early" {
		return false
	}
	return role.ID == "cto" || slices.Contains(merged, "cto")
}

// SelectSkills picks the must-haves and nice-to-haves for a role at the
// profile's stage, size and archetype. Skills limited to a stage, size or
// archetype rank first; archetype weights rank a CTO's skills only.
func SelectSkills(cat *catalog.Catalog, role string, p profile.Profile, maxMust, maxNice int) (must, nice []Item) {
	tr := wordsFor(p.Company.Language)
	var m, n []scored
	for i, s := range cat.Skills {
		if !applies(s.Stages, p.Stage.ID) || !s.Fit.Applies(p.Size, p.Archetype.ID) {
			continue
		}
		score := 0
		if s.Weights != nil && role == "cto" {
			score = s.Weights.For(p.Archetype.ID) * archetypeStep
		}
		if len(s.Stages) > 0 {
			score += stageScore
		}
		if s.Fit.Narrowed() {
			score += narrowedScore
		}
		it := scored{item: Item{ID: s.ID, Title: s.Kind, Text: SizeText(tr, s.TextFor(p.Stage.ID), p.Size), Sources: s.Sources}, score: score, order: i}
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

// SelectChallenges picks the problems the role will take on at the
// profile's stage, size and archetype. The role's own challenges come
// first; a merged role's fill in only when the role has too few.
func SelectChallenges(cat *catalog.Catalog, roles []string, p profile.Profile, limit int) []Item {
	return selectListed(cat.Challenges, roles, p, limit, func(c catalog.Challenge) (Item, []string, []string, catalog.Fit) {
		return Item{ID: c.ID, Title: c.Title, Text: c.Text, Sources: c.Sources}, c.Roles, c.Stages, c.Fit
	})
}

// SelectMeasures picks how success is measured, like SelectChallenges.
func SelectMeasures(cat *catalog.Catalog, roles []string, p profile.Profile, limit int) []Item {
	return selectListed(cat.Measures, roles, p, limit, func(m catalog.Measure) (Item, []string, []string, catalog.Fit) {
		return Item{ID: m.ID, Title: m.Category, Text: m.Text, Sources: m.Sources}, m.Roles, m.Stages, m.Fit
	})
}

// selectListed keeps the items for roles that fit the profile, ranks them
// with listScore and returns up to limit of them in catalog order.
func selectListed[T any](items []T, roles []string, p profile.Profile, limit int, view func(T) (Item, []string, []string, catalog.Fit)) []Item {
	tr := wordsFor(p.Company.Language)
	var cands []scored
	for i, x := range items {
		it, itemRoles, stages, fit := view(x)
		if !overlaps(itemRoles, roles) || !applies(stages, p.Stage.ID) || !fit.Applies(p.Size, p.Archetype.ID) {
			continue
		}
		it.Text = SizeText(tr, it.Text, p.Size)
		cands = append(cands, scored{item: it, score: listScore(itemRoles, stages, fit, roles[0]), order: i})
	}
	return keepOrder(pick(cands, limit, 0), cands)
}

func listScore(itemRoles, stages []string, fit catalog.Fit, primary string) int {
	s := 0
	if slices.Contains(itemRoles, primary) {
		s += ownScore
	}
	if len(stages) > 0 {
		s += stageScore
	}
	if fit.Narrowed() {
		s += narrowedScore
	}
	return s
}

// SelectOutlook finds what the first months and the first year look like
// for the role at the profile's stage, size and archetype: the most
// specific outlook that fits, or nil.
func SelectOutlook(cat *catalog.Catalog, role string, p profile.Profile) *catalog.Outlook {
	var best *catalog.Outlook
	bestScore := -1
	for i, o := range cat.Outlooks {
		if o.Role != role || !applies(o.Stages, p.Stage.ID) || !o.Fit.Applies(p.Size, p.Archetype.ID) {
			continue
		}
		s := 0
		if len(o.Stages) > 0 {
			s += stageScore
		}
		if o.Fit.Narrowed() {
			s += narrowedScore
		}
		if s > bestScore {
			best, bestScore = &cat.Outlooks[i], s
		}
	}
	return best
}

// VPsFrom is the headcount from which engineering has several VPs, each
// over an org of its own; below it one VP (or Head of Engineering) runs
// all of engineering. The ladder's sized texts switch at the same size.
const VPsFrom = 300

// SVPFrom is the headcount from which engineering's VPs report to an SVP
// of Engineering instead of the CTO: the SVP rung's fill_from in the
// ladder data (a test keeps the two equal), so postings and the ladder
// count the same executives.
const SVPFrom = 800

// SVPsFrom is the headcount from which there are several SVPs, one for
// about every five VPs; below it one SVP runs all of engineering's
// delivery.
const SVPsFrom = 1200

// Org is the shape of engineering at a headcount, the one model behind
// every count that postings and the ladder print: teams of about eight
// engineers, a director over about six teams, a VP over about four
// directors, from SVPFrom one SVP over the VPs, and from SVPsFrom an SVP
// for about every five VPs.
type Org struct {
	Engineers, Teams, Directors, VPs int
	// SVPs is 0 below SVPFrom: the VPs report to the CTO.
	SVPs int
}

// Staff is the usual number of staff engineers: about one for every one
// or two teams.
func (o Org) Staff() int { return max(1, o.Teams*2/3) }

// SeniorStaff is the usual number of senior staff engineers: one for each
// platform or area that five to ten teams depend on, about two in seven
// teams' worth.
func (o Org) SeniorStaff() int { return max(1, o.Teams*2/7) }

// Principals is the usual number of principal engineers: one per
// director's group.
func (o Org) Principals() int { return o.Directors }

// Distinguished is the usual number of distinguished engineers: one per
// VP's org or company-wide domain.
func (o Org) Distinguished() int { return o.VPs }

// OrgAt returns engineering's shape at a headcount.
func OrgAt(size int) Org {
	o := Org{Engineers: size, Teams: max(1, (size+4)/8)}
	o.Directors = max(2, (o.Teams+3)/6)
	o.VPs = 1
	if size >= VPsFrom {
		o.VPs = max(2, (o.Directors+2)/4)
	}
	switch {
	case size >= SVPsFrom:
		o.SVPs = max(2, (o.VPs+2)/5)
	case size >= SVPFrom:
		o.SVPs = 1
	}
	return o
}

// SizeText replaces the size words of a catalog or ladder text with
// numbers from OrgAt, so a sentence is true at the size it is printed
// for: {engineers}, {teams}, {directors}, {vps}, {next} (the headcount a
// company usually reaches next), {per_vp} (engineers in a VP's org),
// {directors_per_vp}, and from SVPFrom {svps}, {per_svp} (engineers under
// an SVP) and {vps_per_svp}.
func SizeText(tr *locale.Catalog, text string, size int) string {
	if !strings.Contains(text, "{") {
		return text
	}
	o := OrgAt(size)
	svps := max(1, o.SVPs)
	return strings.NewReplacer(
		"{engineers}", tr.Number(size),
		"{teams}", about(tr, o.Teams),
		"{directors}", about(tr, o.Directors),
		"{vps}", about(tr, o.VPs),
		"{next}", tr.Number(nextSize(size)),
		"{per_vp}", about(tr, div(size, o.VPs)),
		"{directors_per_vp}", about(tr, max(1, div(o.Directors, o.VPs))),
		"{svps}", about(tr, svps),
		"{per_svp}", about(tr, div(size, svps)),
		"{vps_per_svp}", vpsPerSVP(tr, o.VPs, svps),
	).Replace(text)
}

// vpsPerSVP is how many VPs each SVP runs: "5 or 6" when they do not
// share out evenly, so the counts add up to the VPs (review ladder4,
// item 16: 16 VPs under 3 SVPs).
func vpsPerSVP(tr *locale.Catalog, vps, svps int) string {
	lo := max(1, vps/svps)
	if vps%svps == 0 || vps < svps {
		return about(tr, lo)
	}
	return tr.Text("count.either", locale.Args{"a": about(tr, lo), "b": about(tr, lo+1)})
}

// div divides to the nearest whole number, so a count per VP or SVP reads
// as a person would round it (3.9 directors is about 4).
func div(a, b int) int { return (a + b/2) / b }

// about rounds a count the way a person would say it: exact below 20, to
// five below 100, to ten above.
func about(tr *locale.Catalog, n int) string {
	switch {
	case n < 20:
		return strconv.Itoa(n)
	case n < 100:
		return strconv.Itoa((n + 2) / 5 * 5)
	}
	return tr.Number((n + 5) / 10 * 10)
}

// nextSize is the headcount a company usually reaches next: about double,
// rounded to a figure a person would say.
func nextSize(size int) int {
	n := size * 2
	switch {
	case n < 20:
		return n
	case n < 100:
		return (n + 5) / 10 * 10
	case n < 1000:
		return (n + 50) / 100 * 100
	}
	return (n + 500) / 1000 * 1000
}

// Compensation words the pay for a role from company.yaml, which may key
// it by role id or alias. It returns nil when the company gives no pay.
func Compensation(c profile.Company, role catalog.Role) *PayView {
	tr := wordsFor(c.Language)
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
	period = periodText(tr, period)
	currency := tr.Currency(pay.Currency)
	switch {
	case pay.Min > 0 && pay.Max > 0 && pay.Min != pay.Max:
		v.Range = tr.Text("posting.pay.range", locale.Args{"currency": currency, "min": tr.Money(pay.Min), "max": tr.Money(pay.Max), "period": period})
	case pay.Min > 0 || pay.Max > 0:
		v.Range = tr.Text("posting.pay.single", locale.Args{"currency": currency, "amount": tr.Money(max(pay.Min, pay.Max)), "period": period})
	}
	return v
}

// periodText words a company.yaml pay period.
func periodText(tr *locale.Catalog, period string) string {
	switch period {
	case "month":
		return tr.Text("pay.period.month", nil)
	case "week":
		return tr.Text("pay.period.week", nil)
	case "day":
		return tr.Text("pay.period.day", nil)
	case "hour":
		return tr.Text("pay.period.hour", nil)
	}
	return tr.Text("pay.period.year", nil)
}

// HowToApply words the apply section.
func HowToApply(c profile.Company, role catalog.Role) string {
	tr := wordsFor(c.Language)
	u, e := strings.TrimSpace(c.Apply.URL), strings.TrimSpace(c.Apply.Email)
	switch {
	case u != "" && e != "":
		return tr.Text("posting.apply.url_and_email", locale.Args{"url": u, "email": e, "title": role.Title})
	case u != "":
		return tr.Text("posting.apply.url", locale.Args{"url": u})
	case e != "":
		return tr.Text("posting.apply.email", locale.Args{"email": e, "title": role.Title})
	}
	// Only the company knows where to apply: the posting shows a
	// placeholder (Placeholders) rather than advice with no address.
	return ""
}

func joinAnd(tr *locale.Catalog, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return tr.Text("list.or", locale.Args{"items": strings.Join(items[:len(items)-1], ", "), "last": items[len(items)-1]})
}

// sentence makes sure text ends with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// article returns "an" before a vowel sound and "a" otherwise, judged by
// the sound of the word: "an Engineering Manager", "an 8-person team",
// "an SVP", "a user", "a one-off", "a CTO".
func article(word string) string {
	w := strings.TrimSpace(word)
	if w == "" {
		return "a"
	}
	lower := strings.ToLower(w)
	for _, p := range []string{"uni", "use", "usu", "ut", "eu", "one", "once"} {
		if strings.HasPrefix(lower, p) {
			return "a"
		}
	}
	for _, p := range []string{"hour", "honest", "honour", "honor", "heir"} {
		if strings.HasPrefix(lower, p) {
			return "an"
		}
	}
	// Initialisms are read letter by letter: an SVP, an MBA, a CTO.
	first := strings.Fields(w)[0]
	if len(first) > 1 && strings.ToUpper(first) == first && strings.IndexFunc(first, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
		if strings.ContainsRune("AEFHILMNORSX", rune(first[0])) {
			return "an"
		}
		return "a"
	}
	// Numbers by their spoken first word: an 8, an 11, an 18, an 80.
	if w[0] >= '0' && w[0] <= '9' {
		digits := strings.FieldsFunc(w, func(r rune) bool { return r < '0' || r > '9' })[0]
		if w[0] == '8' || digits == "11" || digits == "18" {
			return "an"
		}
		return "a"
	}
	if strings.ContainsRune("aeiou", rune(lower[0])) {
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
