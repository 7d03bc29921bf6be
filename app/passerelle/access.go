package passerelle

import (
	"slices"

	"passerelle/app/domain"
)

var errForbidden = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.forbidden"}

// memberOf reports whether the user acts for organisation orgID with role r.
func memberOf(u *domain.User, r domain.Role, orgID string) bool {
	return u != nil && u.HasRole(r) && slices.Contains(u.OrganisationIDs, orgID)
}

// mustEmploy refuses a user who is not an employer of the organisation.
func mustEmploy(u *domain.User, orgID string) error {
	if !memberOf(u, domain.RoleEmployer, orgID) {
		return errForbidden
	}
	return nil
}

// mustBeStaff refuses a user who is not an agent of the Département.
func mustBeStaff(u *domain.User) error {
	if u == nil || !u.HasRole(domain.RoleStaff) {
		return errForbidden
	}
	return nil
}
