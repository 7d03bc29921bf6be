// Package demo builds the deterministic demonstration data set: real schools
// and communes of the Hauts-de-Seine, invented employers with valid SIRETs,
// offers, visit sessions, youths, the PROGR'ESS 2024 call and one account per
// role. It is pure: it returns values and performs no I/O, so that the caller
// decides how to store them (and hashes the accounts' passwords).
package demo

import (
	"fmt"
	"math/rand/v2"
	"time"
	_ "time/tzdata" // the data set is dated in Europe/Paris on any machine

	"passerelle/app/domain"
)

// EmailDomain is the domain of every e-mail address in the data set; it
// belongs to the project, so no demo message reaches a stranger.
const EmailDomain = "demo.passerelle92.fr"

// Dataset is everything Generate produces, in insertion order.
type Dataset struct {
	Organisations []domain.Organisation
	// Users holds every account, Accounts included; youths' accounts have no
	// password and serve as owners of their profiles.
	Users    []domain.User
	Accounts []domain.User // one per role, for the caller to give passwords to
	Youths   []domain.Youth
	Offers   []domain.Offer
	Sessions []domain.VisitSession
	Calls    []domain.Call
	// SavedSearches are some youths' searches, followed in their digest.
	SavedSearches []domain.SavedSearch
	// Bookings, Applications, Grants and Reviews are the activity before
	// today; Grants' attachments all hold DocumentPDF.
	Bookings     []domain.Booking
	Applications []domain.Application
	Grants       []domain.GrantApplication
	Reviews      []domain.Review
	// SupportRequests are ESS project holders' requests for accompaniment.
	SupportRequests []domain.SupportRequest
}

// seed fixes the data set: change it and every demo changes.
const seed1, seed2 = 92, 2024

// generator carries the random source and the data built so far.
type generator struct {
	rng    *rand.Rand
	paris  *time.Location
	today  time.Time // midnight in Paris of Generate's day
	data   *Dataset
	next   map[string]int
	hiring []hiring

	teachers []teacher // counsellors booking visits, the demo one first

	scale int             // how many times the territory's life is generated
	names map[string]bool // organisation names given, to keep copies apart
	// applied and received index the applications by ID and count them by
	// offer: the larger scales would spend minutes looking them up.
	applied  map[string]bool
	received map[string]int
}

// Generate returns the demo data set dated relative to now: the same calendar
// day in Paris gives the same data set.
func Generate(now time.Time) *Dataset { return GenerateScaled(now, 1) }

// GenerateScaled returns the data set at a scale (see MaxScale): scale 1 is
// Generate's, and scale n has about n times its employers, offers, visit
// sessions, youths, bookings and applications, and past PROGR'ESS editions.
// The same day and scale give the same data set.
func GenerateScaled(now time.Time, scale int) *Dataset {
	if scale < 1 || scale > MaxScale {
		panic(fmt.Sprintf("demo: scale %d out of 1..%d", scale, MaxScale))
	}
	local := now.In(domain.Paris)
	g := &generator{
		rng:   rand.New(rand.NewPCG(seed1, seed2)),
		paris: domain.Paris,
		today: time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, domain.Paris),
		data:  &Dataset{},
		next:  map[string]int{},
		scale: scale,
		names: map[string]bool{},

		applied:  map[string]bool{},
		received: map[string]int{},
	}
	g.structures()
	g.employers()
	g.offers()
	g.accounts()
	g.youths()
	g.call()
	g.savedSearches()
	g.activity()
	g.support()
	return g.data
}

// id returns the next identifier of a kind, e.g. "offer-0001".
func (g *generator) id(kind string) string {
	g.next[kind]++
	return fmt.Sprintf("%s-%04d", kind, g.next[kind])
}
