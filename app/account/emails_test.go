package account

import (
	"testing"
	"unsafe"
)

// A link email is sent after the request that asked for it has ended, while
// the web server reuses that request's buffers: the notice must own the
// address and the texts it was given, not point into them.
func TestLinkMailOwnsWhatItWasGiven(t *testing.T) {
	buf := []byte("collegue@atelier.test|Léa")
	borrowed := unsafe.String(&buf[0], len(buf)) // as Fiber hands out form values
	n := linkMail{kind: "invite", to: borrowed[:21], locale: "fr", link: "http://passerelle.test/invitations/x",
		args: []any{borrowed[22:], 7}}.notice()
	copy(buf, "zzzzzzzzzzzzzzzzzzzzzzzzzz") // the next request on the connection
	if n.To.Email != "collegue@atelier.test" || n.Args[0] != "Léa" || n.Args[1] != 7 {
		t.Fatalf("the notice now reads %q %v", n.To.Email, n.Args)
	}
	if n.Text != "mail.invite" || n.Link != "http://passerelle.test/invitations/x" {
		t.Errorf("notice %+v", n)
	}
}
