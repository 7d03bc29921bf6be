package digest_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

// At its closing instant a call is closed once: the editors of drafts left
// unsubmitted and the staff are told, and the next instant is the next call's.
func TestProgressClosingAtTheInstantOnce(t *testing.T) {
	f := newFixture(t)
	f.insertDrafts(t)
	f.insert(t, f.db.InsertUsers(t.Context(), []domain.User{{ID: "s1", Email: "agent@hauts-de-seine.fr",
		Name: "Claire Martin", Roles: []domain.Role{domain.RoleStaff}, Locale: "fr"}}))
	closes := time.Date(2026, 12, 7, 12, 0, 0, 0, domain.Paris)
	next, ok, err := f.digests.NextClosing(t.Context(), f.now)
	if err != nil || !ok || !next.Equal(closes) {
		t.Fatalf("next closing %v %v %v, want %v", next, ok, err, closes)
	}
	f.now = closes.Add(-time.Second)
	if r := run(t, f.digests.ProgressClosing, false); r.Items != 0 {
		t.Fatalf("closed a second early: %+v", r)
	}
	f.now = closes
	dry := run(t, f.digests.ProgressClosing, true)
	if !strings.Contains(dry.Summary, "3 e-mail(s)") || len(f.server.Messages()) != 0 {
		t.Fatalf("dry run: %s", dry.Summary)
	}
	if next, _, _ := f.digests.NextClosing(t.Context(), f.now); !next.Equal(closes) {
		t.Fatal("a dry run closed the call")
	}
	run(t, f.digests.ProgressClosing, false)
	got := f.server.WaitFor(3, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"agent@hauts-de-seine.fr", "presidente@asso.fr", "tresorier@asso.fr"}) {
		t.Fatalf("recipients %v", to)
	}
	for _, m := range got {
		want := []string{"votre brouillon n'a pas été déposé", "lundi 7 décembre 2026 à 12 h 00", "Atelier vélo",
			"https://passerelle92.test/progress/dossiers/g1"}
		if m.To[0] == "agent@hauts-de-seine.fr" {
			want = []string{"est clos depuis le lundi 7 décembre 2026 à 12 h 00", "Dossiers déposés : 1",
				"Brouillons non déposés : 1", "https://passerelle92.test/agents/progress/appels/c1/dossiers"}
		}
		for _, w := range want {
			if !strings.Contains(m.Text, w) || m.Subject != "PROGR'ESS : l'appel « PROGR'ESS 2027 » est clos" {
				t.Errorf("to %s %q lacks %q:\n%s", m.To[0], m.Subject, w, m.Text)
			}
		}
	}
	call, err := f.db.CallByID(t.Context(), "c1")
	if err != nil || call.ClosedAt == nil {
		t.Fatalf("call not marked closed: %+v %v", call, err)
	}
	if next, _, _ := f.digests.NextClosing(t.Context(), f.now); !next.Equal(closes.AddDate(0, 1, 0)) {
		t.Fatalf("next closing after c1: %v", next)
	}
	f.now = f.now.Add(5 * time.Minute) // the cron fallback's next run
	if r := run(t, f.digests.ProgressClosing, false); r.Items != 0 || len(f.server.Messages()) != 3 {
		t.Fatalf("a second run closed again: %+v", r)
	}
}
