package recommend

import (
	"context"

	"passerelle/app/domain"
	"passerelle/matching"
)

// maxCandidates is how many youths an offer's page suggests.
const maxCandidates = 20

// Candidates ranks, for the employer of offer o, the youths who opted in to
// be visible and can take it. A candidate carries no contact detail: the
// employer invites through the platform, and sees more only once the youth applies.
func (s *Service) Candidates(ctx context.Context, o *domain.Offer) ([]matching.Candidate, error) {
	youths, err := s.visible.Get(ctx)
	if err != nil {
		return nil, err
	}
	return matching.SuggestCandidates(Offer(o), youths, maxCandidates, s.now(), s.cfg.Weights)
}

// readVisible reads the youths who opted in, as the matching sees them: a
// read model, so that an offer's candidates cost no read of the youths.
func (s *Service) readVisible(ctx context.Context) ([]matching.Youth, error) {
	youths, err := s.store.VisibleYouths(ctx)
	if err != nil {
		return nil, err
	}
	inputs := make([]matching.Youth, len(youths))
	for i := range youths {
		inputs[i] = Youth(&youths[i])
	}
	return inputs, nil
}
