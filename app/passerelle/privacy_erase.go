package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// ErasePersonalData erases what the programme holds about a person whose
// account is being deleted. There are no transactions, so every step may
// run again: a retry after a crash midway ends in the same state, and a
// second erasure changes nothing.
func (s *Service) ErasePersonalData(ctx context.Context, user *domain.User) error {
	h, err := s.heldAbout(ctx, user.ID)
	if err != nil {
		return err
	}
	if err := s.eraseApplications(ctx, user, h.applications); err != nil {
		return err
	}
	if len(h.favourites) > 0 {
		if err := s.store.DeleteFavouritesOfYouth(ctx, user.ID); err != nil {
			return err
		}
	}
	// Which discovery pages the youth's digests carried.
	if err := s.store.DeleteYouthDiscoveries(ctx, user.ID); err != nil {
		return err
	}
	return s.eraseCounsellor(ctx, h.bookings)
}

// eraseApplications withdraws the open applications, then deletes the CVs
// and the threads, and anonymises the applications last: until then a
// retry finds them all again. An accepted application keeps its place, so
// the offer's count stays right; the employer sees it anonymised.
func (s *Service) eraseApplications(ctx context.Context, user *domain.User, apps []domain.Application) error {
	if len(apps) == 0 {
		return nil
	}
	for i := range apps {
		if err := s.withdrawOnErasure(ctx, user, &apps[i]); err != nil {
			return err
		}
		if apps[i].CVFileID != "" {
			if err := s.store.DeleteFile(ctx, apps[i].CVFileID); err != nil {
				return err
			}
		}
	}
	ids := domain.IDsOfApplications(apps)
	if _, err := s.store.DeleteMessagesOfApplications(ctx, ids); err != nil {
		return err
	}
	return s.store.AnonymiseApplications(ctx, ids, domain.ErasedYouthName)
}

// withdrawOnErasure withdraws an open application as the youth's own
// withdrawal does, audited, but without its emails: the youth's and the
// guardian's addresses are being erased. An application moved meanwhile
// stops the deletion with a conflict, which a retry resolves.
func (s *Service) withdrawOnErasure(ctx context.Context, user *domain.User, a *domain.Application) error {
	if !a.Status.CanMove(domain.ApplicationWithdrawn) {
		return nil
	}
	if err := s.moveApplication(ctx, a, domain.ApplicationWithdrawn); err != nil {
		return err
	}
	s.audit(ctx, user, AuditApplicationMoved, "application", a.ID, string(a.Status))
	return nil
}

// eraseCounsellor puts the structure's name in place of the counsellor's
// on their bookings, which keep their seats: the visits still happen.
func (s *Service) eraseCounsellor(ctx context.Context, bookings []domain.Booking) error {
	if len(bookings) == 0 {
		return nil
	}
	var ids []string
	for _, b := range bookings {
		ids = append(ids, b.StructureID)
	}
	structures, err := s.store.OrganisationsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	counsellorID := bookings[0].CounsellorID
	for _, o := range structures {
		if err := s.store.RenameBookingsCounsellor(ctx, counsellorID, o.ID, o.Name); err != nil {
			return err
		}
	}
	return nil
}
