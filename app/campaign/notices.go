package campaign

import (
	"context"

	"passerelle/app/notify"
)

// NotifyService queues the campaign's emails in the notification service,
// which sends each key once, retries failures and leaves the publishing
// request without any SMTP wait. The results are written in French, so the
// emails are too.
func NotifyService(n *notify.Service) Notifier { return notifyService{n} }

type notifyService struct{ notify *notify.Service }

func (s notifyService) NotifyAll(ctx context.Context, notices []Notice) (int, error) {
	batch := make([]notify.Notification, len(notices))
	for i, n := range notices {
		batch[i] = notify.Notification{Key: n.Key, To: notify.Recipient{Email: n.To.Email, Name: n.To.Name, Locale: "fr"},
			Template: "notice", Data: notify.Notice{Key: n.Template, Args: n.Args}}
	}
	q, err := s.notify.NotifyAll(ctx, batch)
	return q.New, err
}
