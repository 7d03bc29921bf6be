package digest

import (
	"cmp"
	"context"
	"slices"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/app/passerelle"
	"passerelle/app/recommend"
	"passerelle/jobs"
	"passerelle/matching"
	"passerelle/search"
)

// youthDigestSize is how many offers a weekly digest recommends at most, and
// how many it lists per saved search.
const youthDigestSize = 5

// YouthDigestData is what a youth's weekly digest shows: the new offers of
// their saved searches, then those recommended for their profile.
type YouthDigestData struct {
	FirstName   string
	Searches    []SearchDigest
	Offers      []DigestOffer
	Discoveries []DigestDiscovery
	Events      []DigestEvent // open to youths, in their commune or online
}

// Count is how many offers the digest shows, each once.
func (d YouthDigestData) Count() int {
	if len(d.Searches) == 0 {
		return len(d.Offers)
	}
	seen := map[string]bool{}
	for _, s := range d.Searches {
		for _, o := range s.Offers {
			seen[o.Path] = true
		}
	}
	return len(seen) + len(d.Offers)
}

// Groups lists the saved searches' offers, then, under an empty name and
// without a link, those recommended for the profile: the email's sections.
func (d YouthDigestData) Groups() []SearchDigest {
	groups := d.Searches
	if len(d.Offers) > 0 {
		groups = append(slices.Clip(groups), SearchDigest{Offers: d.Offers})
	}
	return groups
}

// SearchDigest is a saved search with its new offers, and the link that runs
// it again.
type SearchDigest struct {
	Name   string
	Path   string
	Offers []DigestOffer
}

// DigestOffer is one recommended offer with why it was chosen, in French.
type DigestOffer struct {
	Title        string
	Organisation string
	Reasons      []matching.Reason
	Path         string
}

// Audience is a youth who may receive email, with their account and the
// saved searches they follow in the digest.
type Audience struct {
	Youth    domain.Youth
	User     domain.User
	Searches []domain.SavedSearch
	// Discoveries are the discovery pages of the tension families of the
	// youth's interests that no digest has carried yet.
	Discoveries []DigestDiscovery
}

// SavedSearchStore is what the youth digest reads of saved searches.
type SavedSearchStore interface {
	SavedSearchesInDigest(ctx context.Context) ([]domain.SavedSearch, error)
}

// YouthDigest sends each youth who may receive email the offers published
// in the last seven days that match their saved searches, then the best of
// the others for their profile, once per ISO week; nobody gets an email
// when nothing new fits them.
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
	period := week(now)
	sentBefore, err := d.discoveries(ctx, audience, period)
	if err != nil {
		return jobs.Report{}, err
	}
	ns, err := YouthDigests(offers, audience, d.weights, now)
	if err != nil || len(ns) == 0 {
		return jobs.Report{Summary: "aucune nouvelle offre ne correspond à un profil"}, err
	}
	if err := d.addEvents(ctx, ns, audience, period); err != nil {
		return jobs.Report{}, err
	}
	if opts.DryRun {
		return d.send(ctx, opts, ns)
	}
	if err := d.claimDiscoveries(ctx, ns, audience, period); err != nil {
		return jobs.Report{}, err
	}
	report, err := d.send(ctx, opts, ns)
	if err != nil {
		return report, err
	}
	// Queued: each family claimed is sent, now or by the next delivery.
	digests := sentBefore
	for _, n := range ns {
		digests = append(digests, n.Key)
	}
	return report, d.store.ConfirmYouthDiscoveries(ctx, digests)
}

