package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// SeatHold is what a booking holds on its session: its seats, some of them
// from the open share. A session lists its holds as keys, so that taking and
// giving back are idempotent, and seats taken by a crashed request whose
// booking was never saved can still be given back.
type SeatHold struct {
	BookingID string
	Seats     int
	Open      int // seats taken from the open share, given back to it
}

// Hold returns the hold of a booking.
func (b *Booking) Hold() SeatHold {
	return SeatHold{BookingID: b.ID, Seats: b.Seats, Open: b.OpenSeats}
}

// Key is the hold as listed on the session.
func (h SeatHold) Key() string { return fmt.Sprintf("%s|%d|%d", h.BookingID, h.Seats, h.Open) }

// ParseSeatHold reads a key written by Key.
func ParseSeatHold(key string) (SeatHold, bool) {
	parts := strings.Split(key, "|")
	if len(parts) != 3 {
		return SeatHold{}, false
	}
	seats, err1 := strconv.Atoi(parts[1])
	open, err2 := strconv.Atoi(parts[2])
	return SeatHold{BookingID: parts[0], Seats: seats, Open: open}, err1 == nil && err2 == nil
}
