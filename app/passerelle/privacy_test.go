package passerelle_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// lina applied to two offers: the first with her CV, still open, with a
// thread; the second accepted, holding its offer's only place. She saved
// the first offer.
func youthWithApplications(t *testing.T, e *env) (lina *domain.User, open, accepted *domain.Application) {
	t.Helper()
	ctx := context.Background()
	first := e.publishedOffer(t, domain.OfferApprenticeship, nil)
	second := e.publishedOffer(t, domain.OfferApprenticeship, func(in *passerelle.OfferInput) { in.Title = "Apprenti pâtissier" })
	lina = e.youth(t, "y16", 16, "2nde", false)
	open, err := e.svc.Apply(ctx, lina, first.ID, passerelle.ApplyInput{Message: "Je suis motivée.", CV: samplePDF})
	must(t, err)
	accepted, err = e.svc.Apply(ctx, lina, second.ID, passerelle.ApplyInput{Message: "Bonjour"})
	must(t, err)
	e.messageClock()
	must(t, ignore(e.svc.PostApplicationMessage(ctx, employer, open.ID, "Pouvez-vous venir mardi ?")))
	must(t, ignore(e.svc.PostApplicationMessage(ctx, lina, open.ID, "Oui.")))
	must(t, ignore(e.svc.MoveApplication(ctx, employer, accepted.ID, domain.ApplicationAccepted)))
	must(t, e.svc.SaveFavourite(ctx, lina, first.ID))
	return lina, open, accepted
}

func exportOf(t *testing.T, e *env, u *domain.User) passerelle.PersonalData {
	t.Helper()
	section, data, err := e.svc.PersonalData(context.Background(), u)
	if err != nil || section != passerelle.PrivacySection {
		t.Fatalf("export: %q %v", section, err)
	}
	return data.(passerelle.PersonalData)
}

// The export lists the youth's applications with their first message,
// whether a CV was sent, the thread, and the saved offers.
func TestPersonalDataOfAYouth(t *testing.T) {
	e := newEnv(t)
	lina, open, _ := youthWithApplications(t, e)
	d := exportOf(t, e, lina)
	if len(d.Applications) != 2 || len(d.Favourites) != 1 || len(d.Bookings) != 0 {
		t.Fatalf("export: %+v", d)
	}
	i := slices.IndexFunc(d.Applications, func(a passerelle.ApplicationRecord) bool { return a.CVAttached })
	if i < 0 {
		t.Fatalf("no application with a CV: %+v", d.Applications)
	}
	a := d.Applications[i]
	if a.OfferTitle != open.OfferTitle || a.Organisation != "Le Fournil" || a.Message != "Je suis motivée." ||
		a.Status != domain.ApplicationSeen || len(a.Messages) != 2 || a.Messages[1].Body != "Oui." {
		t.Errorf("application with a CV: %+v", a)
	}
	if other := d.Applications[1-i]; other.Status != domain.ApplicationAccepted || other.OfferTitle != "Apprenti pâtissier" ||
		len(other.Messages) != 0 {
		t.Errorf("accepted application: %+v", other)
	}
	if d.Favourites[0].OfferTitle != open.OfferTitle {
		t.Errorf("favourites: %+v", d.Favourites)
	}
}

// Erasing withdraws the open application (its offer's places unchanged),
// keeps the accepted one on its place, deletes the CV, the thread and the
// favourites, and anonymises both applications, whose threads are closed;
// erasing again changes nothing.
func TestErasingAYouth(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	lina, open, accepted := youthWithApplications(t, e)
	sentBefore := len(e.mail.sent)
	must(t, e.svc.ErasePersonalData(ctx, lina))

	apps, err := e.db.Applications(ctx, domain.ApplicationFilter{YouthID: lina.ID})
	must(t, err)
	for _, a := range apps {
		if a.YouthName != domain.ErasedYouthName || a.YouthEmail != "" || a.GuardianEmail != "" || a.CVFileID != "" || a.Message != "" {
			t.Errorf("not anonymised: %+v", a)
		}
		if want := map[string]domain.ApplicationStatus{open.ID: domain.ApplicationWithdrawn, accepted.ID: domain.ApplicationAccepted}[a.ID]; a.Status != want {
			t.Errorf("%s is %s, want %s", a.ID, a.Status, want)
		}
	}
	for id, places := range map[string][]string{open.OfferID: nil, accepted.OfferID: {accepted.ID}} {
		o, err := e.db.OfferByID(ctx, id)
		if err != nil || o.PlacesLeft != 1-len(places) || !slices.Equal(o.AcceptedIDs, places) {
			t.Errorf("offer %s: %d places left, held by %v (%v)", id, o.PlacesLeft, o.AcceptedIDs, err)
		}
	}
	if _, err := e.db.ReadFile(ctx, open.CVFileID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("the CV is still stored: %v", err)
	}
	if thread, err := e.db.ApplicationMessages(ctx, open.ID); err != nil || len(thread) != 0 {
		t.Errorf("the thread survived: %+v %v", thread, err)
	}
	if d := exportOf(t, e, lina); len(d.Favourites) != 0 {
		t.Errorf("the favourites survived: %+v", d.Favourites)
	}
	if len(e.mail.sent) != sentBefore {
		t.Errorf("emails sent while erasing: %+v", e.mail.sent[sentBefore:])
	}
	if _, err := e.svc.PostApplicationMessage(ctx, employer, accepted.ID, "Bienvenue !"); domain.ErrorMessage(err) != "error.application_message.closed" {
		t.Errorf("the employer wrote to a deleted account: %v", err)
	}
	events, _ := e.db.LatestAudit(ctx, open.ID, 1)
	if len(events) != 1 || events[0].Action != passerelle.AuditApplicationMoved || events[0].Detail != "withdrawn" {
		t.Errorf("withdrawal not audited: %+v", events)
	}

	must(t, e.svc.ErasePersonalData(ctx, lina))
	again, err := e.db.Applications(ctx, domain.ApplicationFilter{YouthID: lina.ID})
	if err != nil || !reflect.DeepEqual(apps, again) {
		t.Errorf("a second erasure changed the applications:\n%+v\n%+v", apps, again)
	}
}

// A counsellor's bookings keep their seats and show the structure's name
// in place of the counsellor's.
func TestErasingACounsellorKeepsTheBookings(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	b, err := e.svc.Book(ctx, counsellor, booking(s.ID, "school-rep", 24))
	must(t, err)
	d := exportOf(t, e, counsellor)
	if len(d.Bookings) != 1 || d.Bookings[0].Group != "3e B" || d.Bookings[0].Seats != 24 ||
		!d.Bookings[0].SessionStart.Equal(s.StartsAt) || d.Bookings[0].OfferTitle != "Découvrir le métier de boulanger" {
		t.Fatalf("export: %+v", d)
	}
	must(t, e.svc.ErasePersonalData(ctx, counsellor))
	got, err := e.db.BookingByID(ctx, b.ID)
	if err != nil || got.CounsellorName != "Collège Jean-Moulin" || got.CounsellorEmail != "" || got.Status != domain.BookingConfirmed {
		t.Fatalf("booking after erasure: %+v %v", got, err)
	}
	if left, _ := seatsOf(t, e, s.ID); left != 6 {
		t.Errorf("%d seats left, want 6", left)
	}
}
