package lint

import (
	"strconv"
	"strings"
	"testing"
)

// TestPlaceholders checks which square-bracketed texts are unfilled
// placeholders (an error, with its line and text) and which are Markdown.
func TestPlaceholders(t *testing.T) {
	cases := []struct {
		name, md string
		want     []string // "line:text" of each placeholder finding
	}{
		{"pay", "# CTO\n\nPay: [Pay range for this role]\n", []string{"3:[Pay range for this role]"}},
		{"two on a line", "We use [Languages] and [Databases].\n", []string{"1:[Databases]", "1:[Languages]"}},
		{"heading", "# [Company name] is hiring\n", []string{"1:[Company name]"}},
		{"list item", "## How we hire\n\n- [Interview steps]\n", []string{"3:[Interview steps]"}},
		{"table cell", "| a | b |\n| --- | --- |\n| Team | [Team] |\n", []string{"3:[Team]"}},
		{"wrapped", "Text\n[Pay\nrange]\n", []string{"2:[Pay range]"}},
		{"escaped", "Pay: \\[Pay range\\]\n", []string{"1:[Pay range]"}},
		{"unicode letter", "Lieu : [Ville]\n", []string{"1:[Ville]"}},
		{"nested", "Apply at [[Apply link]]\n", []string{"1:[Apply link]"}},
		{"inline link", "Apply on [our page](https://example.com).\n", nil},
		{"link with title", "Apply on [our page](https://example.com \"Jobs\").\n", nil},
		{"reference link", "See [the guide][g].\n\n[g]: https://example.com\n", nil},
		{"undefined reference", "See [the guide][g] and [the faq][].\n", nil},
		{"shortcut reference", "See [guide].\n\n[guide]: https://example.com\n", nil},
		{"image", "![Our team](team.png)\n", nil},
		{"task list", "- [ ] a\n- [x] b\n- [X] c\n", nil},
		{"footnote", "True[^1] and [^note].\n", nil},
		{"no letter", "Scores [1], [2-3] and [ ].\n", nil},
		{"inline code", "Use `map[string]int` and `[Pay]`.\n", nil},
		{"code block", "```\n[Pay range]\n```\n", nil},
		{"html", "<div>[Pay range]</div>\n", nil},
		{"link target", "[Apply](https://example.com/[id])\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Check("p.md", []byte(c.md), Options{})
			var got []string
			for _, f := range r.Findings {
				if f.Rule != "placeholder" {
					continue
				}
				got = append(got, strconv.Itoa(f.Line)+":"+f.Text)
				if f.Level != LevelError || !strings.Contains(f.Message, "Unfilled placeholder: A draft must not be published") ||
					!strings.HasPrefix(f.Fix, "Replace it with the real text, or fill the matching company.yaml key") {
					t.Errorf("finding = %+v", f)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("placeholders = %q, want %q", got, c.want)
			}
			if (len(c.want) > 0) != r.HasErrors() {
				t.Errorf("HasErrors = %v with %d placeholders", r.HasErrors(), len(c.want))
			}
		})
	}
}
