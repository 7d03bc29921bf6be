package mail_test

import (
	"context"
	"errors"
	"mime"
	"strings"
	"testing"
	"unicode/utf8"

	"passerelle/app/domain"
	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
)

// FuzzOutboxRoundTrip checks that whatever a caller puts in a message either
// is refused with a domain error or comes back unchanged from the file.
func FuzzOutboxRoundTrip(f *testing.F) {
	f.Add("Votre sélection « été »", "Bonjour Léa,\n=C3=A9 a=b", "<p>café</p>", "<https://x.fr/u?t=1>", "job:1/2")
	f.Add(strings.Repeat("é", 80), "\n.\n..\nFrom me", "", "", "")
	f.Fuzz(func(t *testing.T, subject, text, html, header, id string) {
		if !utf8.ValidString(subject + text + html + header) {
			t.Skip("messages are built from UTF-8 strings")
		}
		if strings.Contains(subject+header, "=?") {
			t.Skip("RFC 2047: plain ASCII that looks like an encoded-word is decoded by every reader")
		}
		outbox, err := mail.NewOutbox(t.TempDir(), from)
		if err != nil {
			t.Fatal(err)
		}
		msg := mail.Message{To: []mail.Address{{Email: "a@example.org"}}, Subject: subject, Text: text, HTML: html,
			Headers: map[string]string{"X-Test": header}, ID: id}
		err = outbox.Send(context.Background(), msg)
		var appErr *domain.Error
		if errors.As(err, &appErr) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkRoundTrip(t, mailtest.ReadOutbox(t, outbox.Dir())[0], msg)
	})
}

func checkRoundTrip(t *testing.T, got mailtest.Received, want mail.Message) {
	t.Helper()
	header, err := new(mime.WordDecoder).DecodeHeader(got.Headers.Get("X-Test"))
	if err != nil {
		t.Fatal(err)
	}
	// Readers drop the blanks around a header value; only encoded-words keep them.
	if trim(got.Subject) != trim(want.Subject) || trim(header) != trim(want.Headers["X-Test"]) {
		t.Errorf("headers: subject %q X-Test %q, want %q %q", got.Subject, header, want.Subject, want.Headers["X-Test"])
	}
	if got.Text != normalize(want.Text) || got.HTML != normalize(want.HTML) {
		t.Errorf("bodies %q / %q, want %q / %q", got.Text, got.HTML, want.Text, want.HTML)
	}
}

// normalize applies what MIME does to text: every line end, even a lone
// CR, becomes CRLF, which the parser turns back into '\n'.
func normalize(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func trim(s string) string { return strings.Trim(s, " \t") }
