package lint

import (
	"os"
	"testing"

	"github.com/rungs/rungs/internal/strictyaml"
)

type corpusCase struct {
	ID       string   `yaml:"id"`
	Source   string   `yaml:"source"`
	Employer string   `yaml:"employer"`
	Where    string   `yaml:"where"`
	Laws     []string `yaml:"laws"`
	Pay      string   `yaml:"pay"`
	Benefits bool     `yaml:"benefits"`
	Deadline bool     `yaml:"deadline"`
	Errors   []string `yaml:"errors"`
	MD       string   `yaml:"md"`
}

func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	b, err := os.ReadFile("testdata/corpus/cases.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []corpusCase `yaml:"cases"`
	}
	if _, err := strictyaml.Decode("testdata/corpus/cases.yaml", b, &f); err != nil {
		t.Fatal(err)
	}
	return f.Cases
}
