package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"time"

	"passerelle/app/account"
	"passerelle/app/campaign"
	"passerelle/app/events"
	"passerelle/app/partners"
	"passerelle/app/passerelle"
	"passerelle/app/progress"
	"passerelle/app/support"
	"passerelle/app/web"
	"passerelle/jobs"
)

// openServices builds what sits on the parts, each service given all it
// needs by its constructor: the notifications first, then the domain
// services that send them, the web server and the job scheduler.
func (m *Main) openServices(ctx context.Context) (err error) {
	csrfKey, err := m.DB.Secret(ctx, "csrf")
	if err != nil {
		return err
	}
	if err := m.openNotify(ctx); err != nil {
		return err
	}
	m.Indexer = passerelle.NewIndexer(m.DB, m.Search, m.Logger)
	m.Recommendations = recommendations(m)
	m.Passerelle = passerelle.NewService(m.DB, m.Indexer, m.Notify,
		m.Logger, passerelle.Config{ApplicationExpiry: m.Config.Applications.ExpiryDelay, Now: m.Now})
	m.Support = support.New(m.DB, m.Notify, m.Logger, m.Now)
	m.Events = events.New(m.DB, m.Notify, m.Logger, m.Now)
	m.Accounts = account.New(m.DB, m.Notify, m.accountConfig(), m.Logger)
	m.Progress = progress.New(m.DB, m.Notify, m.Logger, progress.Config{Now: m.Now})
	m.Campaigns = campaign.New(m.DB, m.Notify, m.Catalog,
		campaign.Config{BaseURL: m.Config.Server.BaseURL, Now: m.Now}, m.Logger)
	m.Jobs, err = jobs.New(jobs.Config{Schedules: m.Config.JobSchedules(), LeaseTTL: m.Config.Jobs.LeaseTTL},
		m.DB, m.Logger, m.jobList()...)
	if err != nil {
		return err
	}
	m.Web, err = web.New(web.Deps{
		Logger:           m.Logger,
		Catalog:          m.Catalog,
		Store:            m.DB,
		Search:           m.Search,
		Readiness:        m.readiness(),
		Now:              m.Now,
		TLS:              m.Config.TLS(),
		TrustedProxies:   m.Config.Server.TrustedProxies,
		Accounts:         m.Accounts,
		People:           m.DB,
		CSRFKey:          csrfKey,
		CookieSecure:     m.Config.CookieSecure(),
		SessionTTL:       m.Config.Security.SessionTTL,
		Progress:         m.Progress,
		EmailPreferences: m.Notify,
		Passerelle:       m.Passerelle,
		Events:           m.Events,
		Campaigns:        m.Campaigns,
		Recommendations:  m.Recommendations,
		Retention: web.RetentionPeriods{InactiveYears: m.Config.Retention.InactiveYears,
			CVDays: m.Config.Retention.CVDays},
		Publication: publication(m.Config.Publication),
		Partners:    partners.New(m.DB, m.Logger, m.Now),
		Support:     m.Support,
	})
	if err != nil {
		return err
	}
	return m.Web.Registry().Register(seatsRepaired)
}

func (m *Main) accountConfig() account.Config {
	sec := m.Config.Security
	return account.Config{BaseURL: m.Config.Server.BaseURL, Argon2: argon2Of(m.Config), SessionTTL: sec.SessionTTL,
		MagicLinkTTL: sec.MagicLinkTTL, LoginRatePerMinute: sec.LoginRatePerMinute, Now: m.Now,
		// the programme's applications, favourites and bookings; the holder's support requests; event registrations
		DataHolders: []account.DataHolder{m.Passerelle, m.Support, m.Events}}
}

func (m *Main) readiness() []web.Check {
	return []web.Check{
		{Name: "database", Check: m.DB.Ping},
		{Name: "search", Check: m.Search.Ready},
		{Name: "mail", Check: m.Mail.Ready},
	}
}

// Listen opens the HTTP listener on the configured address (port 0 picks a
// free port, as tests do), serves in the background and starts the jobs.
func (m *Main) Listen() error {
	ln, err := net.Listen("tcp", m.Config.Addr())
	if err != nil {
		return fmt.Errorf("listen on %s: %w", m.Config.Addr(), err)
	}
	if m.Config.TLS() {
		if ln, err = withTLS(ln, m.Config.Server.TLSCertFile, m.Config.Server.TLSKeyFile); err != nil {
			return err
		}
	}
	m.listener, m.served = ln, make(chan error, 1)
	go func() { m.served <- m.Web.Serve(ln) }()
	m.Jobs.Start()
	return nil
}

// withTLS terminates TLS on ln, for deployments without a proxy in front.
func withTLS(ln net.Listener, certFile, keyFile string) (net.Listener, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("TLS certificate: %w", err)
	}
	return tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}), nil
}

// URL is the address the server answers on, with the actual port.
func (m *Main) URL() string {
	scheme := "http://"
	if m.Config.TLS() {
		scheme = "https://"
	}
	return scheme + m.listener.Addr().String()
}

// shutdown closes m within the configured grace period.
func (m *Main) shutdown() error {
	ctx, cancel := context.WithTimeout(context.Background(), m.Config.Server.ShutdownTimeout+5*time.Second)
	defer cancel()
	return m.Close(ctx)
}
