package main

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/i18n/texttest"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify/digest"
	"passerelle/app/retention"
	"passerelle/app/web/browsertest"
	"passerelle/jobs"
)

// jobEmail is one scheduled email of a demo run: how to make the job send
// it, to whom, and what a reader must find in it.
type jobEmail struct {
	shot    string // name of the screenshot in docs/emails
	run     func(t *testing.T, m *Main)
	to      string // local part of the demo account's address
	subject string
	says    string    // a sentence of the body, as the reader sees it
	digest  bool      // a digest or reminder: one-click unsubscribe
	english [2]string // subject and sentence when the reader chose English
}

// Right after `seed --demo`, each job sends its email to a demo account,
// in French, with absolute links; each is rendered as a mail client would,
// into EMAIL_SHOTS_DIR (docs/emails). The youth digest comes last.
func TestJourneyEveryJobSendsItsEmail(t *testing.T) {
	m := startDemoPlatform(t)
	m.Jobs.Stop(t.Context()) // a scheduled delivery would hold the lease that runJob takes
	b := browsertest.New(t)
	for _, e := range jobEmails(t, m) {
		if e.run != nil { // nil: another email of the job before
			e.run(t, m)
		}
		msg := emailTo(t, m, e.to+"@"+demo.EmailDomain, e.subject)
		checkJobEmail(t, m, e, msg)
		shootEmail(t, b, msg, e.shot)
	}
	// Every email of the run, the notices of the demo's actions included,
	// reads as written for people: subject and both parts.
	for _, msg := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		where := msg.To[0] + " « " + msg.Subject + " »"
		if msg.Subject != strings.TrimSpace(msg.Subject) {
			t.Errorf("%s: the subject starts or ends with a space", where)
		}
		texttest.Check(t, where, msg.Subject+"\n"+msg.Text+"\n"+texttest.Visible(msg.HTML))
	}
}

// With every demo account writing in English (the choice of the account
// page), each job's email goes out in English: the same emails, read by
// the same checks, with no French of the platform's own left in them.
func TestJourneyEveryJobSendsItsEmailInEnglish(t *testing.T) {
	m := startDemoPlatform(t)
	m.Jobs.Stop(t.Context())
	users, err := m.DB.LiveUsers(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if err := m.Accounts.ChooseEmailLanguage(t.Context(), &u, "en"); err != nil {
			t.Fatal(err)
		}
	}
	before := map[string]bool{}
	for _, msg := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		before[msg.File] = true
	}
	for _, e := range jobEmails(t, m) {
		if e.run != nil {
			e.run(t, m)
		}
		e.subject, e.says = e.english[0], e.english[1]
		checkJobEmail(t, m, e, emailTo(t, m, e.to+"@"+demo.EmailDomain, e.subject))
	}
	for _, msg := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		if before[msg.File] || strings.HasPrefix(msg.To[0], "famille.") { // a guardian has no account, nor a language of their choice
			continue
		}
		where := msg.To[0] + " « " + msg.Subject + " »"
		text := msg.Subject + "\n" + msg.Text + "\n" + texttest.Visible(msg.HTML)
		texttest.Check(t, where, text)
		checkEnglishEmail(t, where, text)
	}
}

func jobEmails(t *testing.T, m *Main) []jobEmail {
	closes := demoCall(t, m).ClosesAt
	return []jobEmail{
		{"employer_digest", runJob("employer_digest"), "employeur", "votre récapitulatif du", "Nouvelles candidatures", true,
			[2]string{"your summary for", "New applications"}},
		{"visit_reminder", runJob("visit_reminders"), "conseiller", "Rappel : «", "Point de rendez-vous", true,
			[2]string{"Reminder: “", "Meeting point"}},
		{"counsellor_digest", runJob("counsellor_digest"), "conseiller", "votre semaine de visites", "Les visites de vos groupes", true,
			[2]string{"your week of visits", "visits in the next 7 days"}},
		{"application_expired", runJob("application_expiry"), "", "Ta candidature a expiré", "dans le délai prévu", false,
			[2]string{"Your application has expired", "did not answer your application"}},
		{"application_expired_employer", nil, "employeur", "Candidature close sans réponse", "prolonger le délai une fois", false,
			[2]string{"Application closed without an answer", "it went unanswered within the delay"}},
		{"reviewer_reminder", runJob("reviewer_reminders"), "jury", "dossiers à évaluer", "attendent votre évaluation", true,
			[2]string{"applications to review", "awaiting your review"}},
		{"staff_summary", runJob("staff_summary"), "agent", "synthèse de la semaine", "Offres en attente de modération", true,
			[2]string{"the week's summary", "Offers awaiting moderation"}},
		{"progress_reminder", runDigest(closes.AddDate(0, 0, -7), (*digest.Digests).ProgressReminders), "porteur",
			"n'est pas encore déposé", "Épicerie mobile des quartiers sud", true,
			[2]string{"is not submitted yet", "Épicerie mobile des quartiers sud"}},
		{"progress_closed", runDigest(closes.Add(time.Minute), (*digest.Digests).ProgressClosing), "porteur",
			"est clos", "Épicerie mobile des quartiers sud", false, [2]string{"is closed", "Épicerie mobile des quartiers sud"}},
		{"inactivity_warning", runRetention(m.Config.Retention.InactiveYears), "employeur", "sera anonymisé",
			"il suffit de vous connecter", false, [2]string{"will be anonymised", "simply sign in before that date"}},
		{"youth_digest", runJob("youth_digest"), "jeune", "pour toi cette semaine", "Inès", true,
			[2]string{"for you this week", "Inès"}},
	}
}

