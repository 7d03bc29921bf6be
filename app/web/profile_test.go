package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/account/accounttest"
	"passerelle/app/domain"
)

func profileForm(f *fixture, age int, guardian string) url.Values {
	birth := f.now.AddDate(-age, 0, -10).Format(time.DateOnly)
	return url.Values{"first_name": {"Yanis"}, "birth_date": {birth}, "commune": {"92050"}, "situation": {"college"},
		"level": {"3e"}, "interests": {"informatique", "ess", "inconnu"}, "wanted_types": {"internship_3e", "visit"},
		"mobility_km": {"5"}, "guardian_email": {guardian}, "visible": {"1"}}
}

func TestAFourteenYearOldNeedsTheGuardiansConsent(t *testing.T) {
	f := newFixture(t)
	youth := f.signUp(t, "yanis@example.fr", "youth")
	youth.get(t, "/compte/profil")
	resp, body := youth.post(t, "/compte/profil", profileForm(f, 14, ""))
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="guardian_email-error"`, "responsable légal")
	n := len(f.mails.Messages())
	resp, _ = youth.post(t, "/compte/profil", profileForm(f, 14, "Parent@Example.fr"))
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = youth.get(t, "/compte/profil")
	wantContains(t, body, "En attente de l'accord de ton responsable légal", "parent@example.fr")
	_, body = youth.get(t, "/jeunes")
	wantContains(t, body, "Ton profil attend l'accord de ton responsable légal")
	stored := f.youthOf(t, "yanis@example.fr")
	if stored.VisibleToEmployers || stored.GuardianConsentAt != nil || len(stored.Interests) != 2 {
		t.Fatalf("profile before consent: %+v", stored)
	}

	consent := f.mails.WaitFor(n+1, 10*time.Second)[n]
	if consent.To[0] != "parent@example.fr" || !strings.Contains(consent.Text, "Yanis") || !strings.Contains(consent.Text, "moins de 15 ans") {
		t.Fatalf("consent email to %v: %q", consent.To, consent.Text)
	}
	path, token := accounttest.Link(t, consent)
	guardian := f.visitor()
	_, body = guardian.get(t, path+token)
	wantContains(t, body, "Ce que voient les employeurs", "Je donne mon accord")
	resp, body = guardian.post(t, path+token, url.Values{})
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Merci pour votre accord")
	if resp, _ := guardian.post(t, path+token, url.Values{}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a consent link works twice: %d", resp.StatusCode)
	}

	youth.post(t, "/compte/profil", profileForm(f, 14, "parent@example.fr"))
	if got := f.youthOf(t, "yanis@example.fr"); got.GuardianConsentAt == nil || !got.VisibleToEmployers {
		t.Fatalf("profile after consent: %+v", got)
	}
}

func TestProfileAgesAndTheClosedProfile(t *testing.T) {
	f := newFixture(t)
	youth := f.signUp(t, "nour@example.fr", "youth")
	youth.get(t, "/compte/profil")
	for _, age := range []int{13, 26} {
		resp, body := youth.post(t, "/compte/profil", profileForm(f, age, "parent@example.fr"))
		wantStatus(t, resp, http.StatusUnprocessableEntity)
		wantContains(t, body, `id="birth_date-error"`, "de 14 à 25 ans")
	}
	resp, _ := youth.post(t, "/compte/profil", profileForm(f, 19, ""))
	wantStatus(t, resp, http.StatusSeeOther)
	y := f.youthOf(t, "nour@example.fr")
	y.BirthDate = f.now.AddDate(-26, 0, -1)
	if err := f.db.SaveYouth(context.Background(), *y); err != nil {
		t.Fatal(err)
	}
	_, body := youth.get(t, "/compte/profil")
	wantContains(t, body, "Ton profil est fermé")
	resp, _ = youth.post(t, "/compte/profil", profileForm(f, 19, ""))
	wantStatus(t, resp, http.StatusForbidden)
}

func (f *fixture) youthOf(t *testing.T, email string) *domain.Youth {
	t.Helper()
	u, err := f.db.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	y, err := f.db.YouthByID(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return y
}
