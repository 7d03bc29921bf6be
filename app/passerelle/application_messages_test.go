package passerelle_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// messageClock makes each message of a test one minute after the previous.
func (e *env) messageClock() {
	at := today
	e.setClock(func() time.Time { at = at.Add(time.Minute); return at })
}

// The employer writes to a minor who applied: the application is now seen,
// the youth and the guardian are told (the guardian without the text); the
// youth answers and the offer's contact is told. Both read the same thread,
// and so does staff.
func TestApplicationThreadBetweenEmployerAndYouth(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferApprenticeship, nil)
	lina := e.youth(t, "y16", 16, "2nde", false)
	a, err := e.svc.Apply(ctx, lina, o.ID, passerelle.ApplyInput{Message: "Bonjour"})
	must(t, err)
	e.messageClock()
	first, err := e.svc.PostApplicationMessage(ctx, employer, a.ID, "  Pouvez-vous venir mardi à 10 h ?\n")
	must(t, err)
	if first.Body != "Pouvez-vous venir mardi à 10 h ?" || first.AuthorName != "Le Fournil" || first.AuthorSide != domain.SideEmployer {
		t.Errorf("employer's message saved as %+v", first)
	}
	if got, _ := e.db.ApplicationByID(ctx, a.ID); got.Status != domain.ApplicationSeen {
		t.Errorf("status after the employer's message: %s, want seen", got.Status)
	}
	toYouth, toGuardian := e.mail.to(lina.Email, "application_message_youth"), e.mail.to("parent-y16@example.fr", "application_message_guardian")
	if len(toYouth) != 1 || len(toGuardian) != 1 || len(e.mail.to(lina.Email, "application_seen")) != 0 {
		t.Errorf("after the employer's message: %+v", e.mail.sent)
	}
	if len(toYouth) == 1 && toYouth[0].Key != "application_message:"+first.ID+":youth" {
		t.Errorf("idempotency key %q is not per message", toYouth[0].Key)
	}
	reply, err := e.svc.PostApplicationMessage(ctx, lina, a.ID, "Oui, avec plaisir.")
	must(t, err)
	if reply.AuthorName != lina.Name || len(e.mail.to(employer.Email, "application_message_employer")) != 1 {
		t.Errorf("youth's reply %+v, emails %+v", reply, e.mail.sent)
	}
	if len(e.mailTemplates("application_message_guardian")) != 1 {
		t.Error("the guardian was told of the youth's own message")
	}
	for _, reader := range []*domain.User{employer, lina, staff} {
		thread, err := e.svc.ApplicationMessages(ctx, reader, a.ID)
		if err != nil || len(thread.Messages) != 2 || thread.Messages[0].ID != first.ID || thread.Messages[1].ID != reply.ID {
			t.Errorf("%s reads %+v, %v", reader.ID, thread, err)
		}
	}
	events, _ := e.db.LatestAudit(ctx, a.ID, 10)
	if actions := auditActions(events); !strings.Contains(actions, "application.message application.moved application.message") {
		t.Errorf("audit: %s", actions)
	}
}

func auditActions(events []domain.AuditEvent) string {
	var b strings.Builder
	for i := len(events) - 1; i >= 0; i-- {
		b.WriteString(events[i].Action + " ")
	}
	return b.String()
}

