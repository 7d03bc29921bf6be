package domain

import (
	"strings"
	"time"
)

// Application bounds.
const (
	ApplicationMessageMax = 3000
	AdultAge              = 18
	ConsentAge            = 15 // under it, a guardian's consent is needed to apply
	CVMaxBytes            = 5 << 20
)

// Eligible checks that a youth may apply to an offer on day now: the offer
// is open, the youth's age is in its range (15 for an apprenticeship only
// with the 3e completed), and a guardian consented for a youth under 15.
func Eligible(y *Youth, o *Offer, now time.Time) error {
	age := y.Age(now)
	switch {
	case !o.Status.Open() || (!o.EndDate.IsZero() && o.EndDate.Before(now)):
		return &Error{Code: ECONFLICT, Message: "error.application.offer_closed"}
	case age < o.AgeMin || age > o.AgeMax:
		return &Error{Code: EFORBIDDEN, Message: "error.application.age"}
	case o.Type == OfferApprenticeship && age == apprenticeshipEarlyAge && !ThirdCompleted(y.Level):
		return &Error{Code: EFORBIDDEN, Message: "error.application.third_not_completed"}
	case age < ConsentAge && y.GuardianConsentAt == nil:
		return &Error{Code: EFORBIDDEN, Message: "error.application.consent_missing"}
	}
	return nil
}

// ValidateApplicationMessage bounds the youth's message, which may be empty.
func ValidateApplicationMessage(msg string) error {
	if len([]rune(strings.TrimSpace(msg))) > ApplicationMessageMax {
		return FieldError("message", "error.application.message_length")
	}
	return nil
}
