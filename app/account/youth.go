package account

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// YouthStore is what youth profiles need from the database.
type YouthStore interface {
	YouthByID(ctx context.Context, id string) (*domain.Youth, error)
	SaveYouth(ctx context.Context, y domain.Youth) error
	SetGuardianConsent(ctx context.Context, youthID, guardianEmail string, at time.Time) error
}

// consentTTL is how long a guardian's consent link works.
const consentTTL = 14 * 24 * time.Hour

// YouthProfile returns the profile of user, or nil before its first save.
func (s *Service) YouthProfile(ctx context.Context, user *domain.User) (*domain.Youth, error) {
	y, err := s.store.YouthByID(ctx, user.ID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, nil
	}
	return y, err
}

// SaveYouthProfile stores y, the profile of user. Under 15 the profile stays
// invisible to employers until a guardian consents through the link emailed
// to them when the guardian's address is new; a changed address needs a new
// consent.
func (s *Service) SaveYouthProfile(ctx context.Context, user *domain.User, y domain.Youth, client Client) (*domain.Youth, error) {
	old, err := s.YouthProfile(ctx, user)
	if err == nil {
		err = s.checkStructure(ctx, &y)
	}
	if err != nil {
		return nil, err
	}
	newGuardian := old == nil || old.GuardianEmail != y.GuardianEmail
	if !newGuardian {
		y.GuardianConsentAt = old.GuardianConsentAt
	}
	if y.NeedsConsent(s.now()) {
		y.VisibleToEmployers = false
	}
	if err := s.store.SaveYouth(ctx, y); err != nil {
		return nil, err
	}
	if newGuardian && y.NeedsConsent(s.now()) {
		return &y, s.askConsent(ctx, y, client)
	}
	return &y, nil
}

// checkStructure accepts no structure, or one registered that follows
// youths; applications are shared only with a chosen structure.
func (s *Service) checkStructure(ctx context.Context, y *domain.Youth) error {
	if y.StructureID == "" {
		y.ShareApplications = false
		return nil
	}
	org, err := s.store.OrganisationByID(ctx, y.StructureID)
	if domain.ErrorCode(err) == domain.ENOTFOUND || err == nil && !org.Kind.IsStructure() {
		return domain.FieldError("structure_id", "error.youth.structure")
	}
	return err
}

func (s *Service) askConsent(ctx context.Context, y domain.Youth, client Client) error {
	t := domain.Token{Purpose: domain.TokenGuardianConsent, UserID: y.ID, Email: y.GuardianEmail, Subject: y.ID}
	raw, err := s.issueToken(ctx, t, consentTTL)
	if err != nil {
		return err
	}
	s.send(linkMail{kind: "consent", to: y.GuardianEmail, locale: client.Locale, link: s.link("/consentement/", raw),
		args: []any{y.FirstName, i18n.Date(client.Locale, y.BirthDate)}})
	return nil
}

// ConfirmGuardianConsent records the consent given through a link, if the
// guardian's address is still the one the link was sent to.
func (s *Service) ConfirmGuardianConsent(ctx context.Context, raw string, client Client) error {
	t, err := s.takeToken(ctx, raw, domain.TokenGuardianConsent)
	if err != nil {
		return err
	}
	if err := s.store.SetGuardianConsent(ctx, t.Subject, t.Email, s.now().UTC()); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{Action: domain.AuditGuardianConsent, TargetKind: "youth", TargetID: t.Subject,
		IP: client.IP, Detail: t.Email})
	return nil
}
