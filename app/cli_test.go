package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line with a config file of the given text in a
// temp folder, and returns the status, stdout and stderr.
func runCLI(t *testing.T, configText string, args ...string) (int, string, string, string) {
	t.Helper()
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "data")
	text := strings.ReplaceAll(configText, "DATA", dataDir)
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut strings.Builder
	code := run(context.Background(), append([]string{"--config", path}, args...), &out, &errOut)
	return code, out.String(), errOut.String(), dataDir
}

const validConfig = "[server]\ndata_dir = \"DATA\"\n[security]\nargon2_memory_kib = 8192\n"

func TestConfigErrorsExitWithStatus2AndWriteNothing(t *testing.T) {
	cases := []struct{ name, config, want string }{
		{"syntax", "[server]\nport = = 3\n", "ligne 2"},
		{"unknown key", "[server]\nprot = 3\ndata_dir = \"DATA\"\n", "prot"},
		{"wrong type", "[server]\nport = \"huit\"\ndata_dir = \"DATA\"\n", "port"},
		{"invalid port", "[server]\nport = 70000\ndata_dir = \"DATA\"\n", "65535"},
		{"invalid url", "[server]\nbase_url = \"ftp://x\"\ndata_dir = \"DATA\"\n", "base_url"},
		{"invalid duration", "[server]\nshutdown_timeout = \"dix\"\ndata_dir = \"DATA\"\n", "shutdown_timeout"},
		{"invalid email", "[mail]\nfrom = \"pas une adresse\"\n[server]\ndata_dir = \"DATA\"\n", "from"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr, dataDir := runCLI(t, c.config, "serve")
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Fatalf("status %d, stderr %q; want 2 and %q", code, stderr, c.want)
			}
			if _, err := os.Stat(dataDir); !os.IsNotExist(err) {
				t.Fatal("a configuration error wrote the data folder")
			}
		})
	}
}

func TestCommandLineMistakesExitWithStatus2(t *testing.T) {
	for _, args := range [][]string{
		{"inconnue"},
		{"seed"},
		{"seed", "--demo", "en-trop"},
		{"seed", "--demo", "--scale", "0"},
		{"seed", "--demo", "--scale", "grand"},
		{"user"},
		{"user", "create", "--role", "pirate", "--email", "a@b.fr"},
		{"user", "create", "--role", "staff", "--email", "pas-une-adresse"},
		{"jobs"},
		{"jobs", "run"},
		{"jobs", "run", "inconnue"},
		{"serve", "--port", "8"},
		{"bench"},
		{"bench", "seats", "en-trop"},
	} {
		code, _, stderr, _ := runCLI(t, validConfig, args...)
		if code != 2 || !strings.Contains(stderr, "erreur :") && !strings.Contains(stderr, "Usage") {
			t.Errorf("%v: status %d, stderr %q", args, code, stderr)
		}
	}
}

func TestHelpOnEachCommand(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"seed", "--help"}, {"user", "create", "--help"}, {"jobs", "run", "x", "--help"}, {"reindex", "--help"}, {"bench", "seats", "--help"}} {
		code, _, stderr, _ := runCLI(t, validConfig, args...)
		if code != 0 || !strings.Contains(stderr, "Usage") {
			t.Errorf("%v: status %d, stderr %q", args, code, stderr)
		}
	}
}

func TestUserCreateJobsAndReindex(t *testing.T) {
	dir := t.TempDir()
	cfgText := strings.ReplaceAll(validConfig, "DATA", filepath.Join(dir, "data"))
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(cfgText), 0o600); err != nil {
		t.Fatal(err)
	}
	cli := func(args ...string) (int, string, string) {
		var out, errOut strings.Builder
		code := run(context.Background(), append([]string{"--config", path}, args...), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	if code, out, stderr := cli("user", "create", "--role", "staff", "--email", "agent@hauts-de-seine.fr"); code != 0 ||
		!strings.Contains(out, "Mot de passe") {
		t.Fatalf("user create: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := cli("user", "create", "--role", "staff", "--email", "agent@hauts-de-seine.fr"); code != 2 ||
		!strings.Contains(stderr, "existe déjà") {
		t.Fatalf("duplicate user: %d %s", code, stderr)
	}
	if code, out, stderr := cli("seed", "--demo"); code != 2 || !strings.Contains(stderr, "déjà des données") {
		t.Fatalf("seed on a non-empty base: %d %s %s", code, out, stderr)
	}
	if code, out, _ := cli("jobs", "run", "search_reconcile"); code != 0 || !strings.Contains(out, "ajoutées à l'index") {
		t.Fatalf("jobs run: %d %s", code, out)
	}
	if code, out, _ := cli("jobs", "list"); code != 0 || !strings.Contains(out, "search_reconcile") ||
		strings.Contains(jobLine(out, "search_reconcile"), "jamais") || !strings.Contains(out, "Courriels : ") {
		t.Fatalf("jobs list after a run: %d %s", code, out)
	}
	if code, out, _ := cli("jobs", "run", "booking_repair"); code != 0 || !strings.Contains(out, "0 réservations de places réparées") {
		t.Fatalf("jobs run booking_repair: %d %s", code, out)
	}
	if code, out, _ := cli("jobs", "list"); code != 0 || !strings.Contains(jobLine(out, "booking_repair"), "*/5 * * * *") ||
		strings.Contains(jobLine(out, "booking_repair"), "jamais") {
		t.Fatalf("jobs list does not show booking_repair's schedule and run: %d %s", code, out)
	}
	if code, out, _ := cli("reindex", "--dry-run"); code != 0 || !strings.Contains(out, "ajoutées à l'index") {
		t.Fatalf("reindex: %d %s", code, out)
	}
}

// jobLine is the line of `jobs list` about one job.
func jobLine(list, job string) string {
	for _, line := range strings.Split(list, "\n") {
		if strings.HasPrefix(line, job+" ") {
			return line
		}
	}
	return ""
}
