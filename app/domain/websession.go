package domain

import "time"

// WebSession is a signed-in browser. Its ID is the SHA-256 of the cookie's
// token, so that a copy of the database cannot be replayed as a cookie.
type WebSession struct {
	ID        string    `bson:"_id" json:"-"`
	UserID    string    `bson:"user_id" json:"user_id"`
	CreatedAt time.Time `bson:"created_at" json:"created_at"`
	ExpiresAt time.Time `bson:"expires_at" json:"expires_at"`
	IP        string    `bson:"ip" json:"ip"`
	UserAgent string    `bson:"user_agent" json:"user_agent"`
}

// TokenPurpose says what a one-time emailed token allows.
type TokenPurpose string

const (
	TokenVerifyEmail     TokenPurpose = "verify_email"
	TokenMagicLink       TokenPurpose = "magic_link"
	TokenResetPassword   TokenPurpose = "reset_password"
	TokenGuardianConsent TokenPurpose = "guardian_consent"
	TokenInvitation      TokenPurpose = "invitation"
)

// Token is a one-time secret sent by email, stored as its SHA-256 only.
type Token struct {
	ID        string       `bson:"_id"`
	Purpose   TokenPurpose `bson:"purpose"`
	UserID    string       `bson:"user_id,omitempty"`
	Email     string       `bson:"email,omitempty"`
	Subject   string       `bson:"subject,omitempty"` // e.g. the organisation of an invitation
	CreatedAt time.Time    `bson:"created_at"`
	ExpiresAt time.Time    `bson:"expires_at"`
}
