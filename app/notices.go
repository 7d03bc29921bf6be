package main

import (
	"context"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/notify"
	"passerelle/app/passerelle"
	"passerelle/app/progress"
)

// passerelleNotices sends the programme's emails (moderation, bookings,
// applications) as notices "email.passerelle.<template>" framed by the
// layout, whose arguments come from the data.
type passerelleNotices struct{ notify *notify.Service }

func (p passerelleNotices) Notify(ctx context.Context, n passerelle.Notification) error {
	_, err := p.notify.SendNotices(ctx, []domain.Notice{{Key: n.Key,
		To:   domain.NoticeRecipient{Email: n.To.Email, Name: n.To.Name},
		Text: "email.passerelle." + n.Template, Args: noticeArgs(n.Data), Framed: true,
		Attachments: emailAttachments(n.Attachments)}})
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

// grantNotices sends the call for projects' notices: one email per
// recipient, in their language, keyed by the notice's key and the
// recipient, so that a repeated notice is queued once.
type grantNotices struct {
	notify *notify.Service
	users  interface {
		UsersByID(ctx context.Context, ids []string) ([]domain.User, error)
	}
}

func (g grantNotices) Notify(ctx context.Context, n progress.Notice) error {
	users, err := g.users.UsersByID(ctx, n.UserIDs)
	if err != nil {
		return err
	}
	batch := make([]domain.Notice, 0, len(users))
	for _, u := range users {
		batch = append(batch, domain.Notice{Key: n.Key + "/" + u.ID,
			To:   domain.NoticeRecipient{Email: u.Email, Name: u.Name, Locale: u.Locale},
			Text: n.Template, Args: n.Args, Attachments: emailAttachments(n.Attachments)})
	}
	_, err = g.notify.SendNotices(ctx, batch)
	return err
}

func emailAttachments(files []mail.Attachment) []domain.EmailAttachment {
	list := make([]domain.EmailAttachment, len(files))
	for i, f := range files {
		list[i] = domain.EmailAttachment{Filename: f.Filename, ContentType: f.ContentType, Data: f.Data}
	}
	return list
}
