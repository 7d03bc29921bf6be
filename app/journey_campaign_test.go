package main

import (
	"bytes"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/web/browsertest"
)

// The journey of issue 6: staff opens a campaign, two counsellors (one of a
// REP+ collège, one of a school outside priority education) enter wishes,
// the deadline passes, staff runs the allocation and publishes it; each
// counsellor sees the result with its explanation and gets the email.
func TestJourneyVisitCampaign(t *testing.T) {
	var report bytes.Buffer
	var ahead atomic.Int64 // how far the platform's clock is moved forward
	m := startDemoPlatformTo(t, &report, func(m *Main) {
		m.Now = func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
	})
	passwords := demoPasswords(t, report.String())
	week, first := campaignWeek(t, m)
	other := secondCounsellor(t, m)

	staff := browsertest.New(t)
	signIn(t, m, staff, "agent@"+demo.EmailDomain, passwords["agent@"+demo.EmailDomain])
	campaignURL := openCampaign(t, m, staff, week)

	rep := staff.Session()
	signIn(t, m, rep, "conseiller@"+demo.EmailDomain, passwords["conseiller@"+demo.EmailDomain])
	city := staff.Session()
	signIn(t, m, city, other.email, other.password)
	id := campaignURL[strings.LastIndex(campaignURL, "/")+1:]
	for _, b := range []*browsertest.Browser{rep, city} {
		enterWishes(t, m, b, id, first)
	}

	ahead.Store(int64(time.Until(week.AddDate(0, 0, -1)))) // the deadline has passed
	staff.Visit(campaignURL)
	staff.Submit("form[action$='/repartition'] button")
	staff.CheckPage()
	staff.Submit("form[action$='/publication'] button")
	if got := staff.Text(".notice"); !strings.Contains(got, "2 e-mail") {
		t.Fatalf("after publication: %q", got)
	}
	for _, who := range []struct {
		b     *browsertest.Browser
		email string
	}{{rep, "conseiller@" + demo.EmailDomain}, {city, other.email}} {
		expectResult(t, m, who.b, id, who.email)
	}
}

// campaignWeek picks the Monday of a week with visit sessions, far enough
// ahead for a deadline before it, and the first session of that week.
func campaignWeek(t *testing.T, m *Main) (time.Time, domain.SessionWithOffer) {
	t.Helper()
	sessions, err := m.DB.UpcomingSessions(t.Context(), time.Now().AddDate(0, 0, 9), 50)
	if err != nil || len(sessions) == 0 {
		t.Fatalf("no upcoming session in the demo data: %v", err)
	}
	day := sessions[0].StartsAt.In(domain.Paris)
	monday := time.Date(day.Year(), day.Month(), day.Day()-(int(day.Weekday())+6)%7, 0, 0, 0, 0, domain.Paris)
	return monday, sessions[0]
}

type credentials struct{ email, password string }

