package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"passerelle/app/account"
	"passerelle/app/campaign"
	"passerelle/app/domain"
	"passerelle/app/events"
	"passerelle/app/internship"
	"passerelle/app/outing"
	"passerelle/app/partners"
	"passerelle/app/passerelle"
	"passerelle/app/progress"
	"passerelle/app/signature"
	"passerelle/app/store"
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
	m.Signatures = signature.New(m.DB, m.Notify, signature.Config{BaseURL: m.Config.Server.BaseURL, Catalog: m.Catalog,
		Now: m.Now}, m.Logger)
	m.Progress = progress.New(m.DB, m.Notify, m.Logger, progress.Config{Now: m.Now, Signer: m.Signatures})
	m.Signatures.OnCompleted(domain.SignGrantAgreement, m.Progress.AgreementCompleted)
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
		Signatures:       m.Signatures,
		Internships:      internship.New(m.DB, m.Signatures, m.Now),
		Outings: outing.New(m.DB, m.Signatures, outing.Config{KeepDays: m.Config.Retention.OutingDays,
			Now: m.Now}),
		Recommendations: m.Recommendations,
		Retention: web.RetentionPeriods{InactiveYears: m.Config.Retention.InactiveYears,
			CVDays: m.Config.Retention.CVDays},
		Publication: publication(m.Config.Publication),
		Partners:    partners.New(m.DB, m.Logger, m.Now),
		Support:     m.Support,
	})
	if err != nil {
		return err
	}
	return errors.Join(m.Web.Registry().Register(seatsRepaired), m.Web.Registry().Register(documentCache{m.DB}))
}

// documentCache exports what the embedded database's document cache served:
// a hit is a read by _id that cost no database round trip, so that it is
// counted neither in the round trips per route nor here as a miss.
type documentCache struct{ db *store.DB }

var (
	cacheHits = prometheus.NewDesc("passerelle_db_document_cache_hits_total",
		"Reads by _id the embedded database's document cache served without a round trip.", nil, nil)
	cacheMisses = prometheus.NewDesc("passerelle_db_document_cache_misses_total",
		"Reads by _id of a cached collection that went to the embedded database.", nil, nil)
	cacheDocuments = prometheus.NewDesc("passerelle_db_document_cache_documents",
		"Documents the embedded database's document cache keeps.", nil, nil)
)

func (documentCache) Describe(ch chan<- *prometheus.Desc) {
	ch <- cacheHits
	ch <- cacheMisses
	ch <- cacheDocuments
}

func (c documentCache) Collect(ch chan<- prometheus.Metric) {
	s := c.db.DocumentCacheStats()
	ch <- prometheus.MustNewConstMetric(cacheHits, prometheus.CounterValue, float64(s.Hits))
	ch <- prometheus.MustNewConstMetric(cacheMisses, prometheus.CounterValue, float64(s.Misses))
	ch <- prometheus.MustNewConstMetric(cacheDocuments, prometheus.GaugeValue, float64(s.Documents))
}

func (m *Main) accountConfig() account.Config {
	sec := m.Config.Security
	return account.Config{BaseURL: m.Config.Server.BaseURL, Argon2: argon2Of(m.Config), SessionTTL: sec.SessionTTL,
		MagicLinkTTL: sec.MagicLinkTTL, LoginRatePerMinute: sec.LoginRatePerMinute, Now: m.Now,
		// the programme's applications, favourites and bookings; registrations to events; the holder's support requests
		DataHolders: []account.DataHolder{m.Passerelle, m.Events, m.Support}}
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