// runJob runs a job as the scheduler would, then delivers what it queued.
func runJob(name string) func(*testing.T, *Main) {
	return func(t *testing.T, m *Main) {
		t.Helper()
		for _, job := range []string{name, "notifications_delivery"} {
			if _, err := m.Jobs.RunNow(t.Context(), job, jobs.RunOptions{}); err != nil {
				t.Fatalf("%s: %v", job, err)
			}
		}
	}
}

// runDigest runs a date-bound digest as on the day it is due.
func runDigest(at time.Time, job func(*digest.Digests, context.Context, jobs.RunOptions) (jobs.Report, error)) func(*testing.T, *Main) {
	return func(t *testing.T, m *Main) {
		t.Helper()
		if _, err := job(digest.New(m.DB, m.Notify, digest.Config{Now: func() time.Time { return at }}), t.Context(), jobs.RunOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

// runRetention runs the retention periods as a month before the demo's
// accounts have been inactive for the configured years, then delivers.
func runRetention(years int) func(*testing.T, *Main) {
	return func(t *testing.T, m *Main) {
		t.Helper()
		later := time.Now().AddDate(years, -1, 7)
		c := m.Config.Retention
		periods := retention.New(m.DB, m.Accounts, m.Notify, retention.Config{CVDays: c.CVDays,
			InactiveYears: c.InactiveYears, NotificationDays: c.NotificationDays, Now: func() time.Time { return later }},
			m.Logger)
		if _, err := periods.Run(t.Context(), jobs.RunOptions{}); err != nil {
			t.Fatal(err)
		}
		runJob("notifications_delivery")(t, m)
	}
}

func demoCall(t *testing.T, m *Main) domain.Call {
	t.Helper()
	calls, err := m.DB.Calls(t.Context())
	if err != nil || len(calls) != 1 {
		t.Fatalf("the demo call: %v %v", calls, err)
	}
	return calls[0]
}

// catalogKey is an email catalog key left untranslated (not the end of a
// sentence on an email).
var catalogKey = regexp.MustCompile(`email\.[a-z]`)

var hrefs = regexp.MustCompile(`href="([^"]*)"`)

// checkJobEmail checks what a reader relies on: the subject, the
// recipient, a sentence of the body in both parts, absolute links to the
// platform, no untranslated key, and the unsubscribe headers of digests.
func checkJobEmail(t *testing.T, m *Main, e jobEmail, msg mailtest.Received) {
	t.Helper()
	for _, part := range []string{msg.Text, msg.HTML} {
		if !strings.Contains(part, e.says) || catalogKey.MatchString(part) {
			t.Errorf("%s: %q missing, or a raw key, in:\n%s", e.shot, e.says, part)
		}
	}
	for _, link := range hrefs.FindAllStringSubmatch(msg.HTML, -1) {
		if !strings.HasPrefix(link[1], m.Config.Server.BaseURL+"/") && !strings.HasPrefix(link[1], "mailto:") {
			t.Errorf("%s: link %q is not absolute to %s", e.shot, link[1], m.Config.Server.BaseURL)
		}
	}
	if e.digest && !strings.Contains(msg.Headers.Get("List-Unsubscribe"), m.Config.Server.BaseURL+"/e-mails/") {
		t.Errorf("%s: List-Unsubscribe %q", e.shot, msg.Headers.Get("List-Unsubscribe"))
	}
}

// emailTo finds the email about subject to a demo address; with an empty
// local part, to any demo youth (not their guardian).
func emailTo(t *testing.T, m *Main, to, subject string) mailtest.Received {
	t.Helper()
	for _, msg := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		anyYouth := to == "@"+demo.EmailDomain && !strings.HasPrefix(msg.To[0], "famille.")
		if strings.Contains(msg.Subject, subject) && (slices.Contains(msg.To, to) || anyYouth) {
			return msg
		}
	}
	t.Fatalf("no email about %q to %s in the outbox", subject, to)
	return mailtest.Received{}
}
