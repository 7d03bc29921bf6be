package notify_test

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

// The crash test runs a delivery in a child process (this test binary,
// re-executed in helper mode) and kills it with SIGKILL mid-way. The
// embedded database serves one process at a time: the parent closes it
// before the child starts and reopens it after the child died.

const (
	crashMessages = 200
	crashAt       = 60 // the message during which the child dies
	helperEnv     = "NOTIFY_CRASH_HELPER"
)

func TestCrashedDeliveryResumesExactlyOnce(t *testing.T) {
	for _, mode := range []string{"before_commit", "after_accept"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			storetest.Migrated(t, dir)
			withDB(t, dir, func(db *store.DB) {
				f := &fixture{db: db, clock: newClock(), cfg: notify.Config{BaseURL: baseURL, Secret: []byte("s")}}
				f.queue(t, newService(t, db, 1, f.cfg), summaries(crashMessages))
			})
			server := mailtest.Start(t)
			runAndKill(t, mode, dir, server)
			withDB(t, dir, func(db *store.DB) { resume(t, db, server) })
			checkOnceEach(t, server.Messages(), crashMessages)
		})
	}
}

// runAndKill starts the child and kills it: before_commit while it holds
// message crashAt written but not committed; after_accept right after the
// relay accepted message crashAt.
func runAndKill(t *testing.T, mode, dir string, server *mailtest.Server) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "NOTIFY_DATA_DIR="+dir, "NOTIFY_SMTP_PORT="+strconv.Itoa(server.Port()))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if mode == "before_commit" {
		waitForLine(t, stdout, "paused")
	} else {
		server.WaitFor(crashAt, time.Minute)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	received := len(server.Messages())
	if mode == "before_commit" && received != crashAt-1 || received >= crashMessages {
		t.Fatalf("%s: the relay has %d messages when the child died", mode, received)
	}
	t.Logf("%s: child killed after %d messages", mode, received)
}

func waitForLine(t *testing.T, stdout interface{ Read([]byte) (int, error) }, want string) {
	t.Helper()
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if lines.Text() == want {
			return
		}
	}
	t.Fatalf("the child ended without printing %q", want)
}

// resume delivers again once the dead child's claim has run out, as the
// next scheduled run would.
func resume(t *testing.T, db *store.DB, server *mailtest.Server) {
	later := func() time.Time { return time.Now().Add(10 * time.Minute) }
	svc := newService(t, db, server.Port(), notify.Config{BaseURL: baseURL, Secret: []byte("s"), SendRate: 1000, Now: later})
	deliver(t, svc)
	c, err := db.NotificationCounts(context.Background())
	if err != nil || c[domain.NotificationSent] != crashMessages {
		t.Fatalf("states after resuming: %v %v", c, err)
	}
}

func withDB(t *testing.T, dir string, use func(*store.DB)) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{DataDir: dir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	use(db)
}

// TestHelperProcess is the child of the crash test; run on its own it
// does nothing.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	port, _ := strconv.Atoi(os.Getenv("NOTIFY_SMTP_PORT"))
	withDB(t, os.Getenv("NOTIFY_DATA_DIR"), func(db *store.DB) {
		svc := newService(t, db, port, notify.Config{BaseURL: baseURL, Secret: []byte("s"), SendRate: 1000})
		if mode == "before_commit" {
			notify.SetBeforeCommit(svc, pauseAt(crashAt))
		}
		deliver(t, svc)
	})
	t.Fatal("the delivery finished before it was killed")
}

// pauseAt returns a hook that, at the nth commit, tells the parent and
// waits to be killed.
func pauseAt(n int) func(string) {
	count := 0
	return func(string) {
		if count++; count == n {
			fmt.Println("paused")
			select {}
		}
	}
}
