package demo

import (
	"fmt"
	"net/url"
	"slices"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// savedSearches gives about one youth in four aged 15 or more a search
// around their commune for the kind of offer they want and, when the ESS
// interests them, a second one for its structures: the weekly digest then
// has saved searches to follow. It runs last, so that the rest of the data
// set does not depend on it.
func (g *generator) savedSearches() {
	for _, y := range g.data.Youths {
		if y.Age(g.today) < 15 || len(y.WantedTypes) == 0 || !g.chance(0.25) {
			continue
		}
		c, _ := refdata.CommuneByCode(y.CommuneCode)
		radius := 10
		if y.MobilityKm > 10 {
			radius = 20
		}
		near := url.Values{"type": {string(y.WantedTypes[0])}, "near": {c.Code}, "radius": {fmt.Sprint(radius)}}
		g.savedSearch(y, 1, fmt.Sprintf("Près de chez moi · %s %d km", c.Name, radius), near.Encode())
		if slices.Contains(y.Interests, interestESS) {
			g.savedSearch(y, 2, "Structures de l'ESS", "ess=1")
		}
	}
}

func (g *generator) savedSearch(y domain.Youth, slot int, name, query string) {
	g.data.SavedSearches = append(g.data.SavedSearches, domain.SavedSearch{ID: domain.SavedSearchID(y.ID, slot),
		YouthID: y.ID, Name: name, Query: query, Digest: true, CreatedAt: g.daysAgo(g.between(7, 60))})
}
