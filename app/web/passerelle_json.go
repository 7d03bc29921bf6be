package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"

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

// page is one page of a list, as the API returns lists.
type page[T any] struct {
	Items   []T `json:"items"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
	Total   int `json:"total"`
}

const (
	defaultPerPage = 20
	maxPerPage     = 100
)

// paginate cuts items to the page the query asks for (?page=1&per_page=20).
func paginate[T any](c *fiber.Ctx, items []T) page[T] {
	n := pageNumber(c.Query("page"))
	per, _ := strconv.Atoi(c.Query("per_page", strconv.Itoa(defaultPerPage)))
	per = min(max(per, 1), maxPerPage)
	from := min((n-1)*per, len(items))
	return page[T]{Items: items[from:min(from+per, len(items))], Page: n, PerPage: per, Total: len(items)}
}

// created answers a creation with its resource.
func created(c *fiber.Ctx, v any) error { return c.Status(fiber.StatusCreated).JSON(v) }
