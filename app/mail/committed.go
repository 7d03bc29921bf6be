package mail

import (
	"context"
	"fmt"
	"os"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// Committed sends are how a caller records "sent" exactly once although the
// relay and the database cannot share a transaction. SendCommitted hands the
// whole message to the relay, calls commit (which records the send), and
// only then lets the relay accept the message: for SMTP, the final "." of
// DATA; for the outbox, the link that publishes the file. So:
//
//   - a crash or an error before commit delivers nothing, and the caller's
//     record still says "not sent": sending again is safe;
//   - commit returning an error aborts the transaction (the connection closes
//     without the final "."), and the relay discards the message;
//   - after commit, SendCommitted returning an error means the relay refused
//     the message: the caller undoes its commit and retries later;
//   - a crash after commit delivers the message, or, within the few bytes of
//     the final ".", loses it — never sends it twice.
//
// One case SMTP leaves open (RFC 1047): the connection breaks after the
// final "." but before the relay's reply. The relay may have accepted the
// message; SendCommitted reports an error and a retry may duplicate it,
// with the same Message-ID, which lets mail systems recognise it.

// SendCommitted delivers msg on a new connection, calling commit once the
// message is written and before the relay accepts it.
func (s *SMTP) SendCommitted(ctx context.Context, msg Message, commit func(context.Context) error) error {
	m, _, err := buildMsg(s.from, msg, time.Now())
	if err != nil {
		return err
	}
	conn, err := s.client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fmt.Errorf("mail: send via %s: %w", s.addr, err)
	}
	// Closing without QUIT mid-DATA is what aborts the transaction.
	defer conn.Close()
	if err := transact(ctx, conn, m, commit); err != nil {
		return fmt.Errorf("mail: send via %s: %w", s.addr, transactionError{err})
	}
	_ = conn.Quit() // the message is accepted: a failed QUIT changes nothing
	return nil
}

func transact(ctx context.Context, conn *smtp.Client, m *gomail.Msg, commit func(context.Context) error) error {
	if err := envelope(conn, m); err != nil {
		return err
	}
	w, err := conn.Data()
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(w); err != nil {
		return err
	}
	if err := commit(ctx); err != nil {
		return err
	}
	return w.Close() // writes the final "." and reads the relay's verdict
}

func envelope(conn *smtp.Client, m *gomail.Msg) error {
	from, err := m.GetSender(false)
	if err != nil {
		return err
	}
	rcpts, err := m.GetRecipients()
	if err != nil {
		return err
	}
	if err := conn.Mail(from); err != nil {
		return err
	}
	for _, rcpt := range rcpts {
		if err := conn.Rcpt(rcpt); err != nil {
			return err
		}
	}
	return nil
}

// transactionError marks what went wrong after the connection was set up,
// the relay's replies to this message among them; a refused login or
// handshake stays temporary (see IsPermanent).
type transactionError struct{ err error }

func (e transactionError) Error() string { return e.err.Error() }
func (e transactionError) Unwrap() error { return e.err }

// SendCommitted writes and syncs msg under a temporary name, calls commit,
// then publishes the file under its final name.
func (o *Outbox) SendCommitted(ctx context.Context, msg Message, commit func(context.Context) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := time.Now()
	m, id, err := buildMsg(o.from, msg, now)
	if err != nil {
		return err
	}
	tmp, err := o.writeTemp(m)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := commit(ctx); err != nil {
		return err
	}
	return o.publish(tmp, now.UTC().Format(fileTimeLayout)+"-"+fileSafe(id))
}
