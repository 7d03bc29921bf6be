package campaign

import (
	"context"
	"fmt"

	"passerelle/app/domain"
)

var errNotAllocated = &domain.Error{Code: domain.ECONFLICT, Message: "error.campaign.not_allocated"}

// Published counts what a publication did.
type Published struct {
	Booked int // groups holding their seats
	Lost   int // groups whose session filled up between the run and the publication
	Emails int // emails sent now (not those sent by an earlier publication)
}

// Publish books the seats of every allocated group, makes the results
// visible and emails each counsellor. Publishing again redoes nothing:
// the seats and bookings are keyed by campaign and group, and each email
// is recorded as it is handed to the relay.
func (s *Service) Publish(ctx context.Context, actor *domain.User, id string) (Published, error) {
	c, err := s.campaignForStaff(ctx, actor, id)
	if err != nil {
		return Published{}, err
	}
	if c.Status == domain.CampaignOpen {
		return Published{}, errNotAllocated
	}
	v, err := s.publishedView(ctx, c)
	if err != nil {
		return Published{}, err
	}
	p, err := s.bookAll(ctx, v)
	if err != nil {
		return p, err
	}
	if err := s.markPublished(ctx, actor, c); err != nil {
		return p, err
	}
	p.Emails, err = s.notifyAll(ctx, v)
	return p, err
}

func (s *Service) publishedView(ctx context.Context, c *domain.Campaign) (*View, error) {
	sessions, err := s.store.SessionsByIDs(ctx, c.SessionIDs)
	if err != nil {
		return nil, err
	}
	groups, err := s.store.CampaignGroups(ctx, c.ID, "")
	return &View{Campaign: c, Sessions: sessions, Groups: groups}, err
}

// bookAll takes the seats of each allocated group; a group whose session
// no longer has room loses its place, and its explanation says why.
func (s *Service) bookAll(ctx context.Context, v *View) (Published, error) {
	var p Published
	for i := range v.Campaign.Results {
		r := &v.Campaign.Results[i]
		if r.SessionID == "" {
			continue
		}
		took, err := s.book(ctx, v, r)
		switch {
		case err != nil:
			return p, err
		case took:
			p.Booked++
		default:
			p.Lost++
			r.SessionID, r.Wish = "", 0
			r.Explanation += " ; " + lostSeats
		}
	}
	return p, nil
}

const lostSeats = "la session s'est remplie avant la publication : aucune place réservée"

// book takes the group's seats and saves its confirmed booking, both
// keyed so that doing it again changes nothing.
func (s *Service) book(ctx context.Context, v *View, r *domain.CampaignResult) (bool, error) {
	g, vs := groupOf(v.Groups, r.GroupID), v.Session(r.SessionID)
	if g == nil || vs == nil {
		return false, fmt.Errorf("campaign %s: group %s or session %s vanished", v.Campaign.ID, r.GroupID, r.SessionID)
	}
	b := s.booking(v.Campaign, g, vs)
	took, err := s.store.TakeSeats(ctx, vs.ID, b.Hold())
	if err != nil || !took {
		return false, err
	}
	if err := s.store.InsertBooking(ctx, b); err != nil && domain.ErrorCode(err) != domain.ECONFLICT {
		return false, err
	}
	return true, nil
}

func (s *Service) booking(c *domain.Campaign, g *domain.CampaignGroup, vs *domain.SessionWithOffer) *domain.Booking {
	now := s.now()
	return &domain.Booking{ID: domain.CampaignBookingID(c.ID, g.ID), SessionID: vs.ID, OfferID: vs.OfferID,
		OrganisationID: vs.OrganisationID, StructureID: g.StructureID, Priority: g.Priority, CounsellorID: g.CounsellorID,
		CounsellorEmail: g.CounsellorEmail, CounsellorName: g.CounsellorName, GroupName: g.Name, GroupLevel: g.Level,
		Seats: g.Size, Adults: 1, Status: domain.BookingConfirmed, CreatedAt: now, UpdatedAt: now}
}

func groupOf(groups []domain.CampaignGroup, id string) *domain.CampaignGroup {
	for i := range groups {
		if groups[i].ID == id {
			return &groups[i]
		}
	}
	return nil
}

// markPublished saves the results as booked and makes them visible; an
// already published campaign stays as it is.
func (s *Service) markPublished(ctx context.Context, actor *domain.User, c *domain.Campaign) error {
	if c.Status == domain.CampaignPublished {
		return nil
	}
	now := s.now()
	change := domain.CampaignChange{Results: c.Results, PublishedAt: &now}
	ok, err := s.store.UpdateCampaign(ctx, c.ID, []domain.CampaignStatus{domain.CampaignAllocated}, domain.CampaignPublished, change)
	if err != nil {
		return err
	}
	if ok {
		c.Status, c.PublishedAt = domain.CampaignPublished, &now
		s.audit(ctx, actor, "campaign.publish", c.ID, c.Title)
	}
	return nil
}
