package generator

import (
	"github.com/rungs/rungs/internal/locale"
	"github.com/rungs/rungs/internal/profile"
	"github.com/rungs/rungs/ladders"
)

// One truth for postings and the ladder: a catalog role that is also a rung
// of the ladder (software-engineer ... cto, and head-of-engineering, the
// title the VP of Engineering rung carries in a smaller company) is "rarely
// a separate job" exactly when the ladder, at the company's stage, size and
// CTO archetype, shows that rung as reserved or leaves it out. The
// thresholds are the ladder's; the catalog's min_size only speaks for roles
// that are not rungs (tech lead, CIO, CPO).

// RoleRung returns the ladder rung a catalog role is: the level whose id is
// the role's id, or whose sized title has that id (head-of-engineering).
// ok is false for a role that is not a rung.
func RoleRung(lad *ladders.Ladder, roleID string) (ladders.Level, bool) {
	if lad == nil {
		return ladders.Level{}, false
	}
	for _, v := range lad.Levels {
		if v.ID == roleID {
			return v, true
		}
		for _, t := range v.Titles {
			if t.ID == roleID {
				return v, true
			}
		}
	}
	return ladders.Level{}, false
}

// RungStatus is what the ladder at this profile shows for a rung:
// "filled", "reserved" or "absent", with the reason and the headcount
// from which that changes.
func RungStatus(lad *ladders.Ladder, v ladders.Level, p profile.Profile) (status, reason string, from int) {
	if !RungShown(v, p.Size) {
		return "absent", v.Size.Absent, v.Size.ShowFrom
	}
	if res, why := RungReserved(lad, v, p); res {
		from, _ := RungFillFrom(lad, v, p)
		return "reserved", why, from
	}
	return "filled", "", 0
}

// RungWarning returns the posting's warning that a role is rarely a
// separate job at this company, or "" when the ladder has the rung filled
// or the role is not a rung. It names the title the role is posted under.
func RungWarning(lad *ladders.Ladder, p profile.Profile, roleID string) string {
	tr := wordsFor(p.Company.Language)
	v, ok := RoleRung(lad, roleID)
	if !ok {
		return ""
	}
	title := v.Title
	for _, t := range v.Titles {
		if t.ID == roleID {
			title = t.Title
		}
	}
	status, reason, from := RungStatus(lad, v, p)
	switch status {
	case "absent":
		return tr.Text("warning.rung_absent", locale.Args{"article": article(title), "title": title, "engineers": engineers(tr, p.Size), "from": engineers(tr, from), "reason": sentence(reason)})
	case "reserved":
		if v.ID == lad.Settings.DeliveryRung {
			return tr.Text("warning.rung_reserved_delivery", locale.Args{"article": article(title), "title": title, "engineers": engineers(tr, p.Size), "from": engineers(tr, from), "reason": sentence(reason)})
		}
		return tr.Text("warning.rung_reserved", locale.Args{"article": article(title), "title": title, "engineers": engineers(tr, p.Size), "from": engineers(tr, from), "reason": sentence(reason)})
	}
	return ""
}

// isBuiltinRung reports whether a catalog role is a rung of the built-in
// ladder, so Mismatches leaves its size warning to RungWarning.
func isBuiltinRung(roleID string) bool {
	lad, err := ladders.Builtin()
	if err != nil {
		return false
	}
	_, ok := RoleRung(lad, roleID)
	return ok
}
