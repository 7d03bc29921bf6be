package digest_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/refdata"
)

func (f *fixture) insertCounsellorWeek(t *testing.T) {
	ctx := t.Context()
	clichy, _ := refdata.CommuneByCode("92024")
	session := func(id string, startsAt time.Time, createdDaysAgo int) domain.VisitSession {
		return domain.VisitSession{ID: id, OfferID: "o1", StartsAt: startsAt, Capacity: 30, SeatsLeft: 6,
			CreatedAt: f.now.AddDate(0, 0, -createdDaysAgo)}
	}
	f.insert(t,
		f.db.InsertOrganisations(ctx, []domain.Organisation{{ID: "st1", Name: "Collège Jean Jaurès", Lat: clichy.Lat, Lng: clichy.Lng},
			{ID: "st2", Name: "Lycée lointain", Lat: 48.60, Lng: 2.90}}),
		f.db.InsertUsers(ctx, []domain.User{
			{ID: "c1", Email: "prof@college.fr", Name: "Inès Roche", Roles: []domain.Role{domain.RoleCounsellor}, OrganisationIDs: []string{"st1"}, Locale: "fr"},
			{ID: "c2", Email: "cpe@lycee.fr", Roles: []domain.Role{domain.RoleCounsellor}, OrganisationIDs: []string{"st2"}, Locale: "fr"}}),
		f.db.InsertOffers(ctx, []domain.Offer{{ID: "o1", OrganisationName: "Boulangerie Delmas", Title: "Découvrir le fournil",
			Type: domain.OfferVisit, Status: domain.OfferPublished, CommuneCode: "92024"}}),
		f.db.InsertSessions(ctx, []domain.VisitSession{session("s1", time.Date(2026, 12, 2, 14, 0, 0, 0, domain.Paris), 20),
			session("s2", time.Date(2026, 12, 15, 9, 30, 0, 0, domain.Paris), 2),
			session("s3", time.Date(2026, 12, 20, 9, 30, 0, 0, domain.Paris), 30)}),
		f.db.InsertBooking(ctx, &domain.Booking{ID: "b1", SessionID: "s1", OfferID: "o1", StructureID: "st1", CounsellorID: "c1",
			CounsellorEmail: "prof@college.fr", GroupName: "3e B", Seats: 24, Status: domain.BookingConfirmed}))
}

func TestCounsellorDigestVisitsNearbySessionsAndCampaigns(t *testing.T) {
	f := newFixture(t)
	if r := run(t, f.digests.CounsellorDigest, false); r.Items != 0 {
		t.Fatalf("no counsellor yet: %+v", r)
	}
	f.insertCounsellorWeek(t)
	f.insert(t, f.db.InsertCampaign(t.Context(), &domain.Campaign{ID: "k1", Title: "Semaine des métiers 2027",
		Status: domain.CampaignOpen, WishDeadline: time.Date(2026, 12, 10, 18, 0, 0, 0, domain.Paris)}))
	run(t, f.digests.CounsellorDigest, false)
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"cpe@lycee.fr", "prof@college.fr"}) {
		t.Fatalf("recipients %v", to)
	}
	byTo := func(email string) mailtest.Received {
		return got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == email })]
	}
	prof, far := byTo("prof@college.fr"), byTo("cpe@lycee.fr")
	for _, want := range []string{"- Découvrir le fournil, mercredi 2 décembre 2026 à 14 h 00 : 3e B, 24 places",
		"- Découvrir le fournil (Boulangerie Delmas), mardi 15 décembre 2026 à 09 h 30 : 6 places libres",
		"- Semaine des métiers 2027 : vœux jusqu'au jeudi 10 décembre 2026 à 18 h 00 — https://passerelle92.test/campagnes/k1"} {
		if !strings.Contains(prof.Text, want) {
			t.Errorf("counsellor digest lacks %q:\n%s", want, prof.Text)
		}
	}
	if strings.Contains(prof.Text, "20 décembre") || !strings.Contains(prof.HTML, `href="https://passerelle92.test/campagnes/k1"`) || strings.Contains(far.Text, "fournil") || !strings.Contains(far.Text, "Semaine des métiers") {
		t.Errorf("old or far sessions listed:\n%s\n%s", prof.Text, far.Text)
	}
	f.now = f.now.AddDate(0, 0, 2)
	if r := run(t, f.digests.CounsellorDigest, false); r.Items != 0 {
		t.Fatalf("sent twice in a week: %+v", r)
	}
}
