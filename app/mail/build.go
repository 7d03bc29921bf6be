package mail

import (
	"bytes"
	"passerelle/app/domain"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// buildMsg is the one place a Message becomes MIME: the SMTP sender and the
// outbox both write what it returns, so a message looks the same either way.
// It also returns the Message-ID, without angle brackets, to name outbox files.
func buildMsg(from Address, msg Message, now time.Time) (*gomail.Msg, string, error) {
	if err := validate(msg); err != nil {
		return nil, "", err
	}
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := setAddresses(m, from, msg.To); err != nil {
		return nil, "", err
	}
	m.Subject(msg.Subject)
	m.SetDateWithValue(now)
	id := messageID(msg.ID, from.Email)
	m.SetMessageIDWithValue(id)
	for name, value := range msg.Headers {
		m.SetGenHeader(gomail.Header(name), value)
	}
	setBody(m, msg)
	if err := attach(m, msg.Attachments); err != nil {
		return nil, "", err
	}
	return m, id, nil
}

func setAddresses(m *gomail.Msg, from Address, to []Address) error {
	if err := m.FromFormat(from.Name, from.Email); err != nil {
		return invalid("address_invalid", "from")
	}
	for _, rcpt := range to {
		if err := m.AddToFormat(rcpt.Name, rcpt.Email); err != nil {
			return invalid("address_invalid", "to")
		}
	}
	return nil
}

// setBody makes multipart/alternative when both versions exist, plain text
// first so that clients prefer the HTML one (RFC 2046 §5.1.4).
func setBody(m *gomail.Msg, msg Message) {
	switch {
	case msg.Text != "" && msg.HTML != "":
		m.SetBodyString(gomail.TypeTextPlain, msg.Text)
		m.AddAlternativeString(gomail.TypeTextHTML, msg.HTML)
	case msg.HTML != "":
		m.SetBodyString(gomail.TypeTextHTML, msg.HTML)
	default:
		m.SetBodyString(gomail.TypeTextPlain, msg.Text)
	}
}

func attach(m *gomail.Msg, files []Attachment) error {
	for _, file := range files {
		contentType := gomail.ContentType(file.ContentType)
		err := m.AttachReader(file.Filename, bytes.NewReader(file.Data), gomail.WithFileContentType(contentType))
		if err != nil {
			return invalid("attachment_invalid", "attachments")
		}
	}
	return nil
}

// messageID makes a valid msg-id (RFC 5322 §3.6.4) from the caller's ID, or a
// random one: the caller's ID may be any idempotency key, so characters a
// msg-id cannot hold become '-', and the sender's domain is added when the ID
// has none.
func messageID(id, fromEmail string) string {
	if id == "" {
		id = domain.NewID("")
	}
	left, right, found := strings.Cut(id, "@")
	if !found {
		_, right, _ = strings.Cut(fromEmail, "@")
	}
	if right == "" {
		right = "localhost"
	}
	return dotAtom(left) + "@" + dotAtom(right)
}

// dotAtom keeps RFC 5322 atext and single inner dots.
func dotAtom(s string) string {
	if s == "" {
		return "-"
	}
	return replaceBytes(s, '-', func(b []byte, i int) bool {
		innerDot := b[i] == '.' && i > 0 && i < len(b)-1 && b[i-1] != '.'
		return isAtext(b[i]) || innerDot
	})
}

// replaceBytes replaces with repl every byte that keep refuses; keep sees
// the bytes already replaced before i.
func replaceBytes(s string, repl byte, keep func(b []byte, i int) bool) string {
	b := []byte(s)
	for i := range b {
		if !keep(b, i) {
			b[i] = repl
		}
	}
	return string(b)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isAtext(c byte) bool {
	return isAlnum(c) || strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}
