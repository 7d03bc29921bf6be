package domain

import (
	"slices"
	"time"
)

// APIKey lets a partner's software (school software, a CIO's tools, a job
// board) call the API without a person's session. Only a hash of its secret
// is kept: the key is shown once, when staff create it.
type APIKey struct {
	ID           string        `bson:"_id" json:"id"`
	Partner      string        `bson:"partner" json:"partner"`
	Kind         PartnerKind   `bson:"kind" json:"kind"`
	ContactEmail string        `bson:"contact_email" json:"contact_email"`
	Scopes       []APIKeyScope `bson:"scopes" json:"scopes"`
	// OrganisationID is the one organisation whose offers the key reads and
	// writes (the offers scopes); empty for open data only.
	OrganisationID   string     `bson:"organisation_id,omitempty" json:"organisation_id,omitempty"`
	OrganisationName string     `bson:"organisation_name,omitempty" json:"organisation_name,omitempty"`
	RatePerMinute    int        `bson:"rate_per_minute" json:"rate_per_minute"`
	SecretHash       string     `bson:"secret_hash" json:"-"`
	CreatedBy        string     `bson:"created_by" json:"created_by"`
	CreatedAt        time.Time  `bson:"created_at" json:"created_at"`
	LastUsedAt       *time.Time `bson:"last_used_at,omitempty" json:"last_used_at,omitempty"`
	RevokedAt        *time.Time `bson:"revoked_at,omitempty" json:"revoked_at,omitempty"`
	RevokedBy        string     `bson:"revoked_by,omitempty" json:"revoked_by,omitempty"`
}

// Allows reports whether the key holds scope.
func (k *APIKey) Allows(scope APIKeyScope) bool { return slices.Contains(k.Scopes, scope) }

// PartnerKind is what kind of software a partner runs.
type PartnerKind string

const (
	PartnerSchoolSoftware PartnerKind = "school_software"
	PartnerCIOTool        PartnerKind = "cio_tool"
	PartnerJobBoard       PartnerKind = "job_board"
	PartnerOther          PartnerKind = "other"
)

// PartnerKinds lists the kinds in display order.
var PartnerKinds = []PartnerKind{PartnerSchoolSoftware, PartnerCIOTool, PartnerJobBoard, PartnerOther}

// APIKeyScope is what a key may do; routes.go names the scope each API
// route admits keys with.
type APIKeyScope string

const (
	// ScopeOpenData reads what is public and personless: the published
	// offers' search and suggestions, visit sessions, open data.
	ScopeOpenData APIKeyScope = "open_data:read"
	// ScopeOffersRead reads the offers of the key's organisation, whatever
	// their status (drafts and offers waiting for moderation included).
	ScopeOffersRead APIKeyScope = "offers:read"
	// ScopeOffersWrite creates and changes the offers of the key's
	// organisation, which go through moderation like any employer's.
	ScopeOffersWrite APIKeyScope = "offers:write"
)

// APIKeyScopes lists the scopes in display order.
var APIKeyScopes = []APIKeyScope{ScopeOpenData, ScopeOffersRead, ScopeOffersWrite}

// OrganisationBound reports whether the scope acts for one organisation.
func (s APIKeyScope) OrganisationBound() bool { return s == ScopeOffersRead || s == ScopeOffersWrite }

// Audited actions on API keys.
const (
	AuditAPIKeyCreated     = "staff.api_key_created"
	AuditAPIKeyRevoked     = "staff.api_key_revoked"
	AuditAPIKeyRateLimited = "api_key.rate_limited"
)
