package account

import (
	"context"
	"log/slog"
	"strings"

	"passerelle/app/domain"
)

// Mailer sends an email at once: the notification service, whose outbox
// must not keep the secret links of these emails.
type Mailer interface {
	SendNow(ctx context.Context, n domain.Notice) error
}

// linkMail is an email whose point is one link: sign in, verify, reset,
// consent, invite. Its texts are the catalog keys mail.<kind>.{subject,body,action,outro}.
type linkMail struct {
	kind   string
	to     string
	locale string
	link   string
	args   []any // formatted into the body
}

// notice is m as the notification service sends it. The address and the
// texts may be borrowed from the web request, whose buffers the next
// request reuses while the message is still being sent: they are copied.
func (m linkMail) notice() domain.Notice {
	args := make([]any, len(m.args))
	for i, a := range m.args {
		if s, ok := a.(string); ok {
			a = strings.Clone(s)
		}
		args[i] = a
	}
	return domain.Notice{Key: domain.NewID("account-" + m.kind), Text: "mail." + m.kind,
		To:   domain.NoticeRecipient{Email: strings.Clone(m.to), Locale: strings.Clone(m.locale)},
		Args: args, Link: strings.Clone(m.link)}
}

// send delivers m in the background: the answer to the request must not
// take longer when the address exists, or it would tell that it does.
func (s *Service) send(m linkMail) {
	n := m.notice()
	s.sending.Add(1)
	go func() {
		defer s.sending.Done()
		if err := s.mail.SendNow(context.Background(), n); err != nil {
			s.logger.Error("mail not sent", slog.String("kind", m.kind), slog.Any("error", err))
		}
	}()
}

// Wait returns once the emails being sent are gone, before the mail sender
// closes at shutdown.
func (s *Service) Wait() { s.sending.Wait() }

func (s *Service) link(path, raw string) string {
	return strings.TrimRight(s.cfg.BaseURL, "/") + path + raw
}
