package account

import (
	"context"
	"slices"
	"strings"
	"time"

	"passerelle/app/domain"
)

// StaffStore is what the back-office changes on people.
type StaffStore interface {
	SetUserRoles(ctx context.Context, userID string, roles []domain.Role) error
	SetUserSuspended(ctx context.Context, userID string, at *time.Time) error
}

var errStaffOnly = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.staff.admin_only"}

// privileged roles are granted and withdrawn by admins only.
func privileged(roles []domain.Role) bool {
	return slices.Contains(roles, domain.RoleStaff) || slices.Contains(roles, domain.RoleAdmin)
}

// ChangeRoles sets the roles of the user id. Staff may give any role but
// staff and admin, which only an admin grants or withdraws; nobody changes
// their own roles.
func (s *Service) ChangeRoles(ctx context.Context, id string, roles []domain.Role, actor *domain.User, client Client) error {
	target, err := s.store.UserByID(ctx, id)
	if err != nil {
		return err
	}
	if len(roles) == 0 || slices.ContainsFunc(roles, func(r domain.Role) bool { return !r.Valid() }) {
		return domain.FieldError("roles", "error.staff.roles")
	}
	if target.ID == actor.ID || (privileged(roles) || privileged(target.Roles)) && !actor.HasRole(domain.RoleAdmin) {
		return errStaffOnly
	}
	if err := s.store.SetUserRoles(ctx, id, roles); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: actor.ID, Action: domain.AuditRolesChanged, TargetKind: "user", TargetID: id,
		IP: client.IP, Detail: joinRoles(target.Roles) + " → " + joinRoles(roles)})
	return nil
}

func joinRoles(roles []domain.Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	return strings.Join(names, ",")
}

// Suspend suspends the user id (signing them out everywhere) or lifts the
// suspension. Only an admin suspends staff; nobody suspends themselves.
func (s *Service) Suspend(ctx context.Context, id string, suspend bool, actor *domain.User, client Client) error {
	target, err := s.store.UserByID(ctx, id)
	if err != nil {
		return err
	}
	if target.ID == actor.ID || privileged(target.Roles) && !actor.HasRole(domain.RoleAdmin) {
		return errStaffOnly
	}
	var at *time.Time
	action := domain.AuditUserReinstated
	if suspend {
		now := s.now().UTC()
		at, action = &now, domain.AuditUserSuspended
	}
	if err := s.store.SetUserSuspended(ctx, id, at); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: actor.ID, Action: action, TargetKind: "user", TargetID: id, IP: client.IP})
	return s.store.DeleteUserWebSessions(ctx, id)
}
