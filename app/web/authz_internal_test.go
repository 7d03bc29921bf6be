package web

import (
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// A route without an access rule, or registered around route, stops the
// server from being built.
func TestUndeclaredRoutesStopTheServer(t *testing.T) {
	s := &Server{app: fiber.New(), declared: map[string]bool{}}
	ok := func(c *fiber.Ctx) error { return nil }
	s.route(fiber.MethodGet, "/", ok)
	if err := s.checkDeclared(); err != nil {
		t.Fatalf("declared route refused: %v", err)
	}
	s.route(fiber.MethodPost, "/sans-regle", ok)
	s.app.Get("/en-douce", ok)
	err := s.checkDeclared()
	if err == nil || !strings.Contains(err.Error(), "POST /sans-regle") || !strings.Contains(err.Error(), "GET /en-douce") {
		t.Fatalf("got %v", err)
	}
}
