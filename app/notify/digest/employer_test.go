package digest_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
)

// insertEmployerDay gives the organisation org1 an application, a booking
// and a cancellation on Sunday 29 November 2026, an application expiring on
// Wednesday, and older activity the digest leaves out.
func (f *fixture) insertEmployerDay(t *testing.T) {
	ctx := t.Context()
	sunday := time.Date(2026, 11, 29, 15, 0, 0, 0, domain.Paris)
	visit := time.Date(2026, 12, 10, 9, 30, 0, 0, domain.Paris)
	f.insert(t,
		f.db.InsertUsers(ctx, []domain.User{
			{ID: "e1", Email: "patron@delmas.fr", Name: "Paul Delmas", Roles: []domain.Role{domain.RoleEmployer},
				OrganisationIDs: []string{"org1"}, Locale: "fr"},
			{ID: "e2", Email: "boss@delmas.fr", Name: "Ann Smith", Roles: []domain.Role{domain.RoleEmployer},
				OrganisationIDs: []string{"org1"}, Locale: "en"},
			{ID: "e3", Email: "calme@ailleurs.fr", Roles: []domain.Role{domain.RoleEmployer},
				OrganisationIDs: []string{"org2"}, Locale: "fr"}}),
		f.db.InsertOrganisations(ctx, []domain.Organisation{{ID: "st1", Name: "Collège Jean Jaurès"}}),
		f.db.InsertOffers(ctx, []domain.Offer{{ID: "o1", OrganisationID: "org1", Title: "Découvrir le fournil",
			Type: domain.OfferVisit, Status: domain.OfferPublished}}),
		f.db.InsertSessions(ctx, []domain.VisitSession{{ID: "s1", OfferID: "o1", StartsAt: visit, Capacity: 30}}),
		f.db.InsertApplication(ctx, &domain.Application{ID: "a1", OfferID: "o2", OfferTitle: "Apprenti boulanger",
			OrganisationID: "org1", YouthName: "Léa Martin", Status: domain.ApplicationSent, CreatedAt: sunday,
			ExpiresAt: sunday.AddDate(0, 0, 15)}),
		f.db.InsertApplication(ctx, &domain.Application{ID: "a2", OfferID: "o2", OfferTitle: "Apprenti boulanger",
			OrganisationID: "org1", YouthName: "Hugo Bernard", Status: domain.ApplicationSeen,
			CreatedAt: sunday.AddDate(0, 0, -14), ExpiresAt: time.Date(2026, 12, 2, 10, 0, 0, 0, domain.Paris)}),
		f.db.InsertApplication(ctx, &domain.Application{ID: "a3", OfferID: "o2", OfferTitle: "Apprenti boulanger",
			OrganisationID: "org1", YouthName: "Zoé Durand", Status: domain.ApplicationAccepted,
			CreatedAt: sunday.AddDate(0, 0, -14), ExpiresAt: time.Date(2026, 12, 1, 10, 0, 0, 0, domain.Paris)}),
		f.db.InsertBooking(ctx, &domain.Booking{ID: "b1", SessionID: "s1", OfferID: "o1", OrganisationID: "org1",
			StructureID: "st1", GroupName: "3e B", Seats: 12, Status: domain.BookingConfirmed, CreatedAt: sunday, UpdatedAt: sunday}),
		f.db.InsertBooking(ctx, &domain.Booking{ID: "b2", SessionID: "s1", OfferID: "o1", OrganisationID: "org1",
			GroupName: "4e A", Seats: 8, Status: domain.BookingCancelled, CreatedAt: sunday.AddDate(0, 0, -5), UpdatedAt: sunday}),
		f.db.InsertBooking(ctx, &domain.Booking{ID: "b3", SessionID: "s1", OfferID: "o1", OrganisationID: "org1",
			GroupName: "Ancienne", Seats: 5, Status: domain.BookingConfirmed, CreatedAt: sunday.AddDate(0, 0, -5),
			UpdatedAt: sunday.AddDate(0, 0, -5)}))
}

// Each member of an employer gets yesterday's applications and bookings
// and the applications about to expire, once a day, in their language;
// an employer with nothing new gets nothing.
func TestEmployerDigestOncePerMemberAndDay(t *testing.T) {
	f := newFixture(t)
	if r := run(t, f.digests.EmployerDigest, false); r.Items != 0 {
		t.Fatalf("nothing happened yet: %+v", r)
	}
	f.insertEmployerDay(t)
	dry := run(t, f.digests.EmployerDigest, true)
	if !strings.Contains(dry.Summary, "2 e-mail(s)") || len(f.server.Messages()) != 0 {
		t.Fatalf("dry run: %s", dry.Summary)
	}
	run(t, f.digests.EmployerDigest, false)
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"boss@delmas.fr", "patron@delmas.fr"}) {
		t.Fatalf("recipients %v", to)
	}
	fr := got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == "patron@delmas.fr" })]
	for _, want := range []string{"Apprenti boulanger : Léa M. — https://passerelle92.test/employeurs/candidatures/a1",
		"Découvrir le fournil, jeudi 10 décembre 2026 à 09 h 30 : 3e B (Collège Jean Jaurès), 12 places",
		"Annulée : Découvrir le fournil, jeudi 10 décembre 2026 à 09 h 30 : 4e A, 8 places",
		"Hugo B., expire le mercredi 2 décembre 2026 à 10 h 00 — Répondre : https://passerelle92.test/employeurs/candidatures/a2"} {
		if !strings.Contains(fr.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, fr.Text)
		}
	}
	for _, absent := range []string{"Martin", "Ancienne", "Zoé"} {
		if strings.Contains(fr.Text, absent) || strings.Contains(fr.HTML, absent) {
			t.Errorf("digest shows %q:\n%s", absent, fr.Text)
		}
	}
	if fr.Subject != "Passerelle 92 : votre récapitulatif du 29 novembre 2026" || fr.Headers.Get("List-Unsubscribe") == "" {
		t.Errorf("subject %q, List-Unsubscribe %q", fr.Subject, fr.Headers.Get("List-Unsubscribe"))
	}
	en := got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == "boss@delmas.fr" })]
	if !strings.Contains(en.Text, "New applications") {
		t.Errorf("English digest:\n%s", en.Text)
	}
	f.now = f.now.Add(6 * time.Hour)
	if r := run(t, f.digests.EmployerDigest, false); r.Items != 0 || len(f.server.Messages()) != 2 {
		t.Fatalf("a second run the same day sent again: %+v", r)
	}
}

// An employer who unsubscribed from the topic gets no digest.
func TestEmployerDigestHonoursUnsubscribe(t *testing.T) {
	f := newFixture(t)
	f.insertEmployerDay(t)
	f.insert(t, f.db.SaveEmailPreferences(t.Context(), domain.EmailPreferences{Email: "patron@delmas.fr",
		Muted: []domain.Topic{domain.TopicEmployerDigest}}))
	run(t, f.digests.EmployerDigest, false)
	got := f.server.WaitFor(1, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"boss@delmas.fr"}) {
		t.Fatalf("recipients %v", to)
	}
}
