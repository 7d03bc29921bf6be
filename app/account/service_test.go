package account_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/account"
	"passerelle/app/account/accounttest"
	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/store/storetest"
)

var (
	ctx    = context.Background()
	client = account.Client{IP: "192.0.2.10", UserAgent: "test", Locale: "fr"}
)

const goodPassword = "un cheval bleu traverse Nanterre"

func register(t *testing.T, svc *account.Service, email, password string) {
	t.Helper()
	form := url.Values{"email": {email}, "name": {"Léa Martin"}, "role": {"employer"}, "password": {password}}
	if password == "" {
		form.Set("passwordless", "1")
	}
	in, err := account.ParseSignUp(form)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Register(ctx, in, client); err != nil {
		t.Fatal(err)
	}
}

func wantCode(t *testing.T, err error, code, key string) {
	t.Helper()
	if domain.ErrorCode(err) != code || domain.ErrorMessage(err) != key {
		t.Fatalf("error %v, want %s %s", err, code, key)
	}
}

func TestSignUpVerifyThenSignInWithPassword(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	register(t, svc, "Lea.Martin@Example.fr", goodPassword)
	verify := mails.WaitFor(1, 10*time.Second)[0]
	if !strings.Contains(verify.Subject, "Confirmez votre adresse") || verify.To[0] != "lea.martin@example.fr" || verify.HTML == "" {
		t.Fatalf("verification email: %q to %v", verify.Subject, verify.To)
	}
	_, _, err := svc.SignIn(ctx, "lea.martin@example.fr", goodPassword, client)
	wantCode(t, err, domain.EFORBIDDEN, "error.auth.unverified")
	mails.WaitFor(2, 10*time.Second) // the link is sent again
	_, token := accounttest.Link(t, verify)
	session, user, err := svc.VerifyEmail(ctx, token, client)
	if err != nil || user.EmailVerifiedAt == nil && session == "" {
		t.Fatalf("verify: %v", err)
	}
	if got, _ := svc.SessionUser(ctx, session); got == nil || got.ID != user.ID {
		t.Fatalf("session of the verification link does not sign in: %v", got)
	}
	if _, _, err := svc.SignIn(ctx, "LEA.martin@example.fr", goodPassword, client); err != nil {
		t.Fatalf("sign in after verification: %v", err)
	}
	_, _, err = svc.SignIn(ctx, "lea.martin@example.fr", goodPassword+"x", client)
	wantCode(t, err, domain.EINVALID, "error.auth.invalid_credentials")
}

func TestSignUpWithATakenAddressAnswersTheSameAndWarnsItsOwner(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	register(t, svc, "lea@example.fr", "")
	register(t, svc, "lea@example.fr", goodPassword)
	got := mails.WaitFor(2, 10*time.Second)
	subjects := got[0].Subject + " | " + got[1].Subject
	if !strings.Contains(subjects, "Un compte existe déjà") || !strings.Contains(subjects, "Confirmez") {
		t.Fatalf("subjects %q", subjects)
	}
	_, _, err := svc.SignIn(ctx, "nobody@example.fr", goodPassword, client)
	wantCode(t, err, domain.EINVALID, "error.auth.invalid_credentials")
}

func verifiedAccount(t *testing.T, svc *account.Service, mails *mailtest.Server, email string) *domain.User {
	t.Helper()
	n := len(mails.Messages())
	register(t, svc, email, goodPassword)
	_, token := accounttest.Link(t, mails.WaitFor(n+1, 10*time.Second)[n])
	_, user, err := svc.VerifyEmail(ctx, token, client)
	if err != nil {
		t.Fatal(err)
	}
	return user
}

func TestMagicLinkWorksOnceAndExpires(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	verifiedAccount(t, svc, mails, "lea@example.fr")
	if err := svc.RequestMagicLink(ctx, "nobody@example.fr", client); err != nil {
		t.Fatalf("unknown address must get the same answer: %v", err)
	}
	if err := svc.RequestMagicLink(ctx, "lea@example.fr", client); err != nil {
		t.Fatal(err)
	}
	msg := mails.WaitFor(2, 10*time.Second)[1]
	path, token := accounttest.Link(t, msg)
	if path != "/connexion/lien/" || !strings.Contains(msg.Text, "15 minutes") {
		t.Fatalf("magic link %s in %q", path, msg.Text)
	}
	if _, _, err := svc.UseMagicLink(ctx, token, client); err != nil {
		t.Fatal(err)
	}
	_, _, err := svc.UseMagicLink(ctx, token, client)
	wantCode(t, err, domain.EINVALID, "error.token.invalid")

	svc.RequestMagicLink(ctx, "lea@example.fr", client)
	_, late := accounttest.Link(t, mails.WaitFor(3, 10*time.Second)[2])
	svc.Now = func() time.Time { return time.Now().Add(16 * time.Minute) }
	_, _, err = svc.UseMagicLink(ctx, late, client)
	wantCode(t, err, domain.EINVALID, "error.token.invalid")
}

func TestResetPasswordEndsEverySessionAndKeepsLinkOnRefusedPassword(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	user := verifiedAccount(t, svc, mails, "lea@example.fr")
	old, _ := svc.StartSession(ctx, user, client)
	svc.RequestReset(ctx, "lea@example.fr", client)
	_, token := accounttest.Link(t, mails.WaitFor(2, 10*time.Second)[1])
	_, _, err := svc.ResetPassword(ctx, token, "short", client)
	wantCode(t, err, domain.EINVALID, "error.password.too_short")
	const newPassword = "la mer est calme à Boulogne"
	if _, _, err := svc.ResetPassword(ctx, token, newPassword, client); err != nil {
		t.Fatal(err)
	}
	if u, _ := svc.SessionUser(ctx, old); u != nil {
		t.Fatal("a session from before the reset still works")
	}
	if _, _, err := svc.SignIn(ctx, "lea@example.fr", newPassword, client); err != nil {
		t.Fatal(err)
	}
}

