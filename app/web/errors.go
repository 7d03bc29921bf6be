package web

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// statusOf maps application error codes to HTTP statuses: the one place where
// the domain meets HTTP.
var statusOf = map[string]int{
	domain.ECONFLICT:     http.StatusConflict,
	domain.EINVALID:      http.StatusUnprocessableEntity,
	domain.ENOTFOUND:     http.StatusNotFound,
	domain.EUNAUTHORIZED: http.StatusUnauthorized,
	domain.EFORBIDDEN:    http.StatusForbidden,
	domain.EUNAVAILABLE:  http.StatusServiceUnavailable,
	domain.ETOOMANY:      http.StatusTooManyRequests,
	domain.EINTERNAL:     http.StatusInternalServerError,
}

// messageOfStatus gives a catalog key for errors raised by Fiber itself.
var messageOfStatus = map[int]string{
	http.StatusNotFound:              "error.not_found",
	http.StatusMethodNotAllowed:      "error.method_not_allowed",
	http.StatusRequestEntityTooLarge: "error.too_large",
	http.StatusUnsupportedMediaType:  "error.encoded_body", // only raised by refuseEncodedBody
	http.StatusTooManyRequests:       "error.too_many",
	http.StatusServiceUnavailable:    "error.unavailable",
}

// problem is an RFC 9457 problem document.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail,omitempty"`
	Field     string `json:"field,omitempty"`
	Instance  string `json:"instance"`
	RequestID string `json:"request_id"`
}

func (s *Server) handleError(c *fiber.Ctx, err error) error {
	status, key, field := s.classify(c, err)
	setRetryAfter(c, err)
	locale := localeOf(c)
	p := problem{
		Type:      "about:blank",
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    s.deps.Catalog.T(locale, key),
		Field:     field,
		Instance:  c.Path(),
		RequestID: requestID(c),
	}
	c.Status(status)
	if wantsJSON(c) {
		return c.JSON(p, "application/problem+json")
	}
	return s.render(c, "error", fiber.Map{"Problem": p, "Title": s.deps.Catalog.T(locale, "error.title")})
}

// classify returns the status, the message key and the field of an error,
// logging internal errors, whose details are never shown.
func (s *Server) classify(c *fiber.Ctx, err error) (int, string, string) {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		key, ok := messageOfStatus[fe.Code]
		if !ok {
			key = "error.bad_request"
		}
		if fe.Code >= 500 {
			key = "error.internal"
		}
		return fe.Code, key, ""
	}
	var de *domain.Error
	if errors.As(err, &de) && de.Code != domain.EINTERNAL {
		return statusOf[de.Code], de.Message, de.Field
	}
	s.deps.Logger.Error("request failed", slog.String("request_id", requestID(c)),
		slog.String("path", c.Path()), slog.Any("error", err))
	return http.StatusInternalServerError, "error.internal", ""
}

func wantsJSON(c *fiber.Ctx) bool {
	if strings.HasPrefix(c.Path(), "/api/") {
		return true
	}
	return c.Accepts(fiber.MIMETextHTML, fiber.MIMEApplicationJSON, "application/problem+json") != fiber.MIMETextHTML
}
