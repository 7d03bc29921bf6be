package sample

import (
	"fmt"
	"math/rand/v2"

	"passerelle/search"
)

var (
	communes = []commune{nanterre, rueil, suresnes, puteaux, courbevoie, colombes, gennevilier, asnieres,
		clichy, boulogne, issy, montrouge, bagneux, antony, chatenay}
	types = []string{"apprenticeship", "professionalisation", "internship_3e", "internship_2nde", "internship",
		"job", "visit", "ess_discovery"}
)

// Generate returns n offers varied like real ones, built from the fixtures'
// texts, jobs and places; the same n always gives the same offers.
func Generate(n int) []search.Offer {
	rng := rand.New(rand.NewPCG(92, uint64(n)))
	offers := make([]search.Offer, n)
	for i := range offers {
		r := rows[rng.IntN(len(rows))]
		r.id = fmt.Sprintf("g%07d", i)
		r.kind = types[rng.IntN(len(types))]
		r.place = communes[rng.IntN(len(communes))]
		r.ess = rng.IntN(5) == 0
		r.ageMin = 14 + rng.IntN(5)
		r.ageMax = r.ageMin + 2 + rng.IntN(25-r.ageMin-1)
		r.startDay, r.publishedDay = rng.IntN(365), rng.IntN(365)
		r.accessible, r.remote = rng.IntN(2) == 0, rng.IntN(8) == 0
		r.org = fmt.Sprintf("%s %d", r.org, rng.IntN(200))
		offers[i] = r.offer()
	}
	return offers
}

// Places are the fixtures' town halls, for engines that precompute
// distances to places (see search.Place).
func Places() []search.Place {
	places := make([]search.Place, len(communes))
	for i, c := range communes {
		places[i] = search.Place{ID: c.code, Point: search.Point{Lat: c.lat, Lng: c.lng}}
	}
	return places
}
