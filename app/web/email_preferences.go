package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/notify"
)

// EmailPreferences lets a person choose their emails through the signed
// link of any email, without signing in.
type EmailPreferences interface {
	Preferences(ctx context.Context, token string) (domain.EmailPreferences, error)
	SavePreferences(ctx context.Context, token string, muted []domain.Topic) error
	Unsubscribe(ctx context.Context, token string, topic domain.Topic) error
}

type topicChoice struct {
	Topic  domain.Topic
	Wanted bool
}

// emailPreferencesPage shows the choices; ?sujet= (from an email's
// unsubscribe link) adds a one-button confirmation: a GET never changes
// anything, since mail scanners follow links.
func (s *Server) emailPreferencesPage(c *fiber.Ctx) error {
	return s.renderPreferences(c, fiber.Map{"Saved": c.Query("enregistre") != "", "Confirm": c.Query("sujet")})
}

func (s *Server) renderPreferences(c *fiber.Ctx, data fiber.Map) error {
	token := c.Params("token")
	prefs, err := s.deps.EmailPreferences.Preferences(c.UserContext(), token)
	if err != nil {
		return err
	}
	topics := make([]topicChoice, len(domain.Topics))
	for i, t := range domain.Topics {
		topics[i] = topicChoice{Topic: t, Wanted: prefs.Wants(t)}
	}
	if confirm, _ := data["Confirm"].(string); !domain.Topic(confirm).Valid() || !prefs.Wants(domain.Topic(confirm)) {
		delete(data, "Confirm")
	}
	data["Title"], data["Prefs"], data["Topics"] = s.localizer(c).T("preferences.title"), prefs, topics
	data["Action"] = notify.PreferencesPath(token)
	data["UnsubscribeAction"] = notify.UnsubscribePath(token) + "?sujet=" + c.Query("sujet")
	return s.render(c, "email_preferences", data)
}

// saveEmailPreferences keeps the checked topics; the signed token in the
// path, secret to the recipient, protects the form from other sites.
func (s *Server) saveEmailPreferences(c *fiber.Ctx) error {
	wanted := map[domain.Topic]bool{}
	for _, v := range c.Request().PostArgs().PeekMulti("recevoir") {
		wanted[domain.Topic(v)] = true
	}
	var muted []domain.Topic
	for _, t := range domain.Topics {
		if !wanted[t] {
			muted = append(muted, t)
		}
	}
	token := c.Params("token")
	if err := s.deps.EmailPreferences.SavePreferences(c.UserContext(), token, muted); err != nil {
		return err
	}
	return c.Redirect(notify.PreferencesPath(token)+"?enregistre=1", fiber.StatusSeeOther)
}

// unsubscribe is RFC 8058's one-click POST, sent by mail clients without
// cookies or form token, and the confirmation button of the page: both get
// the page back with a 200.
func (s *Server) unsubscribe(c *fiber.Ctx) error {
	topic := domain.Topic(c.Query("sujet"))
	if err := s.deps.EmailPreferences.Unsubscribe(c.UserContext(), c.Params("token"), topic); err != nil {
		return err
	}
	return s.renderPreferences(c, fiber.Map{"Unsubscribed": string(topic)})
}
