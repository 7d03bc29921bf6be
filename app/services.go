package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"time"

	"passerelle/app/account"
	"passerelle/app/campaign"
	"passerelle/app/passerelle"
	grants "passerelle/app/progress" // the call for projects; "progress" is the CLI progress bar here
	"passerelle/app/web"
	"passerelle/jobs"
)

// openServices builds what sits on the parts: the domain services, the web
// server and the job scheduler.
func (m *Main) openServices() (err error) {
	m.Indexer = passerelle.NewIndexer(m.DB, m.Search, m.Logger)
	m.Accounts = account.New(m.DB, m.Mail, m.Catalog, m.accountConfig(), m.Logger)
	m.Progress = grants.New(m.DB, nil, m.Logger) // its notifier, once Notify is open
	m.Recommendations = recommendations(m)
	m.Passerelle = passerelle.NewService(m.DB, offerHooks{m.Indexer, m.Recommendations}, nil, m.Logger,
		passerelle.Config{ApplicationExpiry: m.Config.Applications.ExpiryDelay})
	m.Accounts.AddDataHolders(m.Passerelle) // its applications, favourites and bookings, in exports and deletions
	csrfKey, err := m.DB.Secret(context.Background(), "csrf")
	if err != nil {
		return err
	}
	if err := m.openNotify(context.Background()); err != nil {
		return err
	}
	m.Progress.SetNotifier(grantNotices{notify: m.Notify, users: m.DB})
	m.Passerelle.SetNotifier(passerelleNotices{notify: m.Notify})
	m.Campaigns = campaign.New(m.DB, campaign.NotifyService(m.Notify), m.Catalog,
		campaign.Config{BaseURL: m.Config.Server.BaseURL}, m.Logger)
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
		Campaigns:        m.Campaigns,
		Recommendations:  m.Recommendations,
		Retention: web.RetentionPeriods{InactiveYears: m.Config.Retention.InactiveYears,
			CVDays: m.Config.Retention.CVDays},
	})
	if err != nil {
		return err
	}
	return m.Web.Registry().Register(seatsRepaired)
}

func (m *Main) accountConfig() account.Config {
	sec := m.Config.Security
	return account.Config{BaseURL: m.Config.Server.BaseURL, Argon2: argon2Of(m.Config), SessionTTL: sec.SessionTTL,
		MagicLinkTTL: sec.MagicLinkTTL, LoginRatePerMinute: sec.LoginRatePerMinute}
}

// jobList registers every scheduled job, in one place.
func (m *Main) jobList() []jobs.Job {
	return append([]jobs.Job{
		{Name: "search_reconcile", Run: func(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
			r, err := m.Indexer.Reconcile(ctx, opts.DryRun)
			return jobs.Report{Items: r.Changed(), Summary: r.String()}, err
		}},
		{Name: "search_retry", Run: m.retrySearchSync},
		{Name: "retention", Run: m.retention},
		{Name: "application_expiry", Run: m.expirePasserelle},
		m.bookingRepairJob(),
	}, m.notifyJobs()...)
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

// retrySearchSync replays the offer changes the search engine missed.
func (m *Main) retrySearchSync(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "essai à blanc : rien n'est renvoyé au moteur"}, nil
	}
	n, err := m.Indexer.RetryPending(ctx)
	return jobs.Report{Items: n, Summary: fmt.Sprintf("%d changements d'offres renvoyés au moteur de recherche", n)}, err
}

// purgeExpired deletes what is past its time and that FerretDB cannot expire
// by itself (no TTL index): web sessions, one-time links, rate-limit windows.
func (m *Main) purgeExpired(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "essai à blanc : rien n'est supprimé"}, nil
	}
	n, err := m.Accounts.PurgeExpired(ctx)
	return jobs.Report{Items: int(n), Summary: fmt.Sprintf("%d sessions, liens et compteurs expirés supprimés", n)}, err
}

// expirePasserelle closes what is past its time in the programme: published
// offers after their end date, and applications left unanswered.
func (m *Main) expirePasserelle(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "essai à blanc : rien n'est expiré"}, nil
	}
	offers, err := m.Passerelle.ExpireOffers(ctx)
	if err != nil {
		return jobs.Report{Items: offers}, err
	}
	applications, err := m.Passerelle.ExpireApplications(ctx)
	return jobs.Report{Items: offers + applications,
		Summary: fmt.Sprintf("%d offres et %d candidatures expirées", offers, applications)}, err
}
