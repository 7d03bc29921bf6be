package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/account/accounttest"
)

const testPassword = "un cheval bleu traverse Nanterre"

// signUp goes through the sign-up form and the verification email, and
// returns the visitor, signed in.
func (f *fixture) signUp(t *testing.T, email, role string) *visitor {
	t.Helper()
	v := f.visitor()
	v.get(t, "/inscription")
	n := len(f.mails.Messages())
	resp, body := v.post(t, "/inscription", url.Values{"email": {email}, "name": {"Léa Martin"}, "role": {role},
		"password": {testPassword}})
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Consultez votre messagerie")
	path, token := accounttest.Link(t, f.mails.WaitFor(n+1, 10*time.Second)[n])
	resp, _ = v.get(t, path+token)
	wantStatus(t, resp, http.StatusSeeOther)
	return v
}

func TestSignUpVerifyAndSignOut(t *testing.T) {
	f := newFixture(t)
	v := f.signUp(t, "lea@example.fr", "employer")
	resp, body := v.get(t, "/compte")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Léa Martin", "lea@example.fr", "Employeur", "Se déconnecter partout", "cet appareil")
	resp, _ = v.post(t, "/deconnexion", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = v.get(t, "/compte")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/connexion?suite=") {
		t.Fatalf("signed out /compte = %d → %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestSignUpShowsTheErrorNextToTheField(t *testing.T) {
	f := newFixture(t)
	v := f.visitor()
	v.get(t, "/inscription")
	resp, body := v.post(t, "/inscription", url.Values{"email": {"lea@example.fr"}, "name": {"Léa"},
		"role": {"youth"}, "password": {"azertyuiop123"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="password-error"`, "Ce mot de passe est trop courant", `value="lea@example.fr"`)
	resp, body = v.post(t, "/inscription", url.Values{"email": {"lea@example.fr"}, "name": {"Léa"},
		"role": {"staff"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="role-error"`)
}

// mainOf is the page's own content, without the footer's request reference.
func mainOf(body string) string {
	_, after, _ := strings.Cut(body, "<main")
	content, _, _ := strings.Cut(after, "</main>")
	return content
}

func TestSignInRotatesTheSessionAndSignOutEverywhereEndsAll(t *testing.T) {
	f := newFixture(t)
	first := f.signUp(t, "lea@example.fr", "youth")
	before := first.cookies["p92_session"]
	first.get(t, "/compte")
	resp, _ := first.post(t, "/connexion", url.Values{"email": {"lea@example.fr"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusSeeOther)
	if after := first.cookies["p92_session"]; after == before || after == "" {
		t.Fatal("sign-in kept the session token the browser had")
	}
	old := f.visitor()
	old.cookies["p92_session"] = before
	if resp, _ := old.get(t, "/compte"); resp.StatusCode != http.StatusSeeOther {
		t.Fatal("the session replaced at sign-in still works")
	}
	second := f.visitor()
	second.get(t, "/connexion")
	second.post(t, "/connexion", url.Values{"email": {"lea@example.fr"}, "password": {testPassword}})
	second.get(t, "/compte")
	resp, _ = second.post(t, "/deconnexion/partout", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	if resp, _ := first.get(t, "/compte"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the other browser is still signed in: %d", resp.StatusCode)
	}
}

func TestStateChangingRequestsNeedTheAntiForgeryToken(t *testing.T) {
	f := newFixture(t)
	v := f.visitor()
	v.get(t, "/connexion")
	form := url.Values{"email": {"lea@example.fr"}, "password": {testPassword}}
	for _, token := range []string{"", "0123", csrfFor("someone else's cookie")} {
		form.Set("_csrf", token)
		resp, body := v.post(t, "/connexion", form)
		wantStatus(t, resp, http.StatusForbidden)
		wantContains(t, body, "Le formulaire a expiré ou ne vient pas de ce site")
	}
	req, _ := http.NewRequest(http.MethodPost, "/connexion/lien", strings.NewReader("email=lea%40example.fr"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", v.csrf)
	resp, _ := v.do(t, req)
	wantStatus(t, resp, http.StatusOK)
}

func TestSignInIsRateLimitedWithRetryAfter(t *testing.T) {
	f := newFixture(t)
	v := f.visitor()
	v.get(t, "/connexion")
	form := url.Values{"email": {"lea@example.fr"}, "password": {"pas le bon mot de passe"}}
	var resp *http.Response
	var body string
	// The counters have fixed one-minute windows on the real clock: when a
	// new minute began during the attempts, they start again in this one.
	for range 2 {
		window := time.Now().Truncate(time.Minute)
		for range accounttest.Config.LoginRatePerMinute + 1 {
			resp, body = v.post(t, "/connexion", form)
		}
		if time.Now().Truncate(time.Minute).Equal(window) {
			break
		}
	}
	wantStatus(t, resp, http.StatusTooManyRequests)
	wantContains(t, body, "recevez dès maintenant un lien de connexion par courriel")
	if ra := resp.Header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Fatalf("Retry-After %q", ra)
	}
	resp, _ = v.post(t, "/connexion/lien", url.Values{"email": {"lea@example.fr"}})
	wantStatus(t, resp, http.StatusOK) // the link is still there for whoever is refused the password
}

func TestMagicLinkSignsInOnceAndAnswersTheSameForUnknownAddresses(t *testing.T) {
	f := newFixture(t)
	f.signUp(t, "lea@example.fr", "applicant")
	v := f.visitor()
	v.get(t, "/connexion")
	_, unknown := v.post(t, "/connexion/lien", url.Values{"email": {"personne@example.fr"}})
	_, known := v.post(t, "/connexion/lien", url.Values{"email": {"lea@example.fr"}})
	if mainOf(unknown) != mainOf(known) {
		t.Fatal("the answer tells whether the address has an account")
	}
	path, token := accounttest.Link(t, f.mails.WaitFor(2, 10*time.Second)[1])
	resp, _ := v.get(t, path+token)
	wantStatus(t, resp, http.StatusOK)
	resp, _ = v.post(t, path+token, url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	if _, body := v.get(t, "/compte"); !strings.Contains(body, "lea@example.fr") {
		t.Fatal("the magic link did not sign in")
	}
	resp, body := v.post(t, path+token, url.Values{})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Ce lien n'est plus valable")
}

func TestPasswordResetByEmail(t *testing.T) {
	f := newFixture(t)
	f.signUp(t, "lea@example.fr", "counsellor")
	v := f.visitor()
	v.get(t, "/mot-de-passe/oubli")
	_, body := v.post(t, "/mot-de-passe/oubli", url.Values{"email": {"lea@example.fr"}})
	wantContains(t, body, "Si un compte existe avec cette adresse")
	path, token := accounttest.Link(t, f.mails.WaitFor(2, 10*time.Second)[1])
	v.get(t, path+token)
	resp, body := v.post(t, path+token, url.Values{"password": {"court"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "au moins 12 caractères")
	resp, _ = v.post(t, path+token, url.Values{"password": {"la Seine coule sous le pont de Sèvres"}})
	wantStatus(t, resp, http.StatusSeeOther)
	w := f.visitor()
	w.get(t, "/connexion")
	resp, _ = w.post(t, "/connexion", url.Values{"email": {"lea@example.fr"}, "password": {"la Seine coule sous le pont de Sèvres"}})
	wantStatus(t, resp, http.StatusSeeOther)
}

// A person chooses the language of their emails on their account page; the
// choice is kept on the account, a message confirms it, and a language the
// platform does not write is refused in French without changing anything.
func TestEmailLanguageIsChosenOnTheAccountPage(t *testing.T) {
	f := newFixture(t)
	v := f.signUp(t, "sam@example.fr", "employer")
	_, body := v.get(t, "/compte")
	wantContains(t, body, "Langue des e-mails", `value="fr" checked`)
	resp, _ := v.post(t, "/compte/langue", url.Values{"locale": {"en"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = v.get(t, "/compte")
	wantContains(t, body, "Langue des e-mails enregistrée", `value="en" checked`)
	user, err := f.db.UserByEmail(t.Context(), "sam@example.fr")
	if err != nil || user.Locale != "en" {
		t.Fatalf("the account's language: %+v %v", user, err)
	}
	resp, body = v.post(t, "/compte/langue", url.Values{"locale": {"de"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choisissez le français ou l'anglais.")
	if user, _ := f.db.UserByEmail(t.Context(), "sam@example.fr"); user.Locale != "en" {
		t.Fatalf("a refused language changed the account: %q", user.Locale)
	}
}
