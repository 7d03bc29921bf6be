package notify

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail"
)

// Delivery counts what one Deliver did.
type Delivery struct {
	Sent    int
	Retried int // failed for now, to be retried later
	Failed  int // given up: permanent failure or last attempt
	Skipped int // taken by another sender first
}

func (d Delivery) String() string {
	return fmt.Sprintf("%d envoyé(s), %d à réessayer, %d abandonné(s)", d.Sent, d.Retried, d.Failed)
}

// errSentAlready means the notification was committed before: by another
// sender, while this one stalled past its claim, or by a sender that died
// before recording it sent. The commit refuses, the relay discards this
// copy, and the record is settled sent with the batch.
var errSentAlready = errors.New("notify: sent already")

// batchSize bounds the notifications listed, and their bodies read, at once.
// Each batch reads the whole queue four times on the embedded database
// (listing, claim, claimed, settling): 5 000 queued digests went at 106
// emails/s in batches of 200, 194 in batches of 1 000 and 203 in batches of
// 2 000 (about 20 MB of bodies).
const batchSize = 2000

// Deliver sends up to limit due notifications (0: all), one at a time at
// the configured rate. Several processes may deliver at once: each
// notification goes to the one that claims it.
func (s *Service) Deliver(ctx context.Context, limit int) (Delivery, error) {
	var d Delivery
	for {
		size := batchSize
		if limit > 0 {
			size = min(size, limit-d.handled())
		}
		before := d
		n, err := s.deliverBatch(ctx, size, &d)
		// A batch that only found others' claims would come back as it is.
		stalled := d.handled()-before.handled() == d.Skipped-before.Skipped
		if err != nil || n < size || stalled || limit > 0 && d.handled() >= limit {
			return d, err
		}
	}
}

func (d Delivery) handled() int { return d.Sent + d.Retried + d.Failed + d.Skipped }

// deliverBatch sends up to size due notifications and returns how many were
// due. It claims them in one update, and records those sent in one update
// at the end: a crash before it leaves them claimed, and once the claim ran
// out the next delivery finds each one committed (see errSentAlready).
func (s *Service) deliverBatch(ctx context.Context, size int, d *Delivery) (int, error) {
	due, err := s.store.DueNotifications(ctx, s.cfg.Now(), size)
	if err != nil || len(due) == 0 {
		return 0, err
	}
	ids := keys(due)
	// The claim outlasts the batch's sends at the send rate.
	now := s.cfg.Now()
	until := now.Add(s.cfg.ClaimTTL + time.Duration(len(ids))*s.limiter.interval)
	claimed, err := s.store.ClaimNotifications(ctx, ids, s.owner+"/"+rand.Text()[:8], now, until)
	if err != nil {
		return 0, err
	}
	d.Skipped += len(due) - len(claimed)
	bodies, err := s.store.NotificationBodies(ctx, keys(claimed))
	if err != nil {
		return 0, err // the claims run out and the notifications are retried
	}
	sent, err := s.sendAll(ctx, claimed, bodies, d)
	if err := s.store.SettleNotificationsSent(ctx, sent, s.cfg.Now()); err != nil {
		return 0, err
	}
	return len(due), err
}

// sendAll sends the claimed notifications at the configured rate, and
// returns the keys of those whose send is committed.
func (s *Service) sendAll(ctx context.Context, claimed []domain.Notification, bodies map[string]domain.NotificationBody, d *Delivery) ([]string, error) {
	sent := make([]string, 0, len(claimed))
	for i := range claimed {
		if err := s.limiter.Wait(ctx); err != nil {
			return sent, err
		}
		body, found := bodies[claimed[i].ID]
		if !found { // a record is queued after its body: a fault, which must not hold up the others
			if err := s.giveUp(ctx, &claimed[i], errNoBody, d); err != nil {
				return sent, err
			}
			continue
		}
		ok, err := s.deliverOne(ctx, &claimed[i], &body, d)
		if err != nil {
			return sent, err
		}
		if ok {
			sent = append(sent, claimed[i].ID)
		}
	}
	return sent, nil
}

// deliverOne sends a claimed notification, and reports whether the send
// is committed, by this sender or another.
func (s *Service) deliverOne(ctx context.Context, n *domain.Notification, body *domain.NotificationBody, d *Delivery) (bool, error) {
	committed := false
	err := s.sender.SendCommitted(ctx, message(n, body), func(ctx context.Context) error {
		s.beforeCommit(n.ID)
		won, err := s.store.CommitNotification(ctx, n.ID, s.owner, s.cfg.Now())
		if err == nil && !won {
			err = errSentAlready
		}
		committed = err == nil
		return err
	})
	switch {
	case err == nil:
		d.Sent++
		return true, nil
	case errors.Is(err, errSentAlready):
		d.Skipped++
		return true, nil
	}
	return false, s.settleFailure(ctx, n, committed, err, d)
}

func keys(ns []domain.Notification) []string {
	ids := make([]string, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	return ids
}

// settleFailure records a failed send: a retry later with exponential
// backoff, or giving up. A send that was committed but that the relay then
// refused is withdrawn first.
func (s *Service) settleFailure(ctx context.Context, n *domain.Notification, committed bool, sendErr error, d *Delivery) error {
	if committed {
		if err := s.store.UncommitNotification(ctx, n.ID); err != nil {
			return err
		}
	}
	if mail.IsPermanent(sendErr) || n.Attempts >= s.cfg.MaxAttempts {
		return s.giveUp(ctx, n, sendErr, d)
	}
	d.Retried++
	return s.store.SettleNotification(ctx, n.ID, domain.NotificationMove{State: domain.NotificationPending,
		NextAt: s.cfg.Now().Add(s.backoff(n.Attempts)), LastError: sendErr.Error()})
}

// errNoBody is why a notification whose body is missing is given up.
var errNoBody = errors.New("notify: the rendered email is missing")

// giveUp records a notification as failed for good, and reports it.
func (s *Service) giveUp(ctx context.Context, n *domain.Notification, why error, d *Delivery) error {
	s.logger.Error("notification given up", slog.String("key", n.ID), slog.String("email", n.Email),
		slog.Int("attempts", n.Attempts), slog.Any("error", why))
	d.Failed++
	return s.store.SettleNotification(ctx, n.ID, domain.NotificationMove{State: domain.NotificationFailed,
		NextAt: n.NextAt, LastError: why.Error()})
}

// backoff doubles the delay after each failed attempt.
func (s *Service) backoff(attempts int) time.Duration {
	return s.cfg.RetryDelay << min(attempts-1, 16)
}

// MessageID is the left part of the Message-ID of the notification with
// this key: derived from the key alone, so every retry carries the same one,
// and short whatever the key's length.
func MessageID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "n." + hex.EncodeToString(sum[:16])
}

// message is the email of a notification.
func message(n *domain.Notification, body *domain.NotificationBody) mail.Message {
	msg := mail.Message{To: []mail.Address{{Name: n.Name, Email: n.Email}}, Subject: n.Subject, Text: body.Text,
		HTML: body.HTML, Headers: body.Headers, ID: MessageID(n.ID)}
	for _, a := range body.Attachments {
		msg.Attachments = append(msg.Attachments, mail.Attachment{Filename: a.Filename, ContentType: a.ContentType, Data: a.Data})
	}
	return msg
}
