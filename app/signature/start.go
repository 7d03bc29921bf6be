package signature

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// Document is what a kind of document asks to have signed.
type Document struct {
	Kind      domain.SignatureKind
	SubjectID string
	GroupID   string
	Title     string
	Summary   string
	Sections  []domain.DocumentSection
	// Parties in their order of signature (Order, lowest first).
	Parties []domain.SignatureParty
	// Deadline, when the document has its own (an outing: the visit);
	// zero: now + the kind's Validity.
	Deadline   time.Time
	PurgeAfter time.Time
	CreatedBy  string
}

func (d Document) check() error {
	if len(d.Parties) == 0 || len(d.Parties) > maxParty {
		return domain.FieldError("parties", "error.signature.no_party")
	}
	for _, p := range d.Parties {
		if strings.TrimSpace(p.Name) == "" || !strings.Contains(p.Email, "@") {
			return domain.FieldError("parties", "error.signature.party_incomplete")
		}
	}
	return nil
}

// Start generates the document, fixes its hash and invites the parties
// whose turn it is. When an open request of the same subject exists with
// the same content, it is kept (a second click starts nothing); with other
// content, it is voided, its parties told, and the new one replaces it.
func (s *Service) Start(ctx context.Context, d Document) (*domain.SignatureRequest, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	now := s.now()
	r := &domain.SignatureRequest{ID: domain.NewID("sig"), Kind: d.Kind, SubjectID: d.SubjectID, GroupID: d.GroupID, Title: d.Title,
		Summary: d.Summary, Sections: d.Sections, State: domain.SignatureOpen, Parties: d.Parties,
		Deadline: d.Deadline, PurgeAfter: d.PurgeAfter, CreatedBy: d.CreatedBy, CreatedAt: now, Events: []domain.SignatureEvent{}}
	if r.Deadline.IsZero() {
		r.Deadline = now.Add(RulesOf(d.Kind).Validity)
	}
	for i := range r.Parties {
		p := &r.Parties[i]
		p.Email = strings.ToLower(strings.TrimSpace(p.Email))
		p.TokenHash, p.InvitedAt, p.SignedAt, p.CodeHash, p.CodeExpiresAt = "", nil, nil, "", nil
		p.Reminders, p.CodesSent, p.CodeAttempts = 0, 0, 0
		r.Emails = append(r.Emails, p.Email)
	}
	pdf, err := render(r, false)
	if err != nil {
		return nil, err
	}
	r.Hash, r.FileID = fingerprint(pdf), "signature-"+r.ID
	previous, err := s.openRequest(ctx, d.Kind, d.SubjectID)
	if err != nil {
		return nil, err
	}
	if previous != nil && sameContent(previous, r) {
		return previous, nil
	}
	if err := s.store.PutFile(ctx, r.FileID, r.ID+".pdf", pdf); err != nil {
		return nil, err
	}
	r.Events = append(r.Events, domain.SignatureEvent{At: now, Kind: domain.SignEventCreated, Party: -1, Hash: r.Hash})
	if err := s.store.InsertSignatureRequest(ctx, *r); err != nil {
		return nil, err
	}
	s.record(ctx, r, domain.SignEventCreated, d.CreatedBy, "", r.Summary)
	if previous != nil {
		s.void(ctx, previous, r.ID)
	}
	s.inviteDue(ctx, r)
	return r, nil
}

// sameContent reports whether two requests would have the same document
// signed by the same people: the hash covers the dates of creation, so the
// content is compared.
func sameContent(a, b *domain.SignatureRequest) bool {
	if a.Title != b.Title || a.Summary != b.Summary || len(a.Sections) != len(b.Sections) || len(a.Parties) != len(b.Parties) {
		return false
	}
	for i := range a.Sections {
		x, y := a.Sections[i], b.Sections[i]
		if x.Heading != y.Heading || strings.Join(x.Paragraphs, "\n") != strings.Join(y.Paragraphs, "\n") || len(x.Rows) != len(y.Rows) {
			return false
		}
		for j := range x.Rows {
			if x.Rows[j] != y.Rows[j] {
				return false
			}
		}
	}
	for i := range a.Parties {
		x, y := a.Parties[i], b.Parties[i]
		if x.Role != y.Role || x.Name != y.Name || x.Email != y.Email || x.Order != y.Order {
			return false
		}
	}
	return true
}

func (s *Service) openRequest(ctx context.Context, kind domain.SignatureKind, subjectID string) (*domain.SignatureRequest, error) {
	all, err := s.store.SignatureRequestsBySubject(ctx, kind, subjectID)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].State == domain.SignatureOpen {
			return &all[i], nil
		}
	}
	return nil, nil
}

// Void ends the open request of a subject whose data changed and can no
// longer be signed as it is (an award withdrawn, a booking cancelled).
func (s *Service) Void(ctx context.Context, kind domain.SignatureKind, subjectID string) error {
	r, err := s.openRequest(ctx, kind, subjectID)
	if err != nil || r == nil {
		return err
	}
	s.void(ctx, r, "")
	return nil
}

