package batch

import (
	"strings"
	"testing"
)

// fuzzLimit skips inputs that expand to many entries: they are valid, but
// slow, and say nothing the small ones do not.
const fuzzLimit = 2000

// checkInput validates src and checks the invariants every input keeps:
// no panic, problems that name the input file, and on success file names
// that stay inside the output folder and never collide.
func checkInput(t *testing.T, name string, src Source) {
	n := 0
	if err := src.Entries(func(*Entry) bool { n++; return n <= fuzzLimit }); err != nil || n > fuzzLimit {
		return
	}
	r := &Resolver{Cat: fixture(t)}
	total, err := Validate(src, r)
	if err != nil {
		ps, ok := err.(Problems)
		if !ok {
			t.Fatalf("error is %T, not Problems: %v", err, err)
		}
		for _, p := range ps {
			if !p.Raw && p.File != name {
				t.Fatalf("problem names file %q, want %q: %v", p.File, name, p)
			}
			if p.Error() == "" {
				t.Fatal("empty problem")
			}
		}
		return
	}
	if total != n {
		t.Fatalf("validated %d entries, read %d", total, n)
	}
	seen := map[string]bool{}
	src.Entries(func(e *Entry) bool {
		j, ps := r.Resolve(e)
		if ps != nil {
			t.Fatalf("entry %d failed after validation: %v", e.Index, ps)
		}
		for _, f := range j.Files {
			if f == "" || strings.ContainsAny(f, `/\`) || strings.HasPrefix(f, ".") || seen[f] {
				t.Fatalf("bad or repeated file name %q", f)
			}
			seen[f] = true
		}
		return true
	})
}

func FuzzManifest(f *testing.F) {
	for _, seed := range []string{
		planYAML,
		"documents:\n  - role: cto\n",
		"defaults: {stage: seed, format: md+json}\nmatrix:\n  role: [cto, vpe]\n  archetype: [product, external]\n",
		"matrix:\n  - role: [cto, vpe]\n    name: '{role}-{stage}'\n  - role: software-engineer\n",
		"defaults:\n  company: {name: Acme, engineers: 7}\ndocuments:\n  - {role: cto, name: a}\n  - {role: cto, name: A}\n",
		"documents:\n  - role: cto\n    name: ../x\n",
		"a: &a [*a]\ndocuments: *a\n",
		"documents: [{role: cto, kind: ladder}]\n",
		"- 1\n",
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest("plan.yaml", dir, data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "plan.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		checkInput(t, "plan.yaml", m)
	})
}

func FuzzCSV(f *testing.F) {
	for _, seed := range []string{
		"kind,role,stage,size,archetype,format,name\njd,cto,seed,5,product,md+json,a\n,vpe,,,,,\n",
		"role\ncto\nvpe\ncto\n",
		"\xef\xbb\xbfrole,name\ncto,{role}-{size}\n",
		"role,name\ncto,\"a\nb\"\n",
		"role,stage\n\"cto,seed\n",
		"# comment\nrole\n\n\ncto\n",
		"role,company\ncto,missing.yaml\n",
		"#notes,role,company.name,company.locations,company.pay_min,company.currency,x-owner\nhi,cto,Acme,\"New York, NY, United States; Berlin, Germany\",150000,USD,ann\n",
		"kind,level,company.benefits,company.employees,company.stage\nlevel,L3,a; b;;c,12,seed\n",
		"# comment, with a comma\n#,role\n,cto\n",
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		checkInput(t, "roles.csv", NewCSVBytes("roles.csv", dir, data))
	})
}
