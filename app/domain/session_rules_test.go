package domain_test

import (
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestValidateSession(t *testing.T) {
	visit := domain.Offer{Type: domain.OfferVisit, AgeMin: 14, AgeMax: 18}
	start := now.AddDate(0, 0, 20)
	cases := []struct {
		name, field, key string
		change           func(s *domain.VisitSession)
	}{
		{"valid", "", "", func(s *domain.VisitSession) {}},
		{"in the past", "starts_at", "error.session.in_past", func(s *domain.VisitSession) { s.StartsAt, s.EndsAt = now.Add(-time.Hour), now }},
		{"ends before it starts", "ends_at", "error.session.ends_at", func(s *domain.VisitSession) { s.EndsAt = s.StartsAt }},
		{"no capacity", "capacity", "error.session.capacity", func(s *domain.VisitSession) { s.Capacity = 0 }},
		{"min group over capacity", "min_group", "error.session.min_group", func(s *domain.VisitSession) { s.MinGroup = 31 }},
		{"max below min", "max_group", "error.session.max_group", func(s *domain.VisitSession) { s.MaxGroup = 4 }},
		{"reserved over capacity", "reserved_priority", "error.session.reserved", func(s *domain.VisitSession) { s.ReservedPriority = 31 }},
		{"reserved after the visit", "reserved_until", "error.session.reserved_until", func(s *domain.VisitSession) { s.ReservedUntil = s.StartsAt.AddDate(0, 0, 1) }},
		{"ages outside the offer", "age_max", "error.session.age_max", func(s *domain.VisitSession) { s.AgeMax = 20 }},
		{"no meeting point", "meeting_point", "error.session.meeting_point", func(s *domain.VisitSession) { s.MeetingPoint = " " }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := domain.VisitSession{StartsAt: start, EndsAt: start.Add(2 * time.Hour), Capacity: 30, MinGroup: 5, MaxGroup: 30,
				ReservedPriority: 10, ReservedUntil: start.AddDate(0, 0, -14), AgeMin: 14, AgeMax: 16, MeetingPoint: "Accueil"}
			c.change(&s)
			checkFieldError(t, domain.ValidateSession(&s, &visit, now), c.field, c.key)
		})
	}
}

func TestReservedShareAppliesToOthersUntilItsRelease(t *testing.T) {
	s := domain.VisitSession{ReservedPriority: 10, ReservedUntil: now.AddDate(0, 0, 3)}
	if !s.ReservedShareApplies(false, now) || s.ReservedShareApplies(true, now) || s.ReservedShareApplies(false, now.AddDate(0, 0, 4)) {
		t.Error("the reserved share binds only schools outside priority education, until its release")
	}
}
