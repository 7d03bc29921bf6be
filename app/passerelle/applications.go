package passerelle

import (
	"context"
	"errors"
	"strings"

	"passerelle/app/domain"
)

// ApplyInput is what a youth sends with an application.
type ApplyInput struct {
	Message string
	CV      []byte // optional PDF
	CVName  string
}

// Apply saves a youth's application to an offer they are eligible for. The
// id is derived from the offer and the youth, so a second application is
// refused by the database whatever the concurrency.
func (s *Service) Apply(ctx context.Context, actor *domain.User, offerID string, in ApplyInput) (*domain.Application, error) {
	a, o, err := s.newApplication(ctx, actor, offerID, in)
	if err != nil {
		return nil, err
	}
	if len(in.CV) > 0 {
		a.CVFileID = domain.NewID("cv")
		if err := s.store.PutFile(ctx, a.CVFileID, "cv.pdf", in.CV); err != nil {
			return nil, err
		}
	}
	if err := s.store.InsertApplication(ctx, a); err != nil {
		return nil, s.discardCV(ctx, a, err)
	}
	s.notifyApplication(ctx, a, "application_sent")
	for _, to := range s.employerRecipients(ctx, o) {
		s.notify(ctx, Notice("application_received:"+a.ID+":"+to.Email, to, "application_received", ApplicationArgs(a)))
	}
	return a, nil
}

func (s *Service) newApplication(ctx context.Context, actor *domain.User, offerID string, in ApplyInput) (*domain.Application, *domain.Offer, error) {
	if actor == nil || !actor.HasRole(domain.RoleYouth) {
		return nil, nil, errForbidden
	}
	y, err := s.store.YouthByID(ctx, actor.ID)
	if err != nil {
		return nil, nil, err
	}
	o, err := s.store.OfferByID(ctx, offerID)
	if err != nil {
		return nil, nil, err
	}
	if err := s.checkApplication(y, o, in); err != nil {
		return nil, nil, err
	}
	now := s.now()
	a := &domain.Application{ID: domain.ApplicationID(o.ID, y.ID), OfferID: o.ID, OfferTitle: o.Title,
		OrganisationID: o.OrganisationID, YouthID: y.ID, YouthName: actor.Name, YouthEmail: actor.Email,
		Message: strings.TrimSpace(in.Message), Status: domain.ApplicationSent,
		ExpiresAt: now.Add(s.cfg.ApplicationExpiry), CreatedAt: now, UpdatedAt: now}
	if y.Age(now) < domain.AdultAge {
		a.GuardianEmail = y.GuardianEmail
	}
	return a, o, nil
}

func (s *Service) checkApplication(y *domain.Youth, o *domain.Offer, in ApplyInput) error {
	if err := domain.Eligible(y, o, s.now()); err != nil {
		return err
	}
	if err := domain.ValidateApplicationMessage(in.Message); err != nil {
		return err
	}
	if len(in.CV) > 0 {
		return CheckPDF(in.CV)
	}
	return nil
}

// discardCV removes the CV of an application that was not saved, and names
// a duplicate plainly.
func (s *Service) discardCV(ctx context.Context, a *domain.Application, err error) error {
	if a.CVFileID != "" {
		if derr := s.store.DeleteFile(ctx, a.CVFileID); derr != nil {
			s.logger.Warn("passerelle: orphan CV left", "file_id", a.CVFileID, "error", derr)
		}
	}
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.application.duplicate"}
	}
	return err
}

// Eligibility says, before any form, whether the youth actor may apply to
// the published offer o, and if not why: "" when they may, else the last
// part of the reason's key ("age", "third_not_completed", "consent_missing",
// "offer_closed"), "profile" without a profile, "applied" when they have
// applied already (with the application's id). Apply checks the same.
func (s *Service) Eligibility(ctx context.Context, actor *domain.User, o *domain.Offer) (reason, applicationID string, err error) {
	y, err := s.store.YouthByID(ctx, actor.ID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return "profile", "", nil
	}
	if err != nil {
		return "", "", err
	}
	id := domain.ApplicationID(o.ID, y.ID)
	switch _, err := s.store.ApplicationByID(ctx, id); {
	case err == nil:
		return "applied", id, nil
	case domain.ErrorCode(err) != domain.ENOTFOUND:
		return "", "", err
	}
	var refusal *domain.Error
	if errors.As(domain.Eligible(y, o, s.now()), &refusal) {
		return strings.TrimPrefix(refusal.Message, "error.application."), "", nil
	}
	return "", "", nil
}
