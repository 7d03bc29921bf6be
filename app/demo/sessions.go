package demo

import (
	"time"

	"passerelle/app/domain"
)

// visitCapacity is the range of youths per session, by company size: a
// micro-crèche shows its rooms to a handful, a factory to a whole class.
var visitCapacity = map[string][2]int{sizeTPE: {10, 15}, sizePME: {10, 25}, sizeETI: {15, 40}, sizeGE: {20, 40}}

// visitSessions schedules two to five sessions of a visit offer over the
// coming weeks, and sets the offer's dates and places from them.
func (g *generator) visitSessions(o *domain.Offer, org domain.Organisation) {
	week := 0
	for range g.between(2, 5) {
		week += g.between(1, 3)
		s := g.session(o, org, week)
		if o.StartDate.IsZero() {
			o.StartDate = s.StartsAt
		}
		o.EndDate = s.EndsAt
		o.Places += s.Capacity
		g.data.Sessions = append(g.data.Sessions, s)
	}
}

// session returns a morning or afternoon session, Tuesday to Friday of the
// week that is week weeks ahead.
func (g *generator) session(o *domain.Offer, org domain.Organisation, week int) domain.VisitSession {
	day := g.mondayIn(week).AddDate(0, 0, g.between(1, 4))
	startsAt := g.at(day, pick(g, []int{9, 14}), 30)
	span := visitCapacity[org.Size]
	capacity := 5 * g.between(span[0]/5, span[1]/5)
	s := domain.VisitSession{
		ID: g.id("session"), OfferID: o.ID, StartsAt: startsAt,
		EndsAt:   startsAt.Add(time.Duration(pick(g, []int{90, 120, 150})) * time.Minute),
		Capacity: capacity,
		MinGroup: min(capacity, g.between(5, 10)), AgeMin: o.AgeMin, AgeMax: o.AgeMax,
		MeetingPoint: "Accueil de " + org.Name + ", " + org.Address, Accessible: o.Accessible,
	}
	s.MaxGroup = max(s.MinGroup, min(capacity, g.between(15, 30)))
	g.reserveForPriorityEducation(&s)
	s.OpenAllSeats()
	return s
}

// reserveForPriorityEducation keeps a share of some sessions for schools in
// priority education until two weeks before the visit, when the session is
// far enough ahead for that to mean something.
func (g *generator) reserveForPriorityEducation(s *domain.VisitSession) {
	release := g.at(s.StartsAt.AddDate(0, 0, -14), 0, 0)
	if !release.After(g.today.AddDate(0, 0, 2)) || !g.chance(0.5) {
		return
	}
	s.ReservedPriority = s.Capacity * g.between(25, 50) / 100
	s.ReservedUntil = release
}
