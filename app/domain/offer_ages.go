package domain

// AgeRule is who an offer type may be open to: the range an employer may
// choose within, and the default proposed on the form.
type AgeRule struct {
	Floor, Ceiling         int // bounds an employer may not cross
	DefaultMin, DefaultMax int
}

// offerAgeRules follow the school calendar and the labour code for minors:
// the 3e and seconde observation internships follow the pupils' ages; an
// apprenticeship starts at 16, or 15 once the 3e is completed; a
// professionalisation contract at 16; jobs and internships are proposed from
// 16 by default, and from 14 for light work in the school holidays.
var offerAgeRules = map[OfferType]AgeRule{
	OfferInternship3e:        {14, 16, 14, 15},
	OfferInternship2nde:      {14, 17, 15, 16},
	OfferApprenticeship:      {15, MaxYouthAge, 16, MaxYouthAge},
	OfferProfessionalisation: {16, MaxYouthAge, 16, MaxYouthAge},
	OfferInternship:          {MinYouthAge, MaxYouthAge, 16, MaxYouthAge},
	OfferJob:                 {MinYouthAge, MaxYouthAge, 16, MaxYouthAge},
	OfferVisit:               {MinYouthAge, MaxYouthAge, MinYouthAge, MaxYouthAge},
	OfferESSDiscovery:        {MinYouthAge, MaxYouthAge, MinYouthAge, MaxYouthAge},
}

// AgeRuleFor returns the age rule of an offer type, and whether the type is known.
func AgeRuleFor(t OfferType) (AgeRule, bool) {
	r, ok := offerAgeRules[t]
	return r, ok
}

// Valid reports whether t is a known offer type.
func (t OfferType) Valid() bool {
	_, ok := offerAgeRules[t]
	return ok
}

// apprenticeshipEarlyAge is the age at which an apprenticeship needs the 3e
// to be completed.
const apprenticeshipEarlyAge = 15

// levelsBeforeThirdCompleted are the classes of pupils who have not finished
// the 3e yet.
var levelsBeforeThirdCompleted = map[string]bool{"": true, "6e": true, "5e": true, "4e": true, "3e": true}

// ThirdCompleted reports whether a youth at this level has completed the 3e.
func ThirdCompleted(level string) bool { return !levelsBeforeThirdCompleted[level] }
