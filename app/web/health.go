package web

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

func (s *Server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz checks every part the platform needs, in parallel, each within a
// short deadline, and answers 503 naming the parts that fail.
func (s *Server) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 3*time.Second)
	defer cancel()
	results := make(map[string]string, len(s.deps.Readiness))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, check := range s.deps.Readiness {
		wg.Go(func() {
			status := "ok"
			if err := check.Check(ctx); err != nil {
				status = "unavailable"
				s.deps.Logger.Warn("readiness check failed", slog.String("part", check.Name), slog.Any("error", err))
			}
			mu.Lock()
			results[check.Name] = status
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, status := range results {
		if status != "ok" {
			return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{"status": "unavailable", "checks": results})
		}
	}
	return c.JSON(fiber.Map{"status": "ok", "checks": results})
}
