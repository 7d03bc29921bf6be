package refdata

import "math"

const earthRadiusKm = 6371.0088

// DistanceKm returns the great-circle (haversine) distance in kilometres
// between two points given in degrees.
func DistanceKm(lat1, lng1, lat2, lng2 float64) float64 {
	φ1, φ2 := radians(lat1), radians(lat2)
	dφ, dλ := radians(lat2-lat1), radians(lng2-lng1)
	h := math.Pow(math.Sin(dφ/2), 2) + math.Cos(φ1)*math.Cos(φ2)*math.Pow(math.Sin(dλ/2), 2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

func radians(degrees float64) float64 { return degrees * math.Pi / 180 }
