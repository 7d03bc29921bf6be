package passerelle

import (
	"context"
	"slices"

	"passerelle/app/domain"
)

// Audited application action.
const AuditApplicationMoved = "application.moved"

var errApplicationChanged = &domain.Error{Code: domain.ECONFLICT, Message: "error.application.changed"}

// MoveApplication is an employer's step in the pipeline. Accepting takes one
// of the offer's places first, in one conditional update of the offer, so
// that no more applications are accepted than there are places.
func (s *Service) MoveApplication(ctx context.Context, actor *domain.User, id string, to domain.ApplicationStatus) (*domain.Application, error) {
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := mustEmploy(actor, a.OrganisationID); err != nil {
		return nil, err
	}
	if !slices.Contains(domain.EmployerMoves, to) {
		return nil, domain.FieldError("status", "error.application.transition")
	}
	if to == domain.ApplicationAccepted {
		return a, s.accept(ctx, actor, a)
	}
	if err := s.moveApplication(ctx, a, to); err != nil {
		return nil, err
	}
	s.afterMove(ctx, actor, a)
	return a, nil
}

func (s *Service) accept(ctx context.Context, actor *domain.User, a *domain.Application) error {
	if !a.Status.CanMove(domain.ApplicationAccepted) {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.application.transition"}
	}
	took, err := s.store.TakePlace(ctx, a.OfferID, a.ID)
	if err != nil {
		return err
	}
	if !took {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.application.no_place_left"}
	}
	if err := s.moveApplication(ctx, a, domain.ApplicationAccepted); err != nil {
		return s.undoPlace(ctx, a, err)
	}
	s.afterMove(ctx, actor, a)
	return nil
}

// undoPlace gives the place back when the application could not be accepted,
// unless a concurrent call accepted it.
func (s *Service) undoPlace(ctx context.Context, a *domain.Application, moveErr error) error {
	now, err := s.store.ApplicationByID(ctx, a.ID)
	if err != nil {
		return err
	}
	if now.Status == domain.ApplicationAccepted {
		*a = *now
		return nil
	}
	if err := s.store.ReleasePlace(ctx, a.OfferID, a.ID); err != nil {
		return err
	}
	return moveErr
}

// moveApplication moves a to status `to` if the table allows it from where
// the application stands in the database, and updates a.
func (s *Service) moveApplication(ctx context.Context, a *domain.Application, to domain.ApplicationStatus) error {
	if !a.Status.CanMove(to) {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.application.transition"}
	}
	now := s.now()
	moved, err := s.store.MoveApplication(ctx, a.ID, domain.ApplicationStatusesBefore(to), to, now)
	if err != nil {
		return err
	}
	if !moved {
		return errApplicationChanged
	}
	a.Status, a.UpdatedAt = to, now
	return nil
}

func (s *Service) afterMove(ctx context.Context, actor *domain.User, a *domain.Application) {
	s.audit(ctx, actor, AuditApplicationMoved, "application", a.ID, string(a.Status))
	s.notifyApplication(ctx, a, "application_"+string(a.Status))
}

// WithdrawApplication is the youth's withdrawal before a decision.
func (s *Service) WithdrawApplication(ctx context.Context, actor *domain.User, id string) (*domain.Application, error) {
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if actor == nil || a.YouthID != actor.ID {
		return nil, errForbidden
	}
	if err := s.moveApplication(ctx, a, domain.ApplicationWithdrawn); err != nil {
		return nil, err
	}
	s.afterMove(ctx, actor, a)
	return a, nil
}
