package mail_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
)

func newOutbox(t *testing.T) *mail.Outbox {
	t.Helper()
	outbox, err := mail.NewOutbox(filepath.Join(t.TempDir(), "outbox"), from)
	if err != nil {
		t.Fatal(err)
	}
	return outbox
}

func TestOutboxWritesParseableMessage(t *testing.T) {
	outbox := newOutbox(t)
	want := sampleMessage("digest-youth:42:2026-W48")
	if err := outbox.Send(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	got := mailtest.ReadOutbox(t, outbox.Dir())
	if len(got) != 1 {
		t.Fatalf("%d files in the outbox, want 1", len(got))
	}
	checkSample(t, got[0], want)
	checkMessageID(t, got[0], "<digest-youth-42-2026-W48@passerelle92.fr>")
	checkWireFormat(t, got[0])
	if name := filepath.Base(got[0].File); !strings.HasSuffix(name, "-digest-youth-42-2026-W48@passerelle92.fr.eml") {
		t.Errorf("file name %q does not end with the message id", name)
	}
}

func TestOutboxLeavesOnlyCompleteFiles(t *testing.T) {
	outbox := newOutbox(t)
	for i := range 5 {
		if err := outbox.Send(context.Background(), sampleMessage(fmt.Sprint("m", i))); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(outbox.Dir())
	if err != nil {
		t.Fatal(err)
	}
	for _, entry := range entries {
		if !strings.HasSuffix(entry.Name(), ".eml") {
			t.Errorf("unexpected file %q left in the outbox", entry.Name())
		}
	}
	if len(entries) != 5 {
		t.Errorf("%d files, want 5", len(entries))
	}
}

// A resend with the same ID must stay visible: hiding it would hide the very
// duplicate the jobs' exactly-once tests look for.
func TestOutboxKeepsResendsWithSameID(t *testing.T) {
	outbox := newOutbox(t)
	for range 3 {
		if err := outbox.Send(context.Background(), sampleMessage("same")); err != nil {
			t.Fatal(err)
		}
	}
	if got := mailtest.ReadOutbox(t, outbox.Dir()); len(got) != 3 {
		t.Errorf("%d files after 3 sends with one ID, want 3", len(got))
	}
}

func TestOutboxConcurrentSendsAreDistinct(t *testing.T) {
	outbox := newOutbox(t)
	const senders = 50
	var wg sync.WaitGroup
	errs := make(chan error, senders)
	for i := range senders {
		wg.Go(func() {
			msg := sampleMessage("")
			msg.Subject = fmt.Sprintf("Message n°%d", i)
			errs <- outbox.Send(context.Background(), msg)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	subjects, ids := map[string]bool{}, map[string]bool{}
	for _, r := range mailtest.ReadOutbox(t, outbox.Dir()) {
		subjects[r.Subject], ids[r.Headers.Get("Message-Id")] = true, true
	}
	if len(subjects) != senders || len(ids) != senders {
		t.Errorf("%d distinct subjects and %d distinct ids, want %d", len(subjects), len(ids), senders)
	}
}

func TestOutboxReady(t *testing.T) {
	outbox := newOutbox(t)
	if err := outbox.Ready(context.Background()); err != nil {
		t.Fatalf("Ready on a fresh outbox: %v", err)
	}
	// Root ignores permission bits, so make the folder unusable another way.
	if err := os.RemoveAll(outbox.Dir()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outbox.Dir(), []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := outbox.Ready(context.Background()); err == nil {
		t.Fatal("Ready succeeded although the outbox is a file")
	}
	if err := outbox.Send(context.Background(), sampleMessage("")); err == nil || mail.IsPermanent(err) {
		t.Fatalf("Send into a broken outbox = %v, want a temporary error", err)
	}
}

func TestInvalidMessagesAreRefused(t *testing.T) {
	outbox := newOutbox(t)
	cases := map[string]struct {
		edit  func(*mail.Message)
		key   string
		field string
	}{
		"no recipient":     {func(m *mail.Message) { m.To = nil }, "error.mail.recipient_required", "to"},
		"bad recipient":    {func(m *mail.Message) { m.To[0].Email = "léa@" }, "error.mail.address_invalid", "to"},
		"no subject":       {func(m *mail.Message) { m.Subject = " " }, "error.mail.subject_required", "subject"},
		"subject with CR":  {func(m *mail.Message) { m.Subject = "a\r\nBcc: x@y.fr" }, "error.mail.header_invalid", "subject"},
		"no body":          {func(m *mail.Message) { m.Text, m.HTML = "", "" }, "error.mail.body_required", "body"},
		"header injection": {func(m *mail.Message) { m.Headers["X-A"] = "1\nBcc: x@y.fr" }, "error.mail.header_invalid", "X-A"},
		"reserved header":  {func(m *mail.Message) { m.Headers["Content-Type"] = "text/plain" }, "error.mail.header_invalid", "Content-Type"},
		"bad header name":  {func(m *mail.Message) { m.Headers["X A"] = "1" }, "error.mail.header_invalid", "X A"},
		"long id":          {func(m *mail.Message) { m.ID = strings.Repeat("a", 201) }, "error.mail.id_too_long", "id"},
		"nameless file":    {func(m *mail.Message) { m.Attachments[0].Filename = "" }, "error.mail.attachment_invalid", "attachments"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			msg := sampleMessage("")
			tc.edit(&msg)
			err := outbox.Send(context.Background(), msg)
			var appErr *domain.Error
			if !errors.As(err, &appErr) || appErr.Message != tc.key || appErr.Field != tc.field {
				t.Fatalf("Send = %v, want %s on %s", err, tc.key, tc.field)
			}
			if !mail.IsPermanent(err) {
				t.Error("an invalid message is not classified permanent")
			}
		})
	}
	if files := mailtest.ReadOutbox(t, outbox.Dir()); len(files) != 0 {
		t.Errorf("%d files written for invalid messages", len(files))
	}
}

// checkWireFormat looks at the bytes themselves: 7-bit clean (so any relay
// passes them unchanged), subject in encoded-words, real alternatives, a Date.
func checkWireFormat(t *testing.T, got mailtest.Received) {
	t.Helper()
	if i := bytes.IndexFunc(got.Raw, func(r rune) bool { return r >= 0x80 }); i >= 0 {
		t.Errorf("8-bit byte at offset %d", i)
	}
	if !strings.HasPrefix(strings.TrimSpace(got.Headers.Get("Subject")), "=?UTF-8?q?") {
		t.Errorf("subject not in encoded-words: %q", got.Headers.Get("Subject"))
	}
	if !bytes.Contains(got.Raw, []byte("Content-Type: multipart/alternative")) {
		t.Error("text and HTML are not multipart/alternative")
	}
	if _, err := got.Headers.Date(); err != nil {
		t.Errorf("Date header: %v", err)
	}
}
