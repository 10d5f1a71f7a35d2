package lint

import "testing"

// Known syllable counts (as in standard dictionaries such as CMUdict) for
// words common in job postings, plus the cases each rule of the counter
// exists for.
var syllableCases = []struct {
	word string
	want int
}{
	// single vowel groups
	{"a", 1}, {"the", 1}, {"team", 1}, {"code", 1}, {"build", 1}, {"own", 1}, {"you", 1},
	{"your", 1}, {"work", 1}, {"scale", 1}, {"great", 1}, {"lead", 1}, {"clear", 1},
	// silent e, -le
	{"make", 1}, {"there", 1}, {"style", 1}, {"simple", 2}, {"table", 2}, {"people", 2},
	{"whole", 1}, {"role", 1}, {"roles", 1}, {"principle", 3}, {"principles", 3},
	// -ed
	{"jumped", 1}, {"based", 1}, {"shared", 1}, {"owned", 1}, {"wanted", 2}, {"needed", 2},
	{"skilled", 1}, {"applied", 2}, {"created", 3}, {"funded", 2}, {"used", 1},
	// -es
	{"makes", 1}, {"uses", 2}, {"boxes", 2}, {"changes", 2}, {"services", 3}, {"processes", 3},
	{"types", 1}, {"companies", 3}, {"policies", 3}, {"leaves", 1},
	// y
	{"yes", 1}, {"year", 1}, {"beyond", 2}, {"player", 2}, {"employee", 3}, {"layout", 2},
	{"company", 3}, {"system", 2}, {"every", 2}, {"many", 2}, {"day", 1}, {"strategy", 3},
	// suffixes
	{"likely", 2}, {"completely", 3}, {"management", 3}, {"development", 4}, {"only", 2},
	{"early", 2}, {"family", 3}, {"useful", 2}, {"careful", 2}, {"unless", 2},
	{"building", 2}, {"making", 2}, {"being", 2}, {"engineering", 4}, {"hiring", 2},
	{"meetings", 2}, {"thing", 1}, {"bring", 1}, {"string", 1}, {"requirement", 3},
	{"requirements", 3}, {"comment", 2}, {"moment", 2}, {"possibly", 3}, {"happiness", 3},
	// vowel pairs
	{"media", 3}, {"social", 2}, {"special", 2}, {"initial", 3}, {"trial", 2},
	{"studio", 3}, {"senior", 3}, {"scenario", 4}, {"nation", 2}, {"decision", 3},
	{"region", 2}, {"various", 3}, {"precious", 2}, {"ambitious", 3}, {"actual", 3},
	{"usual", 3}, {"quality", 3}, {"language", 2}, {"medium", 3}, {"video", 3},
	{"client", 2}, {"experience", 4}, {"variety", 4}, {"patient", 2}, {"efficient", 3},
	{"easier", 3}, {"continuous", 4}, {"individual", 5}, {"evaluate", 4}, {"audience", 3},
	// words from engineering postings
	{"engineer", 3}, {"engineers", 3}, {"architecture", 4}, {"infrastructure", 4},
	{"responsibility", 6}, {"responsibilities", 6}, {"technical", 3}, {"product", 2},
	{"security", 4}, {"reliability", 6}, {"budget", 2}, {"hiring", 2}, {"customer", 3},
	{"strategy", 3}, {"organization", 5}, {"leadership", 3}, {"mentor", 2},
	{"operations", 4}, {"compliance", 3}, {"vendor", 2}, {"vendors", 2}, {"platform", 2},
	{"delivery", 4}, {"roadmap", 2}, {"startup", 2}, {"review", 2}, {"reviews", 2},
	{"salary", 3}, {"benefits", 3}, {"equity", 3}, {"insurance", 3}, {"retirement", 3},
	{"collaborate", 4}, {"support", 2}, {"understand", 3}, {"communicate", 4},
	{"someone", 2}, {"anyone", 3}, {"create", 2}, {"business", 2}, {"science", 2},
	{"criticism", 4}, {"area", 3}, {"idea", 3},
	// acronyms, numbers, hyphens
	{"CTO", 3}, {"VP", 2}, {"KPIs", 3}, {"AWS", 5}, {"120,000", 2}, {"2026-12-31", 3},
	{"self-confident", 4}, {"on-call", 2}, {"e.g", 2}, {"", 0},
}

func TestSyllables(t *testing.T) {
	for _, c := range syllableCases {
		if got := syllables(c.word); got != c.want {
			t.Errorf("syllables(%q) = %d, want %d", c.word, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Hello, world!", []string{"Hello", "world"}},
		{"don't stop", []string{"don't", "stop"}},
		{"self-confident co-operative", []string{"self-confident", "co-operative"}},
		{"$120,000–$150,000 per year", []string{"120,000", "150,000", "per", "year"}},
		{"Node.js and Go. Next", []string{"Node.js", "and", "Go", "Next"}},
		{"R&D, CI/CD", []string{"R&D", "CI", "CD"}},
		{"apply by 2026-12-31.", []string{"apply", "by", "2026-12-31"}},
		{"- trailing - dash", []string{"trailing", "dash"}},
		{"Zürich café", []string{"Zürich", "café"}},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range words(c.in) {
			got = append(got, c.in[tk.start:tk.end])
		}
		if len(got) != len(c.want) {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
				break
			}
		}
	}
}
