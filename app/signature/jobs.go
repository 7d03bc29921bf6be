package signature

import (
	"context"
	"fmt"
	"log/slog"

	"passerelle/app/domain"
)

// Report is what a run of the signatures job did.
type Report struct {
	Reminded, Expired, Settled int
}

func (r Report) String() string {
	return fmt.Sprintf("%d relances de signature, %d demandes expirées, %d signatures complètes menées à leur terme",
		r.Reminded, r.Expired, r.Settled)
}

// Run is the signatures job: a request past its deadline expires (its
// parties told); a party whose turn it is and who has not signed since
// RemindAfter gets a new link, at most Reminders times. Each step is one
// conditional update, so a run that crashed, or two replicas, never send
// one twice. It also mends what a crash left: a request signed by all but
// not completed is completed, and a completed one whose consequences are
// not recorded done is settled again.
func (s *Service) Run(ctx context.Context) (Report, error) {
	var rep Report
	unsettled, err := s.store.UnsettledSignatureRequests(ctx)
	if err != nil {
		return rep, err
	}
	for i := range unsettled {
		if s.settle(ctx, &unsettled[i]) {
			rep.Settled++
		}
	}
	open, err := s.store.OpenSignatureRequests(ctx)
	if err != nil {
		return rep, err
	}
	now := s.now()
	for i := range open {
		r := &open[i]
		if r.Signed() {
			if r, err := s.afterSignature(ctx, r.ID); err == nil && r.SettledAt != nil {
				rep.Settled++
			}
			continue
		}
		if !now.Before(r.Deadline) {
			if s.expire(ctx, r) {
				rep.Expired++
			}
			continue
		}
		rules := RulesOf(r.Kind)
		for j, p := range r.Parties {
			due := p.InvitedAt != nil && p.SignedAt == nil && p.Reminders < rules.Reminders &&
				!now.Before(p.InvitedAt.Add(rules.RemindAfter))
			if due && s.sendLink(ctx, r, j, domain.SignEventReminded) {
				rep.Reminded++
			}
		}
	}
	return rep, nil
}

func (s *Service) expire(ctx context.Context, r *domain.SignatureRequest) bool {
	now := s.now()
	ok, err := s.store.ApplySignatureChange(ctx, domain.SignatureChange{ID: r.ID, From: domain.SignatureOpen, Party: -1,
		To: domain.SignatureExpired, At: now, Event: domain.SignatureEvent{At: now, Kind: domain.SignEventExpired, Party: -1, Hash: r.Hash}})
	if err != nil || !ok {
		if err != nil {
			s.logger.Error("signature: expire", slog.String("request", r.ID), slog.Any("error", err))
		}
		return false
	}
	s.record(ctx, r, domain.SignEventExpired, "", "", r.Summary)
	s.tell(ctx, r, "expired", func(p domain.SignatureParty) bool { return p.InvitedAt != nil })
	return true
}

// Purge deletes the requests whose retention ended (outing authorisations,
// some days after the visit) and their documents.
func (s *Service) Purge(ctx context.Context) (int, error) {
	files, err := s.store.PurgeSignatureRequests(ctx, s.now())
	for _, f := range files {
		if ferr := s.store.DeleteFile(ctx, f); ferr != nil && domain.ErrorCode(ferr) != domain.ENOTFOUND {
			err = ferr
		}
	}
	return len(files), err
}
