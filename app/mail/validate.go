package mail

import (
	"strings"

	"passerelle/app/domain"
)

// reservedHeaders are written by the builder itself: letting a caller set
// them would produce a message with two of them or a broken MIME structure.
var reservedHeaders = map[string]bool{
	"from": true, "to": true, "cc": true, "bcc": true, "subject": true, "date": true,
	"message-id": true, "mime-version": true, "content-type": true, "content-transfer-encoding": true,
}

// maxIDLength keeps the Message-ID header within RFC 5322's 998-character
// line and the outbox file name within file systems' 255 bytes.
const maxIDLength = 200

// invalid is the error for a message or setting that can never be sent;
// key completes a translation key "error.mail.<key>".
func invalid(key, field string) *domain.Error {
	return &domain.Error{Code: domain.EINVALID, Message: "error.mail." + key, Field: field}
}

func validate(msg Message) error {
	switch {
	case len(msg.To) == 0:
		return invalid("recipient_required", "to")
	case strings.TrimSpace(msg.Subject) == "":
		return invalid("subject_required", "subject")
	case msg.Text == "" && msg.HTML == "":
		return invalid("body_required", "body")
	case len(msg.ID) > maxIDLength:
		return invalid("id_too_long", "id")
	case hasControl(msg.Subject):
		return invalid("header_invalid", "subject")
	}
	for name, value := range msg.Headers {
		if !validHeader(name, value) {
			return invalid("header_invalid", name)
		}
	}
	for _, file := range msg.Attachments {
		if strings.TrimSpace(file.Filename) == "" || hasControl(file.Filename) {
			return invalid("attachment_invalid", "attachments")
		}
	}
	return nil
}

// validHeader refuses reserved names and control characters: CR and LF
// would let a value inject headers of its own.
func validHeader(name, value string) bool {
	if name == "" || reservedHeaders[strings.ToLower(name)] || hasControl(value) {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] <= ' ' || name[i] > '~' || name[i] == ':' {
			return false
		}
	}
	return true
}

// hasControl reports ASCII control characters other than tab, which RFC 5322
// does not allow in header values.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f })
}
