package matching

import "time"

// Point is a place in degrees; the zero Point means "unknown".
type Point struct {
	Lat, Lng float64
}

// Known reports whether the point was set.
func (p Point) Known() bool { return p.Lat != 0 || p.Lng != 0 }

// Interest is a key a youth can choose (a ROME sub-domain or a tension
// family) with the French phrase that follows "tu as choisi", e.g.
// {Key: "M18", Label: "l'informatique"}.
type Interest struct {
	Key  string
	Name string // a ROME sub-domain's name, shown as it is; "" for a family the application names by Key
}

// Offer is what the score needs to know of a published opportunity.
type Offer struct {
	ID        string
	Type      string // e.g. "apprenticeship"; see TypeLabel
	Interests []Interest
	ESS       bool
	Place     Point
	AgeMin    int // 0: no lower bound
	AgeMax    int // 0: no upper bound
	Level     int // ordinal level required, 0: any (see Youth.Level)
	Start     time.Time
	End       time.Time // zero: open-ended
	Open      bool      // published and accepting applications
	Published time.Time
}

// Youth is what the score needs to know of a young person. It deliberately
// has no contact field: nothing derived from it can leak one.
type Youth struct {
	ID              string
	FirstName       string
	BirthDate       time.Time
	CommuneCode     string
	Home            Point
	MobilityKm      int // 0: DefaultMobilityKm
	Interests       []string
	WantedTypes     []string
	Level           int // ordinal: higher is more advanced, 0: unknown
	ESSInterest     bool
	GuardianConsent bool
	AvailableFrom   time.Time // zero: no constraint
	AvailableTo     time.Time // zero: no constraint
	Visible         bool      // opted in to be suggested to employers
}

// DefaultMobilityKm is the radius used when a youth has not given one.
const DefaultMobilityKm = 5

// GuardianConsentAge is the age under which a guardian's consent is needed.
const GuardianConsentAge = 15

// Age returns the youth's age in whole years on day now.
func (y Youth) Age(now time.Time) int {
	age := now.Year() - y.BirthDate.Year()
	if !birthdayPassed(y.BirthDate, now) {
		age--
	}
	return age
}

func birthdayPassed(birth, now time.Time) bool {
	return now.Month() > birth.Month() || (now.Month() == birth.Month() && now.Day() >= birth.Day())
}

func (y Youth) mobilityKm() float64 {
	if y.MobilityKm <= 0 {
		return DefaultMobilityKm
	}
	return float64(y.MobilityKm)
}
