package digest_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
)

func TestEventRemindersAreSentOnceToConfirmedRegistrants(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	tomorrow := time.Date(2026, 12, 1, 9, 30, 0, 0, domain.Paris)
	f.insert(t,
		f.db.InsertEvent(ctx, &domain.Event{ID: "ev1", Kind: domain.EventForum, Title: "Forum des métiers de Clichy",
			CommuneCode: "92024", Address: "Salle Dagobert", StartsAt: tomorrow, EndsAt: tomorrow.Add(5 * time.Hour),
			Capacity: 50, Status: domain.EventPublished}),
		f.db.InsertEvent(ctx, &domain.Event{ID: "ev2", Kind: domain.EventWorkshop, Title: "Atelier plus tard",
			Online: true, Link: "https://visio.example/a", StartsAt: tomorrow.AddDate(0, 0, 1), EndsAt: tomorrow.AddDate(0, 0, 1).Add(time.Hour),
			Capacity: 10, Status: domain.EventPublished}))
	for _, r := range []domain.EventRegistration{
		{ID: "r1", EventID: "ev1", Kind: domain.RegisterYouth, Name: "Sami", Email: "sami@jeune.fr", Places: 1, Status: domain.RegistrationConfirmed},
		{ID: "r2", EventID: "ev1", Kind: domain.RegisterGroup, Name: "Inès Roche", Email: "prof@college.fr", Places: 20,
			OrganisationName: "Collège Jean-Jaurès", Status: domain.RegistrationConfirmed},
		{ID: "r3", EventID: "ev1", Kind: domain.RegisterYouth, Name: "Léa", Email: "attente@jeune.fr", Places: 1, Status: domain.RegistrationWaitlisted},
		{ID: "r4", EventID: "ev1", Kind: domain.RegisterYouth, Name: "Yan", Email: "annule@jeune.fr", Places: 1, Status: domain.RegistrationCancelled},
		{ID: "r5", EventID: "ev2", Kind: domain.RegisterYouth, Name: "Zoé", Email: "plus-tard@jeune.fr", Places: 1, Status: domain.RegistrationConfirmed},
	} {
		f.insert(t, f.db.InsertRegistration(ctx, &r))
	}
	var wg sync.WaitGroup
	for range 3 { // replicas, or a job run again by hand: each registrant is reminded once
		wg.Go(func() { run(t, f.digests.EventReminders, false) })
	}
	wg.Wait()
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"prof@college.fr", "sami@jeune.fr"}) {
		t.Fatalf("recipients %v", to)
	}
	for _, m := range got {
		if m.Subject != "Rappel : Forum des métiers de Clichy, demain" || !strings.Contains(m.Text, "Salle Dagobert, Clichy") {
			t.Errorf("reminder %q:\n%s", m.Subject, m.Text)
		}
		if m.To[0] == "sami@jeune.fr" && !strings.Contains(m.Text, "À demain !") {
			t.Errorf("the youth's reminder is not in the youths' words:\n%s", m.Text)
		}
	}
	if r := run(t, f.digests.EventReminders, false); r.Items != 0 || len(f.server.Messages()) != 2 {
		t.Fatalf("a later run sent again: %+v, %d messages", r, len(f.server.Messages()))
	}
}

func TestCounsellorDigestAnnouncesEventsNearTheStructure(t *testing.T) {
	f := newFixture(t)
	f.insertCounsellorWeek(t)
	ctx := t.Context()
	soon := time.Date(2026, 12, 9, 9, 0, 0, 0, domain.Paris)
	event := func(id, title, commune string, audience domain.EventAudience) *domain.Event {
		return &domain.Event{ID: id, Kind: domain.EventForum, Title: title, Audiences: []domain.EventAudience{audience},
			CommuneCode: commune, Address: "Gymnase", StartsAt: soon, EndsAt: soon.Add(4 * time.Hour), Capacity: 100,
			SeatsLeft: 40, Status: domain.EventPublished}
	}
	f.insert(t, f.db.InsertEvent(ctx, event("e1", "Forum de Clichy", "92024", domain.AudienceSchools)),
		f.db.InsertEvent(ctx, event("e2", "Forum pour jeunes seuls", "92024", domain.AudienceYouths)),
		f.db.InsertEvent(ctx, event("e3", "Forum d'Antony", "92002", domain.AudienceSchools)))
	run(t, f.digests.CounsellorDigest, false)
	got := f.server.WaitFor(1, 10*time.Second) // the other counsellor's structure is far: nothing for them
	prof := got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == "prof@college.fr" })]
	want := "- Forum de Clichy (Forum des métiers), mercredi 9 décembre 2026 à 09 h 00, Gymnase, Clichy — https://passerelle92.test/evenements/e1"
	if !strings.Contains(prof.Text, "Événements à venir") || !strings.Contains(prof.Text, want) {
		t.Errorf("the digest lacks %q:\n%s", want, prof.Text)
	}
	if strings.Contains(prof.Text, "jeunes seuls") || strings.Contains(prof.Text, "Antony") {
		t.Errorf("the digest announces an event not for schools or far away:\n%s", prof.Text)
	}
	if !strings.Contains(prof.HTML, `href="https://passerelle92.test/evenements/e1"`) {
		t.Error("the HTML digest lacks the event's link")
	}
}
