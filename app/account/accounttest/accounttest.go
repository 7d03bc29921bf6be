// Package accounttest gives tests an accounts service over a real database
// and a real SMTP server in the test process.
package accounttest

import (
	"log/slog"
	"regexp"
	"testing"
	"time"

	"passerelle/app/account"
	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/store"
)

// BaseURL starts the links in emails sent by tests.
const BaseURL = "http://passerelle.test"

// Config is cheap to hash with, so that tests stay fast.
var Config = account.Config{BaseURL: BaseURL, Argon2: account.Argon2{Time: 1, MemoryKiB: 64, Threads: 1},
	SessionTTL: 24 * time.Hour, MagicLinkTTL: 15 * time.Minute, LoginRatePerMinute: 5}

// New returns a service over db sending to a new SMTP server, with Config
// as adjusted; emails still being sent are waited for at the end of the test.
func New(t testing.TB, db *store.DB, adjust ...func(*account.Config)) (*account.Service, *mailtest.Server) {
	t.Helper()
	server := mailtest.Start(t)
	sender, err := mail.NewSMTP(mail.SMTPConfig{Host: server.Host(), Port: server.Port(), TLS: mail.TLSNone,
		From: mail.Address{Name: "Passerelle 92", Email: "ne-pas-repondre@passerelle.test"}, HeloName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config
	for _, a := range adjust {
		a(&cfg)
	}
	logger := slog.New(slog.DiscardHandler)
	mailer, err := notify.New(db, sender, catalog, notify.Config{BaseURL: BaseURL, Secret: []byte("test")}, logger)
	if err != nil {
		t.Fatal(err)
	}
	svc := account.New(db, mailer, cfg, logger)
	t.Cleanup(func() { svc.Wait(); sender.Close() })
	return svc, server
}

var linkRE = regexp.MustCompile(regexp.QuoteMeta(BaseURL) + `(/[a-z/-]+/)([0-9a-f]{64})`)

// Link returns the path and the token of the link in an email's text.
func Link(t testing.TB, msg mailtest.Received) (path, token string) {
	t.Helper()
	m := linkRE.FindStringSubmatch(msg.Text)
	if m == nil {
		t.Fatalf("no link in %q", msg.Text)
	}
	return m[1], m[2]
}
