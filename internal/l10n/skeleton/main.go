// Command skeleton starts a new language: it writes, for each English file
// of the catalog and the ladder, a translation file holding every text of
// that file, still in English, for a translator to replace. It never
// overwrites a file that exists.
//
//	go run ./internal/l10n/skeleton -lang de
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/l10n"
	"github.com/rungs/rungs/ladders"
)

func main() {
	lang := flag.String("lang", "", "language tag of the new language, such as de")
	root := flag.String("root", ".", "the repository's root folder")
	flag.Parse()
	if !regexp.MustCompile(`^[a-z]{2,3}$`).MatchString(*lang) {
		fmt.Fprintln(os.Stderr, "skeleton: --lang: give a two- or three-letter language code, such as de")
		os.Exit(2)
	}
	cat, err := catalog.Builtin()
	if err != nil {
		fail(err)
	}
	lad, err := ladders.Builtin()
	if err != nil {
		fail(err)
	}
	header := "# " + *lang + " texts for the English file of the same name (see internal/l10n).\n"
	for dir, v := range map[string]any{"catalog": cat, "ladders": lad} {
		out := filepath.Join(*root, dir, "l10n", *lang)
		if err := os.MkdirAll(out, 0o755); err != nil {
			fail(err)
		}
		files := l10n.Skeleton(v, header)
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			path := filepath.Join(out, n)
			if _, err := os.Stat(path); err == nil {
				fmt.Fprintf(os.Stderr, "skeleton: %s exists; left as it is\n", path)
				continue
			}
			if err := os.WriteFile(path, files[n], 0o644); err != nil {
				fail(err)
			}
			fmt.Println(path)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "skeleton:", err)
	os.Exit(1)
}
