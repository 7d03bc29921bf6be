package mail_test

import (
	"context"
	"path/filepath"
	"testing"

	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
)

// Run with: go test -run XXX -bench . ./app/mail/
// The jobs' digests need the delivery rate to a local relay.

func BenchmarkSMTPSend(b *testing.B) {
	server := mailtest.Start(b)
	sender, err := mail.NewSMTP(mail.SMTPConfig{Host: server.Host(), Port: server.Port(), TLS: mail.TLSNone, From: from})
	if err != nil {
		b.Fatal(err)
	}
	benchmarkSend(b, sender)
}

func BenchmarkOutboxSend(b *testing.B) {
	outbox, err := mail.NewOutbox(filepath.Join(b.TempDir(), "outbox"), from)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkSend(b, outbox)
}

func benchmarkSend(b *testing.B, sender mail.Sender) {
	msg := sampleMessage("")
	for b.Loop() {
		if err := sender.Send(context.Background(), msg); err != nil {
			b.Fatal(err)
		}
	}
}
