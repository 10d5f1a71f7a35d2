package sitedoc

import (
	"fmt"
	"testing"

	"github.com/rungs/rungs/catalog"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
)

// source is the built-in ladder for a growth-stage company of size
// engineers with a product CTO.
func source(t testing.TB, size int) Source {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lad, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Resolve(cat, profile.Input{Stage: "growth", Size: fmt.Sprint(size), Archetype: "product"})
	if err != nil {
		t.Fatal(err)
	}
	p.Company.Name = "Acme"
	return Source{Ladder: lad, Profile: p}
}
