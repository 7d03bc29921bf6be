package notify

import (
	"context"
	"fmt"
	"strings"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
)

// Planned is a notification rendered and ready to queue, or muted by the
// recipient's preferences.
type Planned struct {
	domain.Notification
	Body  domain.NotificationBody
	Muted bool
}

// Queued counts what NotifyAll did.
type Queued struct {
	New        int // queued now
	Duplicates int // queued before under the same key: not again
	Muted      int // the recipient unsubscribed from the topic
}

func (q Queued) String() string {
	return fmt.Sprintf("%d e-mail(s) mis en file, %d déjà en file, %d désabonné(s)", q.New, q.Duplicates, q.Muted)
}

// Notify queues one notification; queuing a key again is a no-op.
func (s *Service) Notify(ctx context.Context, n Notification) error {
	_, err := s.NotifyAll(ctx, []Notification{n})
	return err
}

// NotifyAll renders and queues notifications with one read of the
// preferences and one batch insert.
func (s *Service) NotifyAll(ctx context.Context, ns []Notification) (Queued, error) {
	plan, err := s.Plan(ctx, ns)
	if err != nil {
		return Queued{}, err
	}
	var q Queued
	batch := make([]domain.Notification, 0, len(plan))
	bodies := make([]domain.NotificationBody, 0, len(plan))
	for _, p := range plan {
		if p.Muted {
			q.Muted++
			continue
		}
		batch, bodies = append(batch, p.Notification), append(bodies, p.Body)
	}
	q.Duplicates, err = s.store.InsertNotifications(ctx, batch, bodies)
	q.New = len(batch) - q.Duplicates
	return q, err
}

// Plan renders notifications and checks preferences without queuing
// anything: what a dry run shows.
func (s *Service) Plan(ctx context.Context, ns []Notification) ([]Planned, error) {
	// Only a notification with a topic can be muted: a batch of
	// transactional ones (a booking's confirmation) skips the read.
	var emails []string
	for _, n := range ns {
		if n.Topic != "" {
			emails = append(emails, normalEmail(n.To.Email))
		}
	}
	var prefs map[string]domain.EmailPreferences
	if len(emails) > 0 {
		var err error
		if prefs, err = s.store.EmailPreferences(ctx, emails); err != nil {
			return nil, err
		}
	}
	locales, err := s.accountLocales(ctx, ns)
	if err != nil {
		return nil, err
	}
	plan := make([]Planned, len(ns))
	for i, n := range ns {
		if n.To.Locale == "" {
			n.To.Locale = locales[n.To.UserID]
		}
		if plan[i], err = s.render(n); err != nil {
			return nil, fmt.Errorf("notify: %s: %w", n.Key, err)
		}
		plan[i].Muted = n.Topic != "" && !prefs[normalEmail(n.To.Email)].Wants(n.Topic)
	}
	return plan, nil
}

// accountLocales reads, in one query by id, the language chosen by each
// account that a recipient is given by rather than by a language.
func (s *Service) accountLocales(ctx context.Context, ns []Notification) (map[string]string, error) {
	var ids []string
	for _, n := range ns {
		if n.To.Locale == "" && n.To.UserID != "" {
			ids = append(ids, n.To.UserID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.store.UserLocales(ctx, ids)
}

// render turns n into the record and body that Deliver sends as they are.
func (s *Service) render(n Notification) (Planned, error) {
	email := normalEmail(n.To.Email)
	locale := i18n.Supported(n.To.Locale)
	v := view{L: localizer{s.catalog.For(locale)}, To: n.To, Data: n.Data, Topic: n.Topic,
		Preferences: s.preferencesURL(email), baseURL: s.cfg.BaseURL}
	if n.Topic != "" {
		v.Unsubscribe = s.unsubscribeURL(email, n.Topic)
	}
	r, err := s.views.render(n.Template, v)
	if err != nil {
		return Planned{}, err
	}
	now := s.cfg.Now()
	return Planned{
		Notification: domain.Notification{ID: n.Key, Topic: n.Topic, Email: email, Name: n.To.Name, Subject: r.subject,
			State: domain.NotificationPending, NextAt: now, CreatedAt: now},
		Body: domain.NotificationBody{ID: n.Key, Text: r.text, HTML: r.html,
			Headers: s.unsubscribeHeaders(email, n.Topic), Attachments: attachments(n.Attachments)},
	}, nil
}

func attachments(files []mail.Attachment) []domain.EmailAttachment {
	var list []domain.EmailAttachment
	for _, f := range files {
		list = append(list, domain.EmailAttachment{Filename: f.Filename, ContentType: f.ContentType, Data: f.Data})
	}
	return list
}

// normalEmail is the form preferences are stored under.
func normalEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
