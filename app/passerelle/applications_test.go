package passerelle_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// youth creates a youth of that age (with a guardian's consent when asked)
// and returns their user.
func (e *env) youth(t testing.TB, id string, age int, level string, consent bool) *domain.User {
	t.Helper()
	y := domain.Youth{ID: id, FirstName: "Lina", BirthDate: today.AddDate(-age, 0, -1), Level: level, GuardianEmail: "parent-" + id + "@example.fr"}
	if consent {
		y.GuardianConsentAt = &today
	}
	must(t, e.db.InsertYouths(context.Background(), []domain.Youth{y}))
	return &domain.User{ID: id, Email: id + "@example.fr", Name: "Lina " + id, Roles: []domain.Role{domain.RoleYouth}}
}

var samplePDF = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n")

func TestApplicationPipeline(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferApprenticeship, nil)
	lina := e.youth(t, "y16", 16, "2nde", false)
	a, err := e.svc.Apply(ctx, lina, o.ID, passerelle.ApplyInput{Message: "Bonjour, je suis motivée.", CV: samplePDF})
	must(t, err)
	if cv, err := e.db.ReadFile(ctx, a.CVFileID); err != nil || !bytes.Equal(cv, samplePDF) {
		t.Fatalf("CV stored: %v", err)
	}
	if len(e.mail.to(employer.Email, "application_received")) != 1 || len(e.mail.to("parent-y16@example.fr", "application_sent_guardian")) != 1 {
		t.Errorf("the employer and the guardian were not told: %+v", e.mail.sent)
	}
	if _, err := e.svc.Apply(ctx, lina, o.ID, passerelle.ApplyInput{}); domain.ErrorMessage(err) != "error.application.duplicate" {
		t.Errorf("applied twice: %v", err)
	}
	for _, to := range []domain.ApplicationStatus{domain.ApplicationSeen, domain.ApplicationInterview, domain.ApplicationAccepted} {
		if a, err = e.svc.MoveApplication(ctx, employer, a.ID, to); err != nil || a.Status != to {
			t.Fatalf("move to %s: %v", to, err)
		}
	}
	if _, err := e.svc.MoveApplication(ctx, employer, a.ID, domain.ApplicationDeclined); domain.ErrorMessage(err) != "error.application.transition" {
		t.Errorf("declined after acceptance: %v", err)
	}
	for who, suffix := range map[string]string{lina.Email: "", "parent-y16@example.fr": "_guardian"} {
		if len(e.mail.to(who, "application_interview"+suffix)) != 1 || len(e.mail.to(who, "application_accepted"+suffix)) != 1 {
			t.Errorf("%s was not told of each step: %+v", who, e.mail.sent)
		}
	}
	if got, _ := e.db.OfferByID(ctx, o.ID); got.PlacesLeft != 0 {
		t.Errorf("%d places left after the acceptance", got.PlacesLeft)
	}
}

func TestApplicationRefusals(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	apprenticeship := e.publishedOffer(t, domain.OfferApprenticeship, func(in *passerelle.OfferInput) { in.AgeMin, in.AgeMax = 15, 25 })
	internship := e.publishedOffer(t, domain.OfferInternship3e, nil)
	fake := append([]byte("%PDF-1.4 "), bytes.Repeat([]byte("x"), 100)...)
	cases := []struct {
		name  string
		youth *domain.User
		offer string
		in    passerelle.ApplyInput
		key   string
	}{
		{"15 still in 3e", e.youth(t, "y15", 15, "3e", true), apprenticeship.ID, passerelle.ApplyInput{}, "error.application.third_not_completed"},
		{"14 without consent", e.youth(t, "y14", 14, "3e", false), internship.ID, passerelle.ApplyInput{}, "error.application.consent_missing"},
		{"too old", e.youth(t, "y20", 20, "bac", false), internship.ID, passerelle.ApplyInput{}, "error.application.age"},
		{"fake PDF", e.youth(t, "y17", 17, "1re", false), apprenticeship.ID, passerelle.ApplyInput{CV: fake}, "error.application.cv_not_pdf"},
		{"renamed image", e.youth(t, "y18", 18, "bac", false), apprenticeship.ID, passerelle.ApplyInput{CV: []byte("\x89PNG\r\n\x1a\n")}, "error.application.cv_not_pdf"},
		{"oversized CV", e.youth(t, "y19", 19, "bac", false), apprenticeship.ID,
			passerelle.ApplyInput{CV: append(bytes.Repeat([]byte("%PDF-1.4 "), domain.CVMaxBytes/9+1), samplePDF...)}, "error.application.cv_too_large"},
		{"not a youth", employer, apprenticeship.ID, passerelle.ApplyInput{}, "error.forbidden"},
	}
	for _, c := range cases {
		if _, err := e.svc.Apply(ctx, c.youth, c.offer, c.in); domain.ErrorMessage(err) != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	for _, id := range []string{apprenticeship.ID, internship.ID} {
		if apps, _ := e.db.Applications(ctx, domain.ApplicationFilter{OfferID: id}); len(apps) != 0 {
			t.Errorf("refused applications were saved: %v", apps)
		}
	}
	closed, _ := e.svc.CloseOffer(ctx, employer, internship.ID)
	if _, err := e.svc.Apply(ctx, e.youth(t, "y14c", 14, "3e", true), closed.ID, passerelle.ApplyInput{}); domain.ErrorMessage(err) != "error.application.offer_closed" {
		t.Errorf("applied to a closed offer: %v", err)
	}
}

func TestUnansweredApplicationsExpireAndMayBeExtendedOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferJob, func(in *passerelle.OfferInput) { in.Places = 5 })
	waiting, err := e.svc.Apply(ctx, e.youth(t, "ya", 18, "bac", false), o.ID, passerelle.ApplyInput{})
	must(t, err)
	extended, err := e.svc.Apply(ctx, e.youth(t, "yb", 19, "bac", false), o.ID, passerelle.ApplyInput{})
	must(t, err)
	answered, err := e.svc.Apply(ctx, e.youth(t, "yc", 20, "bac", false), o.ID, passerelle.ApplyInput{})
	must(t, err)
	if _, err := e.svc.ExtendApplication(ctx, employer, extended.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.ExtendApplication(ctx, employer, extended.ID); domain.ErrorMessage(err) != "error.application.extended_once" {
		t.Errorf("extended twice: %v", err)
	}
	must(t, ignore(e.svc.MoveApplication(ctx, employer, answered.ID, domain.ApplicationInterview)))
	e.svc.SetClock(func() time.Time { return today.AddDate(0, 0, 16) })
	n, err := e.svc.ExpireApplications(ctx)
	must(t, err)
	got, _ := e.db.ApplicationByID(ctx, waiting.ID)
	if n != 1 || got.Status != domain.ApplicationExpired || len(e.mail.to("ya@example.fr", "application_expired")) != 1 ||
		len(e.mail.to(employer.Email, "application_expired_employer")) != 1 {
		t.Errorf("after 16 days: %d expired, status %s, youth and employer told?", n, got.Status)
	}
	e.svc.SetClock(func() time.Time { return today.AddDate(0, 0, 31) })
	if n, _ := e.svc.ExpireApplications(ctx); n != 1 {
		t.Errorf("after 31 days the extended application did not expire (%d)", n)
	}
}

func ignore[T any](_ T, err error) error { return err }
