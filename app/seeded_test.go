package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"passerelle/app/config"
	"passerelle/app/store/storetest"
)

// seededDemo is a platform's data folder right after `seed --demo` (the
// database, the search index) and the seed's report with the demo accounts'
// passwords. Seeding costs tens of seconds under the race detector, so each
// test binary seeds once and every journey starts from a copy of the folder.
type seededDemo struct {
	files  map[string][]byte // by path inside the data folder
	report string
}

var seeded = sync.OnceValues(seedOnce)

func seedOnce() (seededDemo, error) {
	dir, err := os.MkdirTemp("", "passerelle-demo-")
	if err != nil {
		return seededDemo{}, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	m := NewMain(testConfigIn(dir), slog.New(slog.DiscardHandler))
	if err := m.Open(ctx); err != nil {
		return seededDemo{}, err
	}
	var report bytes.Buffer
	err = m.seedDemo(ctx, &report, io.Discard, 1)
	if closeErr := m.Close(ctx); err == nil { // closing folds the database's journal into its files
		err = closeErr
	}
	if err != nil {
		return seededDemo{}, err
	}
	files, err := storetest.ReadFiles(dir)
	return seededDemo{files: files, report: report.String()}, err
}

// seededConfig is testConfig whose data folder holds a copy of the seeded
// demo platform; it returns the seed's report too.
func seededConfig(t testing.TB) (*config.Config, string) {
	t.Helper()
	demo, err := seeded()
	if err != nil {
		t.Fatalf("demo data: %v", err)
	}
	dir := t.TempDir()
	storetest.WriteFiles(t, dir, demo.files)
	return testConfigIn(dir), demo.report
}
