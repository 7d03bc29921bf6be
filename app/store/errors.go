package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

// mapError turns a driver error into a *domain.Error when it means something
// to the application (not found, conflict, unavailable), and wraps any other
// error, which domain.ErrorCode then reports as internal.
func mapError(err error) error {
	var domainErr *domain.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &domainErr):
		return err
	case errors.Is(err, mongo.ErrNoDocuments):
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
	case mongo.IsDuplicateKeyError(err), isFerretUpdateDuplicate(err):
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.conflict"}
	case unavailable(err):
		return &domain.Error{Code: domain.EUNAVAILABLE, Message: "error.unavailable"}
	}
	return fmt.Errorf("store: %w", err)
}

// isFerretUpdateDuplicate recognises FerretDB's report of a duplicate key
// raised by an update: an InternalError (code 1) quoting SQLite's message
// instead of MongoDB's code 11000.
func isFerretUpdateDuplicate(err error) bool {
	var se mongo.ServerError
	return errors.As(err, &se) && strings.Contains(se.Error(), "UNIQUE constraint failed")
}

func unavailable(err error) bool {
	return mongo.IsTimeout(err) || mongo.IsNetworkError(err) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, mongo.ErrClientDisconnected)
}

// notFoundAs gives a not-found error the message key of what was looked for.
func notFoundAs(err error, key string) error {
	err = mapError(err)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return &domain.Error{Code: domain.ENOTFOUND, Message: key}
	}
	return err
}

func isConflict(err error) bool {
	return domain.ErrorCode(mapError(err)) == domain.ECONFLICT
}
