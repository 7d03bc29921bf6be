package search_test

import (
	"math"
	"slices"
	"testing"

	"passerelle/search"
)

func TestWordsFoldAccentsAndSplit(t *testing.T) {
	got := search.Words("L'Économie SOCIALE et solidaire, aide-soignant·e à Sèvres")
	want := []string{"l", "economie", "sociale", "et", "solidaire", "aide", "soignant", "e", "a", "sevres"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestHasWordsIgnoresStopWords(t *testing.T) {
	for text, want := range map[string]bool{"": false, "  de la ": false, "été": true, "job d'été": true} {
		if got := search.HasWords(text); got != want {
			t.Errorf("HasWords(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestDistanceKm(t *testing.T) {
	nanterre := search.Point{Lat: 48.8924, Lng: 2.2069}
	antony := search.Point{Lat: 48.7540, Lng: 2.2975}
	// 15.4 km north–south and 6.6 km east–west: about 16.8 km.
	if d := search.DistanceKm(nanterre, antony); math.Abs(d-16.8) > 0.2 {
		t.Errorf("Nanterre–Antony = %.2f km, want about 16.8", d)
	}
	if d := search.DistanceKm(nanterre, nanterre); d != 0 {
		t.Errorf("distance to itself = %v", d)
	}
}
