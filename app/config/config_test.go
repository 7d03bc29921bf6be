package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const shippedFile = "../../config.toml"

func TestShippedFileHoldsTheDefaults(t *testing.T) {
	cfg, err := Load(shippedFile, nil)
	if err != nil {
		t.Fatalf("the shipped config.toml does not load: %v", err)
	}
	if want := Default(); !reflect.DeepEqual(cfg, want) {
		t.Errorf("config.toml and Default() drifted apart:\nfile:    %+v\ndefault: %+v", cfg, want)
	}
}

func TestShippedFileDocumentsEveryKey(t *testing.T) {
	text, err := os.ReadFile(shippedFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := keyLines(string(text))
	all := strings.Split(string(text), "\n")
	for _, f := range fields {
		line, ok := lines[f.name()]
		if !ok {
			t.Errorf("config.toml does not set %s", f.label())
		} else if !commentedAbove(all, line-1) {
			t.Errorf("config.toml line %d: %s has no comment above it", line, f.label())
		}
	}
}

// commentedAbove tells whether the block of keys holding line i starts with
// a comment.
func commentedAbove(lines []string, i int) bool {
	for i--; i >= 0; i-- {
		line := strings.TrimSpace(lines[i])
		if strings.HasPrefix(line, "#") {
			return true
		}
		if line == "" || strings.HasPrefix(line, "[") {
			return false
		}
	}
	return false
}

func TestMissingFileGivesDefaults(t *testing.T) {
	cfg, err := Load(filepath.Join(t.TempDir(), "absent.toml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("got %+v, want the defaults", cfg)
	}
}

func TestEnvironmentWinsOverFile(t *testing.T) {
	file := "[server]\nport = 9000\nhost = \"0.0.0.0\"\n[jobs]\nretention = \"0 4 * * *\"\n"
	env := []string{
		"PASSERELLE_SERVER_PORT=9100",
		"PASSERELLE_SERVER_TRUSTED_PROXIES=10.0.0.0/8, 192.168.1.1",
		"PASSERELLE_SERVER_COOKIE_SECURE=false",
		"PASSERELLE_MONGODB_URI=mongodb+srv://user:pw@cluster.example.org/db?retryWrites=true",
		"PASSERELLE_MAIL_SEND_RATE=0.5",
		"PASSERELLE_DEMO_SEED_ON_FIRST_START=false",
		"PASSERELLE_SECURITY_SESSION_TTL=2h",
		"PASSERELLE_JOBS_YOUTH_DIGEST=",
		"HOME=/root", "PASSERELLE", "OTHER_PASSERELLE_SERVER_PORT=1",
	}
	cfg, err := Load(writeConfig(t, file), env)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Server.Port, want.Server.Host = 9100, "0.0.0.0"
	want.Server.TrustedProxies = []string{"10.0.0.0/8", "192.168.1.1"}
	want.Server.CookieSecure = False
	want.MongoDB.URI = "mongodb+srv://user:pw@cluster.example.org/db?retryWrites=true"
	want.Mail.SendRate = 0.5
	want.Demo.SeedOnFirstStart = false
	want.Security.SessionTTL = 2 * time.Hour
	want.Jobs.YouthDigest, want.Jobs.Retention = "", "0 4 * * *"
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("got  %+v\nwant %+v", cfg, want)
	}
}

func TestEveryKeyHasAnEnvironmentVariable(t *testing.T) {
	for _, f := range fields {
		name := strings.ToUpper("PASSERELLE_" + f.section + "_" + f.key)
		value := envText(f.value(Default()).Interface())
		if _, err := Load("", []string{name + "=" + value}); err != nil {
			t.Errorf("%s=%s: %v", name, value, err)
		}
	}
}

// envText writes a default value as an environment variable would hold it.
func envText(v any) string {
	if list, ok := v.([]string); ok {
		return strings.Join(list, ",")
	}
	return fmt.Sprint(v)
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
