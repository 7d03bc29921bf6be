package search

import "fmt"

// QueryError reports a query parameter that the engines cannot honour. The
// application maps it to its own validation error, keyed by Field.
type QueryError struct {
	Field  string
	Reason string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("search: invalid %s: %s", e.Field, e.Reason)
}

func invalid(field, format string, args ...any) *QueryError {
	return &QueryError{Field: field, Reason: fmt.Sprintf(format, args...)}
}
