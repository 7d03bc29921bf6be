package progress

import (
	"context"
	"sort"

	"passerelle/app/domain"
)

// Count is one bar of a dashboard chart.
type Count struct {
	Label string
	N     int
}

// Dashboard is what staff follow of a call: budget and files by state,
// commune and axis, computed from one query.
type Dashboard struct {
	Call      *domain.Call
	ByState   []Count // label: the state
	ByCommune []Count // label: the INSEE code
	ByAxis    []Count
}

// CallDashboard counts a call's submitted files for staff.
func (s *Service) CallDashboard(ctx context.Context, actor *domain.User, callID string) (*Dashboard, error) {
	call, err := s.store.CallByID(ctx, callID)
	if err != nil {
		return nil, err
	}
	files, counts, err := s.Files(ctx, actor, callID, Filter{})
	if err != nil {
		return nil, err
	}
	d := &Dashboard{Call: call}
	for _, state := range domain.GrantStates {
		if counts[state] > 0 {
			d.ByState = append(d.ByState, Count{string(state), counts[state]})
		}
	}
	communes, axes := map[string]int{}, map[string]int{}
	for _, g := range files {
		tally(communes, g.Content.Project.Communes)
		tally(axes, g.Content.Project.Axes)
	}
	d.ByCommune, d.ByAxis = sorted(communes), sorted(axes)
	return d, nil
}

func tally(counts map[string]int, keys []string) {
	for _, k := range keys {
		counts[k]++
	}
}

// sorted lists counts, the largest first, then by label.
func sorted(counts map[string]int) []Count {
	list := make([]Count, 0, len(counts))
	for label, n := range counts {
		list = append(list, Count{label, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].N != list[j].N {
			return list[i].N > list[j].N
		}
		return list[i].Label < list[j].Label
	})
	return list
}
