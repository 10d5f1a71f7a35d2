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

// frenchSource is source in French, as rungs ladder --lang fr builds it:
// the company resolved against the French catalog (stage and archetype
// names), the ladder's French texts, the company's language, the site's
// language, and the built-in templates of that language (Templates nil).
func frenchSource(t testing.TB, size int) Source {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if cat, _, err = cat.In("fr"); err != nil {
		t.Fatal(err)
	}
	lad, err := ladders.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if lad, _, err = lad.In("fr"); err != nil {
		t.Fatal(err)
	}
	p, err := profile.Resolve(cat, profile.Input{Stage: "growth", Size: fmt.Sprint(size), Archetype: "product"})
	if err != nil {
		t.Fatal(err)
	}
	p.Company.Name = "Acme"
	p.Company.Language = "fr"
	return Source{Ladder: lad, Profile: p, Language: "fr"}
}
