package account

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// PrivacyStore is what data export and account deletion need.
type PrivacyStore interface {
	OrganisationsByIDs(ctx context.Context, ids []string) ([]domain.Organisation, error)
	UserWebSessions(ctx context.Context, userID string) ([]domain.WebSession, error)
	LatestAudit(ctx context.Context, id string, limit int) ([]domain.AuditEvent, error)
	AnonymiseUser(ctx context.Context, userID string, at time.Time) error
	DeleteYouth(ctx context.Context, id string) error
	DeleteAllUserTokens(ctx context.Context, userID string) error
	SavedSearchesOfYouth(ctx context.Context, youthID string) ([]domain.SavedSearch, error)
	DeleteSavedSearchesOfYouth(ctx context.Context, youthID string) error
}

// Export is everything the platform holds about a person, for the right of
// access and portability (RGPD articles 15 and 20).
type Export struct {
	GeneratedAt   time.Time             `json:"generated_at"`
	Account       *domain.User          `json:"account"`
	Profile       *domain.Youth         `json:"youth_profile,omitempty"`
	SavedSearches []domain.SavedSearch  `json:"saved_searches,omitempty"`
	Guardian      string                `json:"guardian_email,omitempty"`
	Organisations []domain.Organisation `json:"organisations"`
	Sessions      []domain.WebSession   `json:"sessions"`
	Events        []domain.AuditEvent   `json:"security_events"`
}

// auditExportLimit bounds the security events exported: the log keeps one
// year of them (see the privacy page).
const auditExportLimit = 1000

// ExportData gathers the person's data, in a few queries.
func (s *Service) ExportData(ctx context.Context, user *domain.User, client Client) (*Export, error) {
	e := &Export{GeneratedAt: s.Now().UTC(), Account: user}
	var err error
	if e.Profile, err = s.YouthProfile(ctx, user); err != nil {
		return nil, err
	}
	if e.Profile != nil {
		e.Guardian = e.Profile.GuardianEmail
		if e.SavedSearches, err = s.store.SavedSearchesOfYouth(ctx, user.ID); err != nil {
			return nil, err
		}
	}
	if e.Organisations, err = s.store.OrganisationsByIDs(ctx, user.OrganisationIDs); err != nil {
		return nil, err
	}
	if e.Sessions, err = s.store.UserWebSessions(ctx, user.ID); err != nil {
		return nil, err
	}
	if e.Events, err = s.store.LatestAudit(ctx, user.ID, auditExportLimit); err != nil {
		return nil, err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditDataExported, IP: client.IP})
	return e, nil
}

// DeleteAccount erases the person: sessions, pending links, saved searches
// and the youth profile are deleted; the account document is anonymised rather than
// deleted, because the audit log and grant files (public funds) must keep
// pointing at someone.
func (s *Service) DeleteAccount(ctx context.Context, user *domain.User, client Client) error {
	for _, step := range []func() error{
		func() error { return s.store.DeleteUserWebSessions(ctx, user.ID) },
		func() error { return s.store.DeleteAllUserTokens(ctx, user.ID) },
		func() error { return s.store.DeleteSavedSearchesOfYouth(ctx, user.ID) },
		func() error { return s.store.DeleteYouth(ctx, user.ID) },
		func() error { return s.store.AnonymiseUser(ctx, user.ID, s.Now().UTC()) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditAccountDeleted, TargetKind: "user",
		TargetID: user.ID, IP: client.IP})
	return nil
}
