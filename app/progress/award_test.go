package progress

import (
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/signature/signaturetest"
)

// TestConcurrentAwardsNeverExceedBudgetOrMaximum: 100 attempts at once on
// 20 selected files (5 per file, with different amounts), half of which
// request more than the maximum award.
func TestConcurrentAwardsNeverExceedBudgetOrMaximum(t *testing.T) {
	w := newWorld(t)
	w.now = w.call.ClosesAt // awards wait for the call to close
	ids := w.insertSelected(t, "fits-", 10, domain.Euros(15_000))
	ids = append(ids, w.insertSelected(t, "over-max-", 10, domain.Euros(20_000))...)
	amounts := []domain.Money{domain.Euros(15_000), domain.Euros(14_000), domain.Euros(12_000), domain.Euros(20_000), domain.Euros(15_000) + 1}
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := w.svc.Award(ctx, w.staff, ids[i%20], amounts[i/20], "Classement du jury")
			if c := code(err); c != "" && c != domain.EINVALID && c != domain.ECONFLICT {
				t.Errorf("award %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	w.checkBudget(t)
}

// checkBudget compares the call's counter with the award records and the
// files' states: all three must tell the same story, within the budget.
func (w *world) checkBudget(t *testing.T) {
	t.Helper()
	call, err := w.db.CallByID(ctx, w.call.ID)
	if err != nil {
		t.Fatal(err)
	}
	awards, _ := w.db.AwardsByCall(ctx, call.ID)
	var total domain.Money
	for _, a := range awards {
		total += a.Amount
		if a.Amount > call.MaxAward || a.Amount != call.AwardAmounts[a.ID] || w.reload(t, a.ID).State != domain.GrantAwarded {
			t.Errorf("award %+v: max %d, committed %d, state %s", a, call.MaxAward, call.AwardAmounts[a.ID], w.reload(t, a.ID).State)
		}
	}
	if call.Committed > call.Budget || call.Committed != total || len(call.AwardedIDs) != len(awards) {
		t.Errorf("committed %d of %d; %d awards totalling %d; awarded ids %v", call.Committed, call.Budget, len(awards), total, call.AwardedIDs)
	}
	if call.Remaining() >= domain.Euros(12_000) {
		t.Errorf("%d left although files asking 12 000 € wait", call.Remaining())
	}
}

// TestConcurrentAwardsOfOneFileCommitOnce: retries and double clicks on the
// same file, with different amounts, commit one amount once.
func TestConcurrentAwardsOfOneFileCommitOnce(t *testing.T) {
	w := newWorld(t)
	w.now = w.call.ClosesAt // awards wait for the call to close
	id := w.insertSelected(t, "file-", 1, domain.Euros(15_000))[0]
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := w.svc.Award(ctx, w.staff, id, domain.Euros(int64(10_000+i*100)), "Retenu")
			if c := code(err); c != "" && c != domain.ECONFLICT {
				t.Errorf("award %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	call, _ := w.db.CallByID(ctx, w.call.ID)
	awards, _ := w.db.AwardsByCall(ctx, call.ID)
	if len(awards) != 1 || len(call.AwardedIDs) != 1 || call.Committed != awards[0].Amount || w.reload(t, id).State != domain.GrantAwarded {
		t.Errorf("committed %d, awarded %v, awards %+v", call.Committed, call.AwardedIDs, awards)
	}
}

// Neither an award nor the laureates' publication before the call closes:
// a clear refusal, and nothing committed or published.
func TestAwardAndPublicationWaitForTheCallToClose(t *testing.T) {
	w := newWorld(t)
	id := w.insertSelected(t, "early-", 1, domain.Euros(9_000))[0]
	w.now = w.call.ClosesAt.Add(-time.Second)
	if _, err := w.svc.Award(ctx, w.staff, id, domain.Euros(9_000), ""); domain.ErrorMessage(err) != "error.call.not_closed" {
		t.Errorf("award before the close: %v", err)
	}
	if err := w.svc.PublishLaureates(ctx, w.staff, w.call.ID, true); domain.ErrorMessage(err) != "error.call.not_closed" {
		t.Errorf("publication before the close: %v", err)
	}
	if _, err := w.svc.FundWaitlist(ctx, w.staff, w.call.ID); domain.ErrorMessage(err) != "error.call.not_closed" {
		t.Errorf("waitlist funded before the close: %v", err)
	}
	if call, _ := w.db.CallByID(ctx, w.call.ID); call.Committed != 0 || call.LaureatesPublished {
		t.Errorf("written before the close: committed %d, published %v", call.Committed, call.LaureatesPublished)
	}
	w.now = w.call.ClosesAt
	if _, err := w.svc.Award(ctx, w.staff, id, domain.Euros(9_000), ""); err != nil {
		t.Errorf("award at the close: %v", err)
	}
	if err := w.svc.PublishLaureates(ctx, w.staff, w.call.ID, true); err != nil {
		t.Errorf("publication at the close: %v", err)
	}
}

// signAgreement prepares the agreement of an awarded file and has it signed
// by the association's representative, then the Département's agent, from
// their emails.
func (w *world) signAgreement(t *testing.T, id string) *domain.SignatureRequest {
	t.Helper()
	if _, err := w.svc.PrepareAgreement(ctx, w.staff, id, w.terms(0)); err != nil {
		t.Fatal(err)
	}
	signaturetest.Sign(t, w.signatures, w.mails, "alice@example.fr", "Alice Martin")
	return signaturetest.Sign(t, w.signatures, w.mails, w.staff.Email, "Agent du Département")
}

func (w *world) terms(extraDays int) AgreementTerms {
	return AgreementTerms{RepresentativeName: "Alice Martin", RepresentativeEmail: "alice@example.fr", FirstShare: 70,
		ReportOn: w.now.AddDate(1, 0, extraDays)}
}

// TestAgreementStateComesFromSignatures: « convention signée » only once
// both parties signed, in order; a change of terms voids the signatures;
// the first payment only after.
func TestAgreementStateComesFromSignatures(t *testing.T) {
	w := newWorld(t)
	w.now = w.call.ClosesAt
	id := w.insertSelected(t, "file-", 1, domain.Euros(9_000))[0]
	if _, err := w.svc.PrepareAgreement(ctx, w.staff, id, w.terms(0)); domain.ErrorMessage(err) != "error.agreement.not_awarded" {
		t.Fatalf("agreement before the award: %v", err)
	}
	if _, err := w.svc.Award(ctx, w.staff, id, domain.Euros(9_000), "Premier"); err != nil {
		t.Fatal(err)
	}
	bad := w.terms(0)
	bad.RepresentativeEmail = "pas une adresse"
	if _, err := w.svc.PrepareAgreement(ctx, w.staff, id, bad); domain.ErrorMessage(err) != "error.agreement.representative_email" {
		t.Fatalf("bad address: %v", err)
	}
	if _, err := w.svc.PrepareAgreement(ctx, w.alice, id, w.terms(0)); code(err) != domain.ENOTFOUND {
		t.Fatalf("an applicant prepares the agreement: %v", err)
	}
	first, err := w.svc.PrepareAgreement(ctx, w.staff, id, w.terms(0))
	if err != nil {
		t.Fatal(err)
	}
	if first.Summary == "" || first.Parties[0].Role != "legal_representative" || first.Parties[1].Email != w.staff.Email {
		t.Fatalf("agreement %+v", first)
	}
	signaturetest.Sign(t, w.signatures, w.mails, "alice@example.fr", "Alice Martin")
	if w.reload(t, id).State != domain.GrantAwarded {
		t.Fatal("signed by one party only, yet « signée »")
	}
	// The terms change: Alice's signature no longer counts; she signs the new agreement.
	second, err := w.svc.PrepareAgreement(ctx, w.staff, id, w.terms(30))
	if err != nil || second.ID == first.ID {
		t.Fatalf("new terms: %v", err)
	}
	if old, _ := w.db.SignatureRequestByID(ctx, first.ID); old.State != domain.SignatureVoided {
		t.Fatalf("old agreement %s", old.State)
	}
	if _, err := w.svc.MarkPaid(ctx, w.staff, id); code(err) != domain.ECONFLICT {
		t.Fatalf("paid before the agreement is signed: %v", err)
	}
	signaturetest.Sign(t, w.signatures, w.mails, "alice@example.fr", "Alice Martin")
	done := signaturetest.Sign(t, w.signatures, w.mails, w.staff.Email, "Agent")
	if done.State != domain.SignatureCompleted || w.reload(t, id).State != domain.GrantAgreementSigned {
		t.Fatalf("after both signatures: %s, file %s", done.State, w.reload(t, id).State)
	}
	if _, err := w.svc.MarkPaid(ctx, w.staff, id); err != nil {
		t.Fatal(err)
	}
	// Preparing again once signed is refused: the file moved on.
	if _, err := w.svc.PrepareAgreement(ctx, w.staff, id, w.terms(60)); code(err) != domain.ECONFLICT {
		t.Fatalf("agreement after payment: %v", err)
	}
}
