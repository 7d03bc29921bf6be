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
			publishedOffer("o3", "Stage de 3e en atelier", f.now.AddDate(0, 0, -1), 14, 15)}),
		f.db.InsertEvent(ctx, &domain.Event{ID: "e1", Kind: domain.EventJobDating, Title: "Job dating de Clichy",
			Audiences: []domain.EventAudience{domain.AudienceYouths}, CommuneCode: "92024", Address: "Mairie",
			StartsAt: f.now.AddDate(0, 0, 9), EndsAt: f.now.AddDate(0, 0, 9).Add(3 * time.Hour), Capacity: 40, SeatsLeft: 40,
			Status: domain.EventPublished}))
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
	if lea.Subject != "Passerelle 92 : 1 nouvelle offre pour toi cette semaine" ||
		!strings.Contains(lea.Text, "- Découvrir le développement web — Atelier Numérique") ||
		!strings.Contains(lea.Text, "  · à moins d'1 km de chez toi") || !strings.Contains(lea.Text, "https://passerelle92.test/offres/o1") ||
		strings.Contains(lea.Text, "semaine dernière") || strings.Contains(lea.Text, "Stage de 3e") ||
		!strings.Contains(lea.Text, "- Job dating de Clichy (Job dating), mercredi 9 décembre 2026 à 08 h 00, Mairie, Clichy — https://passerelle92.test/evenements/e1") {
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

// placedOffer is a new offer of the week at the centre of a commune.
func placedOffer(t *testing.T, id, title string, typ domain.OfferType, commune string, at time.Time) domain.Offer {
	t.Helper()
	c, ok := refdata.CommuneByCode(commune)
	if !ok {
		t.Fatalf("no commune %s", commune)
	}
	o := publishedOffer(id, title, at, 16, 25)
	o.Type, o.CommuneCode, o.Lat, o.Lng = typ, commune, c.Lat, c.Lng
	return o
}

func TestYouthDigestListsSavedSearchesThenTheProfile(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	lea, sam, zoe := youth("y1", "Léa", 17, false, f.now), youth("y2", "Sam", 20, false, f.now), youth("y3", "Zoé", 15, true, f.now)
	sam.Interests, sam.MobilityKm = nil, 0 // saved searches but no profile to match
	var users []domain.User
	for _, y := range []domain.Youth{lea, sam, zoe} {
		users = append(users, domain.User{ID: y.ID, Email: strings.ToLower(y.FirstName) + "@example.org", Name: y.FirstName,
			Roles: []domain.Role{domain.RoleYouth}, Locale: "fr"})
	}
	saved := func(youthID string, slot int, name, query string, digest bool) domain.SavedSearch {
		return domain.SavedSearch{ID: domain.SavedSearchID(youthID, slot), YouthID: youthID, Name: name, Query: query,
			Digest: digest, CreatedAt: f.now.AddDate(0, 0, -30+slot)}
	}
	f.insert(t, f.db.InsertYouths(ctx, []domain.Youth{lea, sam, zoe}), f.db.InsertUsers(ctx, users),
		f.db.InsertSavedSearch(ctx, saved("y1", 1, "Web près de chez moi", "near=92024&q=web&radius=5", true)),
		f.db.InsertSavedSearch(ctx, saved("y1", 2, "Emplois en ESS", "ess=1&type=job", true)),
		f.db.InsertSavedSearch(ctx, saved("y2", 1, "Boulangerie", "q=boulangers&type=apprenticeship", true)),
		f.db.InsertSavedSearch(ctx, saved("y3", 1, "Le web", "q=web", false)),
		f.db.InsertOffers(ctx, []domain.Offer{
			placedOffer(t, "o1", "Développeur web junior", domain.OfferJob, "92024", f.now.AddDate(0, 0, -2)),
			placedOffer(t, "o2", "Apprenti boulanger", domain.OfferApprenticeship, "92024", f.now.AddDate(0, 0, -1)),
			placedOffer(t, "o3", "Développeuse web à Antony", domain.OfferJob, "92002", f.now.AddDate(0, 0, -3)),
			placedOffer(t, "o4", "Développeur web de l'an passé", domain.OfferJob, "92024", f.now.AddDate(0, 0, -9))}))

	run(t, f.digests.YouthDigest, false)
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"léa@example.org", "sam@example.org"}) {
		t.Fatalf("recipients %v: Zoé follows no search and is too young for the offers", to)
	}
	byTo := func(email string) mailtest.Received {
		return got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == email })]
	}
	leaMail := byTo("léa@example.org")
	text := leaMail.Text
	searches, profile := strings.Index(text, "Tes recherches enregistrées"), strings.Index(text, "Recommandées pour ton profil")
	if searches < 0 || profile < searches || !strings.Contains(text, "« Web près de chez moi »\n\n- Développeur web junior — Atelier Numérique") ||
		!strings.Contains(text, "Voir toutes les offres de cette recherche : https://passerelle92.test/offres?near=92024&q=web&radius=5") ||
		strings.Contains(text, "Emplois en ESS") || strings.Contains(text, "de l'an passé") {
		t.Fatalf("Léa's digest:\n%s", text)
	}
	if n := strings.Count(text, "https://passerelle92.test/offres/o1"); n != 1 {
		t.Errorf("o1 is listed %d times: once in the saved search, never again among the recommendations\n%s", n, text)
	}
	if section := text[searches:profile]; strings.Contains(section, "Antony") {
		t.Errorf("an offer beyond the search's 5 km is in its section:\n%s", section)
	}
	if want := "Passerelle 92 : 3 nouvelles offres pour toi cette semaine"; leaMail.Subject != want {
		t.Errorf("subject %q, want %q", leaMail.Subject, want)
	}
	if !strings.Contains(leaMail.HTML, "<h2") || !strings.Contains(leaMail.HTML, "Tes recherches enregistrées") ||
		!strings.Contains(leaMail.HTML, `<a href="https://passerelle92.test/offres?near=92024&amp;q=web&amp;radius=5"`) {
		t.Errorf("Léa's HTML digest:\n%s", leaMail.HTML)
	}
	samText := byTo("sam@example.org").Text
	if !strings.Contains(samText, "« Boulangerie »\n\n- Apprenti boulanger") {
		t.Errorf("Sam's digest:\n%s", samText)
	}
}
