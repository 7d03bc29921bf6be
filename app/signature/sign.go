package signature

import (
	"context"
	"log/slog"
	"strings"
	"unicode/utf8"

	"passerelle/app/domain"
)

// Party is a party's view of a request, opened by their link.
type Party struct {
	Request *domain.SignatureRequest
	Index   int
}

// Me is the party itself.
func (p Party) Me() domain.SignatureParty { return p.Request.Parties[p.Index] }

// Open checks a link and returns the request it is for. A link replaced by
// a reminder, or of a request voided, no longer opens anything to sign.
func (s *Service) Open(ctx context.Context, raw string) (Party, error) {
	tok, err := ParseToken(raw)
	if err != nil {
		return Party{}, err
	}
	r, err := s.store.SignatureRequestByID(ctx, tok.RequestID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return Party{}, errInvalidLink
	}
	if err != nil {
		return Party{}, err
	}
	if tok.Party >= len(r.Parties) || !sameHash(r.Parties[tok.Party].TokenHash, hashOf(tok.Secret)) {
		return Party{}, errInvalidLink
	}
	return Party{Request: r, Index: tok.Party}, nil
}

// signable refuses what can no longer be signed by this party.
func (s *Service) signable(p Party) error {
	r, me := p.Request, p.Me()
	switch {
	case me.SignedAt != nil:
		return errAlreadySigned
	case r.State != domain.SignatureOpen:
		return errClosed[r.State]
	case !s.now().Before(r.Deadline):
		return errClosed[domain.SignatureExpired]
	case !r.Turn(p.Index):
		return errNotYourTurn
	}
	return nil
}

// SendCode emails the party a new one-time code, valid CodeTTL; the
// previous one no longer works. At most CodesPerParty codes per party.
func (s *Service) SendCode(ctx context.Context, raw, ip string) error {
	p, err := s.Open(ctx, raw)
	if err != nil {
		return err
	}
	if err := s.signable(p); err != nil {
		return err
	}
	r, me, now := p.Request, p.Me(), s.now()
	code := newCode()
	expires := now.Add(CodeTTL)
	ok, err := s.store.ApplySignatureChange(ctx, domain.SignatureChange{ID: r.ID, From: domain.SignatureOpen, Party: p.Index,
		Unsigned: true, Below: map[string]int{"codes_sent": CodesPerParty},
		Set:   map[string]any{"code_hash": hashOf(me.TokenHash, code), "code_expires_at": expires, "code_attempts": 0},
		Inc:   map[string]int{"codes_sent": 1},
		Event: domain.SignatureEvent{At: now, Kind: domain.SignEventCodeSent, Party: p.Index, Hash: r.Hash, IP: ip}})
	if err != nil {
		return err
	}
	if !ok {
		return errTooManyCodes
	}
	s.record(ctx, r, domain.SignEventCodeSent, "", ip, roleLabel(me.Role)+" : "+me.Name)
	return s.mail.SendNow(ctx, domain.Notice{Key: domain.NewID("signature-code"), Text: textFor(me, "mail.signature.code"),
		To:   domain.NoticeRecipient{Email: me.Email, Name: me.Name, Locale: me.Locale},
		Args: []any{code, s.kindLabel(me.Locale, r.Kind), r.Summary}})
}

// Input is what a party gives to sign.
type Input struct {
	Name      string
	Consent   bool
	Code      string
	IP        string
	UserAgent string
}

const maxNameLen = 200

