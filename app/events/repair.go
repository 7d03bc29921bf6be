package events

import (
	"context"

	"passerelle/app/domain"
)

// Repair mends what a crash between a registration's two writes leaves, on
// the events not yet ended: a registration still waiting whose places are
// held is confirmed; places held by a cancelled registration go back. Both
// steps are the ones a live request takes, conditional and idempotent, so
// mending a request in flight changes nothing it would not have done. It
// returns how many registrations it mended.
func (s *Service) Repair(ctx context.Context) (int, error) {
	list, err := s.store.Events(ctx, domain.EventFilter{EndsAfter: s.now()})
	if err != nil || len(list) == 0 {
		return 0, err
	}
	ids := make([]string, len(list))
	for i, e := range list {
		ids[i] = e.ID
	}
	regs, err := s.store.Registrations(ctx, domain.RegistrationFilter{EventIDs: ids})
	if err != nil {
		return 0, err
	}
	byKey := map[string]*domain.EventRegistration{}
	for i := range regs {
		byKey[regs[i].Hold().Key()] = &regs[i]
	}
	mended := 0
	for i := range list {
		e := &list[i]
		for _, key := range e.Holders {
			r, ok := byKey[key]
			if !ok {
				continue
			}
			switch r.Status {
			case domain.RegistrationWaitlisted:
				if _, err := s.confirm(ctx, r, e); err != nil {
					return mended, err
				}
			case domain.RegistrationCancelled:
				if err := s.store.ReleaseEventPlaces(ctx, e.ID, r.Kind.Pool(), r.Hold()); err != nil {
					return mended, err
				}
			default:
				continue
			}
			mended++
		}
	}
	return mended, nil
}
