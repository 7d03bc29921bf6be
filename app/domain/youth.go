package domain

import "time"

// Youth is the profile of a young person aged 14 to 25; its ID is the user's.
type Youth struct {
	ID                 string      `bson:"_id" json:"id"`
	FirstName          string      `bson:"first_name" json:"first_name"`
	BirthDate          time.Time   `bson:"birth_date" json:"birth_date"`
	CommuneCode        string      `bson:"commune_code" json:"commune_code"`
	Situation          string      `bson:"situation" json:"situation"`
	Level              string      `bson:"level" json:"level"`
	Interests          []string    `bson:"interests" json:"interests"`
	WantedTypes        []OfferType `bson:"wanted_types" json:"wanted_types"`
	MobilityKm         int         `bson:"mobility_km" json:"mobility_km"`
	Languages          []string    `bson:"languages,omitempty" json:"languages,omitempty"`
	StructureID        string      `bson:"structure_id,omitempty" json:"structure_id,omitempty"`
	ShareApplications  bool        `bson:"share_applications,omitempty" json:"share_applications,omitempty"` // with the structure, by the youth's choice
	VisibleToEmployers bool        `bson:"visible_to_employers" json:"visible_to_employers"`
	GuardianEmail      string      `bson:"guardian_email,omitempty" json:"-"`
	GuardianConsentAt  *time.Time  `bson:"guardian_consent_at,omitempty" json:"guardian_consent_at,omitempty"`
}

// Age returns the youth's age in whole years on day now.
func (y *Youth) Age(now time.Time) int {
	return AgeOn(y.BirthDate, now)
}

// AgeOn returns the age in whole years of someone born on birth, on day now.
func AgeOn(birth, now time.Time) int {
	age := now.Year() - birth.Year()
	if now.Month() < birth.Month() || (now.Month() == birth.Month() && now.Day() < birth.Day()) {
		age--
	}
	return age
}

// Youth ages accepted by the programme.
const (
	MinYouthAge = 14
	MaxYouthAge = 25
)

// NeedsConsent reports whether the youth is under 15 on day now without a
// guardian's consent: such a youth can neither apply nor be visible.
func (y *Youth) NeedsConsent(now time.Time) bool {
	return y.Age(now) < ConsentAge && y.GuardianConsentAt == nil
}

// Closed reports whether the profile is closed, its holder being past the
// programme's age (26 and over); its data are kept per the retention rules.
func (y *Youth) Closed(now time.Time) bool {
	return y.Age(now) > MaxYouthAge
}
