package matching

import (
	"fmt"
	"math"
)

var typeLabels = map[string]string{
	"apprenticeship":      "un apprentissage",
	"professionalisation": "un contrat de professionnalisation",
	"internship_3e":       "un stage de 3e",
	"internship_2nde":     "un stage de seconde",
	"internship":          "un stage",
	"job":                 "un emploi",
	"visit":               "une visite d'entreprise",
	"ess_discovery":       "une découverte de l'ESS",
}

// TypeLabel is the French noun phrase for an offer type ("un apprentissage").
func TypeLabel(offerType string) string {
	if label, ok := typeLabels[offerType]; ok {
		return label
	}
	return offerType
}

// explanation returns the French reason for criterion c, or "" when the
// criterion has nothing to say about this pair.
func (f *facts) explanation(c Criterion) string {
	switch c {
	case CriterionDistance:
		return f.distanceText()
	case CriterionInterest:
		return ifSet(f.interest, "tu as choisi "+f.interest)
	case CriterionType:
		return ifSet(f.offerType, "tu cherches "+TypeLabel(f.offerType))
	case CriterionLevel:
		return f.levelText()
	case CriterionESS:
		return ifSet(f.values[CriterionESS] > 0, "une structure de l'économie sociale et solidaire, comme tu le souhaites")
	}
	return f.freshnessText()
}

func ifSet[T comparable](cond T, text string) string {
	var zero T
	if cond == zero {
		return ""
	}
	return text
}

func (f *facts) distanceText() string {
	km := math.Round(f.distanceKm)
	switch {
	case math.IsNaN(f.distanceKm):
		return ""
	case f.distanceKm < 1:
		return "à moins d'1 km de chez toi"
	case f.distanceKm > f.radiusKm:
		return fmt.Sprintf("à %.0f km de chez toi, au-delà des %.0f km que tu as indiqués", km, f.radiusKm)
	}
	return fmt.Sprintf("à %.0f km de chez toi", km)
}

func (f *facts) levelText() string {
	switch {
	case f.offerLevel == 0:
		return "ouverte à tous les niveaux"
	case f.youthLevel >= f.offerLevel:
		return "adaptée à ton niveau"
	case f.youthLevel == 0:
		return "indique ton niveau pour savoir si elle te convient"
	case f.youthLevel == f.offerLevel-1:
		return "demande un niveau juste au-dessus du tien"
	}
	return "demande un niveau plus avancé que le tien"
}

func (f *facts) freshnessText() string {
	switch {
	case f.ageDays <= freshDays:
		return "nouvelle cette semaine"
	case f.ageDays < staleDays:
		return fmt.Sprintf("publiée il y a %.0f jours", math.Floor(f.ageDays))
	}
	return ""
}