// Sign records the party's signature once every check holds: the link, the
// request still open and before its deadline, the party's turn, the name
// typed, the consent, the one-time code (each try counted, at most
// CodeAttempts per code) and the stored PDF still the one whose hash was
// fixed. One conditional update records it: two parties signing at the same
// instant are both recorded, the same party twice only once.
func (s *Service) Sign(ctx context.Context, raw string, in Input) (*domain.SignatureRequest, error) {
	p, err := s.Open(ctx, raw)
	if err != nil {
		return nil, err
	}
	if err := s.signable(p); err != nil {
		return nil, err
	}
	name := strings.Join(strings.Fields(in.Name), " ")
	switch {
	case name == "":
		return nil, domain.FieldError("name", "error.signature.name_required")
	case utf8.RuneCountInString(name) > maxNameLen || !utf8.ValidString(name):
		return nil, domain.FieldError("name", "error.signature.name_too_long")
	case !in.Consent:
		return nil, domain.FieldError("consent", "error.signature.consent_required")
	}
	code, err := ParseCode(in.Code)
	if err != nil {
		return nil, err
	}
	if err := s.checkCode(ctx, p, code, in.IP); err != nil {
		return nil, err
	}
	r, i, now := p.Request, p.Index, s.now()
	if err := s.checkFile(ctx, r, in.IP); err != nil {
		return nil, err
	}
	ua := in.UserAgent
	if len(ua) > 300 {
		ua = ua[:300]
	}
	ua = strings.ToValidUTF8(ua, "")
	ok, err := s.store.ApplySignatureChange(ctx, domain.SignatureChange{ID: r.ID, From: domain.SignatureOpen, Hash: r.Hash,
		Party: i, Unsigned: true, Signed: r.Before(i),
		Set:   map[string]any{"signed_at": now, "signed_name": name, "ip": in.IP, "user_agent": ua, "code_hash": ""},
		Event: domain.SignatureEvent{At: now, Kind: domain.SignEventSigned, Party: i, Hash: r.Hash, IP: in.IP, UserAgent: ua}})
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, s.whyNotSigned(ctx, r.ID, i)
	}
	s.record(ctx, r, domain.SignEventSigned, "", in.IP, roleLabel(p.Me().Role)+" : "+name)
	return s.afterSignature(ctx, r.ID)
}

// checkCode counts the try before comparing, in one conditional update: a
// code can never be tried more than CodeAttempts times, however many
// requests race.
func (s *Service) checkCode(ctx context.Context, p Party, code, ip string) error {
	r, me, now := p.Request, p.Me(), s.now()
	if me.CodeHash == "" || me.CodeExpiresAt == nil || !now.Before(*me.CodeExpiresAt) {
		return domain.FieldError("code", "error.signature.code_expired")
	}
	ok, err := s.store.ApplySignatureChange(ctx, domain.SignatureChange{ID: r.ID, From: domain.SignatureOpen, Party: p.Index,
		Unsigned: true, Below: map[string]int{"code_attempts": CodeAttempts}, Equal: map[string]any{"code_hash": me.CodeHash},
		Inc:   map[string]int{"code_attempts": 1},
		Event: domain.SignatureEvent{At: now, Kind: domain.SignEventCodeTried, Party: p.Index, Hash: r.Hash, IP: ip}})
	if err != nil {
		return err
	}
	if !ok {
		return domain.FieldError("code", "error.signature.code_exhausted")
	}
	if !sameHash(me.CodeHash, hashOf(me.TokenHash, code)) {
		s.record(ctx, r, domain.SignEventCodeWrong, "", ip, roleLabel(me.Role)+" : "+me.Name)
		return domain.FieldError("code", "error.signature.code_wrong")
	}
	return nil
}

// checkFile refuses to sign when the stored PDF is no longer the one whose
// hash was fixed: it was altered after the parties were invited.
func (s *Service) checkFile(ctx context.Context, r *domain.SignatureRequest, ip string) error {
	data, err := s.store.ReadFile(ctx, r.FileID)
	if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
		return err
	}
	if err == nil && fingerprint(data) == r.Hash {
		return nil
	}
	s.logger.Error("signature: document altered", slog.String("request", r.ID))
	s.record(ctx, r, domain.SignEventTampered, "", ip, "SHA-256 attendu "+r.Hash)
	return errTampered
}

// whyNotSigned explains a signature the conditional update refused: the
// party signed meanwhile, or the request moved.
func (s *Service) whyNotSigned(ctx context.Context, id string, i int) error {
	r, err := s.store.SignatureRequestByID(ctx, id)
	if err != nil {
		return err
	}
	return s.signable(Party{Request: r, Index: i})
}

