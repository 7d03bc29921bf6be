// Package partners gives partner organisations' software (school software,
// a CIO's tools, job boards) API keys: created and revoked by staff, scoped,
// stored hashed, rate-limited per key and audited.
package partners

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/app/account"
	"passerelle/app/audit"
	"passerelle/app/domain"
)

// Store is what the keys need from the database.
type Store interface {
	InsertAPIKey(ctx context.Context, k domain.APIKey) error
	APIKeyByID(ctx context.Context, id string) (*domain.APIKey, error)
	APIKeysPage(ctx context.Context, r domain.PageRequest) (domain.Page[domain.APIKey], error)
	RevokeAPIKey(ctx context.Context, id, by string, at time.Time) error
	TouchAPIKey(ctx context.Context, id string, at time.Time) error
	OrganisationByLegalID(ctx context.Context, id string) (*domain.Organisation, error)
	account.RateCounter
	audit.Store
}

// Service creates, checks and revokes the keys.
type Service struct {
	store  Store
	trail  audit.Trail
	logger *slog.Logger
	now    func() time.Time
}

// New returns the service; now is the clock (time.Now when nil).
func New(store Store, logger *slog.Logger, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, trail: audit.New(store, logger, now), logger: logger, now: now}
}

// Rates bound what staff may give a key, in requests per minute.
const (
	DefaultRate = 100
	MaxRate     = 10_000
)

// Input is what staff fill in to create a key.
type Input struct {
	Partner      string
	Kind         domain.PartnerKind
	ContactEmail string
	Scopes       []domain.APIKeyScope
	// Organisation is the SIRET, RNA or UAI of the organisation whose offers
	// the key reads or writes; required by those scopes only.
	Organisation  string
	RatePerMinute int
}

var (
	errStaffOnly    = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.auth.forbidden"}
	errInvalidKey   = &domain.Error{Code: domain.EUNAUTHORIZED, Message: "error.apikey.invalid"}
	errPartner      = domain.FieldError("partner", "error.apikey.partner")
	errKind         = domain.FieldError("kind", "error.apikey.kind")
	errScopes       = domain.FieldError("scopes", "error.apikey.scopes")
	errRate         = domain.FieldError("rate_per_minute", "error.apikey.rate")
	errOrganisation = domain.FieldError("organisation", "error.apikey.organisation")
)

// keyPrefix starts every key, so that a leaked one is recognised (by secret
// scanners, by people) as a Passerelle 92 key.
const keyPrefix = "p92."

// Create checks in, records a key and returns it with its secret, which is
// kept nowhere: the caller shows it once.
func (s *Service) Create(ctx context.Context, staff *domain.User, in Input, ip string) (string, *domain.APIKey, error) {
	if !isStaff(staff) {
		return "", nil, errStaffOnly
	}
	k, err := s.check(ctx, in)
	if err != nil {
		return "", nil, err
	}
	secret := rand.Text()
	k.ID, k.SecretHash, k.CreatedBy, k.CreatedAt = domain.NewID("apikey"), hash(secret), staff.ID, s.now().UTC()
	if err := s.store.InsertAPIKey(ctx, *k); err != nil {
		return "", nil, err
	}
	s.trail.Record(ctx, domain.AuditEvent{ActorID: staff.ID, Action: domain.AuditAPIKeyCreated, TargetKind: "api_key",
		TargetID: k.ID, IP: ip, Detail: k.Partner + " " + scopeList(k.Scopes)})
	return keyPrefix + k.ID + "." + secret, k, nil
}

// check turns the form into a key, or returns the first field in error.
func (s *Service) check(ctx context.Context, in Input) (*domain.APIKey, error) {
	k := &domain.APIKey{Partner: strings.TrimSpace(in.Partner), Kind: in.Kind, RatePerMinute: in.RatePerMinute}
	if k.Partner == "" || utf8.RuneCountInString(k.Partner) > 120 {
		return nil, errPartner
	}
	if !slices.Contains(domain.PartnerKinds, k.Kind) {
		return nil, errKind
	}
	email, err := account.NormaliseEmail(in.ContactEmail)
	if err != nil {
		return nil, err
	}
	k.ContactEmail = email
	for _, sc := range domain.APIKeyScopes { // the known ones, each once, in order
		if slices.Contains(in.Scopes, sc) {
			k.Scopes = append(k.Scopes, sc)
		}
	}
	if len(k.Scopes) == 0 || len(k.Scopes) != len(in.Scopes) {
		return nil, errScopes
	}
	if k.RatePerMinute < 1 || k.RatePerMinute > MaxRate {
		return nil, errRate
	}
	if slices.ContainsFunc(k.Scopes, domain.APIKeyScope.OrganisationBound) {
		id := strings.ReplaceAll(strings.TrimSpace(in.Organisation), " ", "")
		if id == "" {
			return nil, errOrganisation
		}
		org, err := s.store.OrganisationByLegalID(ctx, id)
		if err != nil {
			return nil, domain.FieldError("organisation", "error.apikey.organisation_unknown")
		}
		k.OrganisationID, k.OrganisationName = org.ID, org.Name
	}
	return k, nil
}

