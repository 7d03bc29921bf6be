package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// embedded is an in-process FerretDB serving MongoDB's wire protocol over
// SQLite files in the data folder.
type embedded struct {
	dir    string // the SQLite files, one per database
	uri    string
	cancel context.CancelFunc
	done   chan struct{}
}

// EmbeddedDir is the folder of the embedded database's files in dataDir.
func EmbeddedDir(dataDir string) string { return filepath.Join(dataDir, "db") }

func startEmbedded(dataDir string, logger *slog.Logger) (*embedded, error) {
	if dataDir == "" {
		return nil, errors.New("store: the embedded database needs a data folder")
	}
	dir := EmbeddedDir(dataDir)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: embedded database folder: %w", err)
	}
	// In v1.24 New already listens, so MongoDBURI cannot deadlock waiting for
	// Run (the package doc's warning is older); New also turns telemetry off.
	// FerretDB warns with a full wire dump on every error reply (a duplicate
	// key, a client's endSessions at disconnect): only its errors reach us.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + filepath.ToSlash(dir) + "/",
		Logger:    slog.New(minLevel(logger.Handler(), slog.LevelError)).With("component", "ferretdb"),
	})
	if err != nil {
		return nil, fmt.Errorf("store: start embedded database in %s: %w", dir, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	e := &embedded{dir: dir, uri: f.MongoDBURI(), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(e.done)
		_ = f.Run(ctx) // always nil: it only returns once ctx is cancelled
	}()
	return e, nil
}

// stop cancels FerretDB and waits until its listener, connections and SQLite
// files are closed; it does nothing on a nil receiver.
func (e *embedded) stop() {
	if e == nil {
		return
	}
	e.cancel()
	<-e.done
}
