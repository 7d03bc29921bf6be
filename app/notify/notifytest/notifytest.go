// Package notifytest builds the notification service of tests, sending to a
// real SMTP server in the test process.
package notifytest

import (
	"log/slog"
	"testing"

	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
)

// New returns a service queuing in st and sending to server in clear text.
// Links start with https://passerelle92.test and are signed with a fixed
// secret unless cfg says otherwise.
func New(t testing.TB, st notify.Store, server *mailtest.Server, cfg notify.Config) *notify.Service {
	t.Helper()
	smtp, err := mail.NewSMTP(mail.SMTPConfig{Host: server.Host(), Port: server.Port(), TLS: mail.TLSNone,
		From: mail.Address{Email: "ne-pas-repondre@passerelle92.fr"}, HeloName: "passerelle.test"})
	if err != nil {
		t.Fatal(err)
	}
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "https://passerelle92.test"
	}
	if cfg.Secret == nil {
		cfg.Secret = []byte("s")
	}
	svc, err := notify.New(st, smtp, catalog, cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}
