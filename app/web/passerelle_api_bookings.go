package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

type sessionRequest struct {
	StartsAt         time.Time `json:"starts_at"`
	EndsAt           time.Time `json:"ends_at"`
	Capacity         int       `json:"capacity"`
	MinGroup         int       `json:"min_group"`
	MaxGroup         int       `json:"max_group"`
	AgeMin           int       `json:"age_min"`
	AgeMax           int       `json:"age_max"`
	ReservedPriority int       `json:"reserved_priority"`
	ReservedUntil    time.Time `json:"reserved_until"`
	MeetingPoint     string    `json:"meeting_point"`
	Accessible       bool      `json:"accessible"`
}

func (s *Server) apiAddSession(c *fiber.Ctx) error {
	var r sessionRequest
	if err := decodeJSON(c, &r); err != nil {
		return err
	}
	vs, err := s.deps.Passerelle.AddSession(c.UserContext(), currentUser(c), c.Params("id"), passerelle.SessionInput(r))
	if err != nil {
		return err
	}
	return created(c, vs)
}

func (s *Server) apiSessions(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[domain.VisitSession], error) {
		return s.deps.Passerelle.OfferSessionsPage(c.UserContext(), currentUser(c), c.Params("id"), r)
	})
}

type bookingRequest struct {
	SessionID   string `json:"session_id"`
	StructureID string `json:"structure_id"`
	GroupName   string `json:"group_name"`
	GroupLevel  string `json:"group_level"`
	Seats       int    `json:"seats"`
	Adults      int    `json:"adults"`
	Waitlist    bool   `json:"waitlist"`
}

// apiBook books places; an Idempotency-Key header makes a retry safe.
func (s *Server) apiBook(c *fiber.Ctx) error {
	var r bookingRequest
	if err := decodeJSON(c, &r); err != nil {
		return err
	}
	in := passerelle.BookingInput{SessionID: r.SessionID, StructureID: r.StructureID, GroupName: r.GroupName,
		GroupLevel: r.GroupLevel, Seats: r.Seats, Adults: r.Adults, Waitlist: r.Waitlist, RequestKey: c.Get("Idempotency-Key")}
	b, err := s.deps.Passerelle.Book(c.UserContext(), currentUser(c), in)
	if err != nil {
		return err
	}
	return created(c, b)
}

func (s *Server) apiCancelBooking(c *fiber.Ctx) error {
	var r reasonRequest
	if err := decodeJSON(c, &r); err != nil {
		return err
	}
	b, err := s.deps.Passerelle.CancelBooking(c.UserContext(), currentUser(c), c.Params("id"), r.Reason)
	if err != nil {
		return err
	}
	return c.JSON(b)
}

type statusRequest struct {
	Status string `json:"status"`
}

func (s *Server) apiAttendance(c *fiber.Ctx) error {
	var r statusRequest
	if err := decodeJSON(c, &r); err != nil {
		return err
	}
	b, err := s.deps.Passerelle.MarkAttendance(c.UserContext(), currentUser(c), c.Params("id"), domain.BookingStatus(r.Status))
	if err != nil {
		return err
	}
	return c.JSON(b)
}

func (s *Server) apiBookings(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[domain.Booking], error) {
		return s.deps.Passerelle.BookingsPageFor(c.UserContext(), currentUser(c), r)
	})
}

// bookingCalendar serves a booking's .ics, the "add to calendar" link.
func (s *Server) bookingCalendar(c *fiber.Ctx) error {
	b, vs, err := s.deps.Passerelle.BookingFor(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return sendDownload(c, "visite.ics", "text/calendar; charset=utf-8", passerelle.BookingCalendar(b, vs))
}
