package web

import (
	"context"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/app/progress"
	"passerelle/app/support"
)

// auditRow is one event of the log as staff read it: names and labels,
// with the ids kept only to link to each one's own log.
type auditRow struct {
	At               time.Time
	ActorID, Actor   string // no ActorID: the platform itself
	Action, Detail   string
	Kind             string
	TargetID, Target string
	IP               string
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
	l := s.localizer(c)
	rows := make([]auditRow, len(events))
	for i, e := range events {
		rows[i] = auditRow{At: e.At, ActorID: e.ActorID, Actor: names[e.ActorID], Action: l.T("audit.action." + e.Action),
			Detail: auditDetail(l, e, names), TargetID: e.TargetID, Target: names[e.TargetID], IP: e.IP}
		if e.TargetKind != "" {
			rows[i].Kind = l.T("audit.kind." + e.TargetKind)
		}
		if e.Action == progress.AuditCallSaved { // the call's title, at the time
			rows[i].Target, rows[i].Detail = e.Detail, ""
		}
		if rows[i].Target == "" {
			rows[i].Target = l.T("staff.audit.its_log")
		}
	}
	return s.render(c, "staff_audit", fiber.Map{"Title": l.T("staff.audit.title"), "Events": rows, "Query": q})
}

// auditLabels are the actions whose detail is a state of what they changed,
// by the catalog prefix of that state's label.
var auditLabels = map[string]string{
	passerelle.AuditBookingCreated:   "passerelle.booking.status.",
	passerelle.AuditBookingAttended:  "passerelle.booking.status.",
	passerelle.AuditApplicationMoved: "passerelle.application.status.",
	passerelle.AuditOfferCreated:     "passerelle.offer.status.",
	passerelle.AuditOfferEdited:      "passerelle.offer.status.",
	domain.AuditSignUp:               "auth.role.",
	domain.AuditOrgVerified:          "audit.detail.",
	domain.AuditRateLimited:          "audit.detail.limit.",
	support.AuditFollowed:            "support.status.",
}

// auditDetail says in words what an event's detail records: a state by
// its label, a role change or a grant file's move by their labels, a
// person or thing by its name; words someone wrote (a reason) as written;
// an internal reference (a message's id) not at all.
func auditDetail(l localizer, e domain.AuditEvent, names map[string]string) string {
	d := e.Detail
	if prefix, ok := auditLabels[e.Action]; ok {
		if original, copied := strings.CutPrefix(d, passerelle.DuplicateDetail); copied {
			return l.T("audit.detail.copy_of", names[original])
		}
		return l.T(prefix + d)
	}
	switch e.Action {
	case passerelle.AuditApplicationMessage, domain.AuditTestimonyWritten:
		return ""
	case domain.AuditRolesChanged:
		return labelledMove(l, d, "auth.role.", ",")
	case progress.AuditGrantTransition:
		move, reason, _ := strings.Cut(d, ": ")
		return strings.TrimSuffix(labelledMove(l, move, "progress.state.", "")+l.Colon()+reason, l.Colon())
	case domain.AuditTestimonyMod:
		state, org, _ := strings.Cut(d, " ")
		return l.T("testimony.status."+state) + " — " + names[org]
	}
	if name, ok := names[d]; ok {
		return name
	}
	return d
}

// labelledMove reads "a → b" (each side a list when sep is given) as the
// labels of its values.
func labelledMove(l localizer, move, prefix, sep string) string {
	from, to, found := strings.Cut(move, " → ")
	label := func(side string) string {
		values := []string{side}
		if sep != "" {
			values = strings.Split(side, sep)
		}
		for i, v := range values {
			values[i] = l.T(prefix + v)
		}
		return strings.Join(values, ", ")
	}
	if !found {
		return label(move)
	}
	return label(from) + " → " + label(to)
}

// auditSubjects are the ids of the things events speak of, by kind.
type auditSubjects struct{ offers, bookings, applications, grants, requests, events []string }

// auditNames names the people, organisations, offers, bookings,
// applications, grant files, support requests and events (forums,
// workshops) that audit events speak of, by id, so that the log reads as
// names.
func (s *Server) auditNames(ctx context.Context, events []domain.AuditEvent) (map[string]string, error) {
	var people []string
	var ids auditSubjects
	for _, e := range events {
		people = append(people, e.ActorID)
		switch e.TargetKind {
		case "offer":
			ids.offers = append(ids.offers, e.TargetID, strings.TrimPrefix(e.Detail, passerelle.DuplicateDetail))
		case "booking":
			ids.bookings = append(ids.bookings, e.TargetID)
		case "application":
			ids.applications = append(ids.applications, e.TargetID)
		case "grant_application":
			ids.grants = append(ids.grants, e.TargetID)
			people = append(people, e.Detail) // a co-editor
		case "event":
			ids.events = append(ids.events, e.TargetID)
		case "support_request":
			ids.requests = append(ids.requests, e.TargetID)
			people = append(people, e.Detail) // the structure it is given to
		case "testimony":
			people = append(people, strings.TrimPrefix(e.Detail, string(domain.TestimonyPublished)+" "))
		default:
			people = append(people, e.TargetID)
		}
	}
	names, err := s.peopleNames(ctx, people)
	if err != nil {
		return nil, err
	}
	return names, s.thingNames(ctx, names, ids)
}

// eventNames adds the titles of the events among ids.
func (s *Server) eventNames(ctx context.Context, names map[string]string, ids []string) error {
	if s.deps.Events == nil || len(ids) == 0 {
		return nil
	}
	found, err := s.deps.Events.Named(ctx, ids)
	for _, e := range found {
		names[e.ID] = e.Title
	}
	return err
}

// thingNames adds to names the titles of offers, events and grant files, a
// booking as its visit and group, an application as its offer and youth, a
// support request as its project.
func (s *Server) thingNames(ctx context.Context, names map[string]string, ids auditSubjects) error {
	booked, err := s.deps.People.BookingsByIDs(ctx, ids.bookings)
	if err != nil {
		return err
	}
	for _, b := range booked {
		ids.offers = append(ids.offers, b.OfferID)
	}
	found, err := s.deps.People.OffersByIDs(ctx, ids.offers)
	if err != nil {
		return err
	}
	for _, o := range found {
		names[o.ID] = o.Title
	}
	for _, b := range booked {
		names[b.ID] = names[b.OfferID] + " — " + b.GroupName
	}
	applied, err := s.deps.People.ApplicationsByIDs(ctx, ids.applications)
	if err != nil {
		return err
	}
	for _, a := range applied {
		names[a.ID] = a.OfferTitle + " — " + a.YouthName
	}
	if err := s.eventNames(ctx, names, ids.events); err != nil {
		return err
	}
	requests, err := s.deps.People.SupportRequestsByIDs(ctx, ids.requests)
	if err != nil {
		return err
	}
	for _, r := range requests {
		names[r.ID] = r.Project
	}
	files, err := s.deps.People.GrantsByIDs(ctx, ids.grants)
	for _, g := range files {
		names[g.ID] = g.Content.Project.Title
	}
	return err
}
