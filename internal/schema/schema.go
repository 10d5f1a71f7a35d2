// Package schema provides JSON Schemas for the files users write:
// company.yaml, batch manifests, catalog files and ladder files. The
// schemas are generated from the Go types (go generate) and committed;
// a test fails when they are stale. Editors use them through the
// `# yaml-language-server: $schema=...` line that `rungs init` writes.
package schema

//go:generate go run ../schemagen

import (
	"embed"
	"reflect"
	"sort"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
)

//go:embed *.schema.json
var files embed.FS

// Document is one schema: the file type it describes.
type Document struct {
	Name        string
	Title       string
	Description string
	Type        reflect.Type
}

// Documents are the schemas Rungs ships, by name.
var Documents = []Document{
	{"company", "Rungs company file", "A company's details: stage, size, archetype, locations, pay. Flat keys, so every command and script can use the same file.", reflect.TypeOf(profile.Company{})},
	{"catalog", "Rungs catalog file", "One file of a responsibility catalog. Every key is optional; Rungs merges all files of a catalog folder, over the built-in catalog.", reflect.TypeOf(catalog.File{})},
	{"ladder", "Rungs ladder file", "One file of a career ladder: settings, tracks, dimensions, stage weights, levels, hats, archetypes, career path and FAQ. Every key is optional; a ladder folder's files are merged, and together replace the built-in ladder (--ladder).", reflect.TypeOf(ladders.File{})},
	{"manifest", "Rungs batch manifest", "A hiring plan for rungs batch: defaults, a list of documents, and a matrix that expands to documents.", reflect.TypeOf(Manifest{})},
}

// sourceDirs are the packages whose doc comments describe the fields.
var sourceDirs = []string{"internal/profile", "catalog", "ladders", "internal/schema"}

// enums lists the closed sets of values of some fields, by type.field.
var enums = map[string][]string{
	"profile.Company.WorkModel":      profile.WorkModels,
	"profile.Pay.Period":             profile.Periods,
	"catalog.Role.Track":             catalog.Tracks,
	"catalog.Skill.Kind":             {"technical", "leadership"},
	"schema.ManifestEntry.Kind":      {"jd", "ladder", "promotion"},
	"schema.ManifestEntry.Paper":     {"a4", "letter"},
	"ladders.Level.Span":             ladders.Spans,
	"profile.Company.EmploymentType": profile.EmploymentTypes,
}

// textLimits are the most characters of free-text fields (of each entry,
// for lists and maps), by type.field; they are also at least 1 character.
// profile checks the same limits, with file:line errors.
var textLimits = map[string]int{
	"profile.Company.Stack":            profile.MaxStackItemLen,
	"profile.Company.Team":             profile.MaxTeamLen,
	"profile.Company.InterviewProcess": profile.MaxInterviewStepLen,
	"profile.Company.Titles":           profile.MaxTitleLen,
	"profile.Company.TitleSuffix":      profile.MaxTitleSuffixLen,
}

// maxItems are the most entries of list fields, by type.field.
var maxItems = map[string]int{
	"profile.Company.Stack":            profile.MaxStackItems,
	"profile.Company.InterviewProcess": profile.MaxInterviewSteps,
}

func documentByName(name string) (Document, bool) {
	for _, d := range Documents {
		if d.Name == name {
			return d, true
		}
	}
	return Document{}, false
}

// Names lists the schema names, sorted.
func Names() []string {
	var out []string
	for _, d := range Documents {
		out = append(out, d.Name)
	}
	sort.Strings(out)
	return out
}

// Get returns the committed schema for name.
func Get(name string) ([]byte, bool) {
	data, err := files.ReadFile(name + ".schema.json")
	return data, err == nil
}

// FileName is the file name a schema is written under.
func FileName(name string) string { return name + ".schema.json" }
