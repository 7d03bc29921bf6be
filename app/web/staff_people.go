package web

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// staffPeople lists accounts for staff, matching an email or a name.
func (s *Server) staffPeople(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	users, p, err := readPage(c, listAt{path: "/agents/personnes"}, func(r domain.PageRequest) (domain.Page[domain.User], error) {
		return s.deps.People.UsersPage(c.UserContext(), q, r)
	})
	if err != nil {
		return err
	}
	return s.render(c, "staff_people", fiber.Map{"Title": s.localizer(c).T("staff.people.title"), "People": users,
		"Query": q, "Roles": domain.Roles, "Pager": p})
}

func (s *Server) changeRoles(c *fiber.Ctx) error {
	var roles []domain.Role
	for _, r := range formValues(c)["roles"] {
		roles = append(roles, domain.Role(r))
	}
	if err := s.deps.Accounts.ChangeRoles(c.UserContext(), c.Params("id"), roles, currentUser(c), s.client(c)); err != nil {
		return err
	}
	return s.backToPeople(c)
}

func (s *Server) suspendUser(c *fiber.Ctx) error {
	suspend := c.FormValue("suspend") == "1"
	if err := s.deps.Accounts.Suspend(c.UserContext(), c.Params("id"), suspend, currentUser(c), s.client(c)); err != nil {
		return err
	}
	return s.backToPeople(c)
}

func (s *Server) backToPeople(c *fiber.Ctx) error {
	return c.Redirect(backToList(c, "/agents/personnes"), fiber.StatusSeeOther)
}

// auditLog shows the latest security events and staff actions, optionally
// those of one person or resource; nothing on the page changes them.
func (s *Server) auditLog(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	events, err := s.deps.People.LatestAudit(c.UserContext(), q, 200)
	if err != nil {
		return err
	}
	names, err := s.auditNames(c.UserContext(), events)
	if err != nil {
		return err
	}
	return s.render(c, "staff_audit", fiber.Map{"Title": s.localizer(c).T("staff.audit.title"), "Events": events,
		"Query": q, "Names": names})
}

// auditNames names the people, organisations, offers and grant files that
// events speak of, by id, so that the log reads as names.
func (s *Server) auditNames(ctx context.Context, events []domain.AuditEvent) (map[string]string, error) {
	var people, offers, grants, meetings []string
	for _, e := range events {
		people = append(people, e.ActorID)
		switch e.TargetKind {
		case "event":
			meetings = append(meetings, e.TargetID)
		case "offer":
			offers = append(offers, e.TargetID)
		case "grant_application":
			grants = append(grants, e.TargetID)
		default:
			people = append(people, e.TargetID)
		}
	}
	names, err := s.peopleNames(ctx, people)
	if err != nil {
		return nil, err
	}
	found, err := s.deps.Events.Named(ctx, meetings)
	for _, e := range found {
		names[e.ID] = e.Title
	}
	if err != nil || len(offers) == 0 && len(grants) == 0 {
		return names, err
	}
	offered, err := s.deps.People.OffersByIDs(ctx, offers)
	if err != nil {
		return nil, err
	}
	for _, o := range offered {
		names[o.ID] = o.Title
	}
	files, err := s.deps.People.GrantsByIDs(ctx, grants)
	for _, g := range files {
		names[g.ID] = g.Content.Project.Title
	}
	return names, err
}