func TestSessionsRotateAndSignOutEverywhere(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	user := verifiedAccount(t, svc, mails, "lea@example.fr")
	a, _ := svc.StartSession(ctx, user, client)
	b, _ := svc.StartSession(ctx, user, client)
	if a == b || len(a) != 64 {
		t.Fatalf("tokens %q and %q", a, b)
	}
	if err := svc.EndSession(ctx, a, user, client); err != nil {
		t.Fatal(err)
	}
	if u, _ := svc.SessionUser(ctx, a); u != nil {
		t.Fatal("signed-out session still works")
	}
	if u, _ := svc.SessionUser(ctx, b); u == nil {
		t.Fatal("signing out one browser ended the other")
	}
	svc.EndAllSessions(ctx, user, client)
	if u, _ := svc.SessionUser(ctx, b); u != nil {
		t.Fatal("sign out everywhere left a session")
	}
	c, _ := svc.StartSession(ctx, user, client)
	svc.Now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	if u, _ := svc.SessionUser(ctx, c); u != nil {
		t.Fatal("expired session still works")
	}
}

func TestRateLimitPerAccountSaysWhenToRetry(t *testing.T) {
	svc, _ := accounttest.New(t, storetest.Open(t))
	var err error
	for range accounttest.Config.LoginRatePerMinute + 1 {
		_, _, err = svc.SignIn(ctx, "lea@example.fr", "wrong password here", client)
	}
	var limited *account.RateLimited
	if !errors.As(err, &limited) || limited.RetryAfter <= 0 || limited.RetryAfter > time.Minute {
		t.Fatalf("error %v, want a rate limit", err)
	}
	wantCode(t, err, domain.ETOOMANY, "error.auth.too_many_password")
}

// A stranger's wrong passwords from their own address do not keep the owner
// of the account out; the magic link stays available to the stranger's
// victim whatever the password counters say.
func TestAStrangerCannotLockSomeoneOut(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	verifiedAccount(t, svc, mails, "lea@example.fr")
	stranger := client
	stranger.IP = "198.51.100.66"
	for range 3 * accounttest.Config.LoginRatePerMinute {
		_, _, _ = svc.SignIn(ctx, "lea@example.fr", "guessing her password", stranger)
	}
	if _, _, err := svc.SignIn(ctx, "lea@example.fr", "wrong password here", stranger); domain.ErrorCode(err) != domain.ETOOMANY {
		t.Fatalf("the stranger's address is not limited: %v", err)
	}
	if _, _, err := svc.SignIn(ctx, "lea@example.fr", goodPassword, client); err != nil {
		t.Fatalf("the owner is locked out by a stranger's failures: %v", err)
	}
	if err := svc.RequestMagicLink(ctx, "lea@example.fr", stranger); err != nil {
		t.Fatalf("the magic link is refused while the password is limited: %v", err)
	}
}

// Guessing spread over many addresses meets the per-account ceiling.
func TestPerAccountCeilingHoldsAcrossAddresses(t *testing.T) {
	svc, _ := accounttest.New(t, storetest.Open(t))
	midHour := time.Now().Truncate(time.Hour).Add(30 * time.Minute) // all in one hourly window
	svc.Now = func() time.Time { return midHour }
	per := accounttest.Config.LoginRatePerMinute
	refused := 0
	for i := range per * 12 {
		from := client
		from.IP = fmt.Sprintf("203.0.113.%d", i%250)
		if _, _, err := svc.SignIn(ctx, "lea@example.fr", "guess", from); domain.ErrorCode(err) == domain.ETOOMANY {
			refused++
		}
	}
	if want := per * 2; refused != want {
		t.Errorf("%d of %d guesses from distinct addresses refused, want %d past the hourly ceiling", refused, per*12, want)
	}
}

func TestAMagicLinkUsedConcurrentlySignsInOnce(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	verifiedAccount(t, svc, mails, "lea@example.fr")
	svc.RequestMagicLink(ctx, "lea@example.fr", client)
	_, token := accounttest.Link(t, mails.WaitFor(2, 10*time.Second)[1])
	results := make(chan error, 8)
	for range 8 {
		go func() { _, _, err := svc.UseMagicLink(ctx, token, client); results <- err }()
	}
	wins := 0
	for range 8 {
		if err := <-results; err == nil {
			wins++
		} else if domain.ErrorMessage(err) != "error.token.invalid" {
			t.Fatal(err)
		}
	}
	if wins != 1 {
		t.Fatalf("%d sign-ins with one link", wins)
	}
}

func TestPurgeExpiredRemovesOnlyWhatExpired(t *testing.T) {
	svc, mails := accounttest.New(t, storetest.Open(t))
	user := verifiedAccount(t, svc, mails, "lea@example.fr")
	session, _ := svc.StartSession(ctx, user, client)
	svc.RequestMagicLink(ctx, "lea@example.fr", client)
	mails.WaitFor(2, 10*time.Second)
	if n, err := svc.PurgeExpired(ctx); err != nil || n != 0 {
		t.Fatalf("purged %d before anything expired: %v", n, err)
	}
	svc.Now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	n, err := svc.PurgeExpired(ctx)
	if err != nil || n < 4 { // two sessions, the magic link, the rate counters
		t.Fatalf("purged %d: %v", n, err)
	}
	svc.Now = time.Now
	if u, _ := svc.SessionUser(ctx, session); u != nil {
		t.Fatal("an expired session survived the purge")
	}
}
