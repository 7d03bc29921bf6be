package passerelle

import (
	"context"

	"passerelle/app/domain"
	"passerelle/app/ics"
)

// BookingCalendar returns the .ics of a booking, for the email and the
// "add to calendar" link; a cancelled booking's cancels the entry.
func BookingCalendar(b *domain.Booking, vs *domain.VisitSession) []byte {
	seq := 0
	if b.Status == domain.BookingCancelled {
		seq = 1
	}
	return ics.Calendar(ics.Event{UID: b.ID + "@passerelle92", Sequence: seq, Start: vs.StartsAt, End: vs.EndsAt,
		Stamp: b.UpdatedAt, Summary: "Visite d'entreprise – " + b.GroupName, Location: vs.MeetingPoint,
		Description: "Groupe " + b.GroupName + " (" + b.GroupLevel + ")", Cancelled: b.Status == domain.BookingCancelled})
}

func (s *Service) notifyBooking(ctx context.Context, b *domain.Booking, vs *domain.VisitSession, template string) {
	s.notifyCounsellor(ctx, b, vs, template, domain.AccountRecipient(b.CounsellorID, b.CounsellorName, b.CounsellorEmail))
}

// notifyCounsellor sends the booking's email to its counsellor: to, given
// as their account when the caller has it (the booking counsellor, whose
// language is then known without a read on the booking path).
func (s *Service) notifyCounsellor(ctx context.Context, b *domain.Booking, vs *domain.VisitSession, template string, to domain.NoticeRecipient) {
	n := Notice(template+":"+b.ID, to, template, BookingArgs(b, vs))
	n.Attachments = []domain.EmailAttachment{{Filename: "visite.ics", ContentType: "text/calendar; charset=utf-8",
		Data: BookingCalendar(b, vs)}}
	s.notify(ctx, n)
}

// notifyCancellation tells the other side: the counsellor when the employer
// cancelled, the offer's contact when the counsellor did.
func (s *Service) notifyCancellation(ctx context.Context, b *domain.Booking, vs *domain.VisitSession, side string) {
	if side == SideEmployer {
		s.notifyBooking(ctx, b, vs, "booking_cancelled")
		return
	}
	o, err := s.store.OfferByID(ctx, b.OfferID)
	if err != nil {
		return
	}
	s.notify(ctx, Notice("booking_cancelled:"+b.ID, offerContact(o), "booking_cancelled",
		BookingArgs(b, vs)))
}
