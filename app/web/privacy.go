package web

import (
	"encoding/json"
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

var errConfirmDeletion = domain.FieldError("confirm", "error.delete.confirm")

// privacySections are the parts of the privacy page, in order; their texts
// are the catalog's privacy.<section>.title and .text.
var privacySections = []string{"who", "what", "why", "minors", "employers", "retention", "rights"}

type privacySection struct{ ID, Title, Text string }

func (s *Server) privacyPage(c *fiber.Ctx) error {
	l := s.localizer(c)
	sections := make([]privacySection, len(privacySections))
	for i, id := range privacySections {
		sections[i] = privacySection{ID: id, Title: l.T("privacy." + id + ".title"), Text: l.T("privacy." + id + ".text")}
	}
	// The retention periods are the configured ones, not fixed words.
	r := s.deps.Retention
	sections[slices.Index(privacySections, "retention")].Text = l.T("privacy.retention.text", r.InactiveYears, r.CVDays)
	return s.render(c, "privacy", fiber.Map{"Title": l.T("privacy.title"), "Sections": sections})
}

// exportData downloads everything held about the signed-in person as JSON.
func (s *Server) exportData(c *fiber.Ctx) error {
	export, err := s.deps.Accounts.ExportData(c.UserContext(), currentUser(c), s.client(c))
	if err != nil {
		return err
	}
	body, err := json.MarshalIndent(export, "", "  ")
	if err != nil {
		return err
	}
	return sendDownload(c, "passerelle92-mes-donnees.json", fiber.MIMEApplicationJSONCharsetUTF8, body)
}

func (s *Server) deletionPage(c *fiber.Ctx) error {
	return s.render(c, "delete_account", fiber.Map{"Title": s.localizer(c).T("delete.title")})
}

func (s *Server) deleteAccount(c *fiber.Ctx) error {
	if c.FormValue("confirm") != "oui" {
		return s.formFailed(c, "delete_account", fiber.Map{"Title": s.localizer(c).T("delete.title")},
			errConfirmDeletion)
	}
	if err := s.deps.Accounts.DeleteAccount(c.UserContext(), currentUser(c), s.client(c)); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	c.Locals(userLocal, nil)
	return s.notice(c, "delete.done.title", "delete.done.text")
}
