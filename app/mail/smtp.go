package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"

	"passerelle/app/domain"
)

// TLS modes of SMTPConfig.TLS.
const (
	TLSNone     = "none"     // plain text, for a relay on the same host
	TLSStartTLS = "starttls" // STARTTLS required: no fallback to plain text
	TLSImplicit = "tls"      // TLS from the first byte (SMTPS, port 465)
)

// DefaultTimeout bounds each SMTP connection when SMTPConfig.Timeout is zero.
const DefaultTimeout = 15 * time.Second

// SMTPConfig says how to reach the relay.
type SMTPConfig struct {
	Host     string
	Port     int
	Username string // AUTH is used when set
	Password string
	TLS      string // TLSNone, TLSStartTLS or TLSImplicit
	From     Address
	Timeout  time.Duration
	HeloName string // defaults to the machine's host name
	// TLSConfig replaces the default (system roots, ServerName = Host), e.g.
	// to trust a test server's certificate.
	TLSConfig *tls.Config
}

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

func clientOptions(cfg SMTPConfig) ([]gomail.Option, error) {
	if err := validateSMTP(cfg); err != nil {
		return nil, err
	}
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	opts := []gomail.Option{gomail.WithPort(cfg.Port), gomail.WithTimeout(timeout), tlsOption(cfg)}
	opts = append(opts, gomail.WithTLSConfig(tlsConfig(cfg)))
	if cfg.HeloName != "" {
		opts = append(opts, gomail.WithHELO(cfg.HeloName))
	}
	if cfg.Username != "" {
		// Auto-discovery picks the strongest mechanism offered and never sends
		// a PLAIN or LOGIN password over an unencrypted connection.
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(cfg.Username), gomail.WithPassword(cfg.Password))
	}
	return opts, nil
}

func tlsOption(cfg SMTPConfig) gomail.Option {
	switch cfg.TLS {
	case TLSImplicit:
		return gomail.WithSSL()
	case TLSStartTLS:
		return gomail.WithTLSPolicy(gomail.TLSMandatory)
	}
	return gomail.WithTLSPolicy(gomail.NoTLS)
}

func tlsConfig(cfg SMTPConfig) *tls.Config {
	if cfg.TLSConfig == nil {
		return &tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12}
	}
	c := cfg.TLSConfig.Clone()
	if c.ServerName == "" {
		c.ServerName = cfg.Host
	}
	return c
}

func validateSMTP(cfg SMTPConfig) error {
	invalid := func(key, field string) error {
		return &domain.Error{Code: domain.EINVALID, Message: "error.mail." + key, Field: field}
	}
	switch {
	case cfg.Host == "":
		return invalid("smtp_host_required", "smtp_host")
	case cfg.Port < 1 || cfg.Port > 65535:
		return invalid("smtp_port_invalid", "smtp_port")
	case cfg.TLS != TLSNone && cfg.TLS != TLSStartTLS && cfg.TLS != TLSImplicit:
		return invalid("smtp_tls_invalid", "smtp_tls")
	case cfg.Timeout < 0:
		return invalid("smtp_timeout_invalid", "smtp_timeout")
	case cfg.From.Email == "":
		return invalid("from_required", "from")
	}
	return nil
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
