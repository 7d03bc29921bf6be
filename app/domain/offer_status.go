package domain

// offerMoves is the offer's life: a draft goes to moderation (or straight to
// publication for a verified employer), staff publish or reject, and a
// published offer is closed by its employer (who may reopen it) or expires
// at its end date. A rejected offer may be corrected and submitted again.
var offerMoves = transitions[OfferStatus]{
	OfferDraft:     {OfferPending, OfferPublished, OfferClosed},
	OfferPending:   {OfferPublished, OfferRejected, OfferClosed},
	OfferRejected:  {OfferPending, OfferPublished, OfferClosed},
	OfferPublished: {OfferClosed, OfferExpired},
	OfferClosed:    {OfferPublished},
}

// CanMove reports whether an offer may go from status s to status to.
func (s OfferStatus) CanMove(to OfferStatus) bool { return offerMoves.allows(s, to) }

// OfferStatusesBefore returns the statuses from which an offer may reach to.
func OfferStatusesBefore(to OfferStatus) []OfferStatus { return offerMoves.sources(to) }

// Editable reports whether the employer may still change the offer; a
// published offer stays editable (an edit of an unverified employer's offer
// goes back to moderation).
func (s OfferStatus) Editable() bool {
	return s == OfferDraft || s == OfferPending || s == OfferRejected || s == OfferPublished
}

// Open reports whether youths may apply and counsellors book.
func (s OfferStatus) Open() bool { return s == OfferPublished }
