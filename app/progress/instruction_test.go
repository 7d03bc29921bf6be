package progress

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
)

// submitted returns alice's file, submitted and taken into review.
func (w *world) inReview(t *testing.T) *domain.GrantApplication {
	t.Helper()
	g := w.completeDraft(t, w.alice, "org-a", 10_000)
	if _, err := w.svc.Submit(ctx, w.alice, g.ID); err != nil {
		t.Fatal(err)
	}
	g, err := w.svc.StartInstruction(ctx, w.staff, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestRequestForInformationReopensNamedPointsAndKeepsVersions(t *testing.T) {
	w := newWorld(t)
	g := w.inReview(t)
	receipt, _ := w.svc.ReceiptFor(ctx, w.alice, g.ID)
	req := domain.InfoRequest{Points: []string{"budget"}, Message: "Détaillez le coût du camion.", Deadline: w.now.Add(72 * time.Hour)}
	if _, err := w.svc.RequestInformation(ctx, w.staff, g.ID, req); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SaveProject(ctx, w.alice, g.ID, domain.Project{Title: "Autre"}); domain.ErrorMessage(err) != "error.grant.locked" {
		t.Errorf("project step not named, yet editable: %v", err)
	}
	budget := w.reload(t, g.ID).Content.Budget
	budget.Expenses = append(budget.Expenses, domain.BudgetLine{Label: "Aménagement", Amount: domain.Euros(1_000)})
	budget.Resources[1].Amount += domain.Euros(1_000)
	if err := w.svc.SaveBudget(ctx, w.alice, g.ID, budget); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AnswerInformation(ctx, w.alice, g.ID, "Voici le détail."); err != nil {
		t.Fatal(err)
	}
	diffs, err := w.svc.Versions(ctx, w.staff, g.ID)
	if err != nil || len(diffs) != 2 || len(diffs[1].Changes) != 2 ||
		diffs[1].Changes[0].Field != "budget.expenses" || diffs[1].Changes[1].Field != "budget.resources" {
		t.Fatalf("versions %+v, %v", diffs, err)
	}
	if again, err := w.svc.ReceiptFor(ctx, w.alice, g.ID); err != nil || !bytes.Equal(again, receipt) {
		t.Errorf("the receipt changed with the answer (err %v)", err)
	}
	after := w.reload(t, g.ID)
	if after.State != domain.GrantInReview || after.Version != 2 || after.Info != nil || len(after.History) != 4 {
		t.Errorf("after the answer: %s v%d, info %+v, %d moves", after.State, after.Version, after.Info, len(after.History))
	}
}

func TestInformationDeadlineClosesTheReopenedPoints(t *testing.T) {
	w := newWorld(t)
	g := w.inReview(t)
	req := domain.InfoRequest{Points: []string{"project"}, Message: "Précisez.", Deadline: w.now.Add(time.Hour)}
	if _, err := w.svc.RequestInformation(ctx, w.staff, g.ID, domain.InfoRequest{Points: []string{"passwords"}, Message: "x", Deadline: req.Deadline}); domain.ErrorMessage(err) != "error.grant.info_points" {
		t.Errorf("unknown point: %v", err)
	}
	if _, err := w.svc.RequestInformation(ctx, w.staff, g.ID, req); err != nil {
		t.Fatal(err)
	}
	w.now = req.Deadline
	if err := w.svc.SaveProject(ctx, w.alice, g.ID, domain.Project{Title: "Trop tard"}); domain.ErrorMessage(err) != "error.grant.info_deadline_passed" {
		t.Errorf("edit at the deadline: %v", err)
	}
}

func TestEligibilityAnnotationsAndMessages(t *testing.T) {
	w := newWorld(t)
	g := w.inReview(t)
	bad := []domain.CheckItem{{Key: "territoire", OK: true}, {Key: "statuts", OK: false}}
	if _, err := w.svc.DecideEligibility(ctx, w.staff, g.ID, bad, ""); domain.ErrorMessage(err) != "error.grant.reason_required" {
		t.Errorf("ineligible without reason: %v", err)
	}
	if err := w.svc.Annotate(ctx, w.staff, g.ID, "Statuts anciens, mais valides."); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SendMessage(ctx, w.alice, g.ID, "Nos statuts datent de 2012."); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.Annotate(ctx, w.alice, g.ID, "?"); code(err) != domain.ENOTFOUND {
		t.Errorf("applicant annotated: %v", err)
	}
	staffNotes, _ := w.svc.Notes(ctx, w.staff, g.ID)
	applicantNotes, _ := w.svc.Notes(ctx, w.alice, g.ID)
	if len(staffNotes) != 2 || len(applicantNotes) != 1 || applicantNotes[0].Kind != domain.NoteMessage {
		t.Errorf("staff see %d notes, applicant %d: %+v", len(staffNotes), len(applicantNotes), applicantNotes)
	}
	ok := []domain.CheckItem{{Key: "territoire", OK: true}, {Key: "statuts", OK: true}}
	g, err := w.svc.DecideEligibility(ctx, w.staff, g.ID, ok, "")
	if err != nil || g.State != domain.GrantEligible || len(w.reload(t, g.ID).Checklist) != 2 {
		t.Errorf("eligible: %v, %s", err, g.State)
	}
	audit, _ := w.db.LatestAudit(ctx, g.ID, 10)
	details := map[string]string{}
	for _, e := range audit {
		details[e.Detail] = e.ActorID
	}
	if len(audit) != 3 || details["in_review → eligible: "] != "staff" || details["draft → submitted: "] != "alice" {
		t.Errorf("audit %+v", audit)
	}
}

// TestConcurrentTransitionsFromOneState: two agents decide at once; one
// wins, the other gets a conflict, and the history holds one move.
func TestConcurrentTransitionsFromOneState(t *testing.T) {
	w := newWorld(t)
	g := w.inReview(t)
	checklist := []domain.CheckItem{{Key: "statuts", OK: true}}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				_, errs[i] = w.svc.DecideEligibility(ctx, w.staff, g.ID, checklist, "")
			} else {
				_, errs[i] = w.svc.DecideEligibility(ctx, w.staff, g.ID, []domain.CheckItem{{Key: "statuts"}}, "Statuts absents")
			}
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch code(err) {
		case "":
			won++
		case domain.ECONFLICT:
		default:
			t.Errorf("unexpected error %v", err)
		}
	}
	after := w.reload(t, g.ID)
	if won != 1 || len(after.History) != 3 {
		t.Errorf("%d winners, history %+v", won, after.History)
	}
}

func TestRolesCannotBorrowMoves(t *testing.T) {
	w := newWorld(t)
	g := w.completeDraft(t, w.alice, "org-a", 5_000)
	if err := w.svc.Transition(ctx, w.staff, g, domain.GrantSubmitted, domain.RoleApplicant, "", nil); code(err) != domain.EFORBIDDEN {
		t.Errorf("staff submitted for the applicant: %v", err)
	}
	if err := w.svc.Transition(ctx, w.alice, g, domain.GrantEligible, domain.RoleApplicant, "", nil); code(err) != domain.ECONFLICT {
		t.Errorf("draft → eligible: %v", err)
	}
	if _, err := w.svc.StartInstruction(ctx, w.alice, g.ID); code(err) != domain.ENOTFOUND {
		t.Errorf("applicant took own file into review: %v", err)
	}
}
