package passerelle

import (
	"context"
	"log/slog"

	"passerelle/app/domain"
)

// Audited message of an application's thread.
const AuditApplicationMessage = "application.message"

var (
	errApplicationClosed = &domain.Error{Code: domain.ECONFLICT, Message: "error.application_message.closed"}
	errTooManyMessages   = &domain.Error{Code: domain.ETOOMANY, Message: "error.application_message.too_many"}
)

// ApplicationThread is an application with its messages, oldest first, as
// one of its parties (Side) or staff (no side) reads it.
type ApplicationThread struct {
	Application *domain.Application
	Messages    []domain.ApplicationMessage
	Side        domain.MessageSide
}

// CanWrite reports whether the reader may add a message: a party, while the
// application is open.
func (t *ApplicationThread) CanWrite() bool {
	return t.Side != "" && t.Application.OpenToMessages()
}

// ApplicationMessages returns an application's thread to its youth, to the
// employers of the offering organisation, and to staff.
func (s *Service) ApplicationMessages(ctx context.Context, actor *domain.User, applicationID string) (*ApplicationThread, error) {
	a, side, err := s.applicationParty(ctx, actor, applicationID)
	if err != nil {
		return nil, err
	}
	msgs, err := s.store.ApplicationMessages(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	return &ApplicationThread{Application: a, Messages: msgs, Side: side}, nil
}

// ApplicationMessagesPage returns one page of the thread to whom
// ApplicationMessages returns it whole.
func (s *Service) ApplicationMessagesPage(ctx context.Context, actor *domain.User, applicationID string, r domain.PageRequest) (domain.Page[domain.ApplicationMessage], error) {
	a, _, err := s.applicationParty(ctx, actor, applicationID)
	if err != nil {
		return domain.Page[domain.ApplicationMessage]{}, err
	}
	return s.store.ApplicationMessagesPage(ctx, a.ID, r)
}

// PostApplicationMessage adds a message of the youth or of an employer to an
// application that is still open, and tells the other side.
func (s *Service) PostApplicationMessage(ctx context.Context, actor *domain.User, applicationID, body string) (*domain.ApplicationMessage, error) {
	a, side, err := s.applicationParty(ctx, actor, applicationID)
	if err != nil {
		return nil, err
	}
	if side == "" {
		return nil, errForbidden // staff read threads, they do not take part
	}
	if body, err = domain.NormaliseMessageBody(body); err != nil {
		return nil, err
	}
	if !a.OpenToMessages() {
		return nil, errApplicationClosed
	}
	if err := s.checkPace(ctx, a.ID, side); err != nil {
		return nil, err
	}
	o, err := s.store.OfferByID(ctx, a.OfferID)
	if err != nil {
		return nil, err
	}
	m := &domain.ApplicationMessage{ID: domain.NewID("msg"), ApplicationID: a.ID, AuthorSide: side, AuthorID: actor.ID,
		AuthorName: a.YouthName, Body: body, CreatedAt: s.now()}
	if side == domain.SideEmployer {
		m.AuthorName = o.OrganisationName
	}
	if err := s.store.InsertApplicationMessage(ctx, m); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditApplicationMessage, "application", a.ID, m.ID)
	if side == domain.SideEmployer {
		s.markSeen(ctx, actor, a)
	}
	s.notifyMessage(ctx, a, o, m)
	return m, nil
}

// checkPace refuses a side's message past its daily number on the thread.
func (s *Service) checkPace(ctx context.Context, applicationID string, side domain.MessageSide) error {
	thread, err := s.store.ApplicationMessages(ctx, applicationID)
	if err == nil && domain.TooManyMessages(thread, side, s.now()) {
		err = errTooManyMessages
	}
	return err
}

// applicationParty returns an application with the side the actor is on:
// its youth, an employer of the offering organisation, or no side for staff.
func (s *Service) applicationParty(ctx context.Context, actor *domain.User, id string) (*domain.Application, domain.MessageSide, error) {
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil {
		return nil, "", err
	}
	switch {
	case actor != nil && a.YouthID == actor.ID:
		return a, domain.SideYouth, nil
	case mustEmploy(actor, a.OrganisationID) == nil:
		return a, domain.SideEmployer, nil
	case mustBeStaff(actor) == nil:
		return a, "", nil
	}
	return nil, "", errForbidden
}

// markSeen moves a sent application to seen when an employer writes about
// it: they have read it. The message's email already tells the youth, so no
// "seen" email goes on top; the message is saved, so a failed move (another
// tab moved it first) is only logged.
func (s *Service) markSeen(ctx context.Context, actor *domain.User, a *domain.Application) {
	if a.Status != domain.ApplicationSent {
		return
	}
	if err := s.moveApplication(ctx, a, domain.ApplicationSeen); err != nil {
		s.logger.Info("passerelle: application not marked seen", slog.String("application", a.ID), slog.Any("error", err))
		return
	}
	s.audit(ctx, actor, AuditApplicationMoved, "application", a.ID, string(a.Status))
}

// notifyMessage tells the other side that a message waits on the platform.
// The emails never carry the text: the thread stays where access is checked,
// and a minor's exchanges are not copied into mailboxes. The guardian of a
// minor hears that the employer wrote — as they hear of each step of the
// application — but not what, nor of the youth's own messages.
func (s *Service) notifyMessage(ctx context.Context, a *domain.Application, o *domain.Offer, m *domain.ApplicationMessage) {
	args, key := MessageArgs(a, m), "application_message:"+m.ID+":"
	if m.AuthorSide == domain.SideYouth {
		for _, to := range s.employerRecipients(ctx, o) {
			s.notify(ctx, Notice(key+to.Email, to, "application_message_employer", args))
		}
		return
	}
	s.notify(ctx, Notice(key+"youth", domain.AccountRecipient(a.YouthID, a.YouthName, a.YouthEmail), "application_message_youth", args))
	s.notify(ctx, Notice(key+"guardian", guardian(a), "application_message_guardian", args))
}
