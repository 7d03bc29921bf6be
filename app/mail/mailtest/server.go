package mailtest

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"log"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Server is a real SMTP server on a random 127.0.0.1 port, stopped when the
// test ends.
type Server struct {
	t        testing.TB
	cfg      config
	smtp     *smtp.Server
	listener net.Listener
	roots    *x509.CertPool

	mu       sync.Mutex
	messages []Received
	changed  chan struct{} // closed and replaced whenever messages grows
	failures []*smtp.SMTPError
}

// Start runs a server until the test ends.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := &Server{t: t, changed: make(chan struct{})}
	for _, opt := range opts {
		opt(&s.cfg)
	}
	s.smtp = s.newSMTPServer()
	s.listener = s.listen()
	go s.smtp.Serve(s.listener) //nolint:errcheck // returns ErrServerClosed on Stop
	t.Cleanup(s.Stop)
	return s
}

func (s *Server) newSMTPServer() *smtp.Server {
	srv := smtp.NewServer(smtp.BackendFunc(s.newSession))
	srv.Domain = "localhost"
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.MaxMessageBytes = 10 << 20
	// Connection resets by clients are normal in tests; logging them after the
	// test ended would also race with testing's completion.
	srv.ErrorLog = log.New(io.Discard, "", 0)
	if s.cfg.startTLS || s.cfg.implicitTLS {
		cert, roots := selfSigned(s.t)
		s.roots = roots
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	return srv
}

func (s *Server) listen() net.Listener {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.t.Fatalf("mailtest: listen: %v", err)
	}
	if s.cfg.implicitTLS {
		return tls.NewListener(l, s.smtp.TLSConfig)
	}
	return l
}

// Addr is host:port.
func (s *Server) Addr() string { return s.listener.Addr().String() }

// Host is the listening IP.
func (s *Server) Host() string { return "127.0.0.1" }

// Port is the random port chosen at start.
func (s *Server) Port() int { return s.listener.Addr().(*net.TCPAddr).Port }

// ClientTLSConfig trusts the server's self-signed certificate.
func (s *Server) ClientTLSConfig() *tls.Config {
	return &tls.Config{RootCAs: s.roots, ServerName: s.Host(), MinVersion: tls.VersionTLS12}
}

// Stop closes the listener and every connection; later dials are refused.
// Stopping twice is harmless.
func (s *Server) Stop() {
	_ = s.smtp.Close()
}

// FailNext makes the next n messages fail at the end of DATA with code
// (4xx: temporary, 5xx: permanent). Failed messages are not recorded.
func (s *Server) FailNext(n, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	class := uint8(code / 100)
	for range n {
		s.failures = append(s.failures, &smtp.SMTPError{
			Code:         code,
			EnhancedCode: smtp.EnhancedCode{int(class), 0, 0},
			Message:      "mailtest: failure " + strconv.Itoa(code) + " on request",
		})
	}
}

// Messages returns a copy of what was received so far, in arrival order.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.messages...)
}

// WaitFor waits until at least n messages arrived and returns them; it fails
// the test if they do not arrive in time.
func (s *Server) WaitFor(n int, timeout time.Duration) []Received {
	s.t.Helper()
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		count, changed := len(s.messages), s.changed
		s.mu.Unlock()
		if count >= n {
			return s.Messages()
		}
		select {
		case <-changed:
		case <-deadline:
			s.t.Fatalf("mailtest: %d messages received after %s, want %d", count, timeout, n)
		}
	}
}

// takeFailure pops the next planned failure, if any.
func (s *Server) takeFailure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.failures) == 0 {
		return nil
	}
	failure := s.failures[0]
	s.failures = s.failures[1:]
	return failure
}

func (s *Server) record(r Received) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = append(s.messages, r)
	close(s.changed)
	s.changed = make(chan struct{})
}
