package events

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// PrivacySection names the events' part of a person's data export.
const PrivacySection = "events"

// RegistrationRecord is one of a person's registrations, as exported: the
// event by its title and date, never an internal id alone.
type RegistrationRecord struct {
	Event        string                    `json:"event"`
	StartsAt     time.Time                 `json:"starts_at"`
	Kind         domain.RegistrationKind   `json:"kind"`
	Organisation string                    `json:"organisation,omitempty"`
	Group        string                    `json:"group,omitempty"`
	Places       int                       `json:"places"`
	Status       domain.RegistrationStatus `json:"status"`
	RegisteredAt time.Time                 `json:"registered_at"`
}

// PersonalData returns the registrations the person made, for their data
// export (account.DataHolder).
func (s *Service) PersonalData(ctx context.Context, user *domain.User) (string, any, error) {
	mine, err := s.own(ctx, user)
	if err != nil {
		return "", nil, err
	}
	records := []RegistrationRecord{}
	for _, m := range mine {
		r := m.Registration
		records = append(records, RegistrationRecord{Event: m.Event.Title, StartsAt: m.Event.StartsAt, Kind: r.Kind,
			Organisation: r.OrganisationName, Group: r.GroupName, Places: r.Places, Status: r.Status, RegisteredAt: r.CreatedAt})
	}
	return PrivacySection, records, nil
}

// ErasePersonalData, when an account is deleted, cancels the person's own
// registrations to events to come (a youth who left does not come; the
// places go to the waitlist) and removes their name and address from every
// registration they made. A group's, a stand's or an organisation's
// registration stays: the group, the company, the association still come.
func (s *Service) ErasePersonalData(ctx context.Context, user *domain.User) error {
	mine, err := s.own(ctx, user)
	if err != nil {
		return err
	}
	for _, m := range mine {
		r, e := m.Registration, m.Event
		if r.Kind == domain.RegisterYouth && r.Status.Active() && e.StartsAt.After(s.now()) {
			if _, _, err := s.CancelRegistration(ctx, user, r.ID); err != nil {
				return err
			}
		}
	}
	return s.store.ForgetRegistrant(ctx, user.ID)
}

// own returns the registrations the person made, each with its event.
func (s *Service) own(ctx context.Context, user *domain.User) ([]Mine, error) {
	regs, err := s.store.Registrations(ctx, domain.RegistrationFilter{UserID: user.ID})
	if err != nil || len(regs) == 0 {
		return nil, err
	}
	return s.withEvents(ctx, regs)
}
