package mail_test

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
)

const waitTime = 10 * time.Second

func newSMTP(t *testing.T, server *mailtest.Server, edit func(*mail.SMTPConfig)) *mail.SMTP {
	t.Helper()
	cfg := mail.SMTPConfig{
		Host: server.Host(), Port: server.Port(), TLS: mail.TLSNone, From: from,
		Timeout: 5 * time.Second, HeloName: "passerelle.test",
	}
	if edit != nil {
		edit(&cfg)
	}
	sender, err := mail.NewSMTP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sender.Close() })
	return sender
}

func withTLS(server *mailtest.Server, mode string) func(*mail.SMTPConfig) {
	return func(cfg *mail.SMTPConfig) {
		cfg.TLS, cfg.TLSConfig = mode, server.ClientTLSConfig()
		cfg.Username, cfg.Password = "relay", "s3cret é"
	}
}

func sendSample(t *testing.T, sender mail.Sender, server *mailtest.Server, id string) mailtest.Received {
	t.Helper()
	want := sampleMessage(id)
	if err := sender.Send(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	got := server.WaitFor(1, waitTime)[0]
	checkSample(t, got, want)
	return got
}

func TestSMTPPlain(t *testing.T) {
	server := mailtest.Start(t)
	got := sendSample(t, newSMTP(t, server, nil), server, "offer-17@passerelle92.fr")
	checkMessageID(t, got, "<offer-17@passerelle92.fr>")
	if got.MailFrom != from.Email || len(got.RcptTo) != 1 || got.RcptTo[0] != "lea.dupre@example.org" {
		t.Errorf("envelope %q → %q", got.MailFrom, got.RcptTo)
	}
	if got.TLS || got.AuthUser != "" {
		t.Errorf("plain session reported TLS=%v user=%q", got.TLS, got.AuthUser)
	}
}

func TestSMTPStartTLSWithAuth(t *testing.T) {
	server := mailtest.Start(t, mailtest.WithSTARTTLS(), mailtest.WithAuth("relay", "s3cret é"))
	got := sendSample(t, newSMTP(t, server, withTLS(server, mail.TLSStartTLS)), server, "")
	if !got.TLS || got.AuthUser != "relay" {
		t.Errorf("session TLS=%v user=%q, want TLS as relay", got.TLS, got.AuthUser)
	}
}

func TestSMTPImplicitTLSWithAuth(t *testing.T) {
	server := mailtest.Start(t, mailtest.WithImplicitTLS(), mailtest.WithAuth("relay", "s3cret é"))
	got := sendSample(t, newSMTP(t, server, withTLS(server, mail.TLSImplicit)), server, "")
	if !got.TLS || got.AuthUser != "relay" {
		t.Errorf("session TLS=%v user=%q, want TLS as relay", got.TLS, got.AuthUser)
	}
}

// "starttls" must not quietly fall back to plain text when the server does
// not offer it: the password would travel in clear.
func TestSMTPStartTLSIsMandatory(t *testing.T) {
	server := mailtest.Start(t)
	sender := newSMTP(t, server, withTLS(server, mail.TLSStartTLS))
	if err := sender.Ready(context.Background()); err == nil {
		t.Fatal("Ready succeeded without STARTTLS")
	}
	if err := sender.Send(context.Background(), sampleMessage("")); err == nil {
		t.Fatal("Send succeeded without STARTTLS")
	}
	if n := len(server.Messages()); n != 0 {
		t.Errorf("%d messages delivered in clear", n)
	}
}

func TestSMTPRefusesUntrustedCertificate(t *testing.T) {
	server := mailtest.Start(t, mailtest.WithSTARTTLS())
	sender := newSMTP(t, server, func(cfg *mail.SMTPConfig) {
		cfg.TLS, cfg.TLSConfig = mail.TLSStartTLS, &tls.Config{MinVersion: tls.VersionTLS12}
	})
	if err := sender.Ready(context.Background()); err == nil {
		t.Fatal("Ready trusted a self-signed certificate")
	}
}

func TestSMTPWithoutCredentialsIsRefused(t *testing.T) {
	server := mailtest.Start(t, mailtest.WithSTARTTLS(), mailtest.WithAuth("relay", "s3cret é"))
	sender := newSMTP(t, server, func(cfg *mail.SMTPConfig) {
		cfg.TLS, cfg.TLSConfig = mail.TLSStartTLS, server.ClientTLSConfig()
	})
	if err := sender.Send(context.Background(), sampleMessage("")); err == nil {
		t.Fatal("Send without credentials succeeded")
	}
	if n := len(server.Messages()); n != 0 {
		t.Errorf("%d messages accepted without credentials", n)
	}
}

func TestSMTPReady(t *testing.T) {
	server := mailtest.Start(t, mailtest.WithSTARTTLS(), mailtest.WithAuth("relay", "s3cret é"))
	sender := newSMTP(t, server, withTLS(server, mail.TLSStartTLS))
	if err := sender.Ready(context.Background()); err != nil {
		t.Fatalf("Ready: %v", err)
	}
	wrongPassword := newSMTP(t, server, func(cfg *mail.SMTPConfig) {
		withTLS(server, mail.TLSStartTLS)(cfg)
		cfg.Password = "wrong"
	})
	if err := wrongPassword.Ready(context.Background()); err == nil {
		t.Error("Ready succeeded with a wrong password")
	}
	// Once the operator fixes the password, the messages must still go out.
	if err := wrongPassword.Send(context.Background(), sampleMessage("")); err == nil || mail.IsPermanent(err) {
		t.Errorf("Send with a wrong password = %v, want a temporary error", err)
	}
	server.Stop()
	err := sender.Ready(context.Background())
	if err == nil {
		t.Fatal("Ready succeeded with the server stopped")
	}
	if err := sender.Send(context.Background(), sampleMessage("")); err == nil || mail.IsPermanent(err) {
		t.Errorf("Send to a stopped server = %v, want a temporary error", err)
	}
}

// A relay that accepts the connection but never greets must not hang a
// digest run: the configured timeout ends the attempt.
func TestSMTPTimesOut(t *testing.T) {
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { silent.Close() })
	go func() {
		var held []net.Conn // kept open, unanswered, until the listener closes
		for {
			conn, err := silent.Accept()
			if err != nil {
				for _, c := range held {
					c.Close()
				}
				return
			}
			held = append(held, conn)
		}
	}()
	sender, err := mail.NewSMTP(mail.SMTPConfig{Host: "127.0.0.1", Port: silent.Addr().(*net.TCPAddr).Port,
		TLS: mail.TLSNone, From: from, Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := sender.Ready(context.Background()); err == nil {
		t.Fatal("Ready succeeded against a silent server")
	}
	if err := sender.Send(context.Background(), sampleMessage("")); err == nil || mail.IsPermanent(err) {
		t.Fatalf("Send to a silent server = %v, want a temporary error", err)
	}
}

func TestSMTPFailuresAreClassified(t *testing.T) {
	server := mailtest.Start(t)
	sender := newSMTP(t, server, nil)
	cases := []struct {
		code      int
		permanent bool
	}{{451, false}, {421, false}, {550, true}, {554, true}}
	for _, tc := range cases {
		server.FailNext(1, tc.code)
		err := sender.Send(context.Background(), sampleMessage(""))
		if err == nil {
			t.Fatalf("Send succeeded although the server answered %d", tc.code)
		}
		if mail.IsPermanent(err) != tc.permanent {
			t.Errorf("reply %d: IsPermanent = %v, want %v (%v)", tc.code, !tc.permanent, tc.permanent, err)
		}
	}
	// The retry of a temporary failure keeps its Message-ID.
	server.FailNext(1, 451)
	msg := sampleMessage("digest-9@passerelle92.fr")
	if err := sender.Send(context.Background(), msg); mail.IsPermanent(err) || err == nil {
		t.Fatalf("first try = %v, want a temporary error", err)
	}
	if err := sender.Send(context.Background(), msg); err != nil {
		t.Fatalf("retry: %v", err)
	}
	got := server.WaitFor(1, waitTime)
	if len(got) != 1 {
		t.Fatalf("%d messages recorded, want only the retry", len(got))
	}
	checkMessageID(t, got[0], "<digest-9@passerelle92.fr>")
}

func TestSMTPSendsConcurrently(t *testing.T) {
	server := mailtest.Start(t)
	sender := newSMTP(t, server, nil)
	const senders = 20
	errs := make(chan error, senders)
	for range senders {
		go func() { errs <- sender.Send(context.Background(), sampleMessage("")) }()
	}
	for range senders {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]bool{}
	for _, r := range server.WaitFor(senders, waitTime) {
		ids[r.Headers.Get("Message-Id")] = true
	}
	if len(ids) != senders {
		t.Errorf("%d distinct Message-IDs, want %d", len(ids), senders)
	}
}

func TestSMTPConfigIsValidated(t *testing.T) {
	valid := mail.SMTPConfig{Host: "smtp.example.org", Port: 587, TLS: mail.TLSStartTLS, From: from}
	cases := map[string]struct {
		edit  func(*mail.SMTPConfig)
		field string
	}{
		"no host":     {func(c *mail.SMTPConfig) { c.Host = "" }, "smtp_host"},
		"port zero":   {func(c *mail.SMTPConfig) { c.Port = 0 }, "smtp_port"},
		"port 70000":  {func(c *mail.SMTPConfig) { c.Port = 70000 }, "smtp_port"},
		"unknown tls": {func(c *mail.SMTPConfig) { c.TLS = "ssl" }, "smtp_tls"},
		"negative":    {func(c *mail.SMTPConfig) { c.Timeout = -time.Second }, "smtp_timeout"},
		"no sender":   {func(c *mail.SMTPConfig) { c.From = mail.Address{} }, "from"},
	}
	if _, err := mail.NewSMTP(valid); err != nil {
		t.Fatalf("valid config refused: %v", err)
	}
	for name, tc := range cases {
		cfg := valid
		tc.edit(&cfg)
		_, err := mail.NewSMTP(cfg)
		var appErr *domain.Error
		if !errors.As(err, &appErr) || appErr.Code != domain.EINVALID || appErr.Field != tc.field {
			t.Errorf("%s: NewSMTP = %v, want invalid %s", name, err, tc.field)
		}
	}
}
