package mail

import (
	"crypto/tls"
	"time"

	gomail "github.com/wneessen/go-mail"
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
