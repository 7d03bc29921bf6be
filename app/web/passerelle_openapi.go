package web

import (
	_ "embed"

	"github.com/gofiber/fiber/v2"
)

// openAPIDocument describes the programme's JSON API (OpenAPI 3).
//
//go:embed openapi.json
var openAPIDocument []byte

func (s *Server) openAPI(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(openAPIDocument)
}
