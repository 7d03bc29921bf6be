package progress

import (
	"context"
	"log/slog"
	"strconv"

	"passerelle/app/domain"
)

// Problems lists what keeps a file from being submitted, for the summary
// page; an empty list means it may be submitted.
func (s *Service) Problems(ctx context.Context, actor *domain.User, id string) ([]*domain.Error, error) {
	g, call, err := s.fileAndCall(ctx, s.applicantFile, actor, id)
	if err != nil {
		return nil, err
	}
	return g.Problems(call), nil
}

// Submit locks a complete draft, before the call's closing instant by the
// server's clock, keeps the submitted version and sends the acknowledgement
// with its PDF receipt.
func (s *Service) Submit(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	g, call, err := s.fileAndCall(ctx, s.applicantFile, actor, id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if !call.IsOpen(now) {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.grant.call_closed", Field: "submit"}
	}
	if problems := g.Problems(call); len(problems) > 0 {
		return nil, problems[0]
	}
	err = s.Transition(ctx, actor, g, domain.GrantSubmitted, domain.RoleApplicant, "", func(next *domain.GrantApplication) {
		next.Version, next.SubmittedAt = 1, &now
	})
	if err != nil {
		return nil, err
	}
	s.keepVersion(ctx, actor, g)
	s.acknowledge(ctx, call, g)
	return g, nil
}

// keepVersion stores the content as submitted; the file's history stays
// complete without it, so a failure is only logged.
func (s *Service) keepVersion(ctx context.Context, actor *domain.User, g *domain.GrantApplication) {
	v := domain.GrantVersion{ID: g.ID + ":" + strconv.Itoa(g.Version), GrantID: g.ID, Version: g.Version,
		Content: g.Content, Attachments: g.Attachments, SubmittedBy: actor.ID, SubmittedAt: s.now()}
	if err := s.store.InsertGrantVersion(ctx, v); err != nil {
		s.logger.Error("progress: keep version", slog.String("grant", g.ID), slog.Int("version", g.Version), slog.Any("error", err))
	}
}

func (s *Service) acknowledge(ctx context.Context, call *domain.Call, g *domain.GrantApplication) {
	pdf, err := Receipt(call, g)
	if err != nil {
		s.logger.Error("progress: receipt", slog.String("grant", g.ID), slog.Any("error", err))
		return
	}
	s.notifyEditors(ctx, g, "grant.submitted:"+g.ID, "notice.grant.submitted", []any{g.Content.Project.Title, g.ID},
		domain.EmailAttachment{Filename: "accuse-reception-" + g.ID + ".pdf", ContentType: "application/pdf", Data: pdf})
}

// ReceiptFor returns the PDF receipt of a submitted file to its editors and staff.
func (s *Service) ReceiptFor(ctx context.Context, actor *domain.User, id string) ([]byte, error) {
	g, call, err := s.fileAndCall(ctx, s.ViewFile, actor, id)
	if err != nil {
		return nil, err
	}
	if g.SubmittedAt == nil {
		return nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.grant.not_submitted"}
	}
	return s.firstReceipt(ctx, call, g)
}

// firstReceipt renders the receipt of the file as first submitted, the
// one sent, even after answers to requests for information changed it.
func (s *Service) firstReceipt(ctx context.Context, call *domain.Call, g *domain.GrantApplication) ([]byte, error) {
	versions, err := s.store.GrantVersions(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	first := *g
	if len(versions) > 0 {
		first.Content, first.Attachments = versions[0].Content, versions[0].Attachments
	}
	return Receipt(call, &first)
}

func editors(g *domain.GrantApplication) []string {
	return append([]string{g.CreatedBy}, g.EditorIDs...)
}
