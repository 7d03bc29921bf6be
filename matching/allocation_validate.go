package matching

import (
	"errors"
	"fmt"
	"slices"
)

// ErrCampaign is wrapped by every validation error of Allocate.
var ErrCampaign = errors.New("matching: invalid campaign")

func (c Campaign) validate() error {
	if c.PriorityShare < 0 || c.PriorityShare > 1 {
		return fmt.Errorf("%w: priority share %v not in [0, 1]", ErrCampaign, c.PriorityShare)
	}
	sessions := map[string]bool{}
	for _, s := range c.Sessions {
		if sessions[s.ID] || s.Capacity < 0 {
			return fmt.Errorf("%w: session %q duplicated or with a negative capacity", ErrCampaign, s.ID)
		}
		sessions[s.ID] = true
	}
	groups := map[string]bool{}
	for _, g := range c.Groups {
		if err := g.validate(groups); err != nil {
			return err
		}
	}
	return nil
}

func (g Group) validate(seen map[string]bool) error {
	switch {
	case seen[g.ID]:
		return fmt.Errorf("%w: group %q duplicated", ErrCampaign, g.ID)
	case g.Size <= 0:
		return fmt.Errorf("%w: group %q has no youth", ErrCampaign, g.ID)
	case len(g.Wishes) > MaxWishes:
		return fmt.Errorf("%w: group %q has more than %d wishes", ErrCampaign, g.ID, MaxWishes)
	case hasDuplicate(g.Wishes):
		return fmt.Errorf("%w: group %q wishes a session twice", ErrCampaign, g.ID)
	}
	seen[g.ID] = true
	return nil
}

func hasDuplicate(values []string) bool {
	sorted := slices.Sorted(slices.Values(values))
	return len(slices.Compact(sorted)) != len(values)
}
