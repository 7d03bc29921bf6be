package domain

import "time"

// NotificationState is where a notification stands in its delivery.
type NotificationState string

// A notification is pending until a sender claims it; sending while claimed
// (a crashed sender's claim expires and it becomes due again); then sent, or
// failed once it can never be delivered.
const (
	NotificationPending NotificationState = "pending"
	NotificationSending NotificationState = "sending"
	NotificationSent    NotificationState = "sent"
	NotificationFailed  NotificationState = "failed"
)

// Topic is a kind of email a person may choose not to receive; the empty
// topic is a transactional email (a booking confirmation), always sent.
type Topic string

// The digests and reminders of the scheduled jobs.
const (
	TopicYouthDigest       Topic = "youth_digest"
	TopicCounsellorDigest  Topic = "counsellor_digest"
	TopicEmployerDigest    Topic = "employer_digest"
	TopicVisitReminders    Topic = "visit_reminders"
	TopicProgressReminders Topic = "progress_reminders"
	TopicReviewerReminders Topic = "reviewer_reminders"
	TopicStaffSummary      Topic = "staff_summary"
	TopicEventReminders    Topic = "event_reminders"
)

// Topics lists every topic in the order of the preferences page.
var Topics = []Topic{TopicYouthDigest, TopicCounsellorDigest, TopicEmployerDigest, TopicVisitReminders,
	TopicProgressReminders, TopicReviewerReminders, TopicStaffSummary, TopicEventReminders}

// Valid reports whether t is a known topic.
func (t Topic) Valid() bool {
	for _, known := range Topics {
		if t == known {
			return true
		}
	}
	return false
}

// Notification is one email to one person, rendered when it was queued.
// Its ID is the idempotency key (job or event, recipient, period): queuing
// the same key twice is a no-op, and the key gives the Message-ID, so a
// retry is recognisable as the same message.
type Notification struct {
	ID           string            `bson:"_id"`
	Topic        Topic             `bson:"topic,omitempty"`
	Email        string            `bson:"email"`
	Name         string            `bson:"name,omitempty"`
	Subject      string            `bson:"subject"`
	State        NotificationState `bson:"state"`
	Attempts     int               `bson:"attempts"`
	NextAt       time.Time         `bson:"next_at"`
	ClaimedBy    string            `bson:"claimed_by,omitempty"`
	ClaimedUntil time.Time         `bson:"claimed_until,omitempty"`
	LastError    string            `bson:"last_error,omitempty"`
	CreatedAt    time.Time         `bson:"created_at"`
	SentAt       time.Time         `bson:"sent_at,omitempty"`
}

// NotificationBody is the rendered email of a notification, kept apart
// under the same ID: senders claim and settle the small records many
// times, and read the body once, when they send it.
type NotificationBody struct {
	ID          string            `bson:"_id"`
	Text        string            `bson:"text"`
	HTML        string            `bson:"html"`
	Headers     map[string]string `bson:"headers,omitempty"`
	Attachments []EmailAttachment `bson:"attachments,omitempty"`
}

// NotificationMove is the outcome a sender records for its claim.
type NotificationMove struct {
	State     NotificationState
	NextAt    time.Time
	SentAt    time.Time
	LastError string
}

// EmailAttachment is a file sent with a notification, e.g. a visit's .ics.
type EmailAttachment struct {
	Filename    string `bson:"filename"`
	ContentType string `bson:"content_type"`
	Data        []byte `bson:"data"`
}

// EmailPreferences are the topics one address chose not to receive.
type EmailPreferences struct {
	Email     string    `bson:"_id"`
	Muted     []Topic   `bson:"muted"`
	UpdatedAt time.Time `bson:"updated_at"`
}

// Wants reports whether the address still receives topic t; transactional
// emails are always wanted.
func (p EmailPreferences) Wants(t Topic) bool {
	for _, muted := range p.Muted {
		if muted == t {
			return false
		}
	}
	return true
}

// Notice is an email a service sends through the notification service, at
// most once per Key: its subject and text are the catalog's Text+".subject"
// and Text+".body", the body formatted with Args.
type Notice struct {
	Key  string
	To   NoticeRecipient
	Text string
	Args []any
	// Framed puts the text between the layout's greeting and signature.
	Framed bool
	// Link is the email's one action, when it has one: a button to it
	// labelled Text+".action", followed by Text+".outro".
	Link        string
	Attachments []EmailAttachment
}

// NoticeRecipient is who a notice goes to; the notification service writes
// in Locale when it is given, else in the language the account UserID
// chose, else in the platform's default language.
type NoticeRecipient struct {
	Email, Name, Locale string
	UserID              string
}

// AccountRecipient is the holder of an account known by the copies of its
// id, name and address that a record keeps (a booking's counsellor, an
// application's youth): the email is written in the language the account
// has chosen when it is sent, not when the record was made.
func AccountRecipient(userID, name, email string) NoticeRecipient {
	return NoticeRecipient{Email: email, Name: name, UserID: userID}
}

// RecipientOf is a user as a notice's recipient, in the language they chose. An address without an account (a contact, a
// guardian) has no Locale and is written to in the platform's language.
func RecipientOf(u User) NoticeRecipient {
	return NoticeRecipient{Email: u.Email, Name: u.Name, Locale: u.Locale}
}
