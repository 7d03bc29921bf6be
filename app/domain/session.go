package domain

import "time"

// VisitSession is a dated slot of a visit offer, booked by groups.
type VisitSession struct {
	ID               string               `bson:"_id" json:"id"`
	OfferID          string               `bson:"offer_id" json:"offer_id"`
	StartsAt         time.Time            `bson:"starts_at" json:"starts_at"`
	EndsAt           time.Time            `bson:"ends_at" json:"ends_at"`
	Capacity         int                  `bson:"capacity" json:"capacity"`
	SeatsLeft        int                  `bson:"seats_left" json:"seats_left"`
	OpenLeft         int                  `bson:"open_left" json:"open_left"` // seats left to schools outside priority education until ReservedUntil
	Holders          []string             `bson:"holders" json:"-"`           // bookings holding seats: makes taking and releasing idempotent
	HeldAt           map[string]time.Time `bson:"held_at,omitempty" json:"-"` // when each holder took its seats, by HoldRef
	ReservedPriority int                  `bson:"reserved_priority" json:"reserved_priority"`
	ReservedUntil    time.Time            `bson:"reserved_until,omitempty" json:"reserved_until,omitempty"`
	MinGroup         int                  `bson:"min_group" json:"min_group"`
	MaxGroup         int                  `bson:"max_group" json:"max_group"`
	AgeMin           int                  `bson:"age_min" json:"age_min"`
	AgeMax           int                  `bson:"age_max" json:"age_max"`
	MeetingPoint     string               `bson:"meeting_point" json:"meeting_point"`
	Accessible       bool                 `bson:"accessible" json:"accessible"`
	CreatedAt        time.Time            `bson:"created_at,omitempty" json:"created_at,omitempty"`
}

// OpenAllSeats sets the counters of a new session: every seat free, the
// reserved share kept off the open counter.
func (s *VisitSession) OpenAllSeats() {
	s.SeatsLeft = s.Capacity
	s.OpenLeft = max(0, s.Capacity-s.ReservedPriority)
	s.Holders = []string{}
}
