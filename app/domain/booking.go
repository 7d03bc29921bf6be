package domain

import "time"

// BookingStatus is where a group booking stands.
type BookingStatus string

const (
	BookingRequested  BookingStatus = "requested"  // being decided: never saved, seats are taken before the booking is written
	BookingConfirmed  BookingStatus = "confirmed"  // holds its seats
	BookingWaitlisted BookingStatus = "waitlisted" // waits for seats to free up
	BookingCancelled  BookingStatus = "cancelled"
	BookingAttended   BookingStatus = "attended"
	BookingNoShow     BookingStatus = "no_show"
)

// bookingMoves: a request takes its seats or joins the waitlist; a waiting
// booking is promoted when seats free up; either side cancels before the
// visit; after it, the employer or the counsellor says whether the group came.
var bookingMoves = transitions[BookingStatus]{
	BookingRequested:  {BookingConfirmed, BookingWaitlisted, BookingCancelled},
	BookingWaitlisted: {BookingConfirmed, BookingCancelled},
	BookingConfirmed:  {BookingCancelled, BookingAttended, BookingNoShow},
}

// CanMove reports whether a booking may go from status s to status to.
func (s BookingStatus) CanMove(to BookingStatus) bool { return bookingMoves.allows(s, to) }

// BookingStatusesBefore returns the statuses from which a booking may reach to.
func BookingStatusesBefore(to BookingStatus) []BookingStatus { return bookingMoves.sources(to) }

// Booking is a counsellor's booking of places of a visit session for a group.
type Booking struct {
	ID              string        `bson:"_id" json:"id"`
	SessionID       string        `bson:"session_id" json:"session_id"`
	OfferID         string        `bson:"offer_id" json:"offer_id"`
	OrganisationID  string        `bson:"organisation_id" json:"organisation_id"` // the employer's
	StructureID     string        `bson:"structure_id" json:"structure_id"`       // the counsellor's school or structure
	Priority        bool          `bson:"priority" json:"priority"`               // the structure is in priority education
	CounsellorID    string        `bson:"counsellor_id" json:"counsellor_id"`
	CounsellorEmail string        `bson:"counsellor_email" json:"-"`
	CounsellorName  string        `bson:"counsellor_name" json:"counsellor_name"`
	GroupName       string        `bson:"group_name" json:"group_name"`
	GroupLevel      string        `bson:"group_level" json:"group_level"`
	Seats           int           `bson:"seats" json:"seats"`
	OpenSeats       int           `bson:"open_seats" json:"open_seats"` // seats taken from the open share, given back on cancel
	Adults          int           `bson:"adults" json:"adults"`
	Status          BookingStatus `bson:"status" json:"status"`
	CancelledBy     string        `bson:"cancelled_by,omitempty" json:"cancelled_by,omitempty"`
	CancelReason    string        `bson:"cancel_reason,omitempty" json:"cancel_reason,omitempty"`
	CreatedAt       time.Time     `bson:"created_at" json:"created_at"`
	UpdatedAt       time.Time     `bson:"updated_at" json:"updated_at"`
}

// Holds reports whether the booking's seats are counted on its session.
func (b *Booking) Holds() bool { return b.Status.Holds() }

// Holds reports whether a booking in this status holds its seats.
func (s BookingStatus) Holds() bool {
	return s == BookingConfirmed || s == BookingAttended || s == BookingNoShow
}
