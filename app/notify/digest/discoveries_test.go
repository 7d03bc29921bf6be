package digest_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
)

// digestKey is the youth digest's notification key in the week of t.
func digestKey(t time.Time, email string) string {
	year, w := t.In(domain.Paris).ISOWeek()
	return fmt.Sprintf("youth_digest/%d-W%02d/%s", year, w, email)
}

// A youth gets the discovery page of each family of their interests in one
// weekly digest, ever: also when a run crashed after claiming the family
// (this week or an earlier one), never again when the crash came after the
// digest was queued.
func TestYouthDigestCarriesEachDiscoveryPageOnce(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	lea, tom, ines := youth("y1", "Léa", 17, false, f.now), youth("y2", "Tom", 16, false, f.now), youth("y3", "Inès", 18, false, f.now)
	lea.Interests = []string{"informatique", "petite_enfance", "sport"}
	var users []domain.User
	for _, y := range []domain.Youth{lea, tom, ines} {
		users = append(users, domain.User{ID: y.ID, Email: strings.ToLower(y.FirstName) + "@example.org", Name: y.FirstName,
			Roles: []domain.Role{domain.RoleYouth}, Locale: "fr"})
	}
	earlier := f.now.AddDate(0, 0, -21)
	f.insert(t, f.db.InsertYouths(ctx, []domain.Youth{lea, tom, ines}), f.db.InsertUsers(ctx, users),
		f.db.InsertOffers(ctx, []domain.Offer{publishedOffer("o1", "Découvrir le développement web", f.now.AddDate(0, 0, -2), 14, 25)}),
		// Crashes: Léa's early childhood was claimed three weeks ago by a digest never queued; Tom's computing this
		// week, before the digest was queued; Inès's computing three weeks ago by a digest queued (and sent).
		f.db.ClaimYouthDiscoveries(ctx, []domain.YouthDiscovery{
			{ID: "y1/petite_enfance", YouthID: "y1", Family: "petite_enfance", Digest: digestKey(earlier, "léa@example.org")},
			{ID: "y2/informatique", YouthID: "y2", Family: "informatique", Digest: digestKey(f.now, "tom@example.org")},
			{ID: "y3/informatique", YouthID: "y3", Family: "informatique", Digest: digestKey(earlier, "inès@example.org")}}))
	sent := digestKey(earlier, "inès@example.org")
	if _, err := f.db.InsertNotifications(ctx, []domain.Notification{{ID: sent, Email: "inès@example.org", Subject: "digest",
		State: domain.NotificationSent, NextAt: earlier, CreatedAt: earlier, SentAt: earlier}},
		[]domain.NotificationBody{{ID: sent, Text: "digest"}}); err != nil {
		t.Fatal(err)
	}

	run(t, f.digests.YouthDigest, false)
	got := f.server.WaitFor(3, 10*time.Second)
	want := map[string][]string{"léa@example.org": {"/decouvrir/informatique", "/decouvrir/petite-enfance"},
		"tom@example.org": {"/decouvrir/informatique"}, "inès@example.org": nil}
	for _, m := range got {
		var pages []string
		for _, slug := range []string{"informatique", "metiers-de-bouche", "petite-enfance"} {
			if strings.Contains(m.Text, "https://passerelle92.test/decouvrir/"+slug) {
				pages = append(pages, "/decouvrir/"+slug)
			}
		}
		if !slices.Equal(pages, want[m.To[0]]) {
			t.Errorf("%s's digest has the discovery pages %v, want %v:\n%s", m.To[0], pages, want[m.To[0]], m.Text)
		}
	}
	if lea := got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == "léa@example.org" })]; !strings.Contains(lea.Text, "Découvre les métiers qui t'intéressent") ||
		!strings.Contains(lea.HTML, `<a href="https://passerelle92.test/decouvrir/petite-enfance"`) || !strings.Contains(lea.HTML, "Petite enfance") {
		t.Errorf("Léa's digest:\n%s\n%s", lea.Text, lea.HTML)
	}
	records, err := f.db.YouthDiscoveries(ctx)
	if err != nil || len(records) != 4 || slices.ContainsFunc(records, func(r domain.YouthDiscovery) bool { return !r.Confirmed }) {
		t.Fatalf("records after the run: %+v %v", records, err)
	}

	run(t, f.digests.YouthDigest, false) // the same week again: nothing
	f.now = f.now.AddDate(0, 0, 7)
	f.insert(t, f.db.InsertOffers(ctx, []domain.Offer{publishedOffer("o2", "Stage en agence web", f.now.AddDate(0, 0, -1), 14, 25)}))
	run(t, f.digests.YouthDigest, false)
	got = f.server.WaitFor(6, 10*time.Second)
	if len(got) != 6 {
		t.Fatalf("%d emails, want 3 a week", len(got))
	}
	for _, m := range got[3:] {
		if strings.Contains(m.Text, "/decouvrir/") {
			t.Errorf("%s gets a discovery page again:\n%s", m.To[0], m.Text)
		}
	}
}
