package internship_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/internship"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/notify/notifytest"
	"passerelle/app/refdata"
	"passerelle/app/signature"
	"passerelle/app/signature/signaturetest"
	"passerelle/app/store/storetest"
)

var ctx = context.Background()

// TestInternshipAgreement: refused before the application is accepted and
// for a minor without a legal representative; the school head is invited
// only once every other party signed, the legal representative included;
// the internship is « signé » only then, and cannot be prepared again.
func TestInternshipAgreement(t *testing.T) {
	db, mails := storetest.Open(t), mailtest.Start(t)
	now := time.Date(2027, 3, 1, 10, 0, 0, 0, domain.Paris)
	clock := func() time.Time { return now }
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	signatures := signature.New(db, notifytest.New(t, db, mails, notify.Config{}),
		signature.Config{BaseURL: "https://passerelle92.test", Catalog: catalog, Now: clock}, slog.New(slog.DiscardHandler))
	svc := internship.New(db, signatures, clock)

	org := domain.Organisation{ID: "org-e", Kind: domain.KindCompany, Name: "Atelier Numérique", SIRET: "73282932000074", CommuneCode: "92050"}
	offer := &domain.Offer{ID: "offer-3e", OrganisationID: org.ID, Type: domain.OfferInternship3e, Title: "Stage d'observation en atelier",
		Status: domain.OfferPublished, CommuneCode: "92050"}
	youth := domain.Youth{ID: "youth-1", FirstName: "Inès", BirthDate: time.Date(2012, 5, 1, 0, 0, 0, 0, domain.Paris)}
	app := &domain.Application{ID: domain.ApplicationID(offer.ID, youth.ID), OfferID: offer.ID, OfferTitle: offer.Title,
		OrganisationID: org.ID, YouthID: youth.ID, YouthName: "Inès Benali", YouthEmail: "ines@eleve.test", Status: domain.ApplicationSent}
	employer := &domain.User{ID: "emp", Email: "rh@atelier.test", Name: "Rémi RH", Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{org.ID}}
	if err := errorsOf(db.InsertOrganisations(ctx, []domain.Organisation{org}), db.InsertOffer(ctx, offer),
		db.InsertYouths(ctx, []domain.Youth{youth}), db.InsertApplication(ctx, app)); err != nil {
		t.Fatal(err)
	}
	school := refdata.Colleges()[0]
	terms := internship.Terms{SchoolUAI: school.UAI, SchoolHead: internship.Person{Name: "M. Proviseur", Email: "ce@college.test"},
		Teacher: internship.Person{Name: "Mme Prof", Email: "prof@college.test"}, Signatory: internship.Person{Name: "Rémi RH", Email: "rh@atelier.test"},
		Tutor: internship.Person{Name: "Tom Tuteur", Email: "tuteur@atelier.test"}, Starts: now.AddDate(0, 0, 14), Ends: now.AddDate(0, 0, 18),
		DailyHours: "9 h – 12 h, 13 h 30 – 16 h 30", Tasks: "Découverte des métiers de l'atelier.", Place: "12 rue des Ateliers, Nanterre",
		EmployerInsurer: "MAIF contrat 123", SchoolInsurer: "Rectorat de Versailles"}

	if _, err := svc.Prepare(ctx, employer, app.ID, terms); domain.ErrorMessage(err) != "error.internship.not_accepted" {
		t.Fatalf("before acceptance: %v", err)
	}
	if ok, err := db.MoveApplication(ctx, app.ID, []domain.ApplicationStatus{domain.ApplicationSent}, domain.ApplicationAccepted, now); err != nil || !ok {
		t.Fatal(ok, err)
	}
	if _, err := svc.Prepare(ctx, employer, app.ID, terms); domain.ErrorMessage(err) != "error.internship.name" {
		t.Fatalf("a minor without a legal representative: %v", err)
	}
	stranger := &domain.User{ID: "x", Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{"other"}}
	if _, err := svc.Prepare(ctx, stranger, app.ID, terms); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("another employer: %v", err)
	}
	terms.Guardian = internship.Person{Name: "Samia Benali", Email: "samia@famille.test"}
	r, err := svc.Prepare(ctx, employer, app.ID, terms)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Parties) != 6 || r.Parties[5].Role != "school_head" {
		t.Fatalf("parties %+v", r.Parties)
	}
	for _, p := range []struct{ email, name string }{{"ines@eleve.test", "Inès Benali"}, {"rh@atelier.test", "Rémi RH"},
		{"tuteur@atelier.test", "Tom Tuteur"}, {"prof@college.test", "Mme Prof"}} {
		signaturetest.Sign(t, signatures, mails, p.email, p.name)
	}
	// Without the legal representative's signature, the school head is not even invited.
	for _, m := range mails.Messages() {
		if m.To[0] == "ce@college.test" {
			t.Fatal("the school head invited before the legal representative signed")
		}
	}
	a, err := svc.Load(ctx, employer, app.ID)
	if err != nil || a.Signed() {
		t.Fatalf("signed without the legal representative: %v", err)
	}
	signaturetest.Sign(t, signatures, mails, "samia@famille.test", "Samia Benali")
	done := signaturetest.Sign(t, signatures, mails, "ce@college.test", "M. Proviseur")
	if done.State != domain.SignatureCompleted {
		t.Fatalf("state %s", done.State)
	}
	if a, _ = svc.Load(ctx, &domain.User{ID: youth.ID, Roles: []domain.Role{domain.RoleYouth}}, app.ID); !a.Signed() {
		t.Fatal("the youth does not see it signed")
	}
	if _, err := svc.Prepare(ctx, employer, app.ID, terms); domain.ErrorMessage(err) != "error.internship.signed" {
		t.Fatalf("prepared again once signed: %v", err)
	}
}

func errorsOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