// Keys returns a page of the keys, the newest first.
func (s *Service) Keys(ctx context.Context, staff *domain.User, r domain.PageRequest) (domain.Page[domain.APIKey], error) {
	if !isStaff(staff) {
		return domain.Page[domain.APIKey]{}, errStaffOnly
	}
	return s.store.APIKeysPage(ctx, r)
}

// Revoke stops a key at once: its next request is refused.
func (s *Service) Revoke(ctx context.Context, staff *domain.User, id, ip string) error {
	if !isStaff(staff) {
		return errStaffOnly
	}
	if err := s.store.RevokeAPIKey(ctx, id, staff.ID, s.now().UTC()); err != nil {
		return err
	}
	s.trail.Record(ctx, domain.AuditEvent{ActorID: staff.ID, Action: domain.AuditAPIKeyRevoked, TargetKind: "api_key",
		TargetID: id, IP: ip})
	return nil
}

// Authenticate returns the key of raw if it is one in force, and counts the
// request against the key's rate: past it, *account.RateLimited says when
// to try again. Any other refusal says only that the key is not valid.
func (s *Service) Authenticate(ctx context.Context, raw, ip string) (*domain.APIKey, error) {
	id, secret, ok := strings.Cut(strings.TrimPrefix(raw, keyPrefix), ".")
	if !ok || !strings.HasPrefix(raw, keyPrefix) || !strings.HasPrefix(id, "apikey-") {
		return nil, errInvalidKey
	}
	k, err := s.store.APIKeyByID(ctx, id)
	switch {
	case domain.ErrorCode(err) == domain.ENOTFOUND:
		return nil, errInvalidKey
	case err != nil:
		return nil, err
	case subtle.ConstantTimeCompare([]byte(hash(secret)), []byte(k.SecretHash)) != 1 || k.RevokedAt != nil:
		return nil, errInvalidKey
	}
	now := s.now()
	n, err := account.CountHit(ctx, s.store, now, "apikey:"+k.ID, k.RatePerMinute, time.Minute)
	switch {
	case n == k.RatePerMinute+1: // the window's first refusal is audited, not each of a flood
		s.logger.Warn("API key rate limited", slog.String("key", k.ID), slog.String("ip", ip))
		s.trail.Record(ctx, domain.AuditEvent{ActorID: Actor(k).ID, Action: domain.AuditAPIKeyRateLimited,
			TargetKind: "api_key", TargetID: k.ID, IP: ip})
	case n == 1: // the last use, to the minute, for one write a minute
		if err := s.store.TouchAPIKey(ctx, k.ID, now.UTC()); err != nil {
			return nil, err
		}
	}
	var limited *account.RateLimited
	if errors.As(err, &limited) {
		limited.Message = "error.apikey.too_many"
	}
	return k, err
}

// Actor is who a key acts as for the services: an employer of the key's
// organisation when it holds an offers scope, no role otherwise. Its ID
// names the key in the audit trail.
func Actor(k *domain.APIKey) *domain.User {
	u := &domain.User{ID: k.ID, Name: k.Partner, Email: k.ContactEmail, Locale: "fr", CreatedAt: k.CreatedAt}
	if slices.ContainsFunc(k.Scopes, domain.APIKeyScope.OrganisationBound) {
		u.Roles, u.OrganisationIDs = []domain.Role{domain.RoleEmployer}, []string{k.OrganisationID}
	}
	return u
}

// hash is the stored form of a secret: SHA-256 suffices for 130 random
// bits, which no one guesses, unlike a password.
func hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

func isStaff(u *domain.User) bool {
	return u != nil && (u.HasRole(domain.RoleStaff) || u.HasRole(domain.RoleAdmin))
}

func scopeList(scopes []domain.APIKeyScope) string {
	out := make([]string, len(scopes))
	for i, sc := range scopes {
		out[i] = string(sc)
	}
	return strings.Join(out, ",")
}
