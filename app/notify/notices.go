package notify

import (
	"context"

	"passerelle/app/domain"
	"passerelle/app/mail"
)

// SendNotices queues the services' notices, each once per key, as the
// "notice" email (or "passerelle_notice", framed by the layout's greeting and
// signature). It returns how many were queued now.
func (s *Service) SendNotices(ctx context.Context, notices []domain.Notice) (int, error) {
	batch := make([]Notification, len(notices))
	for i, n := range notices {
		template := "notice"
		if n.Framed {
			template = "passerelle_notice"
		}
		files := make([]mail.Attachment, len(n.Attachments))
		for j, a := range n.Attachments {
			files[j] = mail.Attachment{Filename: a.Filename, ContentType: a.ContentType, Data: a.Data}
		}
		batch[i] = Notification{Key: n.Key, To: n.To,
			Template: template, Data: Notice{Key: n.Text, Args: n.Args}, Attachments: files}
	}
	q, err := s.NotifyAll(ctx, batch)
	return q.New, err
}
