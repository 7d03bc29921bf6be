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

func validate(msg Message) error {
	switch {
	case len(msg.To) == 0:
		return &domain.Error{Code: domain.EINVALID, Message: "error.mail.recipient_required", Field: "to"}
	case strings.TrimSpace(msg.Subject) == "":
		return &domain.Error{Code: domain.EINVALID, Message: "error.mail.subject_required", Field: "subject"}
	case msg.Text == "" && msg.HTML == "":
		return &domain.Error{Code: domain.EINVALID, Message: "error.mail.body_required", Field: "body"}
	case strings.ContainsAny(msg.Subject, "\r\n"):
		return &domain.Error{Code: domain.EINVALID, Message: "error.mail.header_invalid", Field: "subject"}
	}
	for name, value := range msg.Headers {
		if !validHeader(name, value) {
			return &domain.Error{Code: domain.EINVALID, Message: "error.mail.header_invalid", Field: name}
		}
	}
	for _, file := range msg.Attachments {
		if strings.TrimSpace(file.Filename) == "" || strings.ContainsAny(file.Filename, "\r\n") {
			return &domain.Error{Code: domain.EINVALID, Message: "error.mail.attachment_invalid", Field: "attachments"}
		}
	}
	return nil
}

// validHeader refuses reserved names and CR/LF, which would let a value
// inject headers of its own.
func validHeader(name, value string) bool {
	if name == "" || reservedHeaders[strings.ToLower(name)] || strings.ContainsAny(value, "\r\n") {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] <= ' ' || name[i] > '~' || name[i] == ':' {
			return false
		}
	}
	return true
}
