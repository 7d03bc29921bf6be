// Package signaturetest signs documents in tests as the parties do: from
// the link and the code emailed to them, read on a real SMTP server.
package signaturetest

import (
	"context"
	"regexp"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/signature"
)

var (
	linkRE = regexp.MustCompile(`/signature/([A-Za-z0-9-]+\.[0-9]+\.[0-9a-f]{64})`)
	codeRE = regexp.MustCompile(`: ([0-9]{6})\b`)
)

// Last returns re's first group in the newest email to addr among msgs
// (oldest first: an SMTP server's, or an outbox folder's).
func Last(t testing.TB, msgs []mailtest.Received, addr string, re *regexp.Regexp) string {
	t.Helper()
	for i := len(msgs) - 1; i >= 0; i-- {
		if len(msgs[i].To) > 0 && msgs[i].To[0] == addr {
			if m := re.FindStringSubmatch(msgs[i].Text); m != nil {
				return m[1]
			}
		}
	}
	t.Fatalf("no email to %s matching %s", addr, re)
	return ""
}

// Link returns the token of the newest signing link emailed to addr.
func Link(t testing.TB, msgs []mailtest.Received, addr string) string {
	return Last(t, msgs, addr, linkRE)
}

// Code returns the newest one-time code emailed to addr.
func Code(t testing.TB, msgs []mailtest.Received, addr string) string {
	return Last(t, msgs, addr, codeRE)
}

// Sign signs as the party of addr, from their newest link: asks for a
// code, reads it and signs under name.
func Sign(t testing.TB, svc *signature.Service, mails *mailtest.Server, addr, name string) *domain.SignatureRequest {
	t.Helper()
	ctx := context.Background()
	token := Link(t, mails.Messages(), addr)
	if err := svc.SendCode(ctx, token, "192.0.2.10"); err != nil {
		t.Fatalf("code for %s: %v", addr, err)
	}
	r, err := svc.Sign(ctx, token, signature.Input{Name: name, Consent: true, Code: Code(t, mails.Messages(), addr),
		IP: "192.0.2.10", UserAgent: "signaturetest"})
	if err != nil {
		t.Fatalf("signature of %s: %v", addr, err)
	}
	return r
}
