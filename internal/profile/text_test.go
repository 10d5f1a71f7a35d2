package profile

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/strictyaml"
)

func TestParseCompanyTextKeys(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name, yaml, want string
	}{
		{"empty team", "team: ''\n", `c.yaml:1: team is empty; give a few sentences on the team the hire joins, or leave the key out`},
		{"null team", "name: A\nteam:\n", `c.yaml:2: team is empty`},
		{"blank team", "team: '   '\n", `c.yaml:1: team is empty`},
		{"long team", "team: " + long(MaxTeamLen+1) + "\n", `c.yaml:1: team has 2001 characters, over the limit of 2000; shorten it to 2000 or fewer`},
		{"team control", "team: \"We ship\\u0007 daily.\"\n", `c.yaml:1: team has a control character, BEL (U+0007), at character 8; write plain text`},
		{"empty stack entry", "stack:\n  - Go\n  - ''\n", `c.yaml:3: stack[1] is empty; give one technology, such as Go or PostgreSQL, or leave the key out`},
		{"null stack entry", "stack: [Go, ~]\n", `c.yaml:1: stack[1] is empty`},
		{"bare stack entry", "stack:\n  - Go\n  -\n  - Rust\n", `c.yaml:3: stack[1] is empty`},
		{"long stack entry", "stack:\n  - " + long(MaxStackItemLen+1) + "\n", `c.yaml:2: stack[0] has 81 characters, over the limit of 80`},
		{"stack line break", "stack: [\"Go\\nRust\"]\n", `c.yaml:1: stack[0] has a line break (U+000A) at character 3; write it on one line of plain text`},
		{"too many stack entries", "stack: [" + strings.Repeat("Go, ", MaxStackItems) + "Go]\n", `c.yaml:1: stack has 41 entries, over the limit of 40; keep the 40 that matter most`},
		{"empty step", "interview_process:\n  - A call\n  - ''\n", `c.yaml:3: interview_process[1] is empty; give one step`},
		{"long step", "interview_process: [" + long(MaxInterviewStepLen+1) + "]\n", `c.yaml:1: interview_process[0] has 301 characters, over the limit of 300`},
		{"step tab", "interview_process: [\"A\\tcall\"]\n", `c.yaml:1: interview_process[0] has a control character (U+0009) at character 2`},
		{"too many steps", "interview_process: [" + strings.Repeat("a, ", MaxInterviewSteps) + "a]\n", `c.yaml:1: interview_process has 13 entries, over the limit of 12`},
		{"empty title", "titles:\n  cto: ''\n", `c.yaml:2: titles.cto is empty; give the company's title for the role, such as Senior Software Engineer, or leave the key out`},
		{"null title", "titles:\n  cto:\n", `c.yaml:2: titles.cto is empty`},
		{"long title", "titles:\n  senior-engineer: " + long(MaxTitleLen+1) + "\n", `c.yaml:2: titles.senior-engineer has 201 characters, over the limit of 200`},
		{"title line break", "titles:\n  cto: \"Chief\\rTechnology Officer\"\n", `c.yaml:2: titles.cto has a control character, carriage return (U+000D), at character 6`},
		{"title not text", "titles:\n  cto: [a]\n", `c.yaml:2: `},
		{"titles not a map", "titles: [cto]\n", `c.yaml:1: `},
		{"empty suffix", "title_suffix: ''\n", `c.yaml:1: title_suffix is empty; give a suffix such as "(m/w/d)" or "(H/F)", or leave the key out`},
		{"long suffix", "title_suffix: " + long(MaxTitleSuffixLen+1) + "\n", `c.yaml:1: title_suffix has 41 characters, over the limit of 40`},
		{"suffix control", "title_suffix: \"(m/w/d)\\u200b\\u0000\"\n", `c.yaml:1: title_suffix has a control character, NUL (U+0000), at character 9`},
		{"unknown key", "interview_steps: [a]\n", `c.yaml:1: unknown field "interview_steps"; did you mean interview_process?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCompany("c.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
			// One problem, one line, naming the file and line.
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "c.yaml:") {
				t.Errorf("error is not one line naming the file: %q", msg)
			}
		})
	}
}

func TestParseCompanyTextKeysValid(t *testing.T) {
	c, err := ParseCompany("c.yaml", []byte(`stack: [" Go ", PostgreSQL, Kubernetes]
team: |
  Six engineers own checkout and payments.
  They ship to production every day.
interview_process:
  - A 30-minute call with the hiring manager
  - A paid take-home exercise, about three hours
titles:
  senior-engineer: Senior Software Engineer
  vpe: VP of Engineering
title_suffix: " (m/w/d) "
`))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Stack, []string{"Go", "PostgreSQL", "Kubernetes"}) {
		t.Errorf("stack = %q, want entries trimmed", c.Stack)
	}
	if c.Team != "Six engineers own checkout and payments.\nThey ship to production every day." {
		t.Errorf("team = %q", c.Team)
	}
	if len(c.InterviewProcess) != 2 || c.TitleSuffix != "(m/w/d)" || c.Titles["vpe"] != "VP of Engineering" {
		t.Errorf("company = %+v", c)
	}
	if c.TitleLine("vpe") != 10 || c.TitleLine("cto") != 9 {
		t.Errorf("title lines = %d, %d", c.TitleLine("vpe"), c.TitleLine("cto"))
	}
}

func TestParseCompanyTextKeysReportsEveryProblem(t *testing.T) {
	src := "team: ''\nstack: ['', Go, '']\ntitles:\n  zz: ''\n  aa: ''\ntitle_suffix: ''\n"
	_, err := ParseCompany("c.yaml", []byte(src))
	if err == nil {
		t.Fatal("expected errors")
	}
	want := []string{
		"c.yaml:1: team is empty",
		"c.yaml:2: stack[0] is empty",
		"c.yaml:2: stack[2] is empty",
		"c.yaml:5: titles.aa is empty",
		"c.yaml:4: titles.zz is empty",
		"c.yaml:6: title_suffix is empty",
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(lines), len(want), err)
	}
	// The same input gives the same messages in the same order, every time.
	for i := 0; i < 20; i++ {
		_, again := ParseCompany("c.yaml", []byte(src))
		if again.Error() != err.Error() {
			t.Fatalf("messages differ between runs:\n%v\n---\n%v", err, again)
		}
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in:\n%v", w, err)
		}
	}
}

func TestResolveTitles(t *testing.T) {
	cat := builtin(t)
	p, err := Resolve(cat, Input{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.RoleTitles) != len(cat.Roles) {
		t.Errorf("%d role titles for %d roles", len(p.RoleTitles), len(cat.Roles))
	}
	for _, r := range cat.Roles {
		if p.RoleTitles[r.ID] != r.Title || p.Title(r.ID, "x") != r.Title || p.PostingTitle(r.ID, "x") != r.Title {
			t.Errorf("%s: title %q, want the catalog's %q", r.ID, p.RoleTitles[r.ID], r.Title)
		}
	}

	c, err := ParseCompany("c.yaml", []byte("titles:\n  vpe: VP of Engineering\n  senior-engineer: Senior Software Engineer\ntitle_suffix: (m/w/d)\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err = Resolve(cat, Input{Company: c})
	if err != nil {
		t.Fatal(err)
	}
	cto, _ := cat.Role("cto")
	for _, tt := range []struct{ role, title, posting string }{
		{"vp-engineering", "VP of Engineering", "VP of Engineering (m/w/d)"},
		{"senior-engineer", "Senior Software Engineer", "Senior Software Engineer (m/w/d)"},
		{"cto", cto.Title, cto.Title + " (m/w/d)"},
		{"no-such-rung", "Fallback", "Fallback (m/w/d)"},
	} {
		if got := p.Title(tt.role, "Fallback"); got != tt.title {
			t.Errorf("Title(%s) = %q, want %q", tt.role, got, tt.title)
		}
		if got := p.PostingTitle(tt.role, "Fallback"); got != tt.posting {
			t.Errorf("PostingTitle(%s) = %q, want %q", tt.role, got, tt.posting)
		}
	}
	if _, ok := p.RoleTitles["vpe"]; ok {
		t.Error("RoleTitles keeps the alias vpe; want role ids only")
	}
	if p.TitleSuffix != "(m/w/d)" {
		t.Errorf("suffix = %q", p.TitleSuffix)
	}
	// A title that already carries the suffix does not get it twice.
	p.RoleTitles["cto"] = "CTO (m/w/d)"
	if got := p.PostingTitle("cto", ""); got != "CTO (m/w/d)" {
		t.Errorf("PostingTitle = %q", got)
	}
	// A Profile built without Resolve falls back.
	if got := (Profile{}).PostingTitle("cto", "CTO"); got != "CTO" {
		t.Errorf("zero Profile PostingTitle = %q", got)
	}
}

func TestResolveTitleErrors(t *testing.T) {
	cat := builtin(t)
	for _, tt := range []struct{ name, yaml, want string }{
		{"unknown role", "name: A\ntitles:\n  ctoo: Chief Technology Officer\n",
			`c.yaml:3: titles: unknown role "ctoo"; did you mean cto? valid: `},
		{"alias twice", "titles:\n  vpe: VP of Engineering\n  vp-engineering: VP Engineering\n",
			"c.yaml:3: titles: vpe and vp-engineering both name the role vp-engineering; keep one"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCompany("c.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Resolve(cat, Input{Company: c})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			var se *strictyaml.Error
			if !errors.As(err, &se) {
				t.Errorf("error is %T, want a file:line error (exit 3)", err)
			}
		})
	}
}

func TestStageInferredFromSize(t *testing.T) {
	cat := builtin(t)
	file := func(src string) *Company {
		c, err := ParseCompany("c.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	tests := []struct {
		name     string
		in       Input
		stage    string
		size     int
		inferred bool
	}{
		{"1000", Input{Size: "1000"}, "enterprise", 1000, true},
		{"50", Input{Size: "50"}, "growth", 50, true},
		{"9", Input{Size: "9"}, "seed", 9, true},
		{"10, seed's top", Input{Size: "10"}, "seed", 10, true},
		{"30", Input{Size: "30"}, "early", 30, true},
		{"40, early's top", Input{Size: "40"}, "early", 40, true},
		{"1", Input{Size: "1"}, "seed", 1, true},
		{"above every stage", Input{Size: "9000"}, "enterprise", 9000, true},
		{"nothing given", Input{}, DefaultStage, 20, false},
		{"engineers in the file", Input{Company: file("engineers: 60\n")}, "growth", 60, true},
		{"flag stage wins", Input{Stage: "seed", Size: "1000"}, "seed", 1000, false},
		{"file stage wins", Input{Company: file("stage: early\nengineers: 1000\n")}, "early", 1000, false},
		{"flag size over file", Input{Size: "300", Company: file("engineers: 5\n")}, "enterprise", 300, true},
		{"stage alone", Input{Stage: "growth"}, "growth", 80, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Resolve(cat, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Stage.ID != tt.stage || p.Size != tt.size || p.StageInferred != tt.inferred {
				t.Errorf("got %s/%d inferred=%v, want %s/%d inferred=%v", p.Stage.ID, p.Size, p.StageInferred, tt.stage, tt.size, tt.inferred)
			}
		})
	}
	if got := StageForSize(cat, 250).ID; got != "growth" {
		t.Errorf("StageForSize(250) = %s", got)
	}
}

// TestResolveDeterministic resolves the same input many times: the same
// profile every time.
func TestResolveDeterministic(t *testing.T) {
	cat := builtin(t)
	src := []byte("engineers: 60\ntitles:\n  em: Team Lead\n  cto: Chief Technology Officer\n  senior-engineer: Senior Software Engineer\ntitle_suffix: (H/F)\nstack: [Go]\n")
	var first Profile
	for i := 0; i < 20; i++ {
		c, err := ParseCompany("c.yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Resolve(cat, Input{Company: c})
		if err != nil {
			t.Fatal(err)
		}
		p.Company = Company{} // holds the parsed YAML tree
		if i == 0 {
			first = p
			continue
		}
		if !reflect.DeepEqual(p, first) {
			t.Fatalf("run %d differs:\n%+v\n%+v", i, p, first)
		}
	}
}
