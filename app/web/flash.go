package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// flashCookie carries, across the redirect after an action, the message the
// next page shows: the key of one of flashes, never text from the request.
const flashCookie = "p92_flash"

// flashLifetime is long enough to follow the redirect, short enough that a
// message never shows on a page read much later.
const flashLifetime = time.Minute

// flashes are the messages an action may leave, by key (catalog "flash.<key>").
var flashes = map[string]bool{
	"search_saved": true, "favourite_saved": true, "favourite_removed": true, "application_sent": true,
	"offer_published": true, "offer_rejected": true, "organisation_verified": true, "conflict_declared": true,
	"booking_confirmed": true, "booking_waitlisted": true, "booking_cancelled": true, "offer_closed": true,
	"offer_reopened": true, "application_withdrawn": true, "api_key_revoked": true,
	"email_language_saved": true, "support_asked": true, "support_written": true, "support_followed": true,
	"support_assigned": true,
	"event_created":    true, "event_confirmed": true, "event_confirmed_youth": true, "event_waitlisted": true,
	"event_waitlisted_youth": true, "event_registration_cancelled": true, "event_registration_cancelled_youth": true,
	"event_attendance": true, "event_cancelled": true,
	"signature_code_sent": true, "signature_signed": true, "signature_code_sent_tu": true, "signature_signed_tu": true,
}

// flash leaves the message key for the next page the user reads.
func (s *Server) flash(c *fiber.Ctx, key string) {
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: key, Path: "/", HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode, Secure: s.deps.CookieSecure, Expires: s.deps.Now().Add(flashLifetime)})
}

// takeFlash returns the catalog key of the message left by the last action,
// if any, and forgets it.
func (s *Server) takeFlash(c *fiber.Ctx) string {
	key := c.Cookies(flashCookie)
	if key == "" {
		return ""
	}
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: "", Path: "/", HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode, Secure: s.deps.CookieSecure, Expires: time.Unix(0, 0)})
	if !flashes[key] {
		return ""
	}
	return "flash." + key
}
