package notify

import (
	"strings"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// view is what an email template sees.
type view struct {
	L    localizer
	To   Recipient
	Data any
	// Preferences is the signed link to the recipient's email preferences,
	// Unsubscribe the one to stop this topic (empty for transactional emails).
	Preferences string
	Unsubscribe string
	Topic       domain.Topic
	baseURL     string
}

// URL makes an absolute link from a path of the site.
func (v view) URL(path string) string {
	return strings.TrimSuffix(v.baseURL, "/") + path
}

// localizer gives email templates the texts and formats of the
// recipient's locale.
type localizer struct{ i18n.Localizer }

// Format is T with the arguments as a list, as a Notice carries them.
func (l localizer) Format(key string, args []any) string { return l.T(key, args...) }

// Paragraphs splits a text on its blank lines, for the HTML version.
func (l localizer) Paragraphs(text string) []string { return strings.Split(text, "\n\n") }

// Notice is the data of the "notice" email: a message whose subject and
// text are the catalog's Key+".subject" and Key+".body", the body formatted
// with Args, then the button to Link when there is one.
type Notice struct {
	Key  string
	Args []any
	Link string
}
