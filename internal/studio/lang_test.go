package studio

import (
	"strings"
	"testing"
)

// A company file with language: fr makes every document of the studio
// French, data and templates alike, as rungs jd and rungs ladder do; a
// mixed document (French sentences from the rules inside an English
// template) would be worse than either.
func TestFrenchCompany(t *testing.T) {
	h := newServer(t, companyYAML+"language: fr\n").Handler()
	for _, tc := range []struct{ path, want, not string }{
		{"/jd?role=staff-engineer", "Staff Engineer (H/F)", "What you will do"},
		{"/ladder", "grille de carrière", "What we expect"},
		{"/ladder?view=level&level=staff-engineer", "Nos attentes", "What we expect"},
	} {
		rec := get(t, h, tc.path)
		body := rec.Body.String()
		if rec.Code != 200 || !strings.Contains(body, tc.want) || strings.Contains(body, tc.not) {
			t.Errorf("%s: status %d; want %q in the page and no %q", tc.path, rec.Code, tc.want, tc.not)
		}
	}
	rec := get(t, h, "/download/jd/md?role=staff-engineer")
	if md := rec.Body.String(); rec.Code != 200 || !strings.Contains(md, "## Vos missions") {
		t.Errorf("French download: status %d\n%.300s", rec.Code, md)
	}
}
