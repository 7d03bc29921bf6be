package digest_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
)

func youth(id, first string, age int, consented bool, now time.Time) domain.Youth {
	y := domain.Youth{ID: id, FirstName: first, BirthDate: now.AddDate(-age, -1, 0), CommuneCode: "92024",
		MobilityKm: 10, Interests: []string{"informatique"}}
	if consented {
		y.GuardianConsentAt = &now
	}
	return y
}

func publishedOffer(id, title string, at time.Time, ageMin, ageMax int) domain.Offer {
	return domain.Offer{ID: id, Title: title, OrganisationName: "Atelier Numérique", Status: domain.OfferPublished,
		Type: domain.OfferVisit, CommuneCode: "92024", AgeMin: ageMin, AgeMax: ageMax, PublishedAt: &at}
}

func TestYouthDigestSendsNewMatchingOffersOncePerWeek(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	if r := run(t, f.digests.YouthDigest, false); r.Items != 0 {
		t.Fatalf("no offer yet: %+v", r)
	}
	youths := []domain.Youth{youth("y1", "Léa", 17, false, f.now), youth("y2", "Tom", 14, false, f.now),
		youth("y3", "Inès", 14, true, f.now), youth("y4", "Marc", 20, false, f.now)}
	var users []domain.User
	for _, y := range youths {
		users = append(users, domain.User{ID: y.ID, Email: strings.ToLower(y.FirstName) + "@example.org", Name: y.FirstName,
			Roles: []domain.Role{domain.RoleYouth}, Locale: "fr"})
	}
	f.insert(t, f.db.InsertYouths(ctx, youths), f.db.InsertUsers(ctx, users),
		f.db.SaveEmailPreferences(ctx, domain.EmailPreferences{Email: "marc@example.org", Muted: []domain.Topic{domain.TopicYouthDigest}}),
		f.db.InsertOffers(ctx, []domain.Offer{
			publishedOffer("o1", "Découvrir le développement web", f.now.AddDate(0, 0, -2), 16, 25),
			publishedOffer("o2", "Offre de la semaine dernière", f.now.AddDate(0, 0, -10), 0, 0),
			publishedOffer("o3", "Stage de 3e en atelier", f.now.AddDate(0, 0, -1), 14, 15)}))
	dry := run(t, f.digests.YouthDigest, true)
	if !strings.Contains(dry.Summary, "marc@example.org") || !strings.Contains(dry.Summary, "désabonné") || len(f.server.Messages()) != 0 {
		t.Fatalf("dry run: %s", dry.Summary)
	}
	run(t, f.digests.YouthDigest, false)
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"inès@example.org", "léa@example.org"}) {
		t.Fatalf("recipients %v", to)
	}
	lea := got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == "léa@example.org" })]
	if lea.Subject != "Passerelle 92 : 1 nouvelle(s) offre(s) pour toi cette semaine" ||
		!strings.Contains(lea.Text, "- Découvrir le développement web — Atelier Numérique") ||
		!strings.Contains(lea.Text, "  · à moins d'1 km de chez toi") || !strings.Contains(lea.Text, "https://passerelle92.test/offres/o1") ||
		strings.Contains(lea.Text, "semaine dernière") || strings.Contains(lea.Text, "Stage de 3e") {
		t.Fatalf("Léa's digest %q:\n%s", lea.Subject, lea.Text)
	}
	if !strings.Contains(lea.HTML, `<a href="https://passerelle92.test/offres/o1"`) || !strings.Contains(lea.HTML, "<li>à moins d&#39;1 km de chez toi</li>") {
		t.Errorf("Léa's HTML digest:\n%s", lea.HTML)
	}
	f.now = f.now.AddDate(0, 0, 3)
	if r := run(t, f.digests.YouthDigest, false); r.Items != 0 {
		t.Fatalf("sent twice in a week: %+v", r)
	}
	f.now = f.now.AddDate(0, 0, 7)
	if r := run(t, f.digests.YouthDigest, false); r.Items != 0 || len(f.server.Messages()) != 2 {
		t.Fatalf("nothing new, yet sent: %+v", r)
	}
}
