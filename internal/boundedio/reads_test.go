package boundedio

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// unbounded are the calls that read a file, or open one for reading,
// without a cap. Outside this package, Rungs reads through ReadFile, Open,
// Read or DirFS instead.
var unbounded = map[string][]string{
	"os":        {"ReadFile", "Open", "OpenFile", "DirFS"},
	"io":        {"ReadAll"},
	"io/ioutil": {"ReadFile", "ReadAll"},
	"io/fs":     {"ReadFile"},
}

// allowed are the calls above that are bounded some other way, by file
// (slash-separated, from the module root), with the reason.
var allowed = map[string]string{
	"catalog/load.go:fs.ReadFile":               "the FS is the embedded catalog or DirFS (catalog.LoadDir)",
	"ladders/load.go:fs.ReadFile":               "the FS is the embedded ladder or DirFS (ladders.Load)",
	"internal/starter/starter.go:fs.ReadFile":   "reads the embedded starter files only",
	"internal/batch/folder.go:os.OpenFile":      "creates or opens the lock file, of which it reads 512 bytes at most",
	"internal/batch/folder.go:io.ReadAll":       "reads the lock file's holder through io.LimitReader(512)",
	"internal/snapshot/snapshot.go:fs.ReadFile": "hashes the embedded catalog and ladder YAML only",
	"internal/l10n/translate.go:fs.ReadFile":    "the FS is the embedded translations or the DirFS of a catalog or ladder folder",
	"internal/starter/install.go:os.OpenFile":   "creates the .bak copy for writing; reads nothing",
	"output/output.go:os.Open":                  "opens a folder to flush it (SyncDir); reads nothing",
}

// skipped are folders whose code never reads user files: this package,
// the test-only golden helper and generate-time code.
var skipped = map[string]bool{
	"internal/boundedio":    true,
	"internal/golden":       true,
	"internal/schemagen":    true,
	"internal/snapshot/gen": true,
	"cmd/rungs/testdata":    true,
	"lint/testdata":         true,
	"templates/testdata":    true,
	"examples":              true,
}

// TestEveryReadIsBounded parses every non-test Go file of the module and
// fails on a call that reads a file without a cap, so that company files,
// manifests, CSV plans, catalogs, ladders, templates and lint input all go
// through this package (issue 13: /dev/zero and huge files).
func TestEveryReadIsBounded(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	seen := map[string]bool{}
	files := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(strings.TrimPrefix(p, root), string(filepath.Separator)))
		if d.IsDir() {
			if skipped[rel] || strings.HasPrefix(d.Name(), ".") && rel != "" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		for _, c := range f.Comments {
			if strings.Contains(c.Text(), "go:build ignore") {
				return nil // generate-time program
			}
		}
		fset := token.NewFileSet()
		f, err = parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		files++
		names := map[string]string{} // local name -> import path
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if im.Name != nil {
				name = im.Name.Name
			}
			names[name] = path
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			id, ok := sel.X.(*ast.Ident)
			if !ok || id.Obj != nil {
				return true
			}
			path, ok := names[id.Name]
			if !ok {
				return true
			}
			for _, fn := range unbounded[path] {
				if sel.Sel.Name != fn {
					continue
				}
				key := rel + ":" + id.Name + "." + fn
				if _, ok := allowed[key]; ok {
					seen[key] = true
					continue
				}
				t.Errorf("%s: %s.%s reads without a cap; use boundedio.ReadFile, Open, Read or DirFS", fset.Position(sel.Pos()), id.Name, fn)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("checked only %d files; is the module root right?", files)
	}
	for key, why := range allowed {
		if !seen[key] {
			t.Errorf("allowed call %s (%s) no longer exists: remove it from the list", key, why)
		}
	}
}