// Only the two parties write; staff reads; a body must hold 1 to 2 000
// characters; a closed application takes no more messages. Nothing refused
// is saved.
func TestApplicationMessageRefusals(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferJob, func(in *passerelle.OfferInput) { in.Places = 5 })
	owner := e.youth(t, "ya", 18, "bac", false)
	a, err := e.svc.Apply(ctx, owner, o.ID, passerelle.ApplyInput{})
	must(t, err)
	declined, err := e.svc.Apply(ctx, e.youth(t, "yb", 19, "bac", false), o.ID, passerelle.ApplyInput{})
	must(t, err)
	must(t, ignore(e.svc.MoveApplication(ctx, employer, declined.ID, domain.ApplicationDeclined)))
	other := e.youth(t, "yc", 20, "bac", false)
	cases := []struct {
		name  string
		actor *domain.User
		id    string
		body  string
		key   string
	}{
		{"foreign employer", newcomer, a.ID, "Bonjour", "error.forbidden"},
		{"another youth", other, a.ID, "Bonjour", "error.forbidden"},
		{"staff", staff, a.ID, "Bonjour", "error.forbidden"},
		{"empty", owner, a.ID, " \n\t ", "error.application_message.empty"},
		{"too long", employer, a.ID, strings.Repeat("é", domain.ApplicationMessageBodyMax+1), "error.application_message.too_long"},
		{"declined", employer, declined.ID, "Bonjour", "error.application_message.closed"},
		{"missing", employer, "nope", "Bonjour", "error.application.not_found"},
	}
	for _, c := range cases {
		if _, err := e.svc.PostApplicationMessage(ctx, c.actor, c.id, c.body); domain.ErrorMessage(err) != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	for _, reader := range []*domain.User{newcomer, other} {
		if _, err := e.svc.ApplicationMessages(ctx, reader, a.ID); domain.ErrorMessage(err) != "error.forbidden" {
			t.Errorf("%s read the thread: %v", reader.ID, err)
		}
	}
	for _, id := range []string{a.ID, declined.ID} {
		if msgs, _ := e.db.ApplicationMessages(ctx, id); len(msgs) != 0 {
			t.Errorf("refused messages were saved: %+v", msgs)
		}
	}
	if got, _ := e.db.ApplicationByID(ctx, a.ID); got.Status != domain.ApplicationSent {
		t.Errorf("a refused message moved the application to %s", got.Status)
	}
	if _, err := e.svc.PostApplicationMessage(ctx, owner, a.ID, strings.Repeat("é", domain.ApplicationMessageBodyMax)); err != nil {
		t.Errorf("2 000 characters refused: %v", err)
	}
	if got, _ := e.db.ApplicationByID(ctx, a.ID); got.Status != domain.ApplicationSent {
		t.Errorf("the youth's message moved the application to %s", got.Status)
	}
}

// An offer without a contact (loaded from a file) sends the youth's message
// to every employer of the organisation, once each.
func TestYouthMessageReachesTheEmployersWithoutContact(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	colleague := domain.User{ID: "u-colleague", Email: "chef@fournil.example", Name: "Chef", Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{"org-verified"}}
	must(t, e.db.InsertUsers(ctx, []domain.User{*employer, colleague, *counsellor}))
	o := domain.Offer{ID: "imported", OrganisationID: "org-verified", OrganisationName: "Le Fournil", Type: domain.OfferJob,
		Title: "Vendeur", Status: domain.OfferPublished, AgeMin: 16, AgeMax: 25, Places: 1, PlacesLeft: 1, EndDate: today.AddDate(0, 1, 0)}
	must(t, e.db.InsertOffers(ctx, []domain.Offer{o}))
	youth := e.youth(t, "yd", 18, "bac", false)
	a, err := e.svc.Apply(ctx, youth, o.ID, passerelle.ApplyInput{})
	must(t, err)
	_, err = e.svc.PostApplicationMessage(ctx, youth, a.ID, "Je suis disponible dès lundi.")
	must(t, err)
	for _, to := range []string{employer.Email, colleague.Email} {
		if len(e.mail.to(to, "application_received")) != 1 || len(e.mail.to(to, "application_message_employer")) != 1 {
			t.Errorf("%s was not told once: %+v", to, e.mail.sent)
		}
	}
	if n := len(e.mailTemplates("application_message_employer")); n != 2 {
		t.Errorf("%d emails to the employer side, want 2", n)
	}
}

// A side writes at most 20 messages a day on a thread; the other side still
// may, and the next day the first may again.
func TestApplicationMessagesArePaced(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferJob, nil)
	youth := e.youth(t, "ye", 18, "bac", false)
	a, err := e.svc.Apply(ctx, youth, o.ID, passerelle.ApplyInput{})
	must(t, err)
	e.messageClock()
	for range domain.ApplicationMessagesPerDay {
		must(t, ignore(e.svc.PostApplicationMessage(ctx, employer, a.ID, "Relance")))
	}
	if _, err := e.svc.PostApplicationMessage(ctx, employer, a.ID, "Encore"); domain.ErrorMessage(err) != "error.application_message.too_many" {
		t.Errorf("message past the daily number: %v", err)
	}
	must(t, ignore(e.svc.PostApplicationMessage(ctx, youth, a.ID, "Merci, je lis tout.")))
	e.setClock(func() time.Time { return today.Add(25 * time.Hour) })
	must(t, ignore(e.svc.PostApplicationMessage(ctx, employer, a.ID, "Bonne journée")))
}
