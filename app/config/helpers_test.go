package config

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCookieSecure(t *testing.T) {
	tests := []struct {
		setting AutoBool
		baseURL string
		want    bool
	}{
		{Auto, "http://localhost:8080", false},
		{Auto, "http://127.0.0.1:8080/", false},
		{Auto, "http://[::1]:8080", false},
		{Auto, "https://localhost:8443", true},
		{Auto, "http://passerelle92.fr", true},
		{Auto, "https://passerelle92.fr", true},
		{True, "http://localhost:8080", true},
		{False, "https://passerelle92.fr", false},
	}
	for _, tt := range tests {
		cfg := Default()
		cfg.Server.CookieSecure, cfg.Server.BaseURL = tt.setting, tt.baseURL
		if got := cfg.CookieSecure(); got != tt.want {
			t.Errorf("cookie_secure=%s base_url=%s: got %t, want %t", tt.setting, tt.baseURL, got, tt.want)
		}
	}
}

func TestHelpers(t *testing.T) {
	cfg, err := Load(writeConfig(t, "[server]\nhost = \"::1\"\nport = 9000\ndata_dir = \"/srv/passerelle\"\n"+
		"[mongodb]\nuri = \"mongodb://db:27017\"\n[jobs]\nretention = \"\"\nyouth_digest = \"@daily\"\n"),
		[]string{"PASSERELLE_MAIL_SMTP_HOST=smtp.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Addr", cfg.Addr(), "[::1]:9000"},
		{"DataPath", cfg.DataPath("outbox", "1.eml"), filepath.Join("/srv/passerelle", "outbox", "1.eml")},
		{"EmbeddedDB", cfg.EmbeddedDB(), false},
		{"EmbeddedSearch", cfg.EmbeddedSearch(), true},
		{"OutboxMail", cfg.OutboxMail(), false},
		{"TLS", cfg.TLS(), false},
		{"Default().EmbeddedDB", Default().EmbeddedDB(), true},
		{"Default().OutboxMail", Default().OutboxMail(), true},
		{"JobSchedules youth", cfg.JobSchedules()["youth_digest"], "@daily"},
		{"JobSchedules disabled", len(cfg.JobSchedules()), len(Default().JobSchedules()) - 1},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestLoadWritesNothing(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{
		"valid.toml":   "[server]\ndata_dir = \"data\"\n",
		"invalid.toml": "[server]\nport = 0\ndata_dir = \"other\"\n",
		"broken.toml":  "[server\n",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, dir)
	for _, name := range []string{"valid.toml", "invalid.toml", "broken.toml", "absent.toml"} {
		_, _ = Load(name, []string{"PASSERELLE_SERVER_DATA_DIR=" + filepath.Join(dir, "env")})
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("Load changed %s:\nbefore:\n%s\nafter:\n%s", dir, before, after)
	}
}

// snapshot lists every entry under dir with its size, mode and time.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %s %d %s\n", path, info.Mode(), info.Size(), info.ModTime())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
