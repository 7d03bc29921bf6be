package mail

import (
	"errors"
	"net/textproto"

	gomail "github.com/wneessen/go-mail"

	"passerelle/app/domain"
)

// IsPermanent reports whether sending err's message again would fail again:
// the relay refused this message with a 5xx reply, or the message itself is
// invalid. Anything else may succeed later and is worth a retry: a 4xx reply,
// a refused connection, a timeout, and also a failed TLS handshake or login,
// which the operator can fix without the queued messages being given up.
func IsPermanent(err error) bool {
	var sendErr *gomail.SendError
	if errors.As(err, &sendErr) {
		return !sendErr.IsTemp() && sendErr.ErrorCode() >= 500
	}
	var refusal transactionError // a reply within a committed send (committed.go)
	var reply *textproto.Error
	if errors.As(err, &refusal) && errors.As(refusal.err, &reply) {
		return reply.Code >= 500
	}
	var appErr *domain.Error
	return errors.As(err, &appErr) && appErr.Code == domain.EINVALID
}
