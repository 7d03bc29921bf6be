package progress

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestDraftKeepsPartialDataAndSubmitWantsItAll(t *testing.T) {
	w := newWorld(t)
	g, err := w.svc.StartApplication(ctx, w.alice, w.call.ID, "org-a")
	if err != nil {
		t.Fatal(err)
	}
	if g.Content.Identity.Name != "Les Paniers de Nanterre" || g.Content.Identity.ContactEmail != "alice@example.fr" {
		t.Errorf("identity not pre-filled: %+v", g.Content.Identity)
	}
	half := domain.Project{Title: "Épicerie solidaire", Description: "À compléter…"}
	if err := w.svc.SaveProject(ctx, w.alice, g.ID, half); err != nil {
		t.Fatal(err)
	}
	if again, _ := w.svc.StartApplication(ctx, w.alice, w.call.ID, "org-a"); again.Content.Project.Title != half.Title {
		t.Errorf("coming back lost the draft: %+v", again.Content.Project)
	}
	problems, err := w.svc.Problems(ctx, w.alice, g.ID)
	if err != nil || len(problems) < 5 {
		t.Errorf("problems of a half draft: %v, %v", problems, err)
	}
	_, err = w.svc.Submit(ctx, w.alice, g.ID)
	if code(err) != domain.EINVALID || w.reload(t, g.ID).State != domain.GrantDraft {
		t.Errorf("incomplete draft submitted: %v", err)
	}
	if err := w.svc.SaveProject(ctx, w.alice, g.ID, domain.Project{Communes: []string{"99999"}}); domain.ErrorMessage(err) != "error.grant.commune_unknown" {
		t.Errorf("unknown commune: %v", err)
	}
}

