package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/signature"
	"passerelle/app/signature/signaturetest"
)

// confirmedBooking books a demo visit session for a counsellor's class.
func confirmedBooking(t *testing.T, f *fixture, counsellorID, structureID string) (*domain.Booking, domain.SessionWithOffer) {
	t.Helper()
	ctx := context.Background()
	upcoming, err := f.db.UpcomingSessions(ctx, f.now, 1)
	if err != nil || len(upcoming) == 0 {
		t.Fatalf("no upcoming session: %v", err)
	}
	s := upcoming[0]
	b := &domain.Booking{ID: "booking-4b", SessionID: s.ID, OfferID: s.OfferID, OrganisationID: s.OrganisationID,
		StructureID: structureID, CounsellorID: counsellorID, CounsellorName: "Mme Durand", GroupName: "4e B",
		GroupLevel: "4e", Seats: 2, Adults: 2, Status: domain.BookingConfirmed, CreatedAt: f.now, UpdatedAt: f.now}
	if err := f.db.InsertBooking(ctx, b); err != nil {
		t.Fatal(err)
	}
	return b, s
}

// TestOutingAuthorisations: the counsellor enters the guardians (a wrong
// line refused with nothing sent), guardians sign from their emails, the
// counsellor sees who signed and prints the roll and the paper form;
// another counsellor sees nothing; the retention deletes them after the visit.
func TestOutingAuthorisations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	counsellor := f.signedInUser(t, "durand", domain.RoleCounsellor, "college-a")
	b, s := confirmedBooking(t, f, "durand", "college-a")
	page := "/autorisations/" + b.ID
	resp, body := counsellor.get(t, page)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, s.OfferTitle, "4e B", "Aucune autorisation envoyée")

	lines := "Léa Martin ; Sophie Martin ; sophie.martin@famille.test\nNoah Diallo\tAwa Diallo\tawa.diallo@famille.test\n"
	resp, body = counsellor.post(t, page, url.Values{"guardians": {lines + "Sans adresse ; Parent\n"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Chaque ligne doit donner l'élève", "Sans adresse ; Parent")
	if n := len(f.mails.Messages()); n != 0 {
		t.Fatalf("%d emails sent for a refused list", n)
	}
	resp, _ = counsellor.post(t, page, url.Values{"guardians": {lines}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = counsellor.get(t, page)
	wantContains(t, body, "Autorisations signées : 0 sur 2", "Léa Martin", "Awa Diallo")
	if msgs := f.mails.Messages(); len(msgs) != 2 || strings.Contains(msgs[0].Subject, "Martin") {
		t.Fatalf("invitations: %d, subject %q", len(msgs), msgs[0].Subject)
	}
	signaturetest.Sign(t, f.signatures, f.mails, "sophie.martin@famille.test", "Sophie Martin")
	_, body = counsellor.get(t, page)
	wantContains(t, body, "Autorisations signées : 1 sur 2", "signé le")
	for _, pdf := range []string{page + "/liste.pdf", page + "/formulaire.pdf"} {
		resp, body = counsellor.get(t, pdf)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "%PDF-") {
			t.Fatalf("%s: %d", pdf, resp.StatusCode)
		}
	}
	other := f.signedInUser(t, "autre", domain.RoleCounsellor, "college-b")
	resp, _ = other.get(t, page)
	wantStatus(t, resp, http.StatusNotFound)

	// N days after the visit the retention deletes them (not a day before).
	at := func(d time.Time) *signature.Service {
		return signature.New(f.db, f.notify, signature.Config{Now: func() time.Time { return d }}, slog.New(slog.DiscardHandler))
	}
	if n, err := at(s.StartsAt.AddDate(0, 0, 29)).Purge(ctx); err != nil || n != 0 {
		t.Fatalf("purged before the end of retention: %d, %v", n, err)
	}
	if n, err := at(s.StartsAt.AddDate(0, 0, 31)).Purge(ctx); err != nil || n != 2 {
		t.Fatalf("purged %d, %v", n, err)
	}
	_, body = counsellor.get(t, page)
	wantContains(t, body, "Aucune autorisation envoyée")
}
