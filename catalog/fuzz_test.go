package catalog

import (
	"testing"
)

// FuzzLoad feeds arbitrary catalog files through strict decoding and
// validation: any input gives a catalog or an error, never a panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("areas:\n  - {id: a, title: A, sources: [s]}\nsources: [{id: s}]\n"))
	f.Add([]byte("responsibilities:\n  - {id: r, area: a, roles: [x], text: t, weights: {product: 9}}\n"))
	f.Add([]byte("roles:\n  - id: cto\n    reports_to: [{role: cto, title: x}]\n"))
	f.Add([]byte("a: &a [*a, *a, *a]\nb: &b [*a, *a]\n"))
	if data, err := builtinFS.ReadFile("sources.yaml"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &Catalog{}
		if _, err := c.add("f.yaml", data, false); err != nil {
			return
		}
		_ = c.finish()
	})
}