func TestSubmitLocksAndAcknowledgesWithAReceipt(t *testing.T) {
	w := newWorld(t)
	g := w.completeDraft(t, w.alice, "org-a", 10_000)
	g, err := w.svc.Submit(ctx, w.alice, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if g.State != domain.GrantSubmitted || g.Version != 1 || !g.SubmittedAt.Equal(w.now) || len(g.History) != 1 || g.History[0].ActorID != "alice" {
		t.Errorf("submitted file: state %s, version %d, at %v, history %+v", g.State, g.Version, g.SubmittedAt, g.History)
	}
	if err := w.svc.SaveBudget(ctx, w.alice, g.ID, domain.BudgetPlan{}); domain.ErrorMessage(err) != "error.grant.locked" {
		t.Errorf("submitted file changed: %v", err)
	}
	if _, err := w.svc.Submit(ctx, w.alice, g.ID); code(err) != domain.ECONFLICT {
		t.Errorf("second submission: %v", err)
	}
	sent := w.sent.ordered
	if len(sent) != 1 || sent[0].Text != "notice.grant.submitted" || len(sent[0].Attachments) != 1 ||
		!bytes.HasPrefix(sent[0].Attachments[0].Data, []byte("%PDF-")) {
		t.Fatalf("acknowledgement: %+v", sent)
	}
	receipt, err := w.svc.ReceiptFor(ctx, w.alice, g.ID)
	if err != nil || !bytes.Equal(receipt, sent[0].Attachments[0].Data) {
		t.Errorf("receipt differs from the one sent (err %v)", err)
	}
	if versions, _ := w.db.GrantVersions(ctx, g.ID); len(versions) != 1 || versions[0].Content.Project.Title != g.Content.Project.Title {
		t.Errorf("versions %+v", versions)
	}
}

// TestSubmitAtTheExactClosingInstant closes calls on both nights of a
// clock change, and submits one nanosecond before and exactly at the
// closing instant, by the server's clock.
func TestSubmitAtTheExactClosingInstant(t *testing.T) {
	cases := []struct{ closes, wantUTC string }{
		{"2027-03-28T03:00", "2027-03-28T01:00:00Z"}, // first minute of summer time
		{"2026-10-25T02:30", "2026-10-25T00:30:00Z"}, // the night's first 02:30, before clocks go back
	}
	for _, c := range cases {
		t.Run(c.closes, func(t *testing.T) {
			w := newWorld(t)
			w.call = w.saveCall(t, "2026-09-01T09:00", c.closes)
			if got := w.call.ClosesAt.UTC().Format(time.RFC3339); got != c.wantUTC {
				t.Fatalf("closes at %s UTC, want %s", got, c.wantUTC)
			}
			w.now = w.call.ClosesAt.Add(-time.Hour)
			early, late := w.completeDraft(t, w.alice, "org-a", 5_000), w.completeDraft(t, w.bob, "org-b", 5_000)
			w.now = w.call.ClosesAt.Add(-time.Nanosecond)
			if _, err := w.svc.Submit(ctx, w.alice, early.ID); err != nil {
				t.Errorf("one nanosecond before closing: %v", err)
			}
			w.now = w.call.ClosesAt
			_, err := w.svc.Submit(ctx, w.bob, late.ID)
			if domain.ErrorMessage(err) != "error.grant.call_closed" || w.reload(t, late.ID).State != domain.GrantDraft {
				t.Errorf("at the closing instant: %v", err)
			}
		})
	}
}

func TestCoEditorsComeFromTheSameOrganisation(t *testing.T) {
	w := newWorld(t)
	g, _ := w.svc.StartApplication(ctx, w.alice, w.call.ID, "org-a")
	if err := w.svc.AddCoEditor(ctx, w.alice, g.ID, "bob"); domain.ErrorMessage(err) != "error.grant.co_editor_organisation" {
		t.Errorf("bob of org-b as co-editor: %v", err)
	}
	if err := w.svc.SaveProject(ctx, w.carol, g.ID, domain.Project{Title: "x"}); code(err) != domain.ENOTFOUND {
		t.Errorf("carol edited before being co-editor: %v", err)
	}
	if err := w.svc.AddCoEditor(ctx, w.alice, g.ID, "carol"); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SaveProject(ctx, w.carol, g.ID, domain.Project{Title: "Par Carol"}); err != nil {
		t.Errorf("co-editor cannot edit: %v", err)
	}
}

// The author names a co-editor by email; an address of no applicant of the
// organisation, known or not, gets the same refusal, and only the author
// may invite.
func TestAuthorInvitesCoEditorByEmail(t *testing.T) {
	w := newWorld(t)
	g, _ := w.svc.StartApplication(ctx, w.alice, w.call.ID, "org-a")
	for _, email := range []string{"bob@example.fr", "nobody@example.fr"} {
		if _, err := w.svc.InviteCoEditor(ctx, w.alice, g.ID, email); domain.ErrorMessage(err) != "error.grant.co_editor_organisation" {
			t.Errorf("inviting %s: %v", email, err)
		}
	}
	u, err := w.svc.InviteCoEditor(ctx, w.alice, g.ID, "  Carol@Example.fr ")
	if err != nil || u.ID != "carol" {
		t.Fatalf("inviting carol: %v %v", u, err)
	}
	if err := w.svc.SaveProject(ctx, w.carol, g.ID, domain.Project{Title: "Par Carol"}); err != nil {
		t.Errorf("co-editor cannot edit: %v", err)
	}
	if _, err := w.svc.InviteCoEditor(ctx, w.carol, g.ID, "alice@example.fr"); code(err) != domain.EFORBIDDEN {
		t.Errorf("a co-editor invited: %v", err)
	}
	if _, err := w.svc.InviteCoEditor(ctx, w.bob, g.ID, "bob@example.fr"); code(err) != domain.ENOTFOUND {
		t.Errorf("another association reached the file: %v", err)
	}
	events, err := w.db.LatestAudit(ctx, g.ID, 10)
	if err != nil || !slices.ContainsFunc(events, func(e domain.AuditEvent) bool {
		return e.Action == AuditCoEditorAdded && e.TargetID == g.ID && e.ActorID == "alice"
	}) {
		t.Errorf("no audit of the co-editor: %+v %v", events, err)
	}
}
