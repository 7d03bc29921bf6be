package passerelle

import (
	"context"
	"log/slog"
	"slices"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// offerContact is who an offer's emails go to, in their account's language.
func offerContact(o *domain.Offer) domain.NoticeRecipient {
	return domain.AccountRecipient(o.ContactUserID, o.ContactName, o.ContactEmail)
}

// guardian is the legal guardian of an application's minor, who has no
// account and is written to in the platform's language.
func guardian(a *domain.Application) domain.NoticeRecipient {
	return domain.NoticeRecipient{Email: a.GuardianEmail}
}

// Notice is the programme's email "email.passerelle.<template>" to one
// recipient, framed by the layout's greeting and signature; args are what
// the catalog text uses, in order (OfferArgs, BookingArgs…).
func Notice(key string, to domain.NoticeRecipient, template string, args []any) domain.Notice {
	return domain.Notice{Key: key, To: to, Text: "email.passerelle." + template, Args: args, Framed: true}
}

// OfferArgs are the arguments of the emails about an offer.
func OfferArgs(o *domain.Offer) []any { return []any{o.Title, o.RejectReason} }

// BookingArgs are the arguments of the emails about a booking; the date is
// in the platform's language, as the whole email.
func BookingArgs(b *domain.Booking, vs *domain.VisitSession) []any {
	return []any{b.GroupName, b.Seats, i18n.DateTime(i18n.Default, vs.StartsAt), vs.MeetingPoint, b.CancelReason}
}

// ApplicationArgs are the arguments of the emails about an application.
func ApplicationArgs(a *domain.Application) []any { return []any{a.OfferTitle, a.YouthName} }

// MessageArgs are the arguments of the emails about a new message: who
// wrote, never what.
func MessageArgs(a *domain.Application, m *domain.ApplicationMessage) []any {
	return []any{a.OfferTitle, m.AuthorName}
}

// notifyApplication tells the youth of a change, and the guardian of a minor
// in words meant for a parent.
func (s *Service) notifyApplication(ctx context.Context, a *domain.Application, template string) {
	s.notify(ctx, Notice(template+":"+a.ID+":youth", domain.AccountRecipient(a.YouthID, a.YouthName, a.YouthEmail), template, ApplicationArgs(a)))
	s.notify(ctx, Notice(template+":"+a.ID+":guardian", guardian(a), template+"_guardian", ApplicationArgs(a)))
}

// employerRecipients are who hears of an application on the employer's side:
// the offer's contact, or else, for an offer without one (loaded from a file),
// the organisation's employers.
func (s *Service) employerRecipients(ctx context.Context, o *domain.Offer) []domain.NoticeRecipient {
	if o.ContactEmail != "" {
		return []domain.NoticeRecipient{offerContact(o)}
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
func recipientsOf(o *domain.Offer, members []domain.User) []domain.NoticeRecipient {
	if o.ContactEmail != "" {
		return []domain.NoticeRecipient{offerContact(o)}
	}
	var to []domain.NoticeRecipient
	for _, u := range members {
		if u.HasRole(domain.RoleEmployer) && slices.Contains(u.OrganisationIDs, o.OrganisationID) {
			to = append(to, domain.RecipientOf(u))
		}
	}
	return to
}
