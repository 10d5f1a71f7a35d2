// Command check reads a language's translation files for the catalog and
// the ladder, reports every error with file:line, and lists the texts
// that still read exactly as the English, file by file, so a translator
// sees what is left. It exits 1 when a file has an error.
//
//	go run ./internal/l10n/check -lang fr [-same]
package main

import (
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/boundedio"
	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/internal/strictyaml"
	"github.com/rungs/rungs/ladders"
)

func main() {
	lang := flag.String("lang", "fr", "language tag")
	same := flag.Bool("same", false, "list every text that reads as the English, not only the count per file")
	flag.Parse()
	bad := false
	for _, part := range []struct {
		dir  string
		load func() (any, error)
	}{
		{"catalog", func() (any, error) { return catalog.LoadFS(catalog.BuiltinFS(), ".", "catalog/") }},
		{"ladders", func() (any, error) { return ladders.LoadFS(ladders.BuiltinFS(), ".", "ladders/") }},
	} {
		v, err := part.load()
		if err != nil {
			fail(err)
		}
		english := map[string]string{}
		for _, t := range l10n.Texts(v) {
			english[t.Path] = t.Text
		}
		set := map[string]bool{}
		dir := path.Join(part.dir, "l10n", *lang)
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, f := range files {
			data, err := boundedio.ReadFile(f, strictyaml.MaxBytes)
			if err != nil {
				fail(err)
			}
			if err := l10n.Apply(v, f, data, set); err != nil {
				fmt.Println(err)
				bad = true
			}
		}
		perFile := map[string]int{}
		for _, t := range l10n.Texts(v) {
			if !set[t.Path] {
				perFile[path.Base(t.File)+" (missing)"]++
				if *same {
					fmt.Printf("missing %s: %s\n", t.Path, t.Text)
				}
				continue
			}
			if t.Text == english[t.Path] {
				perFile[path.Base(t.File)]++
				if *same {
					fmt.Printf("same %s: %s\n", t.Path, t.Text)
				}
			}
		}
		names := make([]string, 0, len(perFile))
		for n := range perFile {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Printf("%s/%s: %d texts read as the English\n", part.dir, n, perFile[n])
		}
	}
	if bad {
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "check:", err)
	os.Exit(1)
}
