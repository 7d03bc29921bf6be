package account

import (
	"testing"
	"unsafe"

	"passerelle/app/i18n"
)

// A link email is sent after the request that asked for it has ended, while
// the web server reuses that request's buffers: the message must own the
// address it was given, not point into them.
func TestLinkMailOwnsItsAddress(t *testing.T) {
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	buf := []byte("collegue@atelier.test")
	borrowed := unsafe.String(&buf[0], len(buf)) // as Fiber hands out form values
	msg, err := linkMail{kind: "invite", to: borrowed, locale: "fr", link: "http://passerelle.test/invitations/x",
		args: []any{"Léa", "Atelier"}}.message(catalog)
	if err != nil {
		t.Fatal(err)
	}
	copy(buf, "zzzzzzzzzzzzzzzzzzzzz") // the next request on the connection
	if got := msg.To[0].Email; got != "collegue@atelier.test" {
		t.Fatalf("the message goes to %q", got)
	}
}
