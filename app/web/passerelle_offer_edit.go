package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// editOfferPage shows the offer form filled with one of the employer's offers.
func (s *Server) editOfferPage(c *fiber.Ctx) error {
	o, err := s.deps.Passerelle.OwnOffer(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return s.render(c, "passerelle_offer_form", s.editFormData(c, o, offerForm(passerelle.InputOf(o))))
}

func (s *Server) editFormData(c *fiber.Ctx, o *domain.Offer, form url.Values) fiber.Map {
	return fiber.Map{"Title": s.localizer(c).T("passerelle.offer.edit"), "Form": form, "Types": domain.OfferTypes, "Offer": o,
		"WeekRows": weekRows(form)}
}

// offerWeekFields is how many week fields an empty offer form shows. A
// recruiter picks any day of each week in a native date picker, which every
// phone browser offers, rather than an <input type="week"> (missing in Safari
// and Firefox) or a list of fifty weekly checkboxes to scroll through at
// 360 px; six fields cover the weeks schools usually fix, and a saved offer
// with more gets one empty field after its own.
const offerWeekFields = 6

// weekRows gives the offer form one row per week field to show, enough to
// keep every value filled in, in its place.
func weekRows(form url.Values) []struct{} {
	filled := len(form["weeks"])
	for filled > 0 && strings.TrimSpace(form["weeks"][filled-1]) == "" {
		filled--
	}
	return make([]struct{}, min(max(offerWeekFields, filled+1), domain.OfferWeeksMax))
}

// updateOfferForm saves the edit; with the "draft" button, a draft stays one.
func (s *Server) updateOfferForm(c *fiber.Ctx) error {
	form, id := formValues(c), c.Params("id")
	in, err := offerInputFrom(form)
	if err == nil {
		if _, err = s.deps.Passerelle.UpdateOffer(c.UserContext(), currentUser(c), id, in, !form.Has("draft")); err == nil {
			return c.Redirect("/employeurs/offres/"+id, fiber.StatusSeeOther)
		}
	}
	o, oerr := s.deps.Passerelle.OwnOffer(c.UserContext(), currentUser(c), id)
	if oerr != nil {
		return oerr
	}
	return s.formFailed(c, "passerelle_offer_form", s.editFormData(c, o, form), err)
}

// duplicateOfferForm copies an offer as a draft and opens it for editing.
func (s *Server) duplicateOfferForm(c *fiber.Ctx) error {
	o, err := s.deps.Passerelle.DuplicateOffer(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return c.Redirect("/employeurs/offres/"+o.ID+"/modifier", fiber.StatusSeeOther)
}

// offerForm writes an offer's input as the form's fields, the inverse of
// offerInputFrom.
func offerForm(in passerelle.OfferInput) url.Values {
	form := url.Values{"type": {string(in.Type)}, "title": {in.Title}, "description": {in.Description},
		"rome_codes": {strings.Join(in.ROMECodes, ", ")}, "commune_code": {communeName(in.CommuneCode)}, "address": {in.Address},
		"age_min": {strconv.Itoa(in.AgeMin)}, "age_max": {strconv.Itoa(in.AgeMax)}, "level": {in.Level},
		"start_date": {formDate(in.StartDate)}, "end_date": {formDate(in.EndDate)}, "places": {strconv.Itoa(in.Places)},
		"languages": {strings.Join(in.Languages, ", ")}, "schedule": {scheduleDates}}
	if len(in.Weeks) > 0 {
		form.Set("schedule", scheduleWeeks)
		for _, w := range in.Weeks {
			form.Add("weeks", formDate(w))
		}
	}
	for name, on := range map[string]bool{"accessible": in.Accessible, "remote": in.Remote} {
		if on {
			form.Set(name, "on")
		}
	}
	return form
}

func formDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(domain.Paris).Format(dateLayout)
}
