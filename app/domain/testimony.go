package domain

import "time"

// TestimonyStatus is where a testimony stands in moderation.
type TestimonyStatus string

const (
	TestimonyPending   TestimonyStatus = "pending"
	TestimonyPublished TestimonyStatus = "published"
	TestimonyRefused   TestimonyStatus = "refused"
)

// Testimony is a short account that an organisation's member writes for its
// public page — from a tutor, an apprentice, a former intern — shown once
// staff publish it, there and on the discovery pages of its families.
type Testimony struct {
	ID               string          `bson:"_id" json:"id"`
	OrganisationID   string          `bson:"organisation_id" json:"organisation_id"`
	OrganisationName string          `bson:"organisation_name" json:"organisation_name"`
	Author           string          `bson:"author" json:"author"` // who they are: « Inès, apprentie pâtissière »
	Text             string          `bson:"text" json:"text"`
	Status           TestimonyStatus `bson:"status" json:"status"`
	// Families are the tension families of the organisation's published
	// offers when staff published it: the discovery pages it shows on.
	Families    []string   `bson:"families,omitempty" json:"families,omitempty"`
	WrittenBy   string     `bson:"written_by" json:"-"`
	CreatedAt   time.Time  `bson:"created_at" json:"created_at"`
	ModeratedAt *time.Time `bson:"moderated_at,omitempty" json:"moderated_at,omitempty"`
}
