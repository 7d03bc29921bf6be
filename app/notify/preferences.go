package notify

import (
	"context"
	"slices"

	"passerelle/app/domain"
)

// Preferences returns the address of a signed token and its preferences.
func (s *Service) Preferences(ctx context.Context, token string) (domain.EmailPreferences, error) {
	email, err := s.emailOf(token)
	if err != nil {
		return domain.EmailPreferences{}, err
	}
	prefs, err := s.store.EmailPreferences(ctx, []string{email})
	if err != nil {
		return domain.EmailPreferences{}, err
	}
	if p, ok := prefs[email]; ok {
		return p, nil
	}
	return domain.EmailPreferences{Email: email, Muted: []domain.Topic{}}, nil
}

// SavePreferences replaces the topics the token's address does not want.
func (s *Service) SavePreferences(ctx context.Context, token string, muted []domain.Topic) error {
	email, err := s.emailOf(token)
	if err != nil {
		return err
	}
	for _, t := range muted {
		if !t.Valid() {
			return domain.FieldError("topics", "error.preferences.topic_invalid")
		}
	}
	slices.Sort(muted)
	return s.store.SaveEmailPreferences(ctx, domain.EmailPreferences{Email: email, Muted: slices.Compact(muted),
		UpdatedAt: s.cfg.Now()})
}

// Unsubscribe mutes one topic for the token's address: the one-click link.
func (s *Service) Unsubscribe(ctx context.Context, token string, topic domain.Topic) error {
	prefs, err := s.Preferences(ctx, token)
	if err != nil {
		return err
	}
	if !topic.Valid() {
		return domain.FieldError("sujet", "error.preferences.topic_invalid")
	}
	return s.SavePreferences(ctx, token, append(prefs.Muted, topic))
}
