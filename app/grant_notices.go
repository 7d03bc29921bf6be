package main

import (
	"context"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/app/progress"
)

// grantNotices sends the call for projects' notices through the
// exactly-once notification service: one email per recipient, keyed by
// the notice's key and the recipient, so that a repeated notice is queued once.
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
	batch := make([]notify.Notification, 0, len(users))
	for _, u := range users {
		batch = append(batch, notify.Notification{
			Key:      n.Key + "/" + u.ID,
			To:       notify.Recipient{Email: u.Email, Name: u.Name, Locale: u.Locale},
			Template: "notice", Data: notify.Notice{Key: n.Template, Args: n.Args}, Attachments: n.Attachments,
		})
	}
	_, err = g.notify.NotifyAll(ctx, batch)
	return err
}
