// Package mail sends the platform's emails, through SMTP in production and
// as .eml files in an outbox folder by default.
package mail

import "context"

// Address is an email address with an optional display name.
type Address struct {
	Name  string
	Email string
}

// Attachment is a file sent with a message.
type Attachment struct {
	Filename    string
	ContentType string
	Data        []byte
}

// Message is one email with HTML and plain-text alternatives.
type Message struct {
	To          []Address
	Subject     string
	Text        string
	HTML        string
	Headers     map[string]string // e.g. List-Unsubscribe
	Attachments []Attachment
	// ID, when set, becomes the Message-ID so that a resend is recognisable.
	ID string
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, msg Message) error
	// SendCommitted sends msg and calls commit just before the relay
	// accepts it, so that the caller records a send exactly once (see
	// committed.go). After commit returned nil, an error means the relay
	// did not take the message: the caller undoes its commit.
	SendCommitted(ctx context.Context, msg Message, commit func(context.Context) error) error
	// Ready reports whether messages can be delivered now.
	Ready(ctx context.Context) error
	Close() error
}
