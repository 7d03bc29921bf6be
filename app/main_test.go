package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"passerelle/app/config"
	"passerelle/app/store/storetest"
)

// testConfig returns the defaults with a free port and a fresh data folder
// holding a migrated database (as after a first start: migrating costs
// seconds under the race detector).
func testConfig(t testing.TB) *config.Config {
	t.Helper()
	dir := t.TempDir()
	storetest.Migrated(t, dir)
	return testConfigIn(dir)
}

// testConfigIn is the tests' configuration over the data folder dir.
func testConfigIn(dir string) *config.Config {
	cfg := config.Default()
	cfg.Server.Host, cfg.Server.Port = "127.0.0.1", 0
	cfg.Server.DataDir = dir
	cfg.Demo.SeedOnFirstStart = false
	cfg.Security.Argon2MemoryKiB = 8 * 1024 // fast hashing for tests
	return cfg
}

// startMain opens and serves a platform for cfg, closed at the end of the test.
func startMain(t testing.TB, cfg *config.Config, demo bool) *Main {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	m := NewMain(cfg, slog.New(slog.DiscardHandler))
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close(context.Background()) })
	if demo {
		if err := m.seedDemo(ctx, io.Discard, io.Discard, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Listen(); err != nil {
		t.Fatal(err)
	}
	return m
}

func httpGet(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
