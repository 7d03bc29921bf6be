package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/app/recommend"
)

// spaceRoles names the role each space page serves.
var spaceRoles = map[string]domain.Role{"youth": domain.RoleYouth, "counsellor": domain.RoleCounsellor,
	"employer": domain.RoleEmployer, "progress": domain.RoleApplicant, "staff": domain.RoleStaff}

// mySpace is what a space page shows first to a signed-in holder of its
// role: their profile or their organisations, or the back-office for staff.
type mySpace struct {
	Role          domain.Role
	Holder        bool // the signed-in user holds the space's role
	Youth         *domain.Youth
	NeedsConsent  bool
	Organisations []domain.Organisation
	Recommended   []recommend.Recommendation // "Recommandé pour toi", with the reasons
	Favourites    []domain.Offer             // "Mes favoris", the newest saved first, one page of them
	FavouritesAt  pager
	Searches      []domain.SavedSearch       // "Mes recherches enregistrées", the oldest first
	Followed      []passerelle.FollowedYouth // a counsellor's youths, who chose their structure, one page of them
	FollowedAt    pager
}

// loadMySpace reads the signed-in user's own content for the space page:
// their lists one page at a time, from their shelves and by _id.
func (s *Server) loadMySpace(c *fiber.Ctx, page string) (*mySpace, error) {
	my := &mySpace{Role: spaceRoles[page]}
	u := currentUser(c)
	if u == nil || !(u.HasRole(my.Role) || my.Role == domain.RoleStaff && isStaff(u)) {
		return my, nil
	}
	my.Holder = true
	var err error
	switch my.Role {
	case domain.RoleYouth:
		if my.Youth, err = s.deps.Accounts.YouthProfile(c.UserContext(), u); my.Youth != nil {
			my.NeedsConsent = my.Youth.NeedsConsent(s.deps.Now())
			my.Recommended, err = s.recommendFor(c, my.Youth)
		}
		if err == nil {
			my.Favourites, my.FavouritesAt, err = readPage(c, listAt{"/jeunes", "page_favoris", "mes-favoris"},
				func(r domain.PageRequest) (domain.Page[domain.Offer], error) {
					return s.deps.Passerelle.FavouriteOffersPage(c.UserContext(), u, r)
				})
		}
		if err == nil {
			my.Searches, err = s.deps.Passerelle.SavedSearches(c.UserContext(), u)
		}
	case domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant:
		my.Organisations, err = s.deps.People.OrganisationsByIDs(c.UserContext(), u.OrganisationIDs)
	}
	if err == nil && my.Role == domain.RoleCounsellor {
		// A lycée follows hundreds of youths: the store reads one page.
		my.Followed, my.FollowedAt, err = readPage(c, listAt{"/etablissements", "page_jeunes", "mes-jeunes"},
			func(r domain.PageRequest) (domain.Page[passerelle.FollowedYouth], error) {
				return s.deps.Passerelle.FollowedYouthsPage(c.UserContext(), u, r)
			})
	}
	return my, err
}
