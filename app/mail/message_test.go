package mail_test

import (
	"bytes"
	"strings"
	"testing"

	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
)

var from = mail.Address{Name: "Passerelle 92", Email: "ne-pas-repondre@passerelle92.fr"}

// invitation is an .ics as the visit reminders will attach it.
var invitation = []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n" +
	"SUMMARY:Visite de l'atelier de pâtisserie\r\nDTSTART:20261202T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")

// sampleMessage uses every feature at once, with the accents, long lines and
// '=' signs that break naive encoders.
func sampleMessage(id string) mail.Message {
	return mail.Message{
		To:      []mail.Address{{Name: "Léa Dupré", Email: "lea.dupre@example.org"}},
		Subject: "Votre sélection d'offres « métiers de bouche » – été 2027",
		Text:    "Bonjour Léa,\n\nDécouvrez 3 nouvelles offres près de Nanterre : apprentie pâtissière, équipière…\n" + strings.Repeat("très long paragraphe ", 10) + "a=b",
		HTML:    `<p>Bonjour Léa,</p><p>Découvrez <a href="https://passerelle92.fr/offres?tri=récent&amp;p=2">3 offres</a></p>`,
		Headers: map[string]string{
			"List-Unsubscribe":      "<https://passerelle92.fr/desabonnement?t=abc123>",
			"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		},
		Attachments: []mail.Attachment{
			{Filename: "visite.ics", ContentType: "text/calendar; method=REQUEST", Data: invitation},
			{Filename: "programme été.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4\x00\xff\xfe binary")},
		},
		ID: id,
	}
}

// checkSample compares what a recipient gets with what was sent.
func checkSample(t *testing.T, got mailtest.Received, want mail.Message) {
	t.Helper()
	if got.Subject != want.Subject {
		t.Errorf("subject = %q, want %q", got.Subject, want.Subject)
	}
	if got.Text != want.Text || got.HTML != want.HTML {
		t.Errorf("bodies = %q / %q, want %q / %q", got.Text, got.HTML, want.Text, want.HTML)
	}
	if got.From != from.Email || len(got.To) != 1 || got.To[0] != want.To[0].Email {
		t.Errorf("from %q to %q, want %q to %q", got.From, got.To, from.Email, want.To[0].Email)
	}
	for name, value := range want.Headers {
		if got.Headers.Get(name) != value {
			t.Errorf("header %s = %q, want %q", name, got.Headers.Get(name), value)
		}
	}
	checkAttachments(t, got.Attachments, want.Attachments)
}

func checkAttachments(t *testing.T, got, want []mail.Attachment) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d attachments, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Filename != want[i].Filename || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("attachment %d = %q (%d bytes), want %q (%d bytes)",
				i, got[i].Filename, len(got[i].Data), want[i].Filename, len(want[i].Data))
		}
		if !strings.HasPrefix(got[i].ContentType, want[i].ContentType) {
			t.Errorf("attachment %d type = %q, want %q…", i, got[i].ContentType, want[i].ContentType)
		}
	}
}

func checkMessageID(t *testing.T, got mailtest.Received, want string) {
	t.Helper()
	if id := got.Headers.Get("Message-Id"); id != want {
		t.Errorf("Message-ID = %q, want %q", id, want)
	}
}
