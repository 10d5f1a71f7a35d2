package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, yaml, want, wantErr string
	}{
		{"schema line wins", "# yaml-language-server: $schema=../schema/ladder.schema.json\nname: x\n", Ladder, ""},
		{"company keys", "name: Acme\nengineers: 12\nwork_model: remote\n", Company, ""},
		{"manifest keys", "defaults: {format: md}\ndocuments: [{role: cto}]\n", Manifest, ""},
		{"catalog keys", "responsibilities: []\nareas: []\n", Catalog, ""},
		{"ladder keys", "levels: []\ndimensions: []\nhats: []\n", Ladder, ""},
		{"new company keys", "stack: [Go]\nteam: Six engineers.\ninterview_process: [A call]\ntitles: {cto: CTO}\ntitle_suffix: (m/w/d)\n", Company, ""},
		{"ambiguous", "settings: {}\n", "", "cannot tell"},
		{"broken yaml goes to the company parser", "name: [\n", Company, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect("f.yaml", []byte(tt.yaml))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Detect = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestPathReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(p, []byte("name: A\nstag: growth\nwork_model: remot\ndate: soon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := Path(p, "")
	if r.Kind != Company || len(r.Problems) != 3 {
		t.Fatalf("kind %q, %d problems: %v", r.Kind, len(r.Problems), r.Problems)
	}
	if got := Summary([]Result{r}); !strings.Contains(got, "company, 3 problem(s)") {
		t.Errorf("summary = %q", got)
	}
	missing := Path(filepath.Join(dir, "nope.yaml"), "")
	if len(missing.Problems) != 1 || !strings.Contains(missing.Problems[0].Error(), "no such file") {
		t.Errorf("missing file: %v", missing.Problems)
	}
}

// TestCompanyTextAndTitleProblems checks that validate reports the new
// company keys' problems, title roles included, one line each with
// file:line.
func TestCompanyTextAndTitleProblems(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, yaml, want string }{
		{"empty team", "name: A\nteam: ''\n", ":2: team is empty"},
		{"empty step", "interview_process: [a, '']\n", ":1: interview_process[1] is empty"},
		{"long suffix", "title_suffix: " + strings.Repeat("x", 41) + "\n", ":1: title_suffix has 41 characters, over the limit of 40"},
		{"unknown title role", "name: A\ntitles:\n  ctoo: Chief Technology Officer\n", `:3: titles: unknown role "ctoo"; did you mean cto?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".yaml")
			if err := os.WriteFile(p, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			r := Path(p, "")
			if r.Kind != Company || len(r.Problems) != 1 {
				t.Fatalf("kind %q, %d problems: %v", r.Kind, len(r.Problems), r.Problems)
			}
			msg := r.Problems[0].Error()
			if !strings.HasPrefix(msg, p) || !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("problem = %q, want one line with %q", msg, tt.want)
			}
		})
	}
}

// Every problem of a company file in one pass: the file's own and those
// of the values the catalog decides.
func TestCompanyProblemsInOnePass(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"issue 12", "stage: sead\nengineers: many\nnmae: X\n",
			[]string{`1: stage: unknown stage "sead"`, `2: got text "many"`, `3: unknown field "nmae"`}},
		{"archetype, pay role and title role with a type error", "archetype: visonary\nemployees: lots\ncompensation:\n  ctoo: {min: 1, max: 2, currency: USD}\ntitles:\n  vpee: VP\n  cpoo: CPO\n",
			[]string{`1: archetype: unknown archetype "visonary"`, `2: got text "lots"`, `4: compensation: unknown role "ctoo"`, `6: titles: unknown role "vpee"`, `7: titles: unknown role "cpoo"`}},
		{"valid", "name: X\nstage: seed\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "company.yaml")
			os.WriteFile(p, []byte(tc.yaml), 0o644)
			r := Path(p, "")
			if len(r.Problems) != len(tc.want) {
				t.Fatalf("%d problems, want %d: %v", len(r.Problems), len(tc.want), r.Problems)
			}
			for i, w := range tc.want {
				if got := r.Problems[i].Error(); !strings.Contains(got, "company.yaml:"+w) {
					t.Errorf("problem %d: %s, want %s", i, got, w)
				}
			}
		})
	}
}

// A project folder is checked as a whole; its schemas and output folders
// are not data folders.
func TestProjectFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "company.yaml"), []byte("name: X\nstage: seed\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "plan.csv"), []byte("role,company\ncto,company.yaml\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "out"), 0o755)
	os.WriteFile(filepath.Join(dir, "out", "x-cto.md"), []byte("# CTO\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".rungs-state.json"), []byte("{}"), 0o644)
	var got []string
	for _, r := range Paths(dir, "") {
		got = append(got, filepath.Base(r.Path)+" "+r.Kind)
		if len(r.Problems) > 0 {
			t.Errorf("%s: %v", r.Path, r.Problems)
		}
	}
	if strings.Join(got, ", ") != "company.yaml company, plan.csv csv" {
		t.Errorf("checked %v", got)
	}
}
