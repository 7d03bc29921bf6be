package web

import (
	"crypto/rand"
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/events"
	"passerelle/app/refdata"
)

// eventsPage lists the published events with the filters of the query:
// kind, commune (by name), public, upcoming only (the default).
func (s *Server) eventsPage(c *fiber.Ctx) error {
	f, upcoming, err := eventFilterOf(c)
	if err != nil {
		return err
	}
	list, p, err := readPage(c, listAt{path: "/evenements"}, func(r domain.PageRequest) (domain.Page[domain.Event], error) {
		return s.deps.Events.List(c.UserContext(), f, upcoming, r)
	})
	if err != nil {
		return err
	}
	return s.render(c, "events", fiber.Map{"Title": s.localizer(c).T("events.title"), "Events": list, "Pager": p,
		"Filter": f, "Upcoming": upcoming, "Commune": c.Query("commune"), "Kinds": domain.EventKinds,
		"Audiences": domain.EventAudiences})
}

// eventFilterOf reads the list's filters; an unknown value is a 400 with
// its French message, never an empty list that hides the mistake.
func eventFilterOf(c *fiber.Ctx) (domain.EventFilter, bool, error) {
	f := domain.EventFilter{Kind: domain.EventKind(c.Query("type")), Audience: domain.EventAudience(c.Query("public"))}
	if f.Kind != "" && !f.Kind.Valid() {
		return f, false, domain.FieldError("type", "error.event.kind")
	}
	if f.Audience != "" && !f.Audience.Valid() {
		return f, false, domain.FieldError("public", "error.event.audiences")
	}
	if name := strings.TrimSpace(c.Query("commune")); name != "" {
		if f.CommuneCode = communeCode(name); !isCommune92(f.CommuneCode) {
			return f, false, domain.FieldError("commune", "error.event.commune")
		}
	}
	return f, c.Query("periode") != "tous", nil
}

// eventPage is an event's public page: what, when, where, places; the
// registration forms for the signed-in person's roles; their own
// registrations; and for the organiser, the registrations and attendance.
func (s *Server) eventPage(c *fiber.Ctx) error {
	return s.showEvent(c, url.Values{}, fiber.Map{})
}

func (s *Server) showEvent(c *fiber.Ctx, form url.Values, data fiber.Map) error {
	ctx, u := c.UserContext(), currentUser(c)
	e, err := s.deps.Events.Event(ctx, c.Params("id"))
	if err != nil {
		return err
	}
	if u != nil {
		if data["Mine"], err = s.deps.Events.MineAt(ctx, u, e.ID); err != nil {
			return err
		}
		if data["Organisations"], err = s.deps.People.OrganisationsByIDs(ctx, u.OrganisationIDs); err != nil {
			return err
		}
		if events.Organises(u, e) {
			data["Organiser"] = true
			if data["Registrations"], err = s.deps.Events.Registrations(ctx, u, e); err != nil {
				return err
			}
		}
	}
	if !form.Has("request_key") {
		form.Set("request_key", rand.Text()) // a resubmitted form registers once
	}
	data["Title"], data["Event"], data["Place"], data["Form"] = e.Title, e, events.Place(e), form
	data["Open"] = domain.EventOpen(e, s.deps.Now()) == nil
	data["Started"] = !s.deps.Now().Before(e.StartsAt)
	return s.render(c, "event", data)
}

// registerForm registers the signed-in person, by the kind the form names.
func (s *Server) registerForm(c *fiber.Ctx) error {
	form := formValues(c)
	r := &formReader{form: form}
	in := events.RegistrationInput{EventID: c.Params("id"), Kind: domain.RegistrationKind(form.Get("kind")),
		OrganisationID: form.Get("organisation_id"), GroupName: form.Get("group_name"), Places: r.int("places"),
		RequestKey: form.Get("request_key")}
	err := r.err
	if err == nil {
		var reg *domain.EventRegistration
		if reg, err = s.deps.Events.Register(c.UserContext(), currentUser(c), in); err == nil {
			s.flash(c, youthWords(reg, "event_"+string(reg.Status)))
			return c.Redirect("/evenements/mes-evenements", fiber.StatusSeeOther)
		}
	}
	data := fiber.Map{}
	if !failed(c, data, err) {
		return err
	}
	return s.showEvent(c, form, data)
}

// youthWords picks the words meant for a youth (tu) of a message.
func youthWords(r *domain.EventRegistration, key string) string {
	if r.Kind == domain.RegisterYouth {
		return key + "_youth"
	}
	return key
}

