package domain

import "time"

// Role is what a person may do on the platform; one person may hold several.
type Role string

const (
	RoleYouth      Role = "youth"
	RoleCounsellor Role = "counsellor"
	RoleEmployer   Role = "employer"
	RoleApplicant  Role = "applicant"
	RoleReviewer   Role = "reviewer"
	// RoleAdviser accompanies ESS project holders for a partner structure.
	RoleAdviser Role = "adviser"
	RoleStaff   Role = "staff"
	RoleAdmin   Role = "admin"
)

// Roles lists every role in display order.
var Roles = []Role{RoleYouth, RoleCounsellor, RoleEmployer, RoleApplicant, RoleReviewer, RoleStaff, RoleAdmin, RoleAdviser}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, known := range Roles {
		if r == known {
			return true
		}
	}
	return false
}

// User is a person with an account.
type User struct {
	ID              string     `bson:"_id" json:"id"`
	Email           string     `bson:"email" json:"email"`
	Name            string     `bson:"name" json:"name"`
	Roles           []Role     `bson:"roles" json:"roles"`
	PasswordHash    string     `bson:"password_hash,omitempty" json:"-"`
	OrganisationIDs []string   `bson:"organisation_ids,omitempty" json:"organisation_ids,omitempty"`
	Locale          string     `bson:"locale" json:"locale"`
	EmailVerifiedAt *time.Time `bson:"email_verified_at,omitempty" json:"email_verified_at,omitempty"`
	CreatedAt       time.Time  `bson:"created_at" json:"created_at"`
	SuspendedAt     *time.Time `bson:"suspended_at,omitempty" json:"suspended_at,omitempty"`
	DeletedAt       *time.Time `bson:"deleted_at,omitempty" json:"deleted_at,omitempty"`
	// LastSignInAt and InactivityWarnedAt drive the anonymisation of
	// inactive accounts; a sign-in clears the warning.
	LastSignInAt       *time.Time `bson:"last_sign_in_at,omitempty" json:"last_sign_in_at,omitempty"`
	InactivityWarnedAt *time.Time `bson:"inactivity_warned_at,omitempty" json:"-"`
}

// LastActive is when the person last signed in, or else created the account.
func (u *User) LastActive() time.Time {
	if u.LastSignInAt != nil {
		return *u.LastSignInAt
	}
	return u.CreatedAt
}

// SelfRegisteredRoles may be chosen at sign-up; reviewers, staff and admins
// are created by staff or on the command line.
var SelfRegisteredRoles = []Role{RoleYouth, RoleCounsellor, RoleEmployer, RoleApplicant}

// SelfRegistered reports whether a person may give themselves role r.
func (r Role) SelfRegistered() bool {
	for _, open := range SelfRegisteredRoles {
		if r == open {
			return true
		}
	}
	return false
}

// HasRole reports whether the user holds role r.
func (u *User) HasRole(r Role) bool {
	for _, held := range u.Roles {
		if held == r {
			return true
		}
	}
	return false
}
