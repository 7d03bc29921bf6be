package support

import (
	"context"

	"passerelle/app/domain"
)

// PrivacySection names the holder's requests in their data export.
const PrivacySection = "accompagnement"

// PersonalData returns the requests the user made, with their exchanges
// (the structure's internal notes left out, as on the holder's page).
func (s *Service) PersonalData(ctx context.Context, user *domain.User) (string, any, error) {
	requests, err := s.store.HolderSupportRequests(ctx, user.ID)
	for i := range requests {
		requests[i].Notes = visibleToHolder(requests[i].Notes)
	}
	return PrivacySection, requests, err
}

// ErasePersonalData deletes the requests the user made. What an adviser
// wrote on others' requests stays, signed with their name: it belongs to
// their structure's work.
func (s *Service) ErasePersonalData(ctx context.Context, user *domain.User) error {
	return s.store.DeleteHolderSupportRequests(ctx, user.ID)
}
