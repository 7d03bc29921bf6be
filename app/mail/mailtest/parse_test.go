package mailtest_test

import (
	"strings"
	"testing"

	"passerelle/app/mail/mailtest"
)

// These messages are written by hand, not by go-mail, so the parser is
// checked against the RFCs rather than against the builder it tests.

func TestParseBase64SinglePart(t *testing.T) {
	raw := "From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>\n" +
		"To: a@example.org, \"B\" <b@example.org>\n" +
		"Subject: =?UTF-8?B?w4l0w6kgw6AgQ2xpY2h5?=\n" +
		"Content-Type: text/plain; charset=utf-8\n" +
		"Content-Transfer-Encoding: base64\n\n" +
		"w4l0w6kgw6AgQ2xpY2h5\r\nIQ==\n"
	got, err := mailtest.Parse([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != "Été à Clichy" || got.Text != "Été à Clichy!" {
		t.Errorf("subject %q text %q", got.Subject, got.Text)
	}
	if got.From != "andre@example.org" || strings.Join(got.To, ",") != "a@example.org,b@example.org" {
		t.Errorf("from %q to %q", got.From, got.To)
	}
}

func TestParseNestedMultipart(t *testing.T) {
	raw := strings.Join([]string{
		"Subject: plain ascii",
		`Content-Type: multipart/mixed; boundary="outer"`,
		"",
		"--outer",
		`Content-Type: multipart/alternative; boundary="inner"`,
		"",
		"--inner",
		"Content-Transfer-Encoding: quoted-printable",
		"",
		"caf=C3=A9 =",
		"cr=C3=A8me",
		"--inner",
		"Content-Type: text/html; charset=utf-8",
		"",
		"<b>café</b>",
		"--inner--",
		"--outer",
		"Content-Type: application/octet-stream",
		"Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.txt",
		"Content-Transfer-Encoding: base64",
		"",
		"AAEC/w==",
		"--outer--",
		"",
	}, "\r\n")
	got, err := mailtest.Parse([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "café crème" || got.HTML != "<b>café</b>" {
		t.Errorf("text %q html %q", got.Text, got.HTML)
	}
	if len(got.Attachments) != 1 || got.Attachments[0].Filename != "résumé.txt" ||
		string(got.Attachments[0].Data) != "\x00\x01\x02\xff" {
		t.Errorf("attachments %+v", got.Attachments)
	}
}

func TestParseRefusesBrokenMessages(t *testing.T) {
	cases := map[string]string{
		"bad base64":          "Content-Transfer-Encoding: base64\n\n!!!!",
		"bad header line":     "Subject x\n\nbody",
		"no boundary":         "Content-Type: multipart/mixed\n\nbody",
		"bad content type":    "Content-Type: text/\n\nbody",
		"bad address":         "From: <not an address\n\nbody",
		"truncated multipart": "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhalf",
	}
	for name, raw := range cases {
		if _, err := mailtest.Parse([]byte(raw)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("Subject: =?UTF-8?q?caf=C3=A9?=\n\nhello"))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Transfer-Encoding: base64\n\nAAEC\n--b--\n"))
	f.Add([]byte(strings.Repeat("Content-Type: multipart/mixed; boundary=b\n\n--b\n", 12)))
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := mailtest.Parse(raw)
		if err == nil && len(got.Raw) != len(raw) {
			t.Errorf("Raw keeps %d bytes of %d", len(got.Raw), len(raw))
		}
	})
}
