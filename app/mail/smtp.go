package mail

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTP sends each message over its own connection to a relay.
type SMTP struct {
	client *gomail.Client
	from   Address
	addr   string
}

var _ Sender = (*SMTP)(nil)

// NewSMTP checks cfg and prepares a client; it does not connect (see Ready).
func NewSMTP(cfg SMTPConfig) (*SMTP, error) {
	opts, err := clientOptions(cfg)
	if err != nil {
		return nil, err
	}
	client, err := gomail.NewClient(cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("mail: smtp client for %s: %w", cfg.Host, err)
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	return &SMTP{client: client, from: cfg.From, addr: addr}, nil
}

// Send delivers msg on a new connection. Errors from the relay keep their
// SMTP reply: see IsPermanent.
func (s *SMTP) Send(ctx context.Context, msg Message) error {
	m, _, err := buildMsg(s.from, msg, time.Now())
	if err != nil {
		return err
	}
	if err := s.client.DialAndSendWithContext(ctx, m); err != nil {
		return fmt.Errorf("mail: send via %s: %w", s.addr, err)
	}
	return nil
}

// Ready connects, greets, negotiates TLS and authenticates, then quits: the
// same steps as Send, so a wrong password or certificate shows here.
func (s *SMTP) Ready(ctx context.Context) error {
	conn, err := s.client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fmt.Errorf("mail: smtp %s not ready: %w", s.addr, err)
	}
	if err := s.client.CloseWithSMTPClient(conn); err != nil {
		return fmt.Errorf("mail: smtp %s quit: %w", s.addr, err)
	}
	return nil
}

// Close has nothing to release: connections last one Send or Ready.
func (s *SMTP) Close() error { return nil }
