package config

import (
	"net"
	"net/url"
	"path/filepath"
	"strconv"
)

// AutoBool is a boolean that may be left to "auto", decided from other keys.
// In config.toml it is written as true, false or "auto".
type AutoBool string

// The values of an AutoBool.
const (
	Auto  AutoBool = "auto"
	True  AutoBool = "true"
	False AutoBool = "false"
)

// Addr is the address the HTTP server listens on.
func (c *Config) Addr() string {
	return net.JoinHostPort(c.Server.Host, strconv.Itoa(c.Server.Port))
}

// CookieSecure tells whether cookies get the Secure flag. "auto" turns it off
// only for plain-HTTP local development, where browsers would drop them.
func (c *Config) CookieSecure() bool {
	if c.Server.CookieSecure != Auto {
		return c.Server.CookieSecure == True
	}
	u, err := url.Parse(c.Server.BaseURL)
	return err != nil || u.Scheme != "http" || !isLoopback(u.Hostname())
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// TLS tells whether the server terminates TLS itself (and so sends HSTS).
func (c *Config) TLS() bool { return c.Server.TLSCertFile != "" }

// EmbeddedDB tells whether to start the in-process FerretDB.
func (c *Config) EmbeddedDB() bool { return c.MongoDB.URI == "" }

// EmbeddedSearch tells whether to use the embedded search engine.
func (c *Config) EmbeddedSearch() bool { return c.Search.MeilisearchURL == "" }

// OutboxMail tells whether emails go to the outbox folder instead of SMTP.
func (c *Config) OutboxMail() bool { return c.Mail.SMTPHost == "" }

// DataPath is a path inside the data folder.
func (c *Config) DataPath(parts ...string) string {
	return filepath.Join(append([]string{c.Server.DataDir}, parts...)...)
}

// JobSchedules maps each job name (its key in [jobs]) to its cron
// expression; disabled jobs are left out.
func (c *Config) JobSchedules() map[string]string {
	schedules := map[string]string{}
	for _, f := range fields {
		if f.section == "jobs" && f.hasCheck("cron") {
			if spec := f.value(c).String(); spec != "" {
				schedules[f.key] = spec
			}
		}
	}
	return schedules
}
