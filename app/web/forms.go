package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// formFailed shows page again with the error next to its field (or above
// the form) and the status the error means; internal errors go to the
// central handler, which never shows their details.
func (s *Server) formFailed(c *fiber.Ctx, page string, data fiber.Map, err error) error {
	if !failed(c, data, err) {
		return err
	}
	return s.render(c, page, data)
}

// failed puts an application error into a page's data, with its status; it
// returns false for internal errors, which the caller passes on.
func failed(c *fiber.Ctx, data fiber.Map, err error) bool {
	var de *domain.Error
	if !errors.As(err, &de) || de.Code == domain.EINTERNAL {
		return false
	}
	setRetryAfter(c, err)
	data["Error"], data["Field"] = de.Message, de.Field
	c.Status(statusOf[de.Code])
	return true
}

// notice shows a short message page, e.g. "check your email".
func (s *Server) notice(c *fiber.Ctx, titleKey, textKey string) error {
	l := s.localizer(c)
	return s.render(c, "notice", fiber.Map{"Title": l.T(titleKey), "Text": l.T(textKey)})
}

func (s *Server) localizer(c *fiber.Ctx) localizer {
	return localizer{s.deps.Catalog.For(localeOf(c))}
}
