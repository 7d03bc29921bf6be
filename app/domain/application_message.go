package domain

import (
	"slices"
	"strings"
	"time"
)

// MessageSide is which party of an application wrote a message.
type MessageSide string

const (
	SideEmployer MessageSide = "employer"
	SideYouth    MessageSide = "youth"
)

// Bounds of an application's thread: the length of one message, and how
// many one side may write in a day — each message emails the other side,
// and a minor's guardian when the employer writes.
const (
	ApplicationMessageBodyMax = 2000
	ApplicationMessagesPerDay = 20
)

// ApplicationMessage is one message of the thread between the youth who
// applied and the organisation that offers. An employer writes in the name of
// their organisation, so AuthorName is the organisation's name on that side.
type ApplicationMessage struct {
	ID            string      `bson:"_id" json:"id"`
	ApplicationID string      `bson:"application_id" json:"application_id"`
	AuthorSide    MessageSide `bson:"author_side" json:"author_side"`
	AuthorID      string      `bson:"author_id" json:"-"` // kept for the audit; the other side needs only the name
	AuthorName    string      `bson:"author_name" json:"author_name"`
	Body          string      `bson:"body" json:"body"`
	CreatedAt     time.Time   `bson:"created_at" json:"created_at"`
}

// NormaliseMessageBody trims a message and checks it holds 1 to
// ApplicationMessageBodyMax characters.
func NormaliseMessageBody(body string) (string, error) {
	body = strings.TrimSpace(body)
	switch n := len([]rune(body)); {
	case n == 0:
		return "", FieldError("body", "error.application_message.empty")
	case n > ApplicationMessageBodyMax:
		return "", FieldError("body", "error.application_message.too_long")
	}
	return body, nil
}

// messagingStatuses are where both parties may still write: a declined,
// withdrawn or expired application is closed.
var messagingStatuses = []ApplicationStatus{ApplicationSent, ApplicationSeen, ApplicationInterview, ApplicationAccepted}

// OpenToMessages reports whether the parties may still write about an
// application in status s.
func (s ApplicationStatus) OpenToMessages() bool { return slices.Contains(messagingStatuses, s) }

// TooManyMessages reports whether side already wrote ApplicationMessagesPerDay
// messages of thread in the day before now.
func TooManyMessages(thread []ApplicationMessage, side MessageSide, now time.Time) bool {
	n := 0
	for _, m := range thread {
		if m.AuthorSide == side && m.CreatedAt.After(now.Add(-24*time.Hour)) {
			n++
		}
	}
	return n >= ApplicationMessagesPerDay
}
