// Package audit appends the services' changes to the platform's audit trail.
package audit

import (
	"context"
	"log/slog"
	"time"

	"passerelle/app/domain"
)

// Store keeps the audit trail.
type Store interface {
	AppendAudit(ctx context.Context, e domain.AuditEvent) error
}

// Trail records the events of one service.
type Trail struct {
	store  Store
	logger *slog.Logger
	now    func() time.Time
}

// New returns the trail of a service, dating events with its clock.
func New(store Store, logger *slog.Logger, now func() time.Time) Trail {
	return Trail{store: store, logger: logger, now: now}
}

// Record appends e with a new ID, dated now. A failure is logged, never
// returned: the change it records is already saved.
func (t Trail) Record(ctx context.Context, e domain.AuditEvent) {
	e.ID, e.At = domain.NewID("audit"), t.now().UTC()
	if err := t.store.AppendAudit(ctx, e); err != nil {
		t.logger.Error("audit not recorded", slog.String("action", e.Action), slog.String("target", e.TargetID),
			slog.Any("error", err))
	}
}
