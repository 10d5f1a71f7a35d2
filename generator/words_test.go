package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rungs/rungs/internal/locale"
)

// TestWordsKeys reads generator's own source for every tr.Text and
// tr.Count call and checks that the key is a literal, exists in the
// English locale, and is given exactly the placeholders its message uses
// (Count supplies {n} itself). It also checks that every English key is
// used, so the locale file carries no dead words for translators.
func TestWordsKeys(t *testing.T) {
	en := locale.English()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "tr" || (sel.Sel.Name != "Text" && sel.Sel.Name != "Count") {
				return true
			}
			pos := fset.Position(call.Pos())
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: tr.%s key is not a string literal, so it cannot be checked", pos, sel.Sel.Name)
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			used[key] = true
			want, ok := en.Vars(key)
			if !ok {
				t.Errorf("%s: key %q is not in the English locale", pos, key)
				return true
			}
			var argsExpr ast.Expr
			var got []string
			switch sel.Sel.Name {
			case "Text":
				argsExpr = call.Args[1]
				if en.Plural(key) {
					t.Errorf("%s: key %q has plural forms; use tr.Count", pos, key)
				}
			case "Count":
				argsExpr = call.Args[3]
				got = append(got, "n")
				if !en.Plural(key) {
					t.Errorf("%s: key %q has no plural forms; use tr.Text", pos, key)
				}
			default:
				return true
			}
			got = append(got, argNames(t, pos, argsExpr)...)
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: key %q given {%s}; its message uses {%s}", pos, key, strings.Join(got, "}, {"), strings.Join(want, "}, {"))
			}
			return true
		})
	}
	for _, k := range en.Keys() {
		// Dates and currencies are worded by internal/locale itself
		// (Catalog.Date, Catalog.Currency), for templates and rules alike;
		// typography is applied by templates; plural.zero is the
		// locale's own plural rule; the document renderers (output/)
		// write the document.* words and check them there.
		if strings.HasPrefix(k, "date.") || strings.HasPrefix(k, "typography.") || strings.HasPrefix(k, "plural.") || strings.HasPrefix(k, "document.") || k == "pay.currency" {
			continue
		}
		if !used[k] {
			t.Errorf("English key %q is not used by generator", k)
		}
	}
}

// argNames lists the keys of a locale.Args literal (nil gives none).
func argNames(t *testing.T, pos token.Position, e ast.Expr) []string {
	if id, ok := e.(*ast.Ident); ok && id.Name == "nil" {
		return nil
	}
	if id, ok := e.(*ast.Ident); ok {
		// A named Args variable would hide its keys from this check.
		t.Errorf("%s: pass placeholders as a locale.Args literal, not %s, so they can be checked", pos, id.Name)
		return nil
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		t.Errorf("%s: pass placeholders as a locale.Args literal", pos)
		return nil
	}
	var names []string
	for _, el := range cl.Elts {
		kv := el.(*ast.KeyValueExpr)
		lit, ok := kv.Key.(*ast.BasicLit)
		if !ok {
			t.Errorf("%s: placeholder name is not a literal", pos)
			continue
		}
		s, _ := strconv.Unquote(lit.Value)
		names = append(names, s)
	}
	return names
}
