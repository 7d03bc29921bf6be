package config

import (
	"reflect"
	"testing"
	"time"
)

func TestLoadAcceptsValidValues(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		env    []string
		change func(*Config)
	}{
		{"boolean cookie_secure", "[server]\ncookie_secure = true\n", nil,
			func(c *Config) { c.Server.CookieSecure = True }},
		{"integer send rate", "[mail]\nsend_rate = 3\n", nil, func(c *Config) { c.Mail.SendRate = 3 }},
		{"fractional send rate", "[mail]\nsend_rate = 0.5\n", nil, func(c *Config) { c.Mail.SendRate = 0.5 }},
		{"replica-set URI", "[mongodb]\nuri = \"mongodb://a:27017,b:27017/passerelle?replicaSet=rs0\"\n", nil,
			func(c *Config) { c.MongoDB.URI = "mongodb://a:27017,b:27017/passerelle?replicaSet=rs0" }},
		{"disabled job", "[jobs]\nstaff_summary = \"\"\n", nil, func(c *Config) { c.Jobs.StaffSummary = "" }},
		{"IPv6 proxies", "[server]\ntrusted_proxies = [\"::1\", \"fd00::/8\"]\n", nil,
			func(c *Config) { c.Server.TrustedProxies = []string{"::1", "fd00::/8"} }},
		{"quoted section and key", "[\"security\"]\n\"magic_link_ttl\" = \"1h30m\"\n", nil,
			func(c *Config) { c.Security.MagicLinkTTL = 90 * time.Minute }},
		{"empty proxy list from environment", "[server]\ntrusted_proxies = [\"10.0.0.1\"]\n",
			[]string{"PASSERELLE_SERVER_TRUSTED_PROXIES="}, func(*Config) {}},
		{"lower-case variable", "", []string{"PASSERELLE_log_level=debug"}, func(c *Config) { c.Log.Level = "debug" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(writeConfig(t, tt.file), tt.env)
			if err != nil {
				t.Fatal(err)
			}
			want := Default()
			tt.change(want)
			if !reflect.DeepEqual(cfg, want) {
				t.Errorf("got  %+v\nwant %+v", cfg, want)
			}
		})
	}
}
