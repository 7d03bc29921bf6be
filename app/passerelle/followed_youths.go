package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// FollowedYouthStore is what a structure's view of its youths reads.
type FollowedYouthStore interface {
	YouthsOfStructuresPage(ctx context.Context, structureIDs []string, r domain.PageRequest) (domain.Page[domain.Youth], error)
	ApplicationsOfYouths(ctx context.Context, youthIDs []string) ([]domain.Application, error)
}

// FollowedYouth is the minimal view a counsellor gets of a youth who chose
// their structure; Applications stay empty unless the youth shares them.
type FollowedYouth struct {
	FirstName    string
	Age          int
	Level        string
	Shares       bool
	Applications []domain.Application
}

// FollowedYouthsPage returns one page of the youths who chose one of the
// counsellor's structures, with the applications of those who share them,
// read alone from the store: a lycée follows hundreds of youths.
func (s *Service) FollowedYouthsPage(ctx context.Context, u *domain.User, r domain.PageRequest) (domain.Page[FollowedYouth], error) {
	if u == nil || !u.HasRole(domain.RoleCounsellor) {
		return domain.Page[FollowedYouth]{}, errForbidden
	}
	youths, err := s.store.YouthsOfStructuresPage(ctx, u.OrganisationIDs, r)
	if err != nil {
		return domain.Page[FollowedYouth]{}, err
	}
	items, err := s.followed(ctx, youths.Items)
	return domain.WithItems(youths, items), err
}

func (s *Service) followed(ctx context.Context, youths []domain.Youth) ([]FollowedYouth, error) {
	apps, err := s.sharedApplications(ctx, youths)
	followed := make([]FollowedYouth, len(youths))
	for i, y := range youths {
		followed[i] = FollowedYouth{FirstName: y.FirstName, Age: y.Age(s.now()), Level: y.Level,
			Shares: y.ShareApplications, Applications: apps[y.ID]}
	}
	return followed, err
}

// sharedApplications returns, by youth id, the applications of the youths
// who share them.
func (s *Service) sharedApplications(ctx context.Context, youths []domain.Youth) (map[string][]domain.Application, error) {
	var sharing []string
	for _, y := range youths {
		if y.ShareApplications {
			sharing = append(sharing, y.ID)
		}
	}
	byYouth := map[string][]domain.Application{}
	if len(sharing) == 0 {
		return byYouth, nil
	}
	apps, err := s.store.ApplicationsOfYouths(ctx, sharing)
	for _, a := range apps {
		byYouth[a.YouthID] = append(byYouth[a.YouthID], a)
	}
	return byYouth, err
}
