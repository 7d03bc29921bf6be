package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	netmail "net/mail"
	"os"
	"time"

	"passerelle/app/account"
	"passerelle/app/campaign"
	"passerelle/app/config"
	"passerelle/app/events"
	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/notify"
	"passerelle/app/notify/digest"
	"passerelle/app/passerelle"
	"passerelle/app/progress"
	"passerelle/app/recommend"
	"passerelle/app/signature"
	"passerelle/app/store"
	"passerelle/app/support"
	"passerelle/app/web"
	"passerelle/jobs"
	"passerelle/search"
	"passerelle/search/embedded"
	"passerelle/search/meili"
)

// Main is the whole running platform; tests start one on port 0.
type Main struct {
	Config  *config.Config
	Logger  *slog.Logger
	DB      *store.DB
	Search  search.Engine
	Mail    mail.Sender
	Catalog i18n.Catalog
	Indexer *passerelle.Indexer
	// Accounts signs people up and in; its emails leave in the background.
	Accounts   *account.Service
	Progress   *progress.Service
	Passerelle *passerelle.Service
	Events     *events.Service
	Campaigns  *campaign.Service
	// Support is the accompaniment of ESS project holders.
	Support *support.Service
	// Signatures has the agreements and authorisations signed online.
	Signatures *signature.Service
	// Recommendations ranks the published offers on the youth's space.
	Recommendations *recommend.Service
	// Notify sends emails exactly once; Digests are the scheduled ones.
	Notify  *notify.Service
	Digests *digest.Digests
	Web     *web.Server
	Jobs    *jobs.Scheduler

	// Now is the platform's clock, given to every service; tests move it.
	Now func() time.Time

	listener net.Listener
	served   chan error
}

// NewMain returns a platform for cfg, not yet open.
func NewMain(cfg *config.Config, logger *slog.Logger) *Main {
	return &Main{Config: cfg, Logger: logger, Now: time.Now}
}

// Open connects the real parts in order: storage, search, mail, then the
// services on top. On failure, what was opened is closed again.
func (m *Main) Open(ctx context.Context) (err error) {
	defer func() {
		if err != nil {
			m.closeParts(context.Background())
		}
	}()
	if err := os.MkdirAll(m.Config.Server.DataDir, 0o750); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	if m.Catalog, err = i18n.Load(); err != nil {
		return err
	}
	if err := m.openStore(ctx); err != nil {
		return err
	}
	if m.Search, err = m.openSearch(ctx); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if m.Mail, err = m.openMail(); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	return m.openServices(ctx)
}

func (m *Main) openStore(ctx context.Context) (err error) {
	m.DB, err = store.Open(ctx, store.Config{URI: m.Config.MongoDB.URI, Database: m.Config.MongoDB.Database,
		DataDir: m.Config.Server.DataDir, ConnectTimeout: m.Config.MongoDB.ConnectTimeout,
		CachedDocuments: m.Config.MongoDB.CachedDocuments}, m.Logger)
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	return m.DB.Migrate(ctx)
}

// openSearch opens the engine, counting its writes so that the search page
// can keep its rendered results until the index changes.
func (m *Main) openSearch(ctx context.Context) (search.Engine, error) {
	if m.Config.EmbeddedSearch() {
		local, err := embedded.Open(m.Config.DataPath("search"))
		if err != nil {
			return nil, err
		}
		return search.Count(local), nil
	}
	remote, err := meili.New(ctx, meili.Config{URL: m.Config.Search.MeilisearchURL,
		APIKey: m.Config.Search.MeilisearchKey, Index: m.Config.Search.Index, Places: passerelle.SearchPlaces()})
	if err != nil {
		return nil, err
	}
	return search.Count(remote), nil
}

func (m *Main) openMail() (mail.Sender, error) {
	from, err := netmail.ParseAddress(m.Config.Mail.From)
	if err != nil {
		return nil, err
	}
	sender := mail.Address{Name: from.Name, Email: from.Address}
	if m.Config.OutboxMail() {
		return mail.NewOutbox(m.Config.DataPath("outbox"), sender)
	}
	c := m.Config.Mail
	return mail.NewSMTP(mail.SMTPConfig{Host: c.SMTPHost, Port: c.SMTPPort, Username: c.SMTPUsername,
		Password: c.SMTPPassword, TLS: c.SMTPTLS, From: sender, Timeout: c.Timeout})
}

// Close stops serving, lets requests in flight finish, stops the jobs and
// closes the parts, in the reverse order of Open.
func (m *Main) Close(ctx context.Context) error {
	var errs []error
	if m.Web != nil && m.listener != nil {
		errs = append(errs, m.stopServing(ctx))
	}
	if m.Jobs != nil {
		m.Jobs.Stop(ctx)
		m.Jobs = nil
	}
	if m.Accounts != nil {
		m.Accounts.Wait() // emails still being sent need the mail sender
	}
	errs = append(errs, m.closeParts(ctx))
	return errors.Join(errs...)
}

// stopServing lets requests in flight finish, then closes the listener too:
// a shutdown that comes before the server has taken the listener would
// otherwise leave it serving.
func (m *Main) stopServing(ctx context.Context) error {
	err := m.Web.Shutdown(ctx)
	if cerr := m.listener.Close(); cerr != nil && !errors.Is(cerr, net.ErrClosed) {
		err = errors.Join(err, cerr)
	}
	m.listener = nil
	select {
	case serr := <-m.served:
		if serr != nil && !errors.Is(serr, net.ErrClosed) {
			err = errors.Join(err, serr)
		}
	case <-ctx.Done():
		err = errors.Join(err, ctx.Err())
	}
	return err
}

func (m *Main) closeParts(ctx context.Context) error {
	var errs []error
	if m.Mail != nil {
		errs = append(errs, m.Mail.Close())
	}
	if m.Search != nil {
		errs = append(errs, m.Search.Close())
	}
	if m.DB != nil {
		errs = append(errs, m.DB.Close(ctx))
	}
	m.Mail, m.Search, m.DB = nil, nil, nil
	return errors.Join(errs...)
}
