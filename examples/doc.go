// Package examples holds sample documents rendered by Rungs from
// company.yaml: a CTO and a software engineer job description and the
// company's career ladder, each as Markdown, PDF, HTML and Word (DOCX).
// Regenerate them after changing the catalog, the templates or the
// renderers with
//
//	go generate ./examples
//
// The output is deterministic (the company file fixes the date), so a diff
// of this folder shows exactly what a change does to the documents.
package examples

//go:generate go run ../cmd/rungs jd --role cto --company company.yaml --format md,pdf,html,docx -o .
//go:generate go run ../cmd/rungs jd --role software-engineer --company company.yaml --format md,pdf,html,docx -o .
//go:generate go run ../cmd/rungs ladder --company company.yaml --format md,pdf,html,docx -o .
