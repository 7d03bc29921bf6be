package digest

import (
	"context"
	"slices"

	"passerelle/app/discover"
	"passerelle/app/domain"
	"passerelle/app/notify"
)

// DiscoveryStore is what the youth digest needs to send each youth the
// discovery page of each tension family of their interests once, ever.
type DiscoveryStore interface {
	YouthDiscoveries(ctx context.Context) ([]domain.YouthDiscovery, error)
	ClaimYouthDiscoveries(ctx context.Context, claims []domain.YouthDiscovery) error
	ConfirmYouthDiscoveries(ctx context.Context, digests []string) error
	QueuedNotifications(ctx context.Context, ids []string) (map[string]bool, error)
}

// DigestDiscovery is a tension family's discovery page in a digest.
type DigestDiscovery struct {
	Key  string // the catalog's discover.<Key>.name
	Path string
}

func youthDigestKey(period string, u domain.User) string {
	return "youth_digest/" + period + "/" + u.Email
}

// discoveries gives each youth of the audience the families of their
// interests that no digest has carried: not claimed yet, claimed by this
// week's digest (a run again after a crash), or claimed by an earlier
// digest that was never queued. A family whose earlier digest was queued
// is confirmed and never comes back.
func (d *Digests) discoveries(ctx context.Context, audience []Audience, period string) (stale []string, err error) {
	records, err := d.store.YouthDiscoveries(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]domain.YouthDiscovery, len(records))
	for _, r := range records {
		if !r.Confirmed && r.Digest != "" {
			stale = append(stale, r.Digest)
		}
		byID[r.ID] = r
	}
	queued, err := d.store.QueuedNotifications(ctx, stale)
	if err != nil {
		return nil, err
	}
	for i := range audience {
		a := &audience[i]
		key := youthDigestKey(period, a.User)
		for _, f := range discover.Families() {
			r, seen := byID[a.Youth.ID+"/"+f.Key]
			if !slices.Contains(a.Youth.Interests, f.Key) || r.Confirmed || seen && r.Digest != key && queued[r.Digest] {
				continue
			}
			a.Discoveries = append(a.Discoveries, DigestDiscovery{Key: f.Key, Path: "/decouvrir/" + f.Slug})
		}
	}
	return slices.DeleteFunc(stale, func(k string) bool { return !queued[k] }), nil
}

// claimDiscoveries records the families of the digests about to be queued,
// before they are: a crash leaves claims that the next run finds.
func (d *Digests) claimDiscoveries(ctx context.Context, ns []notify.Notification, audience []Audience, period string) error {
	queuing := make(map[string]bool, len(ns))
	for _, n := range ns {
		queuing[n.Key] = true
	}
	var claims []domain.YouthDiscovery
	for _, a := range audience {
		key := youthDigestKey(period, a.User)
		for _, f := range a.Discoveries {
			if queuing[key] {
				claims = append(claims, domain.YouthDiscovery{ID: a.Youth.ID + "/" + f.Key, YouthID: a.Youth.ID,
					Family: f.Key, Digest: key})
			}
		}
	}
	return d.store.ClaimYouthDiscoveries(ctx, claims)
}