// afterSignature completes the request when all have signed, else invites
// the parties whose turn came.
func (s *Service) afterSignature(ctx context.Context, id string) (*domain.SignatureRequest, error) {
	r, err := s.store.SignatureRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !r.Signed() {
		s.inviteDue(ctx, r)
		return r, nil
	}
	now := s.now()
	ok, err := s.store.ApplySignatureChange(ctx, domain.SignatureChange{ID: r.ID, From: domain.SignatureOpen, Hash: r.Hash,
		Party: -1, Signed: allParties(r), To: domain.SignatureCompleted, At: now,
		Event: domain.SignatureEvent{At: now, Kind: domain.SignEventCompleted, Party: -1, Hash: r.Hash}})
	if err != nil || !ok {
		return r, err // another signature completed it
	}
	if r, err = s.store.SignatureRequestByID(ctx, id); err != nil {
		return nil, err
	}
	s.record(ctx, r, domain.SignEventCompleted, "", "", r.Summary)
	s.settle(ctx, r)
	return r, nil
}

// settle sets off what a completed request decides — the subject's own
// state through its kind's hook, the parties' signed copies — then records
// it done. A step that fails (or a crash) leaves it for the next run of the
// signatures job, which does it again: the hooks are idempotent and the
// copies are queued once per key.
func (s *Service) settle(ctx context.Context, r *domain.SignatureRequest) bool {
	if fn := s.completed[r.Kind]; fn != nil {
		if err := fn(ctx, r); err != nil {
			s.logger.Error("signature: completed", slog.String("request", r.ID), slog.Any("error", err))
			return false
		}
	}
	final, err := render(r, true)
	if err == nil {
		err = s.tell(ctx, r, "completed", func(domain.SignatureParty) bool { return true },
			domain.EmailAttachment{Filename: r.ID + ".pdf", ContentType: "application/pdf", Data: final})
	}
	now := s.now()
	if err == nil {
		err = s.store.SettleSignatureRequest(ctx, r.ID, now)
	}
	if err != nil {
		s.logger.Error("signature: settle", slog.String("request", r.ID), slog.Any("error", err))
		return false
	}
	r.SettledAt = &now
	return true
}

func allParties(r *domain.SignatureRequest) []int {
	all := make([]int, len(r.Parties))
	for i := range all {
		all[i] = i
	}
	return all
}

// PartyPDF is the document as a party sees it through their link: with the
// signature page and the trail so far.
func (s *Service) PartyPDF(ctx context.Context, raw string) (*domain.SignatureRequest, []byte, error) {
	p, err := s.Open(ctx, raw)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := render(p.Request, true)
	return p.Request, pdf, err
}

// Final is a request's document with its signature page and trail, for a
// caller that checked who reads it (the employer of an internship).
func Final(r *domain.SignatureRequest) ([]byte, error) { return render(r, true) }

// PDF is a request's document with its signature page and trail, for a
// party signed in (by their address) or staff.
func (s *Service) PDF(ctx context.Context, actor *domain.User, id string) (*domain.SignatureRequest, []byte, error) {
	r, err := s.Request(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := render(r, true)
	return r, pdf, err
}

// Request returns a request to a party signed in or to staff.
func (s *Service) Request(ctx context.Context, actor *domain.User, id string) (*domain.SignatureRequest, error) {
	r, err := s.store.SignatureRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if actor == nil || (!actor.HasRole(domain.RoleStaff) && r.PartyOf(strings.ToLower(actor.Email)) < 0) {
		return nil, errNotFound // not telling that it exists
	}
	return r, nil
}

// Mine returns the requests a signed-in person is a party to.
func (s *Service) Mine(ctx context.Context, actor *domain.User) ([]domain.SignatureRequest, error) {
	return s.store.SignatureRequestsByEmail(ctx, strings.ToLower(actor.Email))
}

// Overview returns the requests of the staff overview, filtered.
func (s *Service) Overview(ctx context.Context, actor *domain.User, f domain.SignatureFilter) ([]domain.SignatureRequest, error) {
	if actor == nil || !actor.HasRole(domain.RoleStaff) {
		return nil, errForbidden
	}
	return s.store.SignatureRequests(ctx, f, 500)
}

// ByGroup returns the requests of one occasion, the oldest first.
func (s *Service) ByGroup(ctx context.Context, groupID string) ([]domain.SignatureRequest, error) {
	return s.store.SignatureRequestsByGroup(ctx, groupID)
}

// BySubject returns the requests about one subject, the newest first.
func (s *Service) BySubject(ctx context.Context, kind domain.SignatureKind, subjectID string) ([]domain.SignatureRequest, error) {
	return s.store.SignatureRequestsBySubject(ctx, kind, subjectID)
}
