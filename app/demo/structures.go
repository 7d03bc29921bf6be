package demo

import (
	"fmt"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// lyceesShown is how many lycées of the 92 the demo includes; all the
// priority-education collèges are included.
const lyceesShown = 24

// structure is a CIO, a mission locale or a youth structure. Their names
// follow the 92's real network; the street addresses are illustrative.
type structure struct {
	kind    domain.OrganisationKind
	name    string
	commune string
}

var structures = []structure{
	{domain.KindCIO, "CIO de Nanterre", "92050"},
	{domain.KindCIO, "CIO de Boulogne-Billancourt", "92012"},
	{domain.KindCIO, "CIO d'Antony", "92002"},
	{domain.KindCIO, "CIO d'Asnières-sur-Seine", "92004"},
	{domain.KindCIO, "CIO de Clichy", "92024"},
	{domain.KindCIO, "CIO de Rueil-Malmaison", "92063"},
	{domain.KindCIO, "CIO de Sèvres", "92072"},
	{domain.KindMissionLocale, "Mission locale de Nanterre", "92050"},
	{domain.KindMissionLocale, "Mission locale de Gennevilliers", "92036"},
	{domain.KindMissionLocale, "Mission locale de Colombes", "92025"},
	{domain.KindMissionLocale, "Mission locale Rives de Seine", "92026"},
	{domain.KindMissionLocale, "Mission locale Vallée Sud", "92007"},
	{domain.KindMissionLocale, "Mission locale Seine Ouest", "92040"},
	{domain.KindYouthStructure, "Point Information Jeunesse de Colombes", "92025"},
	{domain.KindYouthStructure, "Espace jeunesse de Bagneux", "92007"},
	{domain.KindYouthStructure, "Maison de la jeunesse de Clichy", "92024"},
	{domain.KindYouthStructure, "Bureau information jeunesse de Rueil-Malmaison", "92063"},
	{domain.KindYouthStructure, "Service jeunesse de Villeneuve-la-Garenne", "92078"},
}

func (g *generator) structures() {
	for _, s := range refdata.Colleges() {
		g.addSchool(s)
	}
	for _, s := range lyceeSelection() {
		g.addSchool(s)
	}
	for _, s := range structures {
		c, _ := refdata.CommuneByCode(s.commune)
		org := g.organisation(s.kind, s.name, c)
		org.Verified = true
		g.data.Organisations = append(g.data.Organisations, org)
	}
	g.branches()
}

// lyceeSelection favours the lycées that train for trades (vocational and
// apprenticeship tracks), the programme's first public, then the others.
func lyceeSelection() []refdata.School {
	var vocational, others []refdata.School
	for _, s := range refdata.Lycees() {
		if s.HasTrack(refdata.TrackVocational) || s.HasTrack(refdata.TrackApprenticeship) {
			vocational = append(vocational, s)
		} else {
			others = append(others, s)
		}
	}
	return append(vocational, others...)[:lyceesShown]
}

func (g *generator) addSchool(s refdata.School) {
	c, _ := refdata.CommuneByCode(s.CommuneCode)
	g.data.Organisations = append(g.data.Organisations, domain.Organisation{
		ID: g.id("org"), Kind: domain.KindSchool, Name: s.Name, UAI: s.UAI,
		CommuneCode: c.Code, Address: s.PostalCode + " " + c.Name, Lat: s.Lat, Lng: s.Lng,
		Priority: s.Priority, Verified: true, CreatedAt: g.daysAgo(g.between(60, 120)),
	})
}

// organisation returns an organisation of the commune with an address and a
// position near its town hall.
func (g *generator) organisation(kind domain.OrganisationKind, name string, c refdata.Commune) domain.Organisation {
	lat, lng := g.near(c)
	return domain.Organisation{
		ID: g.id("org"), Kind: kind, Name: name, ESS: kind.IsESS(), CommuneCode: c.Code,
		Address: fmt.Sprintf("%d %s, %s %s", g.between(1, 120), pick(g, streets), c.PostalCodes[0], c.Name),
		Lat:     lat, Lng: lng, CreatedAt: g.daysAgo(g.between(30, 120)),
	}
}
