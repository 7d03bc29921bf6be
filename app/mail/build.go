package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"passerelle/app/domain"
)

// buildMsg is the one place a Message becomes MIME: the SMTP sender and the
// outbox both write what it returns, so a message looks the same either way.
// It returns the Message-ID's left part, used to name outbox files.
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
		return &domain.Error{Code: domain.EINVALID, Message: "error.mail.address_invalid", Field: "from"}
	}
	for _, rcpt := range to {
		if err := m.AddToFormat(rcpt.Name, rcpt.Email); err != nil {
			return &domain.Error{Code: domain.EINVALID, Message: "error.mail.address_invalid", Field: "to"}
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
			return &domain.Error{Code: domain.EINVALID, Message: "error.mail.attachment_invalid", Field: file.Filename}
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
		id = randomID()
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

func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go ≥ 1.24)
	return hex.EncodeToString(b)
}

// dotAtom keeps RFC 5322 atext and inner dots, replacing anything else.
func dotAtom(s string) string {
	out := []byte(s)
	for i, c := range out {
		if !isAtext(c) && !(c == '.' && i > 0 && i < len(out)-1 && out[i-1] != '.') {
			out[i] = '-'
		}
	}
	if len(out) == 0 {
		return "-"
	}
	return string(out)
}

func isAtext(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}
