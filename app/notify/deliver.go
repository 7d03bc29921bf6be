package notify

import (
	"context"
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

// errSentAlready means another sender committed the notification first
// (its claim ran out while it was still sending): the commit refuses, and
// the relay discards this copy.
var errSentAlready = errors.New("notify: sent already")

// batchSize bounds the notifications listed, and their bodies read, at once.
const batchSize = 200

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

// deliverBatch sends up to size due notifications and returns how many were due.
func (s *Service) deliverBatch(ctx context.Context, size int, d *Delivery) (int, error) {
	due, err := s.store.DueNotifications(ctx, s.cfg.Now(), size)
	if err != nil {
		return 0, err
	}
	for _, n := range due {
		if err := s.limiter.Wait(ctx); err != nil {
			return 0, err
		}
		if err := s.deliverOne(ctx, n, d); err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

// deliverOne claims, reads the body (by its _id alone: cheap even on the
// embedded database, unlike one query for a batch) and sends.
func (s *Service) deliverOne(ctx context.Context, due domain.Notification, d *Delivery) error {
	now := s.cfg.Now()
	n, err := s.store.ClaimNotification(ctx, due, s.owner, now, now.Add(s.cfg.ClaimTTL))
	if err != nil || n == nil {
		d.Skipped++
		return err
	}
	body, err := s.store.NotificationBody(ctx, n.ID)
	if err != nil {
		return err // the claim runs out and the notification is retried
	}
	committed := false
	err = s.sender.SendCommitted(ctx, message(n, body), func(ctx context.Context) error {
		s.beforeCommit(n.ID)
		won, err := s.store.CommitNotification(ctx, n.ID, s.owner, s.cfg.Now())
		if err == nil && !won {
			err = errSentAlready
		}
		committed = err == nil
		return err
	})
	if err == nil {
		d.Sent++
		return nil
	}
	return s.settleFailure(ctx, n, committed, err, d)
}

// settleFailure records a failed send: a retry later with exponential
// backoff, or giving up. A send that was committed but that the relay then
// refused is withdrawn first.
func (s *Service) settleFailure(ctx context.Context, n *domain.Notification, committed bool, sendErr error, d *Delivery) error {
	if errors.Is(sendErr, errSentAlready) {
		d.Skipped++
		return s.store.SettleNotification(ctx, n.ID, domain.NotificationMove{State: domain.NotificationSent, NextAt: n.NextAt,
			SentAt: s.cfg.Now()})
	}
	if committed {
		if err := s.store.UncommitNotification(ctx, n.ID); err != nil {
			return err
		}
	}
	move := domain.NotificationMove{State: domain.NotificationPending, NextAt: s.cfg.Now().Add(s.backoff(n.Attempts)),
		LastError: sendErr.Error()}
	if mail.IsPermanent(sendErr) || n.Attempts >= s.cfg.MaxAttempts {
		move.State = domain.NotificationFailed
		s.logger.Error("notification given up", slog.String("key", n.ID), slog.String("email", n.Email),
			slog.Int("attempts", n.Attempts), slog.Any("error", sendErr))
		d.Failed++
	} else {
		d.Retried++
	}
	return s.store.SettleNotification(ctx, n.ID, move)
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
