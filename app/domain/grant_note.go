package domain

import "time"

// NoteKind tells a private staff annotation from a message the applicant sees.
type NoteKind string

const (
	NoteAnnotation NoteKind = "annotation" // staff only
	NoteMessage    NoteKind = "message"    // between staff and the applicant
)

// GrantNote is an annotation or a message about a grant application.
type GrantNote struct {
	ID       string    `bson:"_id" json:"id"`
	GrantID  string    `bson:"grant_id" json:"grant_id"`
	Kind     NoteKind  `bson:"kind" json:"kind"`
	AuthorID string    `bson:"author_id" json:"author_id"`
	Body     string    `bson:"body" json:"body"`
	At       time.Time `bson:"at" json:"at"`
}
