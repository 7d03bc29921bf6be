package matching_test

import (
	"fmt"
	"time"

	"passerelle/matching"
)

func ExampleScore() {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	inès := matching.Youth{ID: "y1", BirthDate: time.Date(2009, 5, 2, 0, 0, 0, 0, time.UTC),
		Home: matching.Point{Lat: 48.8245, Lng: 2.2744}, MobilityKm: 5, Interests: []string{"M18"},
		WantedTypes: []string{"apprenticeship"}, Level: 3}
	offer := matching.Offer{ID: "o1", Type: "apprenticeship", Open: true, AgeMin: 16, AgeMax: 25, Level: 3,
		Place: matching.Point{Lat: 48.8163, Lng: 2.3162}, Interests: []matching.Interest{{Key: "M18", Name: "Systèmes d'information"}},
		Published: now.AddDate(0, 0, -2)}
	m, _ := matching.Score(inès, offer, now, matching.DefaultWeights())
	fmt.Printf("%.0f/100\n", m.Score)
	for _, reason := range m.Reasons() {
		fmt.Println(reason)
	}
	offer.Open = false
	_, err := matching.Score(inès, offer, now, matching.DefaultWeights())
	fmt.Println(err)
	// Output:
	// 85/100
	// distance 3
	// subdomain Systèmes d'information
	// type.apprenticeship
	// level.yours
	// fresh
	// open: cette offre n'accepte plus de candidatures
}

func ExampleAllocateBudget() {
	apps := []matching.GrantApplication{
		{ID: "Épicerie solidaire", Score: 18, Requested: 15_000_00},
		{ID: "Repair café", Score: 16, Requested: 10_000_00},
		{ID: "Jardin partagé", Score: 15, Requested: 10_000_00},
	}
	got, _ := matching.AllocateBudget(apps, matching.GrantBudget{Total: 20_000_00, MaxAward: 15_000_00})
	fmt.Println(got.Difference)
	// Output:
	// L'optimum finance Repair café, Jardin partagé au lieu de Épicerie solidaire : score total 31,0 contre 18,0 ; reste 0 € contre 5 000 €.
}
