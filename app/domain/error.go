// Package domain holds the platform's types and rules. It depends on nothing but
// the standard library, so every other layer can share it.
package domain

import (
	"errors"
	"fmt"
)

// Error codes, mapped to HTTP statuses in one place (web/errors.go).
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	EUNAVAILABLE  = "unavailable"
	ETOOMANY      = "too_many_requests"
)

// Error is an application error whose Message is a translation key (with
// optional Field naming the form field it belongs to) safe to show to users.
type Error struct {
	Code    string
	Message string
	Field   string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// FieldError returns an EINVALID error attached to a form field.
func FieldError(field, key string) *Error {
	return &Error{Code: EINVALID, Message: key, Field: field}
}

// ErrorCode returns the code of an application error, EINTERNAL for any other
// error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message key of an application error,
// or a generic key for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "error.internal"
}
