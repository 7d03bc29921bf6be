package domain

import "time"

// AuditEvent records a security event or a staff action: who, when, what,
// on what, from where. Events are only ever appended.
type AuditEvent struct {
	ID         string    `bson:"_id" json:"id"`
	At         time.Time `bson:"at" json:"at"`
	ActorID    string    `bson:"actor_id,omitempty" json:"actor_id,omitempty"`
	Action     string    `bson:"action" json:"action"`
	TargetKind string    `bson:"target_kind,omitempty" json:"target_kind,omitempty"`
	TargetID   string    `bson:"target_id,omitempty" json:"target_id,omitempty"`
	IP         string    `bson:"ip,omitempty" json:"ip,omitempty"`
	Detail     string    `bson:"detail,omitempty" json:"detail,omitempty"`
}

// Audited actions.
const (
	AuditSignUp            = "account.sign_up"
	AuditSignIn            = "account.sign_in"
	AuditSignInFailed      = "account.sign_in_failed"
	AuditSignOut           = "account.sign_out"
	AuditSignOutAll        = "account.sign_out_everywhere"
	AuditEmailVerified     = "account.email_verified"
	AuditPasswordReset     = "account.password_reset"
	AuditMagicLinkUsed     = "account.magic_link_used"
	AuditRateLimited       = "account.rate_limited"
	AuditAccountDeleted    = "account.deleted"
	AuditAccountAnonymised = "account.anonymised_inactive"
	AuditDataExported      = "account.data_exported"
	AuditRolesChanged      = "staff.roles_changed"
	AuditUserSuspended     = "staff.user_suspended"
	AuditUserReinstated    = "staff.user_reinstated"
	AuditOrgCreated        = "organisation.created"
	AuditOrgVerified       = "staff.organisation_verified"
	AuditOrgPresented      = "organisation.presentation"
	AuditTestimonyWritten  = "organisation.testimony_written"
	AuditTestimonyMod      = "staff.testimony_moderated"
	AuditGuardianConsent   = "youth.guardian_consent"
)
