package main

import (
	"context"
	"time"

	"passerelle/app/notify"
	"passerelle/app/notify/digest"
)

// openNotify builds the notification service and the digests over the
// database and the mail sender.
func (m *Main) openNotify(ctx context.Context) error {
	secret, err := m.linkSecret(ctx)
	if err != nil {
		return err
	}
	c := m.Config.Mail
	m.Notify, err = notify.New(m.DB, m.Mail, m.Catalog, notify.Config{BaseURL: m.Config.Server.BaseURL,
		Secret: secret, UnsubscribeMailto: c.UnsubscribeAddress, MaxAttempts: c.MaxAttempts, SendRate: c.SendRate,
		ClaimTTL: 2*c.Timeout + time.Minute, Now: m.Now}, m.Logger)
	if err != nil {
		return err
	}
	m.Digests = digest.New(m.DB, m.Notify, digest.Config{Weights: matchingWeights(m.Config.Matching), Now: m.Now})
	return nil
}

// linkSecret is [security] secret, or else a key generated once and kept
// in the database, so that every replica signs the same links.
func (m *Main) linkSecret(ctx context.Context) ([]byte, error) {
	if s := m.Config.Security.Secret; s != "" {
		return []byte(s), nil
	}
	return m.DB.Secret(ctx, "email_links")
}
