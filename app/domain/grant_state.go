package domain

// GrantState is where a grant application stands.
type GrantState string

const (
	GrantDraft           GrantState = "draft"
	GrantSubmitted       GrantState = "submitted"
	GrantInReview        GrantState = "in_review"
	GrantInfoRequested   GrantState = "info_requested"
	GrantEligible        GrantState = "eligible"
	GrantIneligible      GrantState = "ineligible"
	GrantScored          GrantState = "scored"
	GrantSelected        GrantState = "selected"
	GrantWaitlisted      GrantState = "waitlisted"
	GrantRejected        GrantState = "rejected"
	GrantAwarded         GrantState = "awarded"
	GrantAgreementSigned GrantState = "agreement_signed"
	GrantPaid            GrantState = "paid"
)

// GrantStates lists every state in the order of the procedure.
var GrantStates = []GrantState{GrantDraft, GrantSubmitted, GrantInReview, GrantInfoRequested, GrantEligible,
	GrantIneligible, GrantScored, GrantSelected, GrantWaitlisted, GrantRejected, GrantAwarded,
	GrantAgreementSigned, GrantPaid}

// GrantTransition is one allowed move of the state machine and who makes it.
type GrantTransition struct {
	From, To GrantState
	By       Role
}

// GrantTransitions is the whole state machine: any move not listed is refused.
var GrantTransitions = []GrantTransition{
	{GrantDraft, GrantSubmitted, RoleApplicant},
	{GrantSubmitted, GrantInReview, RoleStaff},
	{GrantInReview, GrantInfoRequested, RoleStaff},
	{GrantInfoRequested, GrantInReview, RoleApplicant},
	{GrantInReview, GrantEligible, RoleStaff},
	{GrantInReview, GrantIneligible, RoleStaff},
	{GrantEligible, GrantScored, RoleStaff},
	{GrantScored, GrantSelected, RoleStaff},
	{GrantScored, GrantWaitlisted, RoleStaff},
	{GrantScored, GrantRejected, RoleStaff},
	{GrantWaitlisted, GrantSelected, RoleStaff},
	{GrantWaitlisted, GrantRejected, RoleStaff},
	{GrantSelected, GrantWaitlisted, RoleStaff},
	{GrantSelected, GrantAwarded, RoleStaff},
	{GrantAwarded, GrantAgreementSigned, RoleStaff},
	{GrantAgreementSigned, GrantPaid, RoleStaff},
}

// CheckTransition returns nil when a person with role by may move an
// application from one state to the other.
func CheckTransition(from, to GrantState, by Role) error {
	for _, t := range GrantTransitions {
		if t.From != from || t.To != to {
			continue
		}
		if t.By != by {
			return &Error{Code: EFORBIDDEN, Message: "error.grant.transition_forbidden"}
		}
		return nil
	}
	return &Error{Code: ECONFLICT, Message: "error.grant.transition_refused"}
}

// Next lists the states a person with role by may move an application to.
func (s GrantState) Next(by Role) []GrantState {
	var next []GrantState
	for _, t := range GrantTransitions {
		if t.From == s && t.By == by {
			next = append(next, t.To)
		}
	}
	return next
}

// Editable reports whether the applicant may change the file in this state
// (in info_requested, only the named points).
func (s GrantState) Editable() bool { return s == GrantDraft || s == GrantInfoRequested }
