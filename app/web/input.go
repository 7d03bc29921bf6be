package web

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"passerelle/app/domain"
)

// checkInput applies the table of text fields (domain.TextKindOf) to every
// request before its handler: a NUL character anywhere (query, form, JSON)
// or a text longer than its field allows is refused with 422, so nothing
// is written; control characters are taken out of the fields that may not
// hold them. Handlers then read clean values whatever their route.
func (s *Server) checkInput(c *fiber.Ctx) error {
	if err := cleanArgs(c.Request().URI().QueryArgs(), false); err != nil {
		return err
	}
	if c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
		return c.Next()
	}
	var err error
	switch ct := string(c.Request().Header.ContentType()); {
	case strings.HasPrefix(ct, fiber.MIMEApplicationForm):
		err = cleanArgs(c.Request().PostArgs(), true)
	case strings.HasPrefix(ct, fiber.MIMEMultipartForm):
		err = cleanMultipart(c)
	case strings.HasPrefix(ct, fiber.MIMEApplicationJSON):
		err = cleanJSON(c)
	}
	if err != nil {
		return err
	}
	return c.Next()
}

// cleanArgs checks and cleans query or form arguments in place; a query
// only has its NUL characters refused, its texts being searched, not saved.
func cleanArgs(args *fasthttp.Args, limits bool) error {
	var err error
	var keys []string
	args.VisitAll(func(k, v []byte) {
		if err == nil {
			err = checkValue(string(k), string(v), limits)
		}
		keys = append(keys, string(k))
	})
	if err != nil || !limits {
		return err
	}
	for _, key := range slices.Compact(slices.Sorted(slices.Values(keys))) {
		values := args.PeekMulti(key)
		cleaned := make([]string, len(values))
		changed := false
		for i, v := range values {
			cleaned[i] = domain.CleanText(key, string(v))
			changed = changed || cleaned[i] != string(v)
		}
		if changed {
			args.Del(key)
			for _, v := range cleaned {
				args.Add(key, v)
			}
		}
	}
	return nil
}

func cleanMultipart(c *fiber.Ctx) error {
	form, err := c.MultipartForm()
	if err != nil {
		return &domain.Error{Code: domain.EINVALID, Message: "error.api.body_invalid"}
	}
	for key, values := range form.Value {
		for i, v := range values {
			if err := checkValue(key, v, true); err != nil {
				return err
			}
			values[i] = domain.CleanText(key, v)
		}
	}
	return nil
}

func checkValue(key, value string, limits bool) error {
	switch {
	case strings.IndexByte(key, 0) >= 0:
		return domain.FieldError("", "error.text.nul")
	case strings.IndexByte(value, 0) >= 0:
		return domain.FieldError(key, "error.text.nul")
	case !limits:
		return nil
	}
	return domain.CheckText(key, domain.CleanText(key, value))
}

// cleanJSON checks every string of a JSON body under its key, and puts the
// body back cleaned. A body that is not JSON is left to the handler, which
// refuses it as such.
func cleanJSON(c *fiber.Ctx) error {
	var body any
	dec := json.NewDecoder(bytes.NewReader(c.Body()))
	dec.UseNumber()
	if dec.Decode(&body) != nil {
		return nil
	}
	cleaned, err := cleanValue("", body)
	if err != nil {
		return err
	}
	out, err := json.Marshal(cleaned)
	if err != nil {
		return err
	}
	c.Request().SetBody(out)
	return nil
}

// cleanValue walks a decoded JSON value; key is the nearest object key, the
// field a string in a list belongs to.
func cleanValue(key string, v any) (any, error) {
	switch v := v.(type) {
	case string:
		if err := checkValue(key, v, true); err != nil {
			return nil, err
		}
		return domain.CleanText(key, v), nil
	case map[string]any:
		for k, item := range v {
			if strings.IndexByte(k, 0) >= 0 {
				return nil, domain.FieldError("", "error.text.nul")
			}
			cleaned, err := cleanValue(k, item)
			if err != nil {
				return nil, err
			}
			v[k] = cleaned
		}
	case []any:
		for i, item := range v {
			cleaned, err := cleanValue(key, item)
			if err != nil {
				return nil, err
			}
			v[i] = cleaned
		}
	}
	return v, nil
}
