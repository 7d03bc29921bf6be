package web

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// The access rules that routes.go gives its routes.
var (
	public   = access{}
	signedIn = access{signedIn: true}
	staff    = only(domain.RoleStaff, domain.RoleAdmin)

	youth      = only(domain.RoleYouth)
	counsellor = only(domain.RoleCounsellor)
	employer   = only(domain.RoleEmployer)
	applicant  = only(domain.RoleApplicant)
	reviewer   = only(domain.RoleReviewer)
	adviser    = only(domain.RoleAdviser)
	// staffNotAdmin is the staff role alone, for routes that mix it with
	// another role's and for the programme's work (moderation, bookings,
	// PROGR'ESS), whose services admit staff only: a technical
	// administrator has no business there.
	staffNotAdmin = only(domain.RoleStaff)
)

func only(roles ...domain.Role) access { return access{signedIn: true, roles: roles} }

// anyOf admits the holders of any role of the rules.
func anyOf(rules ...access) access {
	var roles []domain.Role
	for _, r := range rules {
		roles = append(roles, r.roles...)
	}
	return only(roles...)
}

// memberOf is the ownership rule "own organisation": the :id of the URL is
// one of the user's organisations.
func memberOf(c *fiber.Ctx, u *domain.User) (bool, error) {
	return slices.Contains(u.OrganisationIDs, c.Params("id")), nil
}
