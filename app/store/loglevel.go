package store

import (
	"context"
	"log/slog"
)

// levelFilter passes on only the records at or above min.
type levelFilter struct {
	next slog.Handler
	min  slog.Level
}

// minLevel wraps next so that it only receives records at level min or above.
func minLevel(next slog.Handler, min slog.Level) slog.Handler {
	return levelFilter{next: next, min: min}
}

func (f levelFilter) Enabled(ctx context.Context, level slog.Level) bool {
	return level >= f.min && f.next.Enabled(ctx, level)
}

func (f levelFilter) Handle(ctx context.Context, r slog.Record) error {
	return f.next.Handle(ctx, r)
}

func (f levelFilter) WithAttrs(attrs []slog.Attr) slog.Handler {
	return levelFilter{next: f.next.WithAttrs(attrs), min: f.min}
}

func (f levelFilter) WithGroup(name string) slog.Handler {
	return levelFilter{next: f.next.WithGroup(name), min: f.min}
}
