package passerelle_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

func indexed(t *testing.T, e *env) []string {
	t.Helper()
	ids, err := e.ix.IDs(context.Background())
	must(t, err)
	slices.Sort(ids)
	return ids
}

func TestOfferDerivesAgesSectorAndPlace(t *testing.T) {
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferInternship3e, func(in *passerelle.OfferInput) { in.ROMECodes = []string{" k1303 "} })
	if o.AgeMin != 14 || o.AgeMax != 15 || o.Lat == 0 || o.Status != domain.OfferPublished || o.PlacesLeft != 1 {
		t.Errorf("3e internship: ages %d–%d, lat %v, status %s, places left %d", o.AgeMin, o.AgeMax, o.Lat, o.Status, o.PlacesLeft)
	}
	if o.ROMECodes[0] != "K1303" || o.TensionFamily == "" {
		t.Errorf("ROME %v gives tension family %q, want one (petite enfance)", o.ROMECodes, o.TensionFamily)
	}
	if got := indexed(t, e); !slices.Equal(got, []string{o.ID}) {
		t.Errorf("index holds %v after publication", got)
	}
}

func TestUnverifiedEmployerGoesThroughModeration(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o, err := e.svc.CreateOffer(ctx, newcomer, "org-unverified", offerInput(domain.OfferESSDiscovery), false)
	must(t, err)
	if o.Status != domain.OfferPending || !o.ESS || len(indexed(t, e)) != 0 {
		t.Fatalf("offer of an unverified association: status %s, ESS %v", o.Status, o.ESS)
	}
	if _, err := e.svc.PublishOffer(ctx, newcomer, o.ID); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Errorf("an employer published their own offer: %v", err)
	}
	if _, err := e.svc.RejectOffer(ctx, staff, o.ID, ""); domain.ErrorMessage(err) != "error.booking.reason_missing" {
		t.Errorf("rejected without a reason: %v", err)
	}
	rejected, err := e.svc.RejectOffer(ctx, staff, o.ID, "Précisez les missions confiées.")
	must(t, err)
	if rejected.Status != domain.OfferRejected || len(e.mail.to(newcomer.Email, "offer_rejected")) != 1 {
		t.Fatalf("rejection: status %s, emails %v", rejected.Status, e.mail.sent)
	}
	resubmitted, err := e.svc.UpdateOffer(ctx, newcomer, o.ID, offerInput(domain.OfferESSDiscovery), true)
	must(t, err)
	if resubmitted.Status != domain.OfferPending {
		t.Fatalf("corrected offer is %s, want pending", resubmitted.Status)
	}
	published, err := e.svc.PublishOffer(ctx, staff, o.ID)
	must(t, err)
	if published.PublishedAt == nil || !slices.Equal(indexed(t, e), []string{o.ID}) || len(e.mail.to(newcomer.Email, "offer_published")) != 1 {
		t.Errorf("publication: %+v, index %v", published, indexed(t, e))
	}
	if _, err := e.svc.PublishOffer(ctx, staff, o.ID); domain.ErrorMessage(err) != "error.offer.transition" {
		t.Errorf("published twice: %v", err)
	}
}

func TestEmployersActOnlyOnTheirOffers(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferJob, nil)
	if _, err := e.svc.CreateOffer(ctx, newcomer, "org-verified", offerInput(domain.OfferJob), false); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Errorf("posted for another organisation: %v", err)
	}
	for name, act := range map[string]func() error{
		"edit": func() error {
			_, err := e.svc.UpdateOffer(ctx, newcomer, o.ID, offerInput(domain.OfferJob), false)
			return err
		},
		"duplicate": func() error { _, err := e.svc.DuplicateOffer(ctx, newcomer, o.ID); return err },
		"close":     func() error { _, err := e.svc.CloseOffer(ctx, newcomer, o.ID); return err },
	} {
		if err := act(); domain.ErrorCode(err) != domain.EFORBIDDEN {
			t.Errorf("%s of another organisation's offer: %v", name, err)
		}
	}
}

func TestInvalidOfferWritesNothing(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	in := offerInput(domain.OfferApprenticeship)
	in.AgeMin, in.AgeMax = 14, 25
	_, err := e.svc.CreateOffer(ctx, employer, "org-verified", in, false)
	if de, ok := err.(*domain.Error); !ok || de.Field != "age_min" {
		t.Fatalf("apprenticeship from 14: %v", err)
	}
	if offers, _ := e.db.Offers(ctx, domain.OfferFilter{OrganisationIDs: []string{"org-verified"}}); len(offers) != 0 {
		t.Errorf("an invalid offer was saved: %v", offers)
	}
}

func TestDuplicateEditAndClose(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferApprenticeship, nil)
	copied, err := e.svc.DuplicateOffer(ctx, employer, o.ID)
	must(t, err)
	if copied.ID == o.ID || copied.Status != domain.OfferDraft || copied.Title != o.Title {
		t.Fatalf("duplicate: %+v", copied)
	}
	in := passerelle.InputOf(copied)
	in.Places, in.Title = 3, "Apprenti pâtissier"
	edited, err := e.svc.UpdateOffer(ctx, employer, copied.ID, in, true)
	must(t, err)
	if edited.Status != domain.OfferPublished || edited.PlacesLeft != 3 {
		t.Errorf("submitted draft of a verified employer: %s, %d places left", edited.Status, edited.PlacesLeft)
	}
	closed, err := e.svc.CloseOffer(ctx, employer, o.ID)
	must(t, err)
	if closed.Status != domain.OfferClosed || !slices.Equal(indexed(t, e), []string{copied.ID}) {
		t.Errorf("closing: %s, index %v", closed.Status, indexed(t, e))
	}
	if _, err := e.svc.CloseOffer(ctx, employer, o.ID); domain.ErrorMessage(err) != "error.offer.transition" {
		t.Errorf("closed twice: %v", err)
	}
}

func TestPublishedOffersExpireAtTheirEndDate(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ending := e.publishedOffer(t, domain.OfferJob, func(in *passerelle.OfferInput) { in.EndDate = today.AddDate(0, 2, 0) })
	lasting := e.publishedOffer(t, domain.OfferJob, nil)
	e.svc.SetClock(func() time.Time { return today.AddDate(0, 3, 0) })
	n, err := e.svc.ExpireOffers(ctx)
	must(t, err)
	got, _ := e.db.OfferByID(ctx, ending.ID)
	if n != 1 || got.Status != domain.OfferExpired || !slices.Equal(indexed(t, e), []string{lasting.ID}) {
		t.Errorf("expired %d, status %s, index %v", n, got.Status, indexed(t, e))
	}
	if n, _ := e.svc.ExpireOffers(ctx); n != 0 {
		t.Errorf("second run expired %d more", n)
	}
}
