package web

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// decodeJSON reads a request body strictly: unknown fields and wrong types
// are refused with the field named, before anything is written.
func decodeJSON(c *fiber.Ctx, v any) error {
	if body := bytes.TrimSpace(c.Body()); len(body) == 0 || body[0] != '{' {
		return &domain.Error{Code: domain.EINVALID, Message: "error.api.body_not_object"} // null, a list, a number…
	}
	dec := json.NewDecoder(bytes.NewReader(c.Body()))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr):
		return &domain.Error{Code: domain.EINVALID, Message: "error.api.body_invalid", Field: typeErr.Field}
	}
	return &domain.Error{Code: domain.EINVALID, Message: "error.api.body_invalid"}
}

// created answers a creation with its resource.
func created(c *fiber.Ctx, v any) error { return c.Status(fiber.StatusCreated).JSON(v) }
