package domain

import "testing"

// TestEveryTransition tries every (from, to, role) triple: exactly the
// table's moves pass, a listed move by the wrong role is forbidden, any
// other move is refused as a conflict.
func TestEveryTransition(t *testing.T) {
	listed := map[[2]GrantState]Role{}
	for _, tr := range GrantTransitions {
		listed[[2]GrantState{tr.From, tr.To}] = tr.By
	}
	allowed := 0
	for _, from := range GrantStates {
		for _, to := range GrantStates {
			for _, role := range []Role{RoleApplicant, RoleStaff, RoleReviewer} {
				err := CheckTransition(from, to, role)
				by, ok := listed[[2]GrantState{from, to}]
				want := ""
				switch {
				case !ok:
					want = ECONFLICT
				case by != role:
					want = EFORBIDDEN
				default:
					allowed++
				}
				if got := ErrorCode(err); got != want {
					t.Errorf("%s → %s by %s: code %q, want %q", from, to, role, got, want)
				}
			}
		}
	}
	if allowed != len(GrantTransitions) || allowed != 16 {
		t.Errorf("%d moves allowed, table has %d", allowed, len(GrantTransitions))
	}
}

func TestProcedureReachesPaidThroughTheTable(t *testing.T) {
	path := []struct {
		to GrantState
		by Role
	}{
		{GrantSubmitted, RoleApplicant}, {GrantInReview, RoleStaff}, {GrantInfoRequested, RoleStaff},
		{GrantInReview, RoleApplicant}, {GrantEligible, RoleStaff}, {GrantScored, RoleStaff},
		{GrantWaitlisted, RoleStaff}, {GrantSelected, RoleStaff}, {GrantAwarded, RoleStaff},
		{GrantAgreementSigned, RoleStaff}, {GrantPaid, RoleStaff},
	}
	state := GrantDraft
	for _, step := range path {
		if err := CheckTransition(state, step.to, step.by); err != nil {
			t.Fatalf("%s → %s by %s: %v", state, step.to, step.by, err)
		}
		state = step.to
	}
	if next := GrantPaid.Next(RoleStaff); len(next) != 0 {
		t.Errorf("paid is final, yet leads to %v", next)
	}
	if next := GrantInReview.Next(RoleStaff); len(next) != 3 {
		t.Errorf("in_review leads staff to %v, want info_requested, eligible, ineligible", next)
	}
}
