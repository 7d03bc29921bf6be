package matching

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Realistic generated data for the tests and benchmarks: offers and youths
// around 36 commune centres of the Hauts-de-Seine, 40 ROME sub-domains and
// 10 tension families, deterministic for a given seed. As in the ROME, the
// tension family follows from the job: half the offers of sub-domain i are
// in tension, in family i mod 10.

var testNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

var offerTypes = []string{"apprenticeship", "professionalisation", "internship_3e", "internship_2nde",
	"internship", "job", "visit", "ess_discovery"}

type generator struct {
	rng      *rand.Rand
	communes []Point
}

func newGenerator(seed uint64) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for range 36 {
		g.communes = append(g.communes, Point{Lat: 48.76 + 0.18*g.rng.Float64(), Lng: 2.17 + 0.16*g.rng.Float64()})
	}
	return g
}

func (g *generator) place() Point {
	c := g.communes[g.rng.IntN(len(g.communes))]
	return Point{Lat: c.Lat + g.rng.NormFloat64()*0.008, Lng: c.Lng + g.rng.NormFloat64()*0.011}
}

func (g *generator) pick(values []string) string { return values[g.rng.IntN(len(values))] }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

func (g *generator) days(lo, hi int) time.Duration {
	return time.Duration(lo+g.rng.IntN(hi-lo+1)) * 24 * time.Hour
}

func subdomain(i int) Interest {
	return Interest{fmt.Sprintf("sd%02d", i), fmt.Sprintf("le domaine %d", i)}
}

func family(i int) Interest { return Interest{Key: fmt.Sprintf("tf%d", i)} }

func (g *generator) offer(i int) Offer {
	sd := g.rng.IntN(40)
	o := Offer{ID: fmt.Sprintf("o%06d", i), Type: g.pick(offerTypes), ESS: g.chance(0.2), Place: g.place(),
		Interests: []Interest{subdomain(sd)}, Level: g.rng.IntN(6), Open: g.chance(0.95),
		AgeMin: []int{0, 14, 15, 16, 18}[g.rng.IntN(5)], AgeMax: []int{0, 18, 20, 25}[g.rng.IntN(4)],
		Published: testNow.Add(-g.days(0, 60))}
	if g.chance(0.5) {
		o.Interests = append(o.Interests, family(sd%10))
	}
	if g.chance(0.7) {
		o.Start = testNow.Add(g.days(-30, 90))
		o.End = o.Start.Add(g.days(1, 180))
	}
	return o
}

func (g *generator) youth(i int) Youth {
	y := Youth{ID: fmt.Sprintf("y%06d", i), FirstName: "Prénom", CommuneCode: fmt.Sprintf("92%03d", g.rng.IntN(36)),
		BirthDate: testNow.AddDate(-14-g.rng.IntN(12), 0, -g.rng.IntN(365)), GuardianConsent: g.chance(0.9),
		MobilityKm: []int{0, 3, 5, 10, 15}[g.rng.IntN(5)], Level: g.rng.IntN(6), ESSInterest: g.chance(0.3),
		Visible: g.chance(0.5)}
	if g.chance(0.95) {
		y.Home = g.place()
	}
	for range 1 + g.rng.IntN(3) {
		y.Interests = append(y.Interests, g.interest().Key)
	}
	for range g.rng.IntN(3) {
		y.WantedTypes = append(y.WantedTypes, g.pick(offerTypes))
	}
	if g.chance(0.3) {
		y.AvailableFrom = testNow.Add(g.days(0, 60))
		y.AvailableTo = y.AvailableFrom.Add(g.days(7, 90))
	}
	return y
}

func (g *generator) interest() Interest {
	if g.chance(0.25) {
		return family(g.rng.IntN(10))
	}
	return subdomain(g.rng.IntN(40))
}

func (g *generator) offers(n int) []Offer {
	offers := make([]Offer, n)
	for i := range offers {
		offers[i] = g.offer(i)
	}
	return offers
}

func (g *generator) youths(n int) []Youth {
	youths := make([]Youth, n)
	for i := range youths {
		youths[i] = g.youth(i)
	}
	return youths
}
