package main

import (
	"context"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/notify"
	"passerelle/app/passerelle"
)

// passerelleNotices sends the programme's emails (moderation, bookings,
// applications) through the exactly-once notification service, as catalog
// notices "email.passerelle.<template>" whose arguments come from the data.
type passerelleNotices struct{ notify *notify.Service }

func (p passerelleNotices) Notify(ctx context.Context, n passerelle.Notification) error {
	_, err := p.notify.NotifyAll(ctx, []notify.Notification{{
		Key:         n.Key,
		To:          notify.Recipient{Email: n.To.Email, Name: n.To.Name, Locale: i18n.Default},
		Template:    "passerelle_notice",
		Data:        notify.Notice{Key: "email.passerelle." + n.Template, Args: noticeArgs(n.Data)},
		Attachments: n.Attachments,
	}})
	return err
}

// noticeArgs lists what the catalog texts of each kind of data use, in order.
func noticeArgs(data any) []any {
	switch d := data.(type) {
	case *domain.Offer:
		return []any{d.Title, d.RejectReason}
	case domain.Offer:
		return noticeArgs(&d)
	case passerelle.BookingMail:
		return []any{d.Booking.GroupName, d.Booking.Seats, i18n.DateTime(i18n.Default, d.Session.StartsAt),
			d.Session.MeetingPoint, d.Booking.CancelReason}
	case *domain.Application:
		return []any{d.OfferTitle, d.YouthName}
	case domain.Application:
		return noticeArgs(&d)
	case passerelle.MessageMail:
		return []any{d.Application.OfferTitle, d.Message.AuthorName}
	}
	return nil
}