// youthAudience pairs each youth with their account and followed searches,
// keeping those who may receive email: within the programme's ages, and
// under 15 only with a guardian's consent, as for applying.
func (d *Digests) youthAudience(ctx context.Context, now time.Time) ([]Audience, error) {
	youths, err := d.store.Youths(ctx)
	if err != nil || len(youths) == 0 {
		return nil, err
	}
	users, err := d.store.UsersWithRole(ctx, domain.RoleYouth)
	if err != nil {
		return nil, err
	}
	searches, err := d.store.SavedSearchesInDigest(ctx)
	byID := make(map[string]domain.User, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	searchesOf := map[string][]domain.SavedSearch{}
	for _, s := range searches {
		searchesOf[s.YouthID] = append(searchesOf[s.YouthID], s)
	}
	var audience []Audience
	for _, y := range youths {
		if u, ok := byID[y.ID]; ok && u.Email != "" && !y.NeedsConsent(now) && !y.Closed(now) {
			audience = append(audience, Audience{Youth: y, User: u, Searches: searchesOf[y.ID]})
		}
	}
	return audience, err
}

// YouthDigests matches the saved searches in Go against the offers, ranks
// offers for every youth's profile at once and explains only the offers
// sent: the weekly digest's matching, measured by BenchmarkYouthDigest.
func YouthDigests(offers []domain.Offer, audience []Audience, w matching.Weights, now time.Time) ([]notify.Notification, error) {
	inputs, byID := make([]matching.Offer, len(offers)), make(map[string]*domain.Offer, len(offers))
	for i := range offers {
		inputs[i], byID[offers[i].ID] = recommend.Offer(&offers[i]), &offers[i]
	}
	index, err := matching.NewRecommender(inputs, w)
	if err != nil {
		return nil, err
	}
	searches := newSearchMatcher(offers)
	youths := make([]matching.Youth, len(audience))
	for i := range audience {
		youths[i] = recommend.Youth(&audience[i].Youth)
	}
	period := week(now)
	var ns []notify.Notification
	offerOf := func(r matching.Ranked) domain.Offer { return *byID[r.OfferID] }
	for i, ranked := range index.Batch(youths, recommend.Widen*youthDigestSize, now, 0) {
		a := &audience[i]
		data := YouthDigestData{FirstName: a.Youth.FirstName, Searches: searches.sections(a, now)}
		ranked = recommend.Varied(unlisted(ranked, data.Searches), offerOf, youthDigestSize)
		data.Offers = explain(index, youths[i], ranked, byID, now)
		if data.Count() > 0 {
			data.Discoveries = a.Discoveries
			ns = append(ns, notify.Notification{Key: youthDigestKey(period, a.User),
				Topic: domain.TopicYouthDigest, To: domain.RecipientOf(a.User), Template: "youth_digest", Data: data})
		}
	}
	return ns, nil
}

// unlisted leaves out the ranked offers that a saved search lists already:
// the youth sees them there.
func unlisted(ranked []matching.Ranked, sections []SearchDigest) []matching.Ranked {
	if len(sections) == 0 {
		return ranked
	}
	listed := map[string]bool{}
	for _, s := range sections {
		for _, o := range s.Offers {
			listed[o.Path] = true
		}
	}
	return slices.DeleteFunc(ranked, func(r matching.Ranked) bool { return listed[offerPath(r.OfferID)] })
}

func offerPath(id string) string { return "/offres/" + id }

// searchMatcher finds the new offers of saved searches, the newest first,
// reading each distinct search once.
type searchMatcher struct {
	offers  []*domain.Offer // the newest first
	matcher *search.Matcher
	queries map[string]*search.Query // by canonical query string; nil when it no longer reads
}

func newSearchMatcher(offers []domain.Offer) *searchMatcher {
	m := &searchMatcher{offers: make([]*domain.Offer, len(offers)), queries: map[string]*search.Query{}}
	for i := range offers {
		m.offers[i] = &offers[i]
	}
	slices.SortStableFunc(m.offers, func(a, b *domain.Offer) int { return publishedAt(b).Compare(publishedAt(a)) })
	docs := make([]search.Offer, len(m.offers))
	for i, o := range m.offers {
		docs[i] = passerelle.SearchDocument(*o)
	}
	m.matcher = search.NewMatcher(docs)
	return m
}

func publishedAt(o *domain.Offer) time.Time {
	return cmp.Or(o.PublishedAt, &time.Time{}).UTC()
}

// sections lists each of the youth's searches that has new offers, with up
// to youthDigestSize of them. Only offers the youth is old enough for are
// listed, whatever age the search was made with.
func (m *searchMatcher) sections(a *Audience, now time.Time) []SearchDigest {
	var out []SearchDigest
	for _, s := range a.Searches {
		q := m.query(s.Query)
		if q == nil {
			continue
		}
		eligible := *q
		eligible.Age = a.Youth.Age(now)
		if found := m.matcher.Match(eligible, youthDigestSize); len(found) > 0 {
			out = append(out, SearchDigest{Name: s.Name, Path: "/offres?" + s.Query, Offers: m.listed(found)})
		}
	}
	return out
}

// query reads a saved search with the search page's parser, once.
func (m *searchMatcher) query(raw string) *search.Query {
	if q, seen := m.queries[raw]; seen {
		return q
	}
	var q *search.Query
	if form, err := passerelle.ParseSearchForm(raw); err == nil {
		if parsed, err := form.Query(1); err == nil {
			q = &parsed
		}
	}
	m.queries[raw] = q // a search that no longer reads (a commune merged away) lists nothing
	return q
}

func (m *searchMatcher) listed(found []int) []DigestOffer {
	out := make([]DigestOffer, len(found))
	for i, k := range found {
		o := m.offers[k]
		out[i] = DigestOffer{Title: o.Title, Organisation: o.OrganisationName, Path: offerPath(o.ID)}
	}
	return out
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
			Path: offerPath(o.ID)})
	}
	return out
}

// addEvents adds to each digest the coming events open to youths held in
// the youth's commune or online.
func (d *Digests) addEvents(ctx context.Context, ns []notify.Notification, audience []Audience, period string) error {
	list, err := d.upcomingEvents(ctx, domain.AudienceYouths)
	if err != nil || len(list) == 0 {
		return err
	}
	communeOf := make(map[string]string, len(audience))
	for i := range audience {
		communeOf[youthDigestKey(period, audience[i].User)] = audience[i].Youth.CommuneCode
	}
	for i := range ns {
		data, ok := ns[i].Data.(YouthDigestData)
		if !ok {
			continue
		}
		home := communeOf[ns[i].Key]
		data.Events = eventsFor(list, func(commune string) bool { return commune == home })
		ns[i].Data = data
	}
	return nil
}
