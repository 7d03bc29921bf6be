package matching

import "math"

// Distances use an equirectangular projection around the Hauts-de-Seine:
// over a few tens of kilometres it is within 0.1 % of the great-circle
// distance and costs a multiplication instead of trigonometry, which matters
// when a batch computes billions of them.
const (
	kmPerDegree  = 6371.0088 * math.Pi / 180
	referenceLat = 48.85
)

var kmPerDegreeLng = kmPerDegree * math.Cos(referenceLat*math.Pi/180)

// xy is a point projected to kilometres.
type xy struct{ x, y float64 }

func project(p Point) xy {
	return xy{x: p.Lng * kmPerDegreeLng, y: p.Lat * kmPerDegree}
}

func (a xy) distance(b xy) float64 {
	dx, dy := a.x-b.x, a.y-b.y
	return math.Sqrt(dx*dx + dy*dy)
}

// gridCellKm is the side of the index's geographic cells.
const gridCellKm = 1.5

type cell struct{ x, y int32 }

func (a xy) cell() cell {
	return cell{int32(math.Floor(a.x / gridCellKm)), int32(math.Floor(a.y / gridCellKm))}
}

// minDistance is the distance from a to the nearest point of the cells
// lo..hi (a rectangle), less a hair so that rounding in the cell bounds never
// makes it exceed the true distance to a point inside: it serves as an upper
// bound of the score.
func (a xy) minDistance(lo, hi cell) float64 {
	dx := gap(a.x, float64(lo.x)*gridCellKm, float64(hi.x+1)*gridCellKm)
	dy := gap(a.y, float64(lo.y)*gridCellKm, float64(hi.y+1)*gridCellKm)
	return max(0, math.Sqrt(dx*dx+dy*dy)-1e-9)
}

// gap is how far v lies outside [lo, hi].
func gap(v, lo, hi float64) float64 {
	switch {
	case v < lo:
		return lo - v
	case v > hi:
		return v - hi
	}
	return 0
}
