package notify

import (
	"context"
	"strings"

	"passerelle/app/domain"
	"passerelle/app/mail"
)

// SendNotices queues the services' notices, each once per key, as the
// "notice" email (or "passerelle_notice", framed by the layout's greeting and
// signature). It returns how many were queued now.
func (s *Service) SendNotices(ctx context.Context, notices []domain.Notice) (int, error) {
	batch := make([]Notification, len(notices))
	for i, n := range notices {
		batch[i] = s.notification(n)
	}
	q, err := s.NotifyAll(ctx, batch)
	return q.New, err
}

// SendNow sends a notice at once, outside the queue: an account's link
// (sign in, verify, reset, invite, consent) is wanted now, and its token is
// a secret that the outbox must not keep.
func (s *Service) SendNow(ctx context.Context, n domain.Notice) error {
	p, err := s.render(s.notification(n))
	if err != nil {
		return err
	}
	return s.sender.Send(ctx, message(&p.Notification, &p.Body))
}

// notification is the email of a notice; a Link given as a path of the
// platform becomes an absolute address, as every link of an email.
func (s *Service) notification(n domain.Notice) Notification {
	if strings.HasPrefix(n.Link, "/") {
		n.Link = strings.TrimSuffix(s.cfg.BaseURL, "/") + n.Link
	}
	template := "notice"
	if n.Framed {
		template = "passerelle_notice"
	}
	files := make([]mail.Attachment, len(n.Attachments))
	for j, a := range n.Attachments {
		files[j] = mail.Attachment{Filename: a.Filename, ContentType: a.ContentType, Data: a.Data}
	}
	return Notification{Key: n.Key, To: n.To, Template: template,
		Data: Notice{Key: n.Text, Args: n.Args, Link: n.Link}, Attachments: files}
}
