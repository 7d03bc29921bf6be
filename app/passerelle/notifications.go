package passerelle

import (
	"context"
	"log/slog"
	"slices"

	"passerelle/app/domain"
	"passerelle/app/mail"
)

func contact(name, email string) mail.Address { return mail.Address{Name: name, Email: email} }

// notifyApplication tells the youth of a change, and the guardian of a minor
// in words meant for a parent.
func (s *Service) notifyApplication(ctx context.Context, a *domain.Application, template string) {
	s.notify(ctx, Notification{Key: template + ":" + a.ID + ":youth", To: contact(a.YouthName, a.YouthEmail),
		Template: template, Data: a})
	s.notify(ctx, Notification{Key: template + ":" + a.ID + ":guardian", To: contact("", a.GuardianEmail),
		Template: template + "_guardian", Data: a})
}

// employerRecipients are who hears of an application on the employer's side:
// the offer's contact, or else, for an offer without one (loaded from a file),
// the organisation's employers.
func (s *Service) employerRecipients(ctx context.Context, o *domain.Offer) []mail.Address {
	if o.ContactEmail != "" {
		return []mail.Address{contact(o.ContactName, o.ContactEmail)}
	}
	members, err := s.store.OrganisationMembers(ctx, o.OrganisationID)
	if err != nil {
		s.logger.Error("passerelle: employers to tell not found", slog.String("organisation", o.OrganisationID), slog.Any("error", err))
		return nil
	}
	return recipientsOf(o, members)
}

// recipientsOf are employerRecipients among members, who may belong to other
// organisations too.
func recipientsOf(o *domain.Offer, members []domain.User) []mail.Address {
	if o.ContactEmail != "" {
		return []mail.Address{contact(o.ContactName, o.ContactEmail)}
	}
	var to []mail.Address
	for _, u := range members {
		if u.HasRole(domain.RoleEmployer) && slices.Contains(u.OrganisationIDs, o.OrganisationID) {
			to = append(to, contact(u.Name, u.Email))
		}
	}
	return to
}
