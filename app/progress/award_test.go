package progress

import (
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
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
