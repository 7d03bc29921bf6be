package digest

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/app/recommend"
	"passerelle/jobs"
	"passerelle/matching"
)

// youthDigestSize is how many offers a weekly digest shows at most.
const youthDigestSize = 5

// YouthDigestData is what a youth's weekly digest shows.
type YouthDigestData struct {
	FirstName string
	Offers    []DigestOffer
}

// DigestOffer is one recommended offer with why it was chosen, in French.
type DigestOffer struct {
	Title        string
	Organisation string
	Reasons      []string
	Path         string
}

// Audience is a youth who may receive email, with their account.
type Audience struct {
	Youth domain.Youth
	User  domain.User
}

// YouthDigest sends each youth who may receive email the best of the offers
// published in the last seven days for their profile, once per ISO week;
// nobody gets an email when nothing new fits them.
func (d *Digests) YouthDigest(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	now := d.now()
	offers, err := d.store.OffersPublishedSince(ctx, now.AddDate(0, 0, -7))
	if err != nil || len(offers) == 0 {
		return jobs.Report{Summary: "aucune offre publiée cette semaine"}, err
	}
	audience, err := d.youthAudience(ctx, now)
	if err != nil {
		return jobs.Report{}, err
	}
	ns, err := YouthDigests(offers, audience, d.weights, now)
	if err != nil || len(ns) == 0 {
		return jobs.Report{Summary: "aucune nouvelle offre ne correspond à un profil"}, err
	}
	return d.send(ctx, opts, ns)
}

// youthAudience pairs each youth with their account, keeping those who may
// receive email: within the programme's ages, and under 15 only with a
// guardian's consent, as for applying.
func (d *Digests) youthAudience(ctx context.Context, now time.Time) ([]Audience, error) {
	youths, err := d.store.Youths(ctx)
	if err != nil || len(youths) == 0 {
		return nil, err
	}
	users, err := d.store.UsersWithRole(ctx, domain.RoleYouth)
	byID := make(map[string]domain.User, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	var audience []Audience
	for _, y := range youths {
		if u, ok := byID[y.ID]; ok && u.Email != "" && !y.NeedsConsent(now) && !y.Closed(now) {
			audience = append(audience, Audience{Youth: y, User: u})
		}
	}
	return audience, err
}

// YouthDigests ranks offers for every youth at once and explains only the
// offers sent: the weekly digest's matching, measured by BenchmarkYouthDigest.
func YouthDigests(offers []domain.Offer, audience []Audience, w matching.Weights, now time.Time) ([]notify.Notification, error) {
	inputs, byID := make([]matching.Offer, len(offers)), make(map[string]*domain.Offer, len(offers))
	for i := range offers {
		inputs[i], byID[offers[i].ID] = recommend.Offer(&offers[i]), &offers[i]
	}
	index, err := matching.NewRecommender(inputs, w)
	if err != nil {
		return nil, err
	}
	youths := make([]matching.Youth, len(audience))
	for i := range audience {
		youths[i] = recommend.Youth(&audience[i].Youth)
	}
	period := week(now)
	var ns []notify.Notification
	for i, ranked := range index.Batch(youths, youthDigestSize, now, 0) {
		if len(ranked) > 0 {
			data := YouthDigestData{FirstName: audience[i].Youth.FirstName, Offers: explain(index, youths[i], ranked, byID, now)}
			ns = append(ns, notify.Notification{Key: "youth_digest/" + period + "/" + audience[i].User.Email,
				Topic: domain.TopicYouthDigest, To: recipient(audience[i].User), Template: "youth_digest", Data: data})
		}
	}
	return ns, nil
}

func explain(index *matching.Recommender, y matching.Youth, ranked []matching.Ranked, byID map[string]*domain.Offer, now time.Time) []DigestOffer {
	out := make([]DigestOffer, 0, len(ranked))
	for _, r := range ranked {
		m, err := index.Explain(y, r.OfferID, now)
		if err != nil {
			continue // cannot happen: r comes from the same index
		}
		o := byID[r.OfferID]
		out = append(out, DigestOffer{Title: o.Title, Organisation: o.OrganisationName, Reasons: m.Reasons(),
			Path: "/offres/" + o.ID})
	}
	return out
}
