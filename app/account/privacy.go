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
	// Held is what the other services hold about the person, by section
	// (e.g. "passerelle": applications, messages, favourites, bookings).
	Held map[string]any `json:"held,omitempty"`
}

// DataHolder is a service that keeps personal data of its own, outside the
// accounts area: it adds its part to the export, and erases it when the
// account is deleted. Erasing must be idempotent: a deletion that failed
// midway is retried from the start.
type DataHolder interface {
	PersonalData(ctx context.Context, user *domain.User) (section string, data any, err error)
	ErasePersonalData(ctx context.Context, user *domain.User) error
}

// auditExportLimit bounds the security events exported: the log keeps one
// year of them (see the privacy page).
const auditExportLimit = 1000

// ExportData gathers the person's data, in a few queries.
func (s *Service) ExportData(ctx context.Context, user *domain.User, client Client) (*Export, error) {
	e := &Export{GeneratedAt: s.now().UTC(), Account: user}
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
	if e.Held, err = s.heldData(ctx, user); err != nil {
		return nil, err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditDataExported, IP: client.IP})
	return e, nil
}

func (s *Service) heldData(ctx context.Context, user *domain.User) (map[string]any, error) {
	held := make(map[string]any, len(s.holders))
	for _, h := range s.holders {
		section, data, err := h.PersonalData(ctx, user)
		if err != nil {
			return nil, err
		}
		held[section] = data
	}
	return held, nil
}

// DeleteAccount erases the person: what other services hold first, then
// sessions, pending links, saved searches and the youth profile are
// deleted; the account document is anonymised last rather than deleted,
// because the audit log and grant files (public funds) must keep pointing at
// someone. A failing step stops there with the account still whole and
// signed in, so the person (or the retention job) retries it all.
func (s *Service) DeleteAccount(ctx context.Context, user *domain.User, client Client) error {
	if err := s.erase(ctx, user); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditAccountDeleted, TargetKind: "user",
		TargetID: user.ID, IP: client.IP})
	return nil
}

// AnonymiseInactive erases an account as DeleteAccount does, for the
// retention job: the audit log names no actor and says why.
func (s *Service) AnonymiseInactive(ctx context.Context, user *domain.User, why string) error {
	if err := s.erase(ctx, user); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{Action: domain.AuditAccountAnonymised, TargetKind: "user", TargetID: user.ID,
		Detail: why})
	return nil
}

func (s *Service) erase(ctx context.Context, user *domain.User) error {
	for _, h := range s.holders {
		if err := h.ErasePersonalData(ctx, user); err != nil {
			return err
		}
	}
	for _, step := range []func() error{
		func() error { return s.store.DeleteUserWebSessions(ctx, user.ID) },
		func() error { return s.store.DeleteAllUserTokens(ctx, user.ID) },
		func() error { return s.store.DeleteSavedSearchesOfYouth(ctx, user.ID) },
		func() error { return s.store.DeleteYouth(ctx, user.ID) },
		func() error { return s.store.AnonymiseUser(ctx, user.ID, s.now().UTC()) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
