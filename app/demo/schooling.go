package demo

import (
	"math"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// Youths' situations, as stable keys.
const (
	situationCollege    = "college"
	situationLycee      = "lycee"
	situationApprentice = "apprentice"
	situationStudent    = "student"
	situationJobSeeker  = "job_seeker"
	situationEmployed   = "employed"
)

// schooling is where a youth stands: situation, and the class attended or
// the highest level reached ("none" without a diploma).
type schooling struct{ situation, level string }

var schoolingByAge = []struct {
	upTo    int
	options []schooling
}{
	{14, []schooling{{situationCollege, "4e"}, {situationCollege, "3e"}, {situationCollege, "3e"}}},
	{15, []schooling{{situationCollege, "3e"}, {situationLycee, "2nde"}, {situationLycee, "2nde"}, {situationLycee, "cap"}}},
	{16, []schooling{{situationLycee, "2nde"}, {situationLycee, "1re"}, {situationLycee, "cap"}, {situationApprentice, "cap"}}},
	{17, []schooling{{situationLycee, "1re"}, {situationLycee, "terminale"}, {situationApprentice, "cap"}}},
	{18, []schooling{{situationLycee, "terminale"}, {situationStudent, "bac"}, {situationApprentice, "bac"}, {situationJobSeeker, "cap"}}},
	{21, []schooling{{situationStudent, "bac"}, {situationStudent, "bac+2"}, {situationApprentice, "bac+2"},
		{situationJobSeeker, "cap"}, {situationJobSeeker, "none"}, {situationEmployed, "bac"}}},
	{25, []schooling{{situationStudent, "bac+3"}, {situationApprentice, "bac+3"}, {situationJobSeeker, "bac"},
		{situationJobSeeker, "none"}, {situationEmployed, "bac+2"}}},
}

func schoolingAt(age int) []schooling {
	for _, s := range schoolingByAge {
		if age <= s.upTo {
			return s.options
		}
	}
	return schoolingByAge[len(schoolingByAge)-1].options
}

// openTo is the widest age range of each offer type, as offers draw them.
var openTo = map[domain.OfferType][2]int{
	domain.OfferInternship3e: {14, 15}, domain.OfferInternship2nde: {15, 16},
	domain.OfferApprenticeship: {15, 25}, domain.OfferProfessionalisation: {16, 25},
	domain.OfferInternship: {16, 25}, domain.OfferJob: {16, 25},
	domain.OfferVisit: {14, 25}, domain.OfferESSDiscovery: {14, 25},
}

// wantedTypes picks one to three offer types open to a youth of that age.
func (g *generator) wantedTypes(age int) []domain.OfferType {
	var open, wanted []domain.OfferType
	for _, t := range domain.OfferTypes {
		if span := openTo[t]; age >= span[0] && age <= span[1] {
			open = append(open, t)
		}
	}
	for i, n := g.rng.IntN(len(open)), g.between(1, 3); len(wanted) < n; i++ {
		wanted = append(wanted, open[i%len(open)])
	}
	return wanted
}

// followedBy returns the structure that follows a youth: their school, the
// mission locale for job seekers, sometimes a CIO; "" for none.
func (g *generator) followedBy(situation string, c refdata.Commune) string {
	switch situation {
	case situationCollege:
		return g.nearest(c, 3, func(o schoolOrg) bool { return o.kind == refdata.KindCollege })
	case situationLycee:
		return g.nearest(c, 5, func(o schoolOrg) bool { return o.kind == refdata.KindLycee })
	case situationJobSeeker:
		return g.nearest(c, 50, func(o schoolOrg) bool { return o.org.Kind == domain.KindMissionLocale })
	}
	if g.chance(0.3) {
		return g.nearest(c, 50, func(o schoolOrg) bool { return o.org.Kind == domain.KindCIO })
	}
	return ""
}

// schoolOrg is a structure with, for schools, the kind of school it is.
type schoolOrg struct {
	org  domain.Organisation
	kind refdata.SchoolKind
}

// nearest returns the structure closest to the commune's town hall among
// those that fit, within withinKm; "" when there is none.
func (g *generator) nearest(c refdata.Commune, withinKm float64, fits func(schoolOrg) bool) string {
	best, bestKm := "", math.Inf(1)
	for _, org := range g.data.Organisations {
		school, _ := refdata.SchoolByUAI(org.UAI)
		candidate := schoolOrg{org: org, kind: school.Kind}
		if !org.Kind.IsStructure() || !fits(candidate) {
			continue
		}
		if km := refdata.DistanceKm(c.Lat, c.Lng, org.Lat, org.Lng); km <= withinKm && km < bestKm {
			best, bestKm = org.ID, km
		}
	}
	return best
}
