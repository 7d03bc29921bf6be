package web

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// employerOffers lists the offers of the employer's organisations.
// latestApplications is how many of the latest applications the employer's
// offers page lists, each leading to its page.
const latestApplications = 10

func (s *Server) employerOffers(c *fiber.Ctx) error {
	u := currentUser(c)
	offers, p, err := readPage(c, listAt{path: "/employeurs/offres"}, func(r domain.PageRequest) (domain.Page[domain.Offer], error) {
		return s.deps.Passerelle.OffersPageOf(c.UserContext(), u, u.OrganisationIDs, r)
	})
	if err != nil {
		return err
	}
	latest, err := s.deps.Passerelle.ApplicationsPageFor(c.UserContext(), u, domain.PageRequest{Number: 1, Size: latestApplications})
	if err != nil {
		return err
	}
	return s.render(c, "passerelle_offers", fiber.Map{"Title": s.localizer(c).T("passerelle.offers.title"), "Offers": offers, "Pager": p,
		"Applications": latest.Items, "Exports": exports})
}

func (s *Server) newOfferPage(c *fiber.Ctx) error {
	data, err := s.offerFormData(c, url.Values{"type": {c.Query("type", "visit")}})
	if err != nil {
		return err
	}
	return s.render(c, "passerelle_offer_form", data)
}

func (s *Server) offerFormData(c *fiber.Ctx, form url.Values) (fiber.Map, error) {
	orgs, err := s.deps.People.OrganisationsByIDs(c.UserContext(), currentUser(c).OrganisationIDs)
	return fiber.Map{"Title": s.localizer(c).T("passerelle.offer.new"), "Form": form, "Types": domain.OfferTypes,
		"Organisations": orgs, "WeekRows": weekRows(form)}, err
}

func (s *Server) createOfferForm(c *fiber.Ctx) error {
	form := formValues(c)
	in, err := offerInputFrom(form)
	if err == nil {
		var o *domain.Offer
		o, err = s.deps.Passerelle.CreateOffer(c.UserContext(), currentUser(c), form.Get("organisation_id"), in, false)
		if err == nil {
			return c.Redirect("/employeurs/offres/"+o.ID, fiber.StatusSeeOther)
		}
	}
	data, derr := s.offerFormData(c, form)
	if derr != nil {
		return derr
	}
	return s.formFailed(c, "passerelle_offer_form", data, err)
}

// offerDesk shows one offer to its employer: sessions, bookings, applications.
func (s *Server) offerDesk(c *fiber.Ctx) error {
	return s.showDesk(c, fiber.Map{"Form": url.Values{}})
}

func (s *Server) showDesk(c *fiber.Ctx, data fiber.Map) error {
	path := "/employeurs/offres/" + c.Params("id")
	bookingsAt, applicationsAt := listAt{path, "page_reservations", "reservations"}, listAt{path, "page", "candidatures"}
	var pages passerelle.DeskPages
	var err error
	if pages.Bookings, err = listPage(c, bookingsAt); err != nil {
		return err
	}
	if pages.Applications, err = listPage(c, applicationsAt); err != nil {
		return err
	}
	desk, err := s.deps.Passerelle.Desk(c.UserContext(), currentUser(c), c.Params("id"), pages)
	if err != nil {
		return err
	}
	if data["BookingsPager"], err = newPager(c, desk.Bookings.Total, bookingsAt); err != nil {
		return err
	}
	if data["ApplicationsPager"], err = newPager(c, desk.Applications.Total, applicationsAt); err != nil {
		return err
	}
	data["Title"], data["Desk"], data["Moves"] = desk.Offer.Title, desk, domain.EmployerMoves
	return s.render(c, "passerelle_desk", data)
}

func (s *Server) addSessionForm(c *fiber.Ctx) error {
	form := formValues(c)
	in, err := sessionInputFrom(form)
	if err == nil {
		if _, err = s.deps.Passerelle.AddSession(c.UserContext(), currentUser(c), c.Params("id"), in); err == nil {
			return c.Redirect("/employeurs/offres/"+c.Params("id"), fiber.StatusSeeOther)
		}
	}
	data := fiber.Map{"Form": form}
	if !failed(c, data, err) {
		return err
	}
	return s.showDesk(c, data)
}

func (s *Server) closeOfferForm(c *fiber.Ctx) error {
	o, err := s.deps.Passerelle.OwnOffer(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	if ok, err := s.confirmFirst(c, "close_offer", o.Title, "/employeurs/offres/"+o.ID); !ok {
		return err
	}
	if _, err := s.deps.Passerelle.CloseOffer(c.UserContext(), currentUser(c), o.ID); err != nil {
		return err
	}
	s.flash(c, "offer_closed")
	return c.Redirect("/employeurs/offres/"+o.ID, fiber.StatusSeeOther)
}

// reopenOfferForm publishes again an offer its employer closed.
func (s *Server) reopenOfferForm(c *fiber.Ctx) error {
	o, err := s.deps.Passerelle.ReopenOffer(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	s.flash(c, "offer_reopened")
	return c.Redirect("/employeurs/offres/"+o.ID, fiber.StatusSeeOther)
}

func (s *Server) moveApplicationForm(c *fiber.Ctx) error {
	a, err := s.deps.Passerelle.MoveApplication(c.UserContext(), currentUser(c), c.Params("id"),
		domain.ApplicationStatus(c.FormValue("status")))
	if err != nil {
		return err
	}
	return c.Redirect("/employeurs/offres/"+a.OfferID+"#candidatures", fiber.StatusSeeOther)
}

// cancelBookingForm cancels a booking from either side's page, then goes
// back to it.
func (s *Server) cancelBookingForm(c *fiber.Ctx) error {
	b, vs, err := s.deps.Passerelle.BookingFor(c.UserContext(), currentUser(c), c.Params("id"))
	if err == nil {
		err = domain.ValidateCancelReason(c.FormValue("reason"))
	}
	if err != nil {
		return err
	}
	subject := b.GroupName + ", " + s.localizer(c).DateTime(vs.StartsAt)
	if ok, err := s.confirmFirst(c, "cancel_booking", subject, c.FormValue("back")); !ok {
		return err
	}
	_, err = s.deps.Passerelle.CancelBooking(c.UserContext(), currentUser(c), b.ID, c.FormValue("reason"))
	if err == nil {
		s.flash(c, "booking_cancelled")
	}
	return s.backTo(c, err)
}

func (s *Server) attendanceForm(c *fiber.Ctx) error {
	_, err := s.deps.Passerelle.MarkAttendance(c.UserContext(), currentUser(c), c.Params("id"),
		domain.BookingStatus(c.FormValue("status")))
	return s.backTo(c, err)
}

// backTo returns to the local page named by the form's "back" field, or
// shows the error.
func (s *Server) backTo(c *fiber.Ctx, err error) error {
	if err != nil {
		return err
	}
	return c.Redirect(localTarget(c.FormValue("back"), "/compte"), fiber.StatusSeeOther)
}
