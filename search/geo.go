package search

import "math"

// Point is a WGS 84 position in decimal degrees.
type Point struct {
	Lat float64
	Lng float64
}

const earthRadiusKm = 6371.0088

// DistanceKm returns the great-circle distance between two points. Both
// engines report it through this one function so that their figures agree.
func DistanceKm(a, b Point) float64 {
	lat1, lat2 := radians(a.Lat), radians(b.Lat)
	dLat, dLng := lat2-lat1, radians(b.Lng-a.Lng)
	h := math.Pow(math.Sin(dLat/2), 2) + math.Cos(lat1)*math.Cos(lat2)*math.Pow(math.Sin(dLng/2), 2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

func radians(deg float64) float64 {
	return deg * math.Pi / 180
}

func (p Point) valid() bool {
	return p.Lat >= -90 && p.Lat <= 90 && p.Lng >= -180 && p.Lng <= 180
}
