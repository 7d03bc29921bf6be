package account

import (
	"context"
	"strings"
	"time"

	"passerelle/app/domain"
)

// OrganisationStore is what organisations need from the database.
type OrganisationStore interface {
	InsertOrganisations(ctx context.Context, orgs []domain.Organisation) error
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
	AddUserOrganisation(ctx context.Context, userID, orgID string) error
	SetOrganisationVerified(ctx context.Context, id string, verified bool) error
}

// invitationTTL is how long an invitation to join an organisation works.
const invitationTTL = 7 * 24 * time.Hour

// CreateOrganisation registers o, created by user, who becomes its first
// member. It waits for staff verification; an identifier already registered
// is a conflict, to be solved by an invitation from a member.
func (s *Service) CreateOrganisation(ctx context.Context, o domain.Organisation, user *domain.User, client Client) (*domain.Organisation, error) {
	o.ID, o.CreatedAt, o.Verified = strings.ToLower(domain.NewID("org")), s.now().UTC(), false
	err := s.store.InsertOrganisations(ctx, []domain.Organisation{o})
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.organisation.exists", Field: identifierField(o)}
	}
	if err != nil {
		return nil, err
	}
	if err := s.store.AddUserOrganisation(ctx, user.ID, o.ID); err != nil {
		return nil, err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditOrgCreated, TargetKind: "organisation",
		TargetID: o.ID, IP: client.IP, Detail: o.Name})
	return &o, nil
}

func identifierField(o domain.Organisation) string {
	if o.Kind == domain.KindSchool {
		return "uai"
	}
	return "siret"
}

// Invite emails a link to join organisation org, sent by a member.
func (s *Service) Invite(ctx context.Context, org *domain.Organisation, email string, by *domain.User, client Client) error {
	email, err := NormaliseEmail(email)
	if err != nil {
		return err
	}
	if err := s.limit(ctx, "invite", client, by.Email); err != nil {
		return err
	}
	raw, err := s.issueToken(ctx, domain.Token{Purpose: domain.TokenInvitation, Email: email, Subject: org.ID, UserID: by.ID}, invitationTTL)
	if err != nil {
		return err
	}
	s.send(linkMail{kind: "invite", to: email, locale: client.Locale, link: s.link("/invitations/", raw),
		args: []any{by.Name, org.Name}})
	return nil
}

// AcceptInvitation makes user a member of the organisation of the link.
func (s *Service) AcceptInvitation(ctx context.Context, raw string, user *domain.User) (string, error) {
	t, err := s.takeToken(ctx, raw, domain.TokenInvitation)
	if err != nil {
		return "", err
	}
	return t.Subject, s.store.AddUserOrganisation(ctx, user.ID, t.Subject)
}

// VerifyOrganisation records a staff member's verification (or withdrawal).
func (s *Service) VerifyOrganisation(ctx context.Context, id string, verified bool, staff *domain.User, client Client) error {
	if err := s.store.SetOrganisationVerified(ctx, id, verified); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: staff.ID, Action: domain.AuditOrgVerified, TargetKind: "organisation",
		TargetID: id, IP: client.IP, Detail: map[bool]string{true: "verified", false: "unverified"}[verified]})
	return nil
}
