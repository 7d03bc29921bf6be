package demo

import (
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// offersBySize is the range of offers an employer posts, by company size.
var offersBySize = map[string][2]int{sizeTPE: {2, 5}, sizePME: {4, 7}, sizeETI: {5, 9}, sizeGE: {7, 11}}

// typeWeights says how common each type of offer is; ESS discovery is only
// offered by ESS employers, who always offer one.
var typeWeights = []struct {
	offerType domain.OfferType
	weight    int
}{
	{domain.OfferApprenticeship, 22}, {domain.OfferProfessionalisation, 8}, {domain.OfferInternship3e, 16},
	{domain.OfferInternship2nde, 10}, {domain.OfferInternship, 12}, {domain.OfferJob, 12}, {domain.OfferVisit, 14},
}

func (g *generator) offers() {
	for _, h := range g.hiring {
		org := g.data.Organisations[h.org]
		for _, offerType := range g.offerTypes(h.employer) {
			g.offer(org, h.employer, offerType)
		}
	}
}

// offerTypes draws the types of an employer's offers; the employer account's
// organisation shows at least a visit, an apprenticeship and a 3e internship.
func (g *generator) offerTypes(e employer) []domain.OfferType {
	var types []domain.OfferType
	if e.name == employerAccountOrg {
		types = append(types, domain.OfferVisit, domain.OfferApprenticeship, domain.OfferInternship3e)
	}
	if e.kind.IsESS() {
		types = append(types, domain.OfferESSDiscovery)
	}
	span := offersBySize[e.size]
	for n := g.between(span[0], span[1]); len(types) < n; {
		types = append(types, g.offerType())
	}
	return types
}

func (g *generator) offerType() domain.OfferType {
	total := 0
	for _, tw := range typeWeights {
		total += tw.weight
	}
	n := g.rng.IntN(total)
	for _, tw := range typeWeights {
		if n < tw.weight {
			return tw.offerType
		}
		n -= tw.weight
	}
	return domain.OfferApprenticeship
}

func (g *generator) offer(org domain.Organisation, e employer, offerType domain.OfferType) {
	trade := e.sector.trades[e.trade]
	j := e.sector.job(pick(g, trade.jobs))
	o := domain.Offer{
		ID: g.id("offer"), OrganisationID: org.ID, OrganisationName: org.Name, Type: offerType,
		ROMECodes: []string{j.code}, ESS: org.ESS, Accessible: g.chance(0.6),
		Remote: e.sector == &computing && g.chance(0.25) && offerType != domain.OfferVisit,
	}
	o.Subdomain, _ = refdata.Subdomain(j.code)
	o.TensionFamily, _ = refdata.TensionFamily(j.code)
	g.place(&o, org, e)
	o.AgeMin, o.AgeMax = g.ages(offerType)
	o.Level = offerLevel(offerType, j)
	o.StartDate, o.EndDate, o.Places = g.schedule(offerType)
	if offerType == domain.OfferVisit {
		g.visitSessions(&o, org)
	}
	o.PlacesLeft = o.Places
	if g.chance(0.15) {
		o.Languages = []string{pick(g, []string{"anglais", "espagnol", "arabe", "portugais"})}
	}
	g.publish(&o)
	o.Title = g.title(&o, j)
	o.Description = g.description(&o, org, e.sector, trade, j)
	g.data.Offers = append(g.data.Offers, o)
}

// place puts the offer in the organisation's commune, or for a large company
// sometimes at another of its sites.
func (g *generator) place(o *domain.Offer, org domain.Organisation, e employer) {
	c, _ := refdata.CommuneByCode(org.CommuneCode)
	if (e.size == sizeETI || e.size == sizeGE) && g.chance(0.3) {
		c = g.commune()
	}
	o.CommuneCode = c.Code
	o.Lat, o.Lng = g.near(c)
}

// ages returns who may apply to an offer of a type: the 3e and seconde
// internships follow the pupils' ages, contracts and jobs the labour code.
func (g *generator) ages(t domain.OfferType) (lo, hi int) {
	switch t {
	case domain.OfferInternship3e:
		return 14, 15
	case domain.OfferInternship2nde:
		return 15, 16
	case domain.OfferApprenticeship:
		return pick(g, []int{15, 16}), domain.MaxYouthAge
	case domain.OfferInternship, domain.OfferJob:
		return pick(g, []int{16, 18}), domain.MaxYouthAge
	case domain.OfferVisit:
		return domain.MinYouthAge, pick(g, []int{18, domain.MaxYouthAge})
	case domain.OfferESSDiscovery:
		return pick(g, []int{14, 16}), domain.MaxYouthAge
	}
	return 16, domain.MaxYouthAge
}
