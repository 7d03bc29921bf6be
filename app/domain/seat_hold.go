package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// SeatHold is what a booking holds on its session: its seats, some of them
// from the open share. A session lists its holds as keys, so that taking and
// giving back are idempotent, and seats taken by a crashed request whose
// booking was never saved can still be given back.
//
// The session also records when each hold was taken (HeldAt), so that the
// repair job can tell a booking being saved at this instant from one whose
// request died between its two writes.
type SeatHold struct {
	BookingID string
	Seats     int
	Open      int       // seats taken from the open share, given back to it
	At        time.Time // when the seats are taken; not part of the key
}

// Hold returns the hold of a booking, taken at its last change.
func (b *Booking) Hold() SeatHold {
	return SeatHold{BookingID: b.ID, Seats: b.Seats, Open: b.OpenSeats, At: b.UpdatedAt}
}

// HoldRef names a hold key in the session's HeldAt map: a digest, because a
// key (it holds a client's idempotency key) may contain dots or dollars that
// a field name may not.
func HoldRef(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:10])
}

// LeakedHolds returns the holds of the session that no saved booking
// accounts for and that were taken before heldBefore, or at an unknown time
// (before holds were dated): seats of requests that died between taking
// the seats and saving the booking. saved lists the keys of the session's
// bookings.
func (s *VisitSession) LeakedHolds(saved map[string]bool, heldBefore time.Time) []SeatHold {
	var leaked []SeatHold
	for _, key := range s.Holders {
		h, ok := ParseSeatHold(key)
		if !ok || saved[key] {
			continue
		}
		if at, dated := s.HeldAt[HoldRef(key)]; dated && !at.Before(heldBefore) {
			continue
		}
		leaked = append(leaked, h)
	}
	return leaked
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