// void moves an open request to voided and tells the parties already
// invited; the signatures it holds no longer count.
func (s *Service) void(ctx context.Context, r *domain.SignatureRequest, by string) {
	now := s.now()
	ok, err := s.store.ApplySignatureChange(ctx, domain.SignatureChange{ID: r.ID, From: domain.SignatureOpen, Party: -1,
		To: domain.SignatureVoided, At: now, Event: domain.SignatureEvent{At: now, Kind: domain.SignEventVoided, Party: -1, Hash: r.Hash}})
	if err == nil && ok && by != "" {
		err = s.store.SetSignatureReplacement(ctx, r.ID, by)
	}
	if err != nil || !ok {
		if err != nil {
			s.logger.Error("signature: void", slog.String("request", r.ID), slog.Any("error", err))
		}
		return
	}
	s.record(ctx, r, domain.SignEventVoided, "", "", r.Summary)
	s.tell(ctx, r, "voided", func(p domain.SignatureParty) bool { return p.InvitedAt != nil })
}

// tell queues the notice signature.<what> to the parties chosen, once each;
// a failure is logged and returned.
func (s *Service) tell(ctx context.Context, r *domain.SignatureRequest, what string, who func(domain.SignatureParty) bool, files ...domain.EmailAttachment) error {
	var notices []domain.Notice
	for i, p := range r.Parties {
		if who(p) {
			notices = append(notices, domain.Notice{Key: "signature-" + what + "/" + r.ID + "/" + strconv.Itoa(i), Text: textFor(p, "notice.signature."+what),
				To:          domain.NoticeRecipient{Email: p.Email, Name: p.Name, Locale: p.Locale},
				Args:        []any{s.kindLabel(p.Locale, r.Kind), r.Summary},
				Attachments: files})
		}
	}
	if len(notices) == 0 {
		return nil
	}
	_, err := s.mail.SendNotices(ctx, notices)
	if err != nil {
		s.logger.Error("signature: notify", slog.String("request", r.ID), slog.String("what", what), slog.Any("error", err))
	}
	return err
}

// inviteDue invites the parties whose turn it is and who have no link yet.
func (s *Service) inviteDue(ctx context.Context, r *domain.SignatureRequest) {
	for i, p := range r.Parties {
		if p.InvitedAt == nil && p.SignedAt == nil && r.Turn(i) {
			s.sendLink(ctx, r, i, domain.SignEventInvited)
		}
	}
}

// sendLink gives party i a new personal link and emails it, as an
// invitation or a reminder: the conditional update on the party's count of
// reminders makes each one happen once, whichever replica runs it.
func (s *Service) sendLink(ctx context.Context, r *domain.SignatureRequest, i int, kind string) bool {
	p, now := r.Parties[i], s.now()
	tok := newToken(r.ID, i)
	set := map[string]any{"token_hash": hashOf(tok.Secret), "invited_at": now}
	inc := map[string]int{}
	if kind == domain.SignEventReminded {
		inc["reminders"] = 1
	}
	ok, err := s.store.ApplySignatureChange(ctx, domain.SignatureChange{ID: r.ID, From: domain.SignatureOpen, Party: i,
		Unsigned: true, Equal: map[string]any{"reminders": p.Reminders}, Set: set, Inc: inc,
		Event: domain.SignatureEvent{At: now, Kind: kind, Party: i, Hash: r.Hash}})
	if err != nil || !ok {
		if err != nil {
			s.logger.Error("signature: link", slog.String("request", r.ID), slog.Any("error", err))
		}
		return false
	}
	r.Parties[i].InvitedAt = &now
	s.record(ctx, r, kind, "", "", roleLabel(p.Role)+" : "+p.Name)
	n := domain.Notice{Key: domain.NewID("signature-link"), Text: textFor(p, "mail.signature."+kind),
		To:   domain.NoticeRecipient{Email: p.Email, Name: p.Name, Locale: p.Locale},
		Args: []any{s.kindLabel(p.Locale, r.Kind), r.Summary, i18n.Date(p.Locale, r.Deadline)}, Link: s.link(tok.String())}
	if err := s.mail.SendNow(ctx, n); err != nil {
		s.logger.Error("signature: link not sent", slog.String("request", r.ID), slog.Any("error", err))
	}
	return true
}

// textFor is the email text key for party p: a youth is written to in « tu ».
func textFor(p domain.SignatureParty, key string) string {
	if p.Role == "youth" {
		return key + "_tu"
	}
	return key
}

// kindLabel names a kind in a locale, for the emails.
func (s *Service) kindLabel(locale string, kind domain.SignatureKind) string {
	return s.cfg.Catalog.T(locale, "signature.kind."+string(kind))
}
