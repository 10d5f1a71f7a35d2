package schema

// The batch manifest is read node by node (so every value keeps its line
// and a matrix expands lazily), not decoded into a struct. These types
// describe its shape for the schema; a test checks that their fields match
// the fields the batch parser accepts.

// Manifest is a batch manifest: defaults, documents and a matrix.
type Manifest struct {
	// Defaults are the values every entry shares unless it overrides them.
	Defaults ManifestEntry `yaml:"defaults"`
	// Documents is the list of entries, each overriding any default.
	Documents []ManifestEntry `yaml:"documents"`
	// Matrix crosses the lists it holds (role: [cto, vpe] × stage: [seed,
	// growth]) into entries. A mapping, or a list of mappings.
	Matrix any `yaml:"matrix"`
}

// ManifestEntry is one document of a batch: a job description, a ladder
// or a promotion guide.
type ManifestEntry struct {
	// Kind is jd (the default), ladder or promotion.
	Kind string `yaml:"kind"`
	// Role is the role of a job description, such as cto or vpe.
	Role string `yaml:"role"`
	// Stage is seed, early, growth or enterprise, or an alias.
	Stage string `yaml:"stage"`
	// Size is the engineering headcount.
	Size int `yaml:"size"`
	// Archetype is the CTO archetype: infrastructure, product, visionary or external.
	Archetype string `yaml:"archetype"`
	// Company is a company.yaml path (relative to the manifest), or the
	// company's details inline.
	Company any `yaml:"company"`
	// Format lists the formats, such as md+pdf or "md,html".
	Format string `yaml:"format"`
	// Paper is a4 (the default) or letter.
	Paper string `yaml:"paper"`
	// Name is the output file name without extension; by default the
	// company slug and the role, ladder or promotion.
	Name string `yaml:"name"`
	// From and To are the levels of a promotion guide.
	From string `yaml:"from"`
	To   string `yaml:"to"`
}
