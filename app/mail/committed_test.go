package mail_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
)

var errRefused = errors.New("commit refused")

// committed sends through sender and tells whether the relay had the
// message when commit ran: it must not have it yet.
func sendCommitted(t *testing.T, sender mail.Sender, seen func() int, commitErr error) error {
	t.Helper()
	calls := 0
	err := sender.SendCommitted(context.Background(), sampleMessage("n-1"), func(context.Context) error {
		calls++
		if seen() != 0 {
			t.Error("the message was delivered before commit")
		}
		return commitErr
	})
	if calls != 1 {
		t.Errorf("commit called %d times, want 1", calls)
	}
	return err
}

func TestSMTPSendCommitted(t *testing.T) {
	server := mailtest.Start(t)
	sender := newSMTP(t, server, nil)
	count := func() int { return len(server.Messages()) }
	if err := sendCommitted(t, sender, count, errRefused); !errors.Is(err, errRefused) {
		t.Fatalf("refused commit: %v", err)
	}
	server.FailNext(1, 550)
	if err := sendCommitted(t, sender, count, nil); err == nil || !mail.IsPermanent(err) {
		t.Fatalf("a 550 after commit must be a permanent error: %v", err)
	}
	server.FailNext(1, 451)
	if err := sendCommitted(t, sender, count, nil); err == nil || mail.IsPermanent(err) {
		t.Fatalf("a 451 after commit must be a temporary error: %v", err)
	}
	if err := sendCommitted(t, sender, count, nil); err != nil {
		t.Fatal(err)
	}
	got := server.WaitFor(1, waitTime)
	checkSample(t, got[0], sampleMessage("n-1"))
	if len(server.Messages()) != 1 {
		t.Fatalf("%d messages, want only the committed one", len(server.Messages()))
	}
}

func TestOutboxSendCommitted(t *testing.T) {
	outbox, err := mail.NewOutbox(filepath.Join(t.TempDir(), "outbox"), from)
	if err != nil {
		t.Fatal(err)
	}
	count := func() int { return len(mailtest.ReadOutbox(t, outbox.Dir())) }
	if err := sendCommitted(t, outbox, count, errRefused); !errors.Is(err, errRefused) {
		t.Fatalf("refused commit: %v", err)
	}
	if err := sendCommitted(t, outbox, count, nil); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(outbox.Dir(), "*")); len(files) != 1 {
		t.Fatalf("outbox holds %v, want one message and no temporary file", files)
	}
}
