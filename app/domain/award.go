package domain

import "time"

// Award is the grant decided for an application; its ID is the
// application's, so a file is awarded at most once.
type Award struct {
	ID                string     `bson:"_id" json:"id"`
	CallID            string     `bson:"call_id" json:"call_id"`
	OrganisationID    string     `bson:"organisation_id" json:"organisation_id"`
	Amount            Money      `bson:"amount" json:"amount"`
	DecidedBy         string     `bson:"decided_by" json:"decided_by"`
	DecidedAt         time.Time  `bson:"decided_at" json:"decided_at"`
	Reason            string     `bson:"reason" json:"reason"`
	AgreementSignedAt *time.Time `bson:"agreement_signed_at,omitempty" json:"agreement_signed_at,omitempty"`
	PaidAt            *time.Time `bson:"paid_at,omitempty" json:"paid_at,omitempty"`
}

// CheckAwardAmount refuses an amount above the request or the call's
// maximum award; the remaining budget is enforced by the store, atomically.
func CheckAwardAmount(amount, requested, maxAward Money) error {
	switch {
	case amount <= 0:
		return FieldError("amount", "error.award.amount_positive")
	case amount > requested:
		return FieldError("amount", "error.award.over_request")
	case amount > maxAward:
		return FieldError("amount", "error.award.over_max_award")
	}
	return nil
}
