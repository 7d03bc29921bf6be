package progress

import (
	"slices"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// waitlist inserts a scored file already on the waiting list.
func (w *world) waitlist(t *testing.T, id string, requested domain.Money, score float64) {
	t.Helper()
	w.insertSelected(t, id, 1, requested)
	g := w.reload(t, id+"0")
	g.Score = score
	change := domain.StateChange{From: domain.GrantSelected, To: domain.GrantWaitlisted, ActorID: "staff", At: w.now, Reason: "Budget épuisé"}
	if err := w.db.TransitionGrant(ctx, g, change); err != nil {
		t.Fatal(err)
	}
}

func TestWaitlistIsFundedWhenBudgetFreesUp(t *testing.T) {
	w := newWorld(t)
	w.now = w.call.ClosesAt // awards wait for the call to close
	for _, id := range w.insertSelected(t, "funded-", 7, domain.Euros(14_000)) {
		if _, err := w.svc.Award(ctx, w.staff, id, domain.Euros(14_000), "Classement du jury"); err != nil {
			t.Fatal(err)
		}
	}
	w.waitlist(t, "best-", domain.Euros(15_000), 90)  // does not fit in 8 000 €: skipped
	w.waitlist(t, "second-", domain.Euros(8_000), 80) // fits
	w.waitlist(t, "third-", domain.Euros(1_000), 70)  // nothing left for it
	call, _ := w.db.CallByID(ctx, w.call.ID)
	if call.Remaining() != domain.Euros(2_000) {
		t.Fatalf("remaining %d", call.Remaining())
	}
	call.Budget = call.Committed - 1
	if _, err := w.svc.SaveCall(ctx, w.staff, *call); domain.ErrorMessage(err) != "error.call.budget_below_committed" {
		t.Errorf("budget below committed: %v", err)
	}
	call.Budget = domain.Euros(106_000) // 8 000 € free
	if _, err := w.svc.SaveCall(ctx, w.staff, *call); err != nil {
		t.Fatal(err)
	}
	awards, err := w.svc.FundWaitlist(ctx, w.staff, w.call.ID)
	if err != nil || len(awards) != 1 || awards[0].ID != "second-0" || awards[0].Amount != domain.Euros(8_000) {
		t.Fatalf("waitlist funded %+v, %v", awards, err)
	}
	if w.reload(t, "best-0").State != domain.GrantWaitlisted || w.reload(t, "third-0").State != domain.GrantWaitlisted {
		t.Error("files that do not fit left the waiting list")
	}
}

func TestDecisionFollowUpAndNoticesSentOnce(t *testing.T) {
	w := newWorld(t)
	w.now = w.call.ClosesAt // awards wait for the call to close
	id := w.insertSelected(t, "file-", 1, domain.Euros(9_000))[0]
	if _, err := w.svc.Award(ctx, w.staff, id, domain.Euros(9_000)+1, ""); domain.ErrorMessage(err) != "error.award.over_request" {
		t.Errorf("over the request: %v", err)
	}
	for range 2 { // a retry after a timeout sends nothing twice
		if _, err := w.svc.Award(ctx, w.staff, id, domain.Euros(9_000), "Premier du classement"); err != nil && code(err) != domain.ECONFLICT {
			t.Fatal(err)
		}
	}
	if _, err := w.svc.MarkPaid(ctx, w.staff, id); code(err) != domain.ECONFLICT {
		t.Errorf("paid before the agreement: %v", err)
	}
	if _, err := w.svc.SignAgreement(ctx, w.staff, id); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.MarkPaid(ctx, w.staff, id); err != nil {
		t.Fatal(err)
	}
	awards, _ := w.db.AwardsByCall(ctx, w.call.ID)
	if len(awards) != 1 || awards[0].AgreementSignedAt == nil || awards[0].PaidAt == nil || w.reload(t, id).State != domain.GrantPaid {
		t.Errorf("award %+v", awards)
	}
	if got := w.sent.templates(); len(got) != 1 || got[0] != "notice.grant.awarded" {
		t.Errorf("notices %v", got)
	}
}

func TestDecisionsNotifyEachApplicantOnce(t *testing.T) {
	w := newWorld(t)
	var ids []string
	for _, prefix := range []string{"a-", "b-", "c-"} {
		w.waitlist(t, prefix, domain.Euros(5_000), 50)
		ids = append(ids, prefix+"0")
	}
	if _, err := w.svc.Decide(ctx, w.staff, ids[0], domain.GrantRejected, ""); domain.ErrorMessage(err) != "error.grant.reason_required" {
		t.Errorf("decision without reason: %v", err)
	}
	failed, err := w.svc.Batch(ctx, w.staff, w.call.ID, append(ids, "forged"), domain.GrantRejected, "Budget épuisé")
	if err != nil || len(failed) != 1 || code(failed["forged"]) != domain.ENOTFOUND {
		t.Fatalf("batch: %v, %v", failed, err)
	}
	again, _ := w.svc.Batch(ctx, w.staff, w.call.ID, ids, domain.GrantRejected, "Budget épuisé")
	if len(again) != 3 || len(w.sent.templates()) != 3 {
		t.Errorf("second batch: %v; notices %v", again, w.sent.templates())
	}
	for _, n := range w.sent.ordered { // the decision email offers the accompaniment
		if !strings.HasPrefix(n.Link, SupportOfferPath) || !slices.ContainsFunc(ids, func(id string) bool { return strings.HasSuffix(n.Link, id) }) {
			t.Errorf("a rejection's link: %q", n.Link)
		}
	}
	files, counts, _ := w.svc.Files(ctx, w.staff, w.call.ID, Filter{State: domain.GrantRejected})
	if len(files) != 3 || counts[domain.GrantRejected] != 3 {
		t.Errorf("list %d files, counts %v", len(files), counts)
	}
}

func TestAllocationProposalsCoverFundableFiles(t *testing.T) {
	w := newWorld(t)
	w.waitlist(t, "a-", domain.Euros(15_000), 90)
	w.waitlist(t, "b-", domain.Euros(10_000), 80)
	w.insertSelected(t, "c-", 1, domain.Euros(5_000))
	call, _ := w.db.CallByID(ctx, w.call.ID)
	call.Budget = domain.Euros(20_000)
	comparison, err := w.svc.Allocation(ctx, w.staff, call)
	if err != nil {
		t.Fatal(err)
	}
	if len(comparison.Greedy.Decisions) != 3 || comparison.Greedy.Spent > int64(call.Budget) ||
		comparison.Optimal.Spent > int64(call.Budget) || comparison.Optimal.TotalScore < comparison.Greedy.TotalScore {
		t.Errorf("proposals %+v", comparison)
	}
	if _, err := w.svc.Allocation(ctx, w.alice, call); code(err) != domain.EFORBIDDEN {
		t.Errorf("applicant saw the allocation: %v", err)
	}
}