// cancelRegistrationForm cancels one of the person's registrations, once
// confirmed on the confirmation page.
func (s *Server) cancelRegistrationForm(c *fiber.Ctx) error {
	if ok, err := s.confirmFirst(c, "event_registration", "", "/evenements/mes-evenements"); !ok {
		return err
	}
	r, _, err := s.deps.Events.CancelRegistration(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	s.flash(c, youthWords(r, "event_registration_cancelled"))
	return c.Redirect("/evenements/mes-evenements", fiber.StatusSeeOther)
}

// eventAttendanceForm records, for the organiser, whether a registrant came.
func (s *Server) eventAttendanceForm(c *fiber.Ctx) error {
	r, err := s.deps.Events.MarkAttendance(c.UserContext(), currentUser(c), c.Params("id"),
		domain.RegistrationStatus(c.FormValue("status")))
	if err != nil {
		return err
	}
	s.flash(c, "event_attendance")
	return c.Redirect("/evenements/"+r.EventID+"#inscriptions", fiber.StatusSeeOther)
}

// cancelEventForm cancels an event, for its organiser, once confirmed.
func (s *Server) cancelEventForm(c *fiber.Ctx) error {
	id := c.Params("id")
	if ok, err := s.confirmFirst(c, "event_cancel", "", "/evenements/"+id); !ok {
		return err
	}
	if _, err := s.deps.Events.CancelEvent(c.UserContext(), currentUser(c), id); err != nil {
		return err
	}
	s.flash(c, "event_cancelled")
	return c.Redirect("/evenements/"+id, fiber.StatusSeeOther)
}

// registrationCalendar downloads a registration's .ics.
func (s *Server) registrationCalendar(c *fiber.Ctx) error {
	r, e, err := s.deps.Events.RegistrationFor(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return sendDownload(c, "evenement.ics", "text/calendar; charset=utf-8", events.Calendar(e, r))
}

// myEvents is « Mes événements »: the person's registrations, and the events
// they organise.
func (s *Server) myEvents(c *fiber.Ctx) error {
	ctx, u := c.UserContext(), currentUser(c)
	mine, err := s.deps.Events.MyRegistrations(ctx, u)
	if err != nil {
		return err
	}
	organised, err := s.deps.Events.Organised(ctx, u)
	if err != nil {
		return err
	}
	// The form says what a member of an organisation not yet verified must wait for.
	offer := u.HasRole(domain.RoleStaff) || (len(u.OrganisationIDs) > 0 && !u.HasRole(domain.RoleYouth))
	return s.render(c, "events_mine", fiber.Map{"Title": s.localizer(c).T("events.mine.title"), "Mine": mine,
		"Organised": organised, "MayCreate": offer})
}

// newEventPage shows the form that creates an event.
func (s *Server) newEventPage(c *fiber.Ctx) error {
	return s.showEventForm(c, url.Values{"kind": {string(domain.EventForum)}}, fiber.Map{})
}

func (s *Server) showEventForm(c *fiber.Ctx, form url.Values, data fiber.Map) error {
	u := currentUser(c)
	orgs, err := s.deps.People.OrganisationsByIDs(c.UserContext(), u.OrganisationIDs)
	if err != nil {
		return err
	}
	var verified []domain.Organisation
	for _, o := range orgs {
		if o.Verified {
			verified = append(verified, o)
		}
	}
	data["Title"], data["Form"], data["Organisations"], data["Staff"] = s.localizer(c).T("events.new.title"), form,
		verified, u.HasRole(domain.RoleStaff)
	data["Kinds"], data["Audiences"], data["MayCreate"] = domain.EventKinds, domain.EventAudiences, events.MayCreate(u, orgs)
	return s.render(c, "event_form", data)
}

func (s *Server) createEventForm(c *fiber.Ctx) error {
	form := formValues(c)
	in, err := eventInputFrom(form)
	if err == nil {
		var e *domain.Event
		if e, err = s.deps.Events.Create(c.UserContext(), currentUser(c), in); err == nil {
			s.flash(c, "event_created")
			return c.Redirect("/evenements/"+e.ID, fiber.StatusSeeOther)
		}
	}
	data := fiber.Map{}
	if !failed(c, data, err) {
		return err
	}
	return s.showEventForm(c, form, data)
}

func eventInputFrom(form url.Values) (events.EventInput, error) {
	r := &formReader{form: form}
	in := events.EventInput{Kind: domain.EventKind(form.Get("kind")), Title: form.Get("title"),
		Description: form.Get("description"), OrganisationID: form.Get("organisation_id"),
		Online: form.Get("place") == "online", CommuneCode: communeCode(form.Get("commune_code")),
		Address: form.Get("address"), Link: form.Get("link"), StartsAt: r.time("starts_at", dateTimeLayout),
		EndsAt: r.time("ends_at", dateTimeLayout), Capacity: r.int("capacity"), Stands: r.int("stands")}
	for _, a := range form["audiences"] {
		in.Audiences = append(in.Audiences, domain.EventAudience(a))
	}
	return in, r.err
}

func isCommune92(code string) bool {
	_, ok := refdata.CommuneByCode(code)
	return ok
}

// searchEvents is how many upcoming events the search page shows.
const searchEvents = 3

// upcomingEventsFor picks, from the upcoming events kept in memory, those
// in the search's communes (or around its commune) whose words match its
// text. Without them (the database is down) the page goes without.
func (s *Server) upcomingEventsFor(c *fiber.Ctx, f searchForm) []domain.Event {
	if s.readModels.upcomingEvents == nil {
		return nil
	}
	list, err := s.readModels.upcomingEvents.Get(c.UserContext())
	if err != nil {
		s.deps.Logger.WarnContext(c.UserContext(), "upcoming events", "err", err)
		return nil
	}
	communes := f.Communes
	if f.Near != "" {
		communes = append(slices.Clone(communes), f.Near)
	}
	return events.Matching(list, communes, f.Text, searchEvents)
}
