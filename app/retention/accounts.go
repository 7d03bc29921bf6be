package retention

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
)

// WarningData is what the inactivity warning shows.
type WarningData struct {
	LastActive  time.Time
	Years       int
	AnonymiseOn time.Time
}

// inactiveAccounts warns the holders of accounts inactive for InactiveYears
// less 30 days, once, and anonymises those inactive for InactiveYears whose
// holder was warned at least 30 days ago. Staff and admin accounts are
// never touched: the Department manages them.
func (s *Service) inactiveAccounts(ctx context.Context, dry bool, c *Counts) error {
	users, err := s.store.LiveUsers(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	var warn []domain.User
	for _, u := range users {
		switch s.due(u, now) {
		case dueWarning:
			warn = append(warn, u)
		case dueAnonymisation:
			s.anonymise(ctx, dry, u, c)
		}
	}
	return s.warn(ctx, dry, now, warn, c)
}

type dueAction int

const (
	dueNothing dueAction = iota
	dueWarning
	dueAnonymisation
)

func (s *Service) due(u domain.User, now time.Time) dueAction {
	if u.HasRole(domain.RoleStaff) || u.HasRole(domain.RoleAdmin) {
		return dueNothing
	}
	limit := u.LastActive().AddDate(s.cfg.InactiveYears, 0, 0)
	switch {
	case u.InactivityWarnedAt != nil:
		if !now.Before(limit) && !now.Before(u.InactivityWarnedAt.Add(warningAhead)) {
			return dueAnonymisation
		}
	case !now.Before(limit.Add(-warningAhead)):
		return dueWarning
	}
	return dueNothing
}

// anonymise reuses the account deletion a person asks for; a failure is
// counted and the next account tried.
func (s *Service) anonymise(ctx context.Context, dry bool, u domain.User, c *Counts) {
	if !dry {
		why := fmt.Sprintf("durée de conservation : aucune connexion depuis %d ans", s.cfg.InactiveYears)
		if err := s.accounts.AnonymiseInactive(ctx, &u, why); err != nil {
			s.logger.Error("retention: anonymise", slog.String("user", u.ID), slog.Any("error", err))
			c.Failed++
			return
		}
	}
	c.Anonymised++
}

// warn queues one transactional warning per account and period of
// inactivity (the key holds the last sign-in), then records it; the
// anonymisation waits 30 days from this record, not from the delivery.
func (s *Service) warn(ctx context.Context, dry bool, now time.Time, users []domain.User, c *Counts) error {
	if dry || len(users) == 0 {
		c.Warned += len(users)
		return nil
	}
	ns := make([]notify.Notification, len(users))
	for i, u := range users {
		last := u.LastActive()
		ns[i] = notify.Notification{Key: "inactivity_warning/" + u.ID + "/" + last.UTC().Format(time.DateOnly),
			To: domain.RecipientOf(u), Template: "inactivity_warning",
			Data: WarningData{LastActive: last, Years: s.cfg.InactiveYears, AnonymiseOn: maxTime(
				last.AddDate(s.cfg.InactiveYears, 0, 0), now.Add(warningAhead))}}
	}
	if _, err := s.notify.NotifyAll(ctx, ns); err != nil {
		return err
	}
	for _, u := range users {
		if err := s.store.MarkInactivityWarned(ctx, u.ID, now); err != nil {
			return err
		}
		c.Warned++
	}
	return nil
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
