package domain_test

import (
	"testing"

	"passerelle/app/domain"
)

// Every pair of states is checked: the moves listed are allowed, any other refused.
func TestOfferTransitions(t *testing.T) {
	all := []domain.OfferStatus{domain.OfferDraft, domain.OfferPending, domain.OfferPublished, domain.OfferClosed, domain.OfferExpired, domain.OfferRejected}
	allowed := map[[2]domain.OfferStatus]bool{
		{domain.OfferDraft, domain.OfferPending}: true, {domain.OfferDraft, domain.OfferPublished}: true, {domain.OfferDraft, domain.OfferClosed}: true,
		{domain.OfferPending, domain.OfferPublished}: true, {domain.OfferPending, domain.OfferRejected}: true, {domain.OfferPending, domain.OfferClosed}: true,
		{domain.OfferRejected, domain.OfferPending}: true, {domain.OfferRejected, domain.OfferPublished}: true, {domain.OfferRejected, domain.OfferClosed}: true,
		{domain.OfferClosed, domain.OfferPublished}: true,
		{domain.OfferPublished, domain.OfferClosed}: true, {domain.OfferPublished, domain.OfferExpired}: true,
	}
	checkAll(t, all, allowed, domain.OfferStatus.CanMove)
}

func TestBookingTransitions(t *testing.T) {
	all := []domain.BookingStatus{domain.BookingRequested, domain.BookingConfirmed, domain.BookingWaitlisted, domain.BookingCancelled, domain.BookingAttended, domain.BookingNoShow}
	allowed := map[[2]domain.BookingStatus]bool{
		{domain.BookingRequested, domain.BookingConfirmed}: true, {domain.BookingRequested, domain.BookingWaitlisted}: true,
		{domain.BookingRequested, domain.BookingCancelled}: true, {domain.BookingWaitlisted, domain.BookingConfirmed}: true,
		{domain.BookingWaitlisted, domain.BookingCancelled}: true, {domain.BookingConfirmed, domain.BookingCancelled}: true,
		{domain.BookingConfirmed, domain.BookingAttended}: true, {domain.BookingConfirmed, domain.BookingNoShow}: true,
	}
	checkAll(t, all, allowed, domain.BookingStatus.CanMove)
}

func TestApplicationTransitions(t *testing.T) {
	all := []domain.ApplicationStatus{domain.ApplicationSent, domain.ApplicationSeen, domain.ApplicationInterview, domain.ApplicationAccepted,
		domain.ApplicationDeclined, domain.ApplicationWithdrawn, domain.ApplicationExpired}
	allowed := map[[2]domain.ApplicationStatus]bool{}
	for _, to := range []domain.ApplicationStatus{domain.ApplicationSeen, domain.ApplicationInterview, domain.ApplicationAccepted,
		domain.ApplicationDeclined, domain.ApplicationWithdrawn, domain.ApplicationExpired} {
		allowed[[2]domain.ApplicationStatus{domain.ApplicationSent, to}] = true
	}
	for _, to := range []domain.ApplicationStatus{domain.ApplicationInterview, domain.ApplicationAccepted, domain.ApplicationDeclined,
		domain.ApplicationWithdrawn, domain.ApplicationExpired} {
		allowed[[2]domain.ApplicationStatus{domain.ApplicationSeen, to}] = true
	}
	for _, to := range []domain.ApplicationStatus{domain.ApplicationAccepted, domain.ApplicationDeclined, domain.ApplicationWithdrawn} {
		allowed[[2]domain.ApplicationStatus{domain.ApplicationInterview, to}] = true
	}
	checkAll(t, all, allowed, domain.ApplicationStatus.CanMove)
}

func checkAll[S ~string](t *testing.T, all []S, allowed map[[2]S]bool, canMove func(S, S) bool) {
	t.Helper()
	for _, from := range all {
		for _, to := range all {
			if got := canMove(from, to); got != allowed[[2]S{from, to}] {
				t.Errorf("%s → %s: allowed %v, want %v", from, to, got, !got)
			}
		}
	}
}

func TestStatusesBeforeListTheSourcesOfAMove(t *testing.T) {
	got := map[domain.BookingStatus]bool{}
	for _, s := range domain.BookingStatusesBefore(domain.BookingCancelled) {
		got[s] = true
	}
	if len(got) != 3 || !got[domain.BookingRequested] || !got[domain.BookingWaitlisted] || !got[domain.BookingConfirmed] {
		t.Errorf("sources of cancelled: %v", got)
	}
}
