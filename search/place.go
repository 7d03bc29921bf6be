package search

// Place is a point people search around, such as a commune's town hall.
// An engine given the places in advance may store, for each offer, its
// distance to each place, so that a radius or a distance sort around a
// place reads a number instead of computing distances.
type Place struct {
	ID    string // letters and digits only: it names a field of the index
	Point Point
}

// RadiusSteps are the radii, in km, that search pages offer.
var RadiusSteps = []float64{2, 5, 10, 20, 50}

// PlaceIndex finds the place at a point.
type PlaceIndex map[Point]string

// NewPlaceIndex indexes places by their point.
func NewPlaceIndex(places []Place) PlaceIndex {
	index := make(PlaceIndex, len(places))
	for _, p := range places {
		index[p.Point] = p.ID
	}
	return index
}

// At returns the ID of the place at the query's point, if any.
func (x PlaceIndex) At(near *Point) (string, bool) {
	if near == nil {
		return "", false
	}
	id, ok := x[*near]
	return id, ok
}
