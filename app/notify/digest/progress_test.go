package digest_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

func (f *fixture) insertDrafts(t *testing.T) {
	ctx := t.Context()
	closes := time.Date(2026, 12, 7, 12, 0, 0, 0, domain.Paris)
	opened := f.now.AddDate(0, -1, 0)
	f.insert(t,
		f.db.InsertCalls(ctx, []domain.Call{{ID: "c1", Title: "PROGR'ESS 2027", OpensAt: opened, ClosesAt: closes},
			{ID: "c2", Title: "Plus tard", OpensAt: opened, ClosesAt: closes.AddDate(0, 1, 0)}}),
		f.db.InsertUsers(ctx, []domain.User{
			{ID: "a1", Email: "presidente@asso.fr", Name: "Nadia Benali", Locale: "fr"},
			{ID: "a2", Email: "tresorier@asso.fr", Name: "Luc Petit", Locale: "fr"},
			{ID: "a3", Email: "depose@asso.fr", Locale: "fr"},
			{ID: "a4", Email: "tard@asso.fr", Locale: "fr"}}),
		f.db.InsertGrant(ctx, domain.GrantApplication{ID: "g1", CallID: "c1", CreatedBy: "a1", EditorIDs: []string{"a2"},
			State: domain.GrantDraft, Content: domain.GrantContent{Project: domain.Project{Title: "Atelier vélo"}}}),
		f.db.InsertGrant(ctx, domain.GrantApplication{ID: "g2", CallID: "c1", CreatedBy: "a3", State: domain.GrantSubmitted}),
		f.db.InsertGrant(ctx, domain.GrantApplication{ID: "g3", CallID: "c2", CreatedBy: "a4", State: domain.GrantDraft}))
}

func TestProgressRemindersAtSevenThenTwoDays(t *testing.T) {
	f := newFixture(t)
	f.insertDrafts(t)
	f.now = time.Date(2026, 11, 29, 10, 0, 0, 0, domain.Paris) // 8 days before: too early
	if r := run(t, f.digests.ProgressReminders, false); r.Items != 0 {
		t.Fatalf("eight days before: %+v", r)
	}
	f.now = time.Date(2026, 11, 30, 10, 0, 0, 0, domain.Paris)
	dry := run(t, f.digests.ProgressReminders, true)
	if !strings.Contains(dry.Summary, "2 e-mail(s)") || !strings.Contains(dry.Summary, "presidente@asso.fr") || len(f.server.Messages()) != 0 {
		t.Fatalf("dry run: %s", dry.Summary)
	}
	run(t, f.digests.ProgressReminders, false)
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"presidente@asso.fr", "tresorier@asso.fr"}) {
		t.Fatalf("recipients %v", to)
	}
	m := got[0]
	for _, want := range []string{"PROGR'ESS 2027", "lundi 7 décembre 2026 à 12 h 00", "Projet : Atelier vélo",
		"Jours restants : 7", "https://passerelle92.test/progress/dossiers/g1"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("reminder lacks %q:\n%s", want, m.Text)
		}
	}
	if !strings.Contains(m.Subject, "clôture le 7 décembre 2026") || !strings.Contains(m.HTML, "Atelier vélo") {
		t.Errorf("subject %q", m.Subject)
	}
	f.now = f.now.AddDate(0, 0, 2) // daily runs in between send nothing new
	if r := run(t, f.digests.ProgressReminders, false); r.Items != 0 {
		t.Fatalf("the 7-day reminder was sent again: %+v", r)
	}
	f.now = f.now.AddDate(0, 0, 3)
	run(t, f.digests.ProgressReminders, false)
	got = f.server.WaitFor(4, 10*time.Second)
	if !strings.Contains(got[3].Text, "Jours restants : 2") {
		t.Errorf("two-day reminder:\n%s", got[3].Text)
	}
	f.now = f.now.AddDate(0, 0, 1)
	if r := run(t, f.digests.ProgressReminders, false); r.Items != 0 || len(f.server.Messages()) != 4 {
		t.Fatalf("the 2-day reminder was sent again: %+v", r)
	}
}

func TestReviewerRemindersWeeklyForPendingReviews(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	if r := run(t, f.digests.ReviewerReminders, false); r.Items != 0 {
		t.Fatalf("nothing pending yet: %+v", r)
	}
	f.insert(t,
		f.db.InsertCalls(ctx, []domain.Call{{ID: "c1", Title: "PROGR'ESS 2027"}}),
		f.db.InsertUsers(ctx, []domain.User{{ID: "r1", Email: "jure@hauts-de-seine.fr", Name: "Anne Roy", Locale: "fr"},
			{ID: "r2", Email: "fini@hauts-de-seine.fr", Locale: "fr"}}),
		f.db.InsertReviews(ctx, []domain.Review{
			{ID: "g1:r1", GrantID: "g1", CallID: "c1", ReviewerID: "r1", Status: domain.ReviewAssigned},
			{ID: "g2:r1", GrantID: "g2", CallID: "c1", ReviewerID: "r1", Status: domain.ReviewAssigned},
			{ID: "g3:r1", GrantID: "g3", CallID: "c1", ReviewerID: "r1", Status: domain.ReviewConflict},
			{ID: "g1:r2", GrantID: "g1", CallID: "c1", ReviewerID: "r2", Status: domain.ReviewSubmitted}}))
	run(t, f.digests.ReviewerReminders, false)
	got := f.server.WaitFor(1, 10*time.Second)
	m := got[0]
	if m.To[0] != "jure@hauts-de-seine.fr" || m.Subject != "PROGR'ESS : dossiers à évaluer (2)" ||
		!strings.Contains(m.Text, "- PROGR'ESS 2027 : 2") || !strings.Contains(m.Text, "https://passerelle92.test/jury") {
		t.Fatalf("reminder to %s: %q\n%s", m.To[0], m.Subject, m.Text)
	}
	f.now = f.now.AddDate(0, 0, 4)
	if r := run(t, f.digests.ReviewerReminders, false); r.Items != 0 {
		t.Fatalf("reminded twice in a week: %+v", r)
	}
	f.now = f.now.AddDate(0, 0, 3)
	run(t, f.digests.ReviewerReminders, false)
	f.server.WaitFor(2, 10*time.Second)
}
