package passerelle

import (
	"context"
	"errors"

	"passerelle/app/domain"
)

// ExtendApplication gives the employer one more delay to answer, once.
func (s *Service) ExtendApplication(ctx context.Context, actor *domain.User, id string) (*domain.Application, error) {
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := mustEmploy(actor, a.OrganisationID); err != nil {
		return nil, err
	}
	until := a.ExpiresAt.Add(s.cfg.ApplicationExpiry)
	extended, err := s.store.ExtendApplication(ctx, id, domain.ApplicationStatusesBefore(domain.ApplicationExpired), until)
	if err != nil {
		return nil, err
	}
	if !extended {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.application.extended_once"}
	}
	a.ExpiresAt, a.Extended = until, true
	return a, nil
}

// ExpireApplications closes the applications left unanswered past their
// delay, tells their youths and the employers, and returns how many
// expired: a scheduled job runs it. Each move is conditional, so an answer
// given meanwhile wins.
func (s *Service) ExpireApplications(ctx context.Context) (int, error) {
	due, err := s.store.ApplicationsDue(ctx, domain.ApplicationStatusesBefore(domain.ApplicationExpired), s.now())
	if err != nil {
		return 0, err
	}
	var expired []domain.Application
	for i := range due {
		err := s.moveApplication(ctx, &due[i], domain.ApplicationExpired)
		switch {
		case err == nil:
			expired = append(expired, due[i])
			s.notifyApplication(ctx, &due[i], "application_expired")
		case domain.ErrorCode(err) != domain.ECONFLICT:
			return len(expired), errors.Join(err, s.tellEmployersOfExpiry(ctx, expired))
		}
	}
	return len(expired), s.tellEmployersOfExpiry(ctx, expired)
}
