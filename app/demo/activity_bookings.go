package demo

import (
	"fmt"
	"slices"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// bookingShare is the share of the coming sessions a group has booked.
const bookingShare = 0.35

// teacher is a counsellor and the school whose groups they book for.
type teacher struct {
	user    domain.User
	school  domain.Organisation
	college bool // a collège: groups of 3e, else of seconde
}

// counsellors adds a teacher in two more collèges and two lycées beside the
// demo counsellor's REP+ collège: lycées outside priority education book
// from the open share of sessions that keep seats for priority schools.
func (g *generator) counsellors() {
	colleges := map[string]bool{}
	for _, s := range refdata.Colleges() {
		colleges[s.UAI] = true
	}
	var schools []domain.Organisation
	for _, o := range g.data.Organisations {
		if o.Kind == domain.KindSchool {
			schools = append(schools, o)
		}
	}
	demo := g.account(domain.RoleCounsellor)
	for _, o := range schools {
		if slices.Contains(demo.OrganisationIDs, o.ID) {
			g.teachers = append(g.teachers, teacher{user: demo, school: o, college: colleges[o.UAI]})
		}
	}
	for _, college := range []bool{true, true, false, false} {
		o := pick(g, schools)
		for colleges[o.UAI] != college || g.teaching(o.ID) {
			o = pick(g, schools)
		}
		g.teachers = append(g.teachers, teacher{user: g.member(domain.RoleCounsellor, o.ID), school: o, college: college})
	}
	g.moreTeachers(schools, colleges)
}

func (g *generator) teaching(orgID string) bool {
	return slices.ContainsFunc(g.teachers, func(t teacher) bool { return t.school.ID == orgID })
}

// bookings books about a third of the coming sessions for one or two
// groups, adds a visit of the demo employer the day after tomorrow booked
// yesterday by the demo counsellor (the visit reminder and both digests
// have something to say), fills a session up to its waitlist, and cancels
// a booking yesterday.
func (g *generator) bookings() {
	g.sessionsCreated()
	demoVisit := g.demoEmployerVisit()
	soon := g.extraSession(demoVisit, 2)
	soon.MinGroup = min(soon.MinGroup, soon.Capacity/2) // room for two groups
	g.bookSeats(soon, g.teachers[0], min(soon.MaxGroup, soon.Capacity/2), domain.BookingConfirmed, g.yesterday())
	g.book(soon, g.teachers[1+g.rng.IntN(len(g.teachers)-1)], domain.BookingConfirmed, g.daysAgo(g.between(3, 8)))
	g.fillAndWait(g.waitlistSession())
	cancelled := g.book(g.extraSession(demoVisit, g.between(9, 12)), g.teachers[3], domain.BookingConfirmed, g.daysAgo(6))
	g.cancel(cancelled, "Sortie annulée : la classe passe un examen blanc ce jour-là.")
	for i := range g.data.Sessions {
		s := &g.data.Sessions[i]
		if len(s.Holders) == 0 && g.offerOf(s).Status == domain.OfferPublished && g.chance(bookingShare) {
			for range g.between(1, 2) {
				g.book(s, g.teacherFor(), domain.BookingConfirmed, g.hoursAgo(2, 24*10))
			}
		}
	}
}

// sessionsCreated dates each session a few hours after its offer was
// created: a counsellor's digest lists the sessions opened this week.
func (g *generator) sessionsCreated() {
	for i := range g.data.Sessions {
		s := &g.data.Sessions[i]
		s.CreatedAt = g.openedAfter(g.offerOf(s))
	}
}

// openedAfter is when a session of the offer was opened: just after the
// offer was written.
func (g *generator) openedAfter(o *domain.Offer) time.Time {
	return o.CreatedAt.Add(time.Duration(g.between(10, 120)) * time.Minute)
}

// demoEmployerVisit is the demo employer's first published visit offer.
func (g *generator) demoEmployerVisit() *domain.Offer {
	orgID := g.account(domain.RoleEmployer).OrganisationIDs[0]
	for i, o := range g.data.Offers {
		if o.OrganisationID == orgID && o.Type == domain.OfferVisit && o.Status == domain.OfferPublished {
			return &g.data.Offers[i]
		}
	}
	panic("demo: the demo employer has no published visit")
}

// extraSession adds a session of the offer days ahead, widening the offer's
// dates and places to cover it.
func (g *generator) extraSession(o *domain.Offer, days int) *domain.VisitSession {
	org := g.data.Organisations[slices.IndexFunc(g.data.Organisations, func(org domain.Organisation) bool {
		return org.ID == o.OrganisationID
	})]
	s := g.session(o, org, 0)
	day, span := g.today.AddDate(0, 0, days), s.EndsAt.Sub(s.StartsAt)
	hour := s.StartsAt.Hour()
	if g.sessionOn(o.ID, day, hour) {
		hour = 9 + 14 - hour // the other half-day: the offer's visits never overlap
	}
	s.StartsAt = g.at(day, hour, 30)
	s.EndsAt = s.StartsAt.Add(span)
	s.ReservedPriority, s.ReservedUntil = 0, time.Time{}
	s.OpenAllSeats()
	s.CreatedAt = g.openedAfter(o)
	if s.StartsAt.Before(o.StartDate) {
		o.StartDate = s.StartsAt
	}
	if s.EndsAt.After(o.EndDate) {
		o.EndDate = s.EndsAt
	}
	o.Places += s.Capacity
	o.PlacesLeft += s.Capacity
	// in date order among the offer's sessions, as the offer lists them
	at := len(g.data.Sessions)
	for i, other := range g.data.Sessions {
		if other.OfferID == o.ID && other.StartsAt.After(s.StartsAt) {
			at = i
			break
		}
	}
	g.data.Sessions = slices.Insert(g.data.Sessions, at, s)
	return &g.data.Sessions[at]
}

// sessionOn reports whether the offer has a session on day starting at hour.
func (g *generator) sessionOn(offerID string, day time.Time, hour int) bool {
	return slices.ContainsFunc(g.data.Sessions, func(s domain.VisitSession) bool {
		y, m, d := s.StartsAt.Date()
		return s.OfferID == offerID && y == day.Year() && m == day.Month() && d == day.Day() && s.StartsAt.Hour() == hour
	})
}

// waitlistSession is the first coming session without a reserved share of
// an open offer.
func (g *generator) waitlistSession() *domain.VisitSession {
	for i, s := range g.data.Sessions {
		if s.ReservedPriority == 0 && len(s.Holders) == 0 && g.offerOf(&s).Status == domain.OfferPublished {
			return &g.data.Sessions[i]
		}
	}
	panic("demo: no session to fill")
}

// fillAndWait books a session until no group fits, then puts one more group
// on its waitlist.
func (g *generator) fillAndWait(s *domain.VisitSession) {
	for s.SeatsLeft >= max(1, s.MinGroup) {
		g.bookSeats(s, g.teacherFor(), min(s.SeatsLeft, s.MaxGroup), domain.BookingConfirmed, g.hoursAgo(24, 24*8))
	}
	g.bookSeats(s, g.teacherFor(), s.MaxGroup, domain.BookingWaitlisted, g.hoursAgo(2, 24))
}

// teacherFor picks a teacher, the demo counsellor once in three at scale 1
// (at scale n, once in 3n: their share of the bookings stays the same).
func (g *generator) teacherFor() teacher {
	if g.chance(1.0 / float64(3*g.scale)) {
		return g.teachers[0]
	}
	return pick(g, g.teachers)
}

// book books a group of a size the session allows and has room for; a
// session without room gets no booking (nil).
func (g *generator) book(s *domain.VisitSession, t teacher, status domain.BookingStatus, at time.Time) *domain.Booking {
	at = g.sinceOpened(s, at)
	room := s.SeatsLeft
	if s.ReservedShareApplies(t.school.Priority != "", at) {
		room = min(room, s.OpenLeft)
	}
	hi := min(room, s.MaxGroup, 30)
	if status == domain.BookingConfirmed && hi < max(1, s.MinGroup) {
		return nil
	}
	return g.bookSeats(s, t, g.between(max(1, s.MinGroup), hi), status, at)
}

// bookSeats saves a booking and, when it holds seats, takes them from the
// session's counters as the platform does.
func (g *generator) bookSeats(s *domain.VisitSession, t teacher, seats int, status domain.BookingStatus, at time.Time) *domain.Booking {
	at = g.sinceOpened(s, at)
	o := g.offerOf(s)
	level, group := "2nde", fmt.Sprintf("Seconde %d", g.between(1, 12))
	if t.college {
		level, group = "3e", fmt.Sprintf("3e %c", 'A'+rune(g.rng.IntN(6)))
	}
	b := domain.Booking{ID: g.id("booking"), SessionID: s.ID, OfferID: o.ID, OrganisationID: o.OrganisationID,
		StructureID: t.school.ID, Priority: t.school.Priority != "", CounsellorID: t.user.ID,
		CounsellorEmail: t.user.Email, CounsellorName: t.user.Name, GroupName: group, GroupLevel: level,
		Seats: seats, Adults: g.between(2, 3), Status: status, CreatedAt: at, UpdatedAt: at}
	if status == domain.BookingConfirmed {
		if s.ReservedShareApplies(b.Priority, at) {
			b.OpenSeats = seats
		}
		h := b.Hold()
		s.SeatsLeft, s.OpenLeft, s.Holders = s.SeatsLeft-h.Seats, s.OpenLeft-h.Open, append(s.Holders, h.Key())
	}
	g.data.Bookings = append(g.data.Bookings, b)
	return &g.data.Bookings[len(g.data.Bookings)-1]
}

// sinceOpened moves a booking made before its session was opened to
// between then and today.
func (g *generator) sinceOpened(s *domain.VisitSession, at time.Time) time.Time {
	if at.Before(s.CreatedAt) {
		return s.CreatedAt.Add(g.today.Sub(s.CreatedAt) / 2)
	}
	return at
}

// cancel cancels a confirmed booking yesterday, by its counsellor, and
// gives its seats back.
func (g *generator) cancel(b *domain.Booking, reason string) {
	s := &g.data.Sessions[slices.IndexFunc(g.data.Sessions, func(s domain.VisitSession) bool { return s.ID == b.SessionID })]
	h := b.Hold()
	s.SeatsLeft, s.OpenLeft = s.SeatsLeft+h.Seats, s.OpenLeft+h.Open
	s.Holders = slices.DeleteFunc(s.Holders, func(k string) bool { return k == h.Key() })
	b.Status, b.CancelledBy, b.CancelReason, b.UpdatedAt = domain.BookingCancelled, "counsellor", reason, g.yesterday()
}

func (g *generator) offerOf(s *domain.VisitSession) *domain.Offer {
	return &g.data.Offers[slices.IndexFunc(g.data.Offers, func(o domain.Offer) bool { return o.ID == s.OfferID })]
}
