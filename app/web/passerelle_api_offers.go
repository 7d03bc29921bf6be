package web

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// offerRequest is the JSON body that creates or edits an offer.
type offerRequest struct {
	OrganisationID string           `json:"organisation_id"`
	Type           domain.OfferType `json:"type"`
	Title          string           `json:"title"`
	Description    string           `json:"description"`
	ROMECodes      []string         `json:"rome_codes"`
	CommuneCode    string           `json:"commune_code"`
	Address        string           `json:"address"`
	AgeMin         int              `json:"age_min"`
	AgeMax         int              `json:"age_max"`
	Level          string           `json:"level"`
	StartDate      time.Time        `json:"start_date"`
	EndDate        time.Time        `json:"end_date"`
	Weeks          []string         `json:"weeks"` // a day (2006-01-02) of each week; replaces the dates
	Places         int              `json:"places"`
	Accessible     bool             `json:"accessible"`
	Remote         bool             `json:"remote"`
	Languages      []string         `json:"languages"`
	Draft          bool             `json:"draft"`
}

func (r offerRequest) input() (passerelle.OfferInput, error) {
	in := passerelle.OfferInput{Type: r.Type, Title: r.Title, Description: r.Description, ROMECodes: r.ROMECodes,
		CommuneCode: r.CommuneCode, Address: r.Address, AgeMin: r.AgeMin, AgeMax: r.AgeMax, Level: r.Level,
		StartDate: r.StartDate, EndDate: r.EndDate, Places: r.Places, Accessible: r.Accessible, Remote: r.Remote,
		Languages: r.Languages}
	for _, day := range r.Weeks {
		t, err := time.ParseInLocation(dateLayout, day, domain.Paris)
		if err != nil {
			return in, domain.FieldError("weeks", "error.form.date")
		}
		in.Weeks = append(in.Weeks, t)
	}
	return in, nil
}

// decodeOffer reads an offer request and its input.
func decodeOffer(c *fiber.Ctx) (offerRequest, passerelle.OfferInput, error) {
	var r offerRequest
	if err := decodeJSON(c, &r); err != nil {
		return r, passerelle.OfferInput{}, err
	}
	in, err := r.input()
	return r, in, err
}

func (s *Server) apiCreateOffer(c *fiber.Ctx) error {
	r, in, err := decodeOffer(c)
	if err != nil {
		return err
	}
	u := currentUser(c)
	o, err := s.deps.Passerelle.CreateOffer(c.UserContext(), u, soleOrganisation(u, r.OrganisationID), in, r.Draft)
	if err != nil {
		return err
	}
	return created(c, o)
}

func (s *Server) apiUpdateOffer(c *fiber.Ctx) error {
	r, in, err := decodeOffer(c)
	if err != nil {
		return err
	}
	o, err := s.deps.Passerelle.UpdateOffer(c.UserContext(), currentUser(c), c.Params("id"), in, !r.Draft)
	if err != nil {
		return err
	}
	return c.JSON(o)
}

// offerAction runs an action on an offer that needs only its id, given as
// a method expression such as (*passerelle.Service).CloseOffer.
func (s *Server) offerAction(act func(*passerelle.Service, context.Context, *domain.User, string) (*domain.Offer, error)) fiber.Handler {
	return func(c *fiber.Ctx) error {
		o, err := act(s.deps.Passerelle, c.UserContext(), currentUser(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(o)
	}
}

type reasonRequest struct {
	Reason string `json:"reason"`
}

func (s *Server) apiRejectOffer(c *fiber.Ctx) error {
	var r reasonRequest
	if err := decodeJSON(c, &r); err != nil {
		return err
	}
	o, err := s.deps.Passerelle.RejectOffer(c.UserContext(), currentUser(c), c.Params("id"), r.Reason)
	if err != nil {
		return err
	}
	return c.JSON(o)
}

func (s *Server) apiMyOffers(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[domain.Offer], error) {
		u := currentUser(c)
		return s.deps.Passerelle.OffersPageOf(c.UserContext(), u, []string{soleOrganisation(u, c.Query("organisation_id"))}, r)
	})
}

func (s *Server) apiModerationQueue(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[domain.Offer], error) {
		return s.deps.Passerelle.ModerationQueue(c.UserContext(), currentUser(c), r)
	})
}
