package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// embedded is an in-process FerretDB serving MongoDB's wire protocol over
// SQLite files in the data folder.
type embedded struct {
	dir    string // the SQLite files, one per database
	uri    string
	cancel context.CancelFunc
	done   chan struct{}
	syncs  atomic.Int64 // files flushed by sync, for tests
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
	// FerretDB writes SQLite in WAL mode; synchronous(normal) lets a commit
	// return without waiting for the disk (SQLite's advice for WAL): a
	// process crash loses nothing, a power cut can only drop the last
	// commits, in order, which the repair jobs mend like a crash between two
	// writes. Each write waited about 2 ms for the disk on the single
	// connection, which capped bookings. What must not be undone once
	// something left the platform (an email's send commit) calls sync.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + filepath.ToSlash(dir) + "/?_pragma=synchronous(normal)",
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

// sync puts on disk every commit of database name so far: fsync flushes a
// file's data whoever wrote it, so syncing the write-ahead log (then the
// database, which checkpoints fill) makes FerretDB's commits durable. A
// missing log means none is pending. It does nothing on a nil receiver.
func (e *embedded) sync(name string) error {
	if e == nil {
		return nil
	}
	base := filepath.Join(e.dir, name+".sqlite")
	for _, file := range []string{base + "-wal", base} {
		f, err := os.Open(file)
		if errors.Is(err, os.ErrNotExist) && file != base {
			continue
		}
		if err != nil {
			return fmt.Errorf("store: sync %s: %w", file, err)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("store: sync %s: %w", file, err)
		}
		e.syncs.Add(1)
	}
	return nil
}
