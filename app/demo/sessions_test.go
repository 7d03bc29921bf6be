package demo

import (
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestVisitSessions(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		bySession := map[string][]domain.VisitSession{}
		reserved := 0
		for _, s := range d.Sessions {
			bySession[s.OfferID] = append(bySession[s.OfferID], s)
			if s.Capacity < 10 || s.Capacity > 40 || s.SeatsLeft < 0 || s.SeatsLeft > s.Capacity ||
				s.MinGroup < 1 || s.MinGroup > s.MaxGroup || s.MaxGroup > s.Capacity {
				t.Errorf("session %s: capacity %d, seats %d, groups %d–%d", s.ID, s.Capacity, s.SeatsLeft, s.MinGroup, s.MaxGroup)
			}
			if !s.StartsAt.After(today) || !s.EndsAt.After(s.StartsAt) || s.StartsAt.After(today.AddDate(0, 0, 7*17)) {
				t.Errorf("session %s: from %v to %v", s.ID, s.StartsAt, s.EndsAt)
			}
			if s.ReservedPriority > 0 {
				reserved++
				if s.ReservedPriority >= s.Capacity || !s.ReservedUntil.After(today) || !s.ReservedUntil.Before(s.StartsAt) {
					t.Errorf("session %s: %d reserved until %v", s.ID, s.ReservedPriority, s.ReservedUntil)
				}
			}
		}
		if reserved == 0 || reserved == len(d.Sessions) {
			t.Errorf("%d of %d sessions reserve places for priority education, want some", reserved, len(d.Sessions))
		}
		for _, o := range d.Offers {
			if o.Type == domain.OfferVisit {
				checkVisitOffer(t, o, bySession[o.ID])
			}
		}
	})
}

// checkVisitOffer checks that a visit offer's dates, places and ages are its sessions'.
func checkVisitOffer(t *testing.T, o domain.Offer, sessions []domain.VisitSession) {
	t.Helper()
	if len(sessions) == 0 {
		t.Errorf("visit offer %s has no session", o.ID)
		return
	}
	places := 0
	for i, s := range sessions {
		places += s.Capacity
		if s.AgeMin != o.AgeMin || s.AgeMax != o.AgeMax || (i > 0 && !s.StartsAt.After(sessions[i-1].EndsAt)) {
			t.Errorf("session %s of %s: ages %d–%d, starts %v", s.ID, o.ID, s.AgeMin, s.AgeMax, s.StartsAt)
		}
	}
	if places != o.Places || !o.StartDate.Equal(sessions[0].StartsAt) || !o.EndDate.Equal(sessions[len(sessions)-1].EndsAt) {
		t.Errorf("visit offer %s: %d places from %v to %v, sessions say %d", o.ID, o.Places, o.StartDate, o.EndDate, places)
	}
}