// secondCounsellor creates a counsellor of a school outside priority education.
func secondCounsellor(t *testing.T, m *Main) credentials {
	t.Helper()
	school := domain.Organisation{ID: "org-journey-sellier", Kind: domain.KindSchool, Name: "Collège Henri Sellier",
		CommuneCode: "92092", Verified: true, CreatedAt: time.Now()}
	if err := m.DB.InsertOrganisations(t.Context(), []domain.Organisation{school}); err != nil {
		t.Fatal(err)
	}
	u, err := newUser(domain.RoleCounsellor, "lea.martin@example.fr", "Léa Martin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	u.OrganisationIDs, u.EmailVerifiedAt = []string{school.ID}, &now
	passwords, err := m.createUsers(t.Context(), []domain.User{u})
	if err != nil {
		t.Fatal(err)
	}
	return credentials{u.Email, passwords[0]}
}

// signIn signs a browser in through the sign-in form.
func signIn(t *testing.T, m *Main, b *browsertest.Browser, email, password string) {
	t.Helper()
	b.Visit(m.URL() + "/connexion")
	b.Fill("#email", email)
	b.Fill("#password", password)
	b.Submit("form[action='/connexion']")
}

// demoSignedIn starts the demo platform and signs a browser in as its
// account local@ the demo domain; it returns the demo passwords by email.
func demoSignedIn(t *testing.T, local string) (*Main, *browsertest.Browser, map[string]string) {
	t.Helper()
	var report bytes.Buffer
	m := startDemoPlatformTo(t, &report)
	passwords := demoPasswords(t, report.String())
	b := browsertest.New(t)
	signIn(t, m, b, local+"@"+demo.EmailDomain, passwords[local+"@"+demo.EmailDomain])
	return m, b, passwords
}

// openCampaign creates the campaign through the staff form, after a
// refused attempt, and returns its page.
func openCampaign(t *testing.T, m *Main, b *browsertest.Browser, week time.Time) string {
	t.Helper()
	b.Visit(m.URL() + "/agents/campagnes")
	b.CheckPage()
	b.Fill("#title", "Semaine des métiers")
	b.Choose("#week_start", week.AddDate(0, 0, 1).Format(time.DateOnly)) // a Tuesday
	b.Choose("#wish_deadline", week.AddDate(0, 0, -2).Format("2006-01-02T15:04"))
	b.ExpectStatus(422)
	b.Submit("form[action='/agents/campagnes']")
	if got := b.Text("#week_start-error"); got != m.Catalog.T("fr", "error.campaign.week_start") {
		t.Fatalf("a Tuesday was accepted: %q", got)
	}
	b.CheckPage()
	b.Choose("#week_start", week.Format(time.DateOnly))
	b.Submit("form[action='/agents/campagnes']")
	b.CheckPage()
	if !strings.Contains(b.URL(), "/agents/campagnes/campaign-") {
		t.Fatalf("campaign not created: %s %s", b.URL(), b.Text("main"))
	}
	return b.URL()
}

// enterWishes adds a group whose first wish is the week's first session,
// after a refused attempt without any wish.
func enterWishes(t *testing.T, m *Main, b *browsertest.Browser, id string, first domain.SessionWithOffer) {
	t.Helper()
	b.Visit(m.URL() + "/campagnes")
	b.CheckPage()
	b.Click("a[href='/campagnes/" + id + "']")
	b.Fill("#name", "3e B")
	b.Fill("#size", "1")
	b.Fill("#level", "3e")
	b.ExpectStatus(422)
	b.Submit("form[action$='/groupes']")
	if got := b.Text("#wish1-error"); got != m.Catalog.T("fr", "error.campaign.wishes_none") {
		t.Fatalf("no wish accepted: %q", got)
	}
	b.Fill("#size", strconv.Itoa(max(first.MinGroup, min(first.MaxGroup, first.SeatsLeft))))
	b.Choose("#wish1", first.ID)
	b.Submit("form[action$='/groupes']")
	b.CheckPage()
	if !strings.Contains(b.Text("main"), first.OfferTitle) {
		t.Fatalf("wish not listed: %s", b.Text("main"))
	}
}

// expectResult checks the counsellor's result page and email.
func expectResult(t *testing.T, m *Main, b *browsertest.Browser, id, email string) {
	t.Helper()
	b.Visit(m.URL() + "/campagnes/" + id)
	b.CheckPage()
	why := b.Text(".result .explanation")
	if !strings.Contains(why, "vœu n°1") {
		t.Errorf("%s: no explanation on the page: %q", email, why)
	}
	if _, err := m.Notify.Deliver(t.Context(), 100); err != nil { // what the notifications_delivery job does each minute
		t.Fatal(err)
	}
	for _, msg := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		if len(msg.To) == 1 && msg.To[0] == email && strings.Contains(msg.Text, "Semaine des métiers") {
			if !strings.Contains(msg.Text, "Pourquoi : ") || !strings.Contains(msg.Text, "vœu n°1") {
				t.Errorf("%s: the email does not explain: %s", email, msg.Text)
			}
			return
		}
	}
	t.Errorf("%s got no result email", email)
}
