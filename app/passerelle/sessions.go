package passerelle

import (
	"context"
	"strings"
	"time"

	"passerelle/app/domain"
)

// SessionInput is what an employer writes of a visit session.
type SessionInput struct {
	StartsAt, EndsAt time.Time
	Capacity         int
	MinGroup         int
	MaxGroup         int
	AgeMin, AgeMax   int // 0 and 0: the offer's range
	ReservedPriority int
	ReservedUntil    time.Time
	MeetingPoint     string
	Accessible       bool
}

// AddSession adds a dated session to one of the employer's visit offers.
func (s *Service) AddSession(ctx context.Context, actor *domain.User, offerID string, in SessionInput) (*domain.VisitSession, error) {
	o, err := s.ownOffer(ctx, actor, offerID)
	if err != nil {
		return nil, err
	}
	if o.Type != domain.OfferVisit || o.Status == domain.OfferClosed || o.Status == domain.OfferExpired {
		return nil, domain.FieldError("offer_id", "error.session.offer_not_visit")
	}
	vs := &domain.VisitSession{ID: domain.NewID("session"), OfferID: o.ID, StartsAt: in.StartsAt, EndsAt: in.EndsAt,
		Capacity: in.Capacity, MinGroup: in.MinGroup, MaxGroup: in.MaxGroup, AgeMin: in.AgeMin, AgeMax: in.AgeMax,
		ReservedPriority: in.ReservedPriority, ReservedUntil: in.ReservedUntil,
		MeetingPoint: strings.TrimSpace(in.MeetingPoint), Accessible: in.Accessible, CreatedAt: s.now()}
	if vs.AgeMin == 0 && vs.AgeMax == 0 {
		vs.AgeMin, vs.AgeMax = o.AgeMin, o.AgeMax
	}
	if err := domain.ValidateSession(vs, o, s.now()); err != nil {
		return nil, err
	}
	vs.OpenAllSeats()
	return vs, s.store.InsertSession(ctx, vs)
}
