package demo

import (
	"fmt"
	"slices"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// MaxScale bounds the scale of the data set: at 100 it holds about 30 000
// offers and 12 000 youths, far more than the Hauts-de-Seine publish.
const MaxScale = 100

// Every scale above 1 adds, per extra copy of the territory's life, a branch
// of each employer and of each youth structure, and partnerAssociations
// associations that follow no youth and post no offer (neighbourhood life,
// the PROGR'ESS applicants of past editions): about 125 organisations per
// copy, as at scale 1.
const partnerAssociations = 45

// editionsEvery is how many scale steps add a past PROGR'ESS edition.
const editionsEvery = 5

// listedEmployer is an employer of the data set; a branch, at a scale
// above 1, is named after the commune it settles in.
type listedEmployer struct {
	employer
	branch bool
}

// employerList is the employers of the data set: the invented ones, then
// one branch of each per extra copy, settled in a commune drawn then.
func (g *generator) employerList() []listedEmployer {
	var list []listedEmployer
	for copy := 1; copy <= g.scale; copy++ {
		for _, e := range employers {
			if copy > 1 {
				e.commune = ""
			}
			list = append(list, listedEmployer{employer: e, branch: copy > 1})
		}
	}
	return list
}

// branchName names an employer's branch after its commune, numbered when
// the employer already has one there.
func (g *generator) branchName(name string, c refdata.Commune) string {
	branch := name + " – " + c.Name
	for n := 2; g.names[branch]; n++ {
		branch = fmt.Sprintf("%s – %s %d", name, c.Name, n)
	}
	g.names[branch] = true
	return branch
}

var partnerKinds = []string{"Amicale des locataires", "Comité de quartier", "Régie de quartier", "Club de prévention",
	"Association sportive", "Maison des associations", "Secours populaire", "Accorderie", "Repair café",
	"Association des parents d'élèves"}

// branches adds, per extra copy, an antenna of each youth structure and the
// partner associations, verified by staff as the structures are.
func (g *generator) branches() {
	for copy := 2; copy <= g.scale; copy++ {
		for _, s := range structures {
			c, _ := refdata.CommuneByCode(s.commune)
			org := g.organisation(s.kind, fmt.Sprintf("%s – antenne %d", s.name, copy), c)
			org.Verified = true
			g.data.Organisations = append(g.data.Organisations, org)
		}
		for range partnerAssociations {
			c := g.commune()
			org := g.organisation(association, g.branchName(pick(g, partnerKinds), c), c)
			org.RNA, org.Verified = g.rna(), g.chance(0.8)
			g.data.Organisations = append(g.data.Organisations, org)
		}
	}
}

// moreTeachers adds, per extra copy, four teachers as counsellors does:
// two in collèges and two in lycées, now more than one per school.
func (g *generator) moreTeachers(schools []domain.Organisation, colleges map[string]bool) {
	for range g.scale - 1 {
		for _, college := range []bool{true, true, false, false} {
			o := pick(g, schools)
			for colleges[o.UAI] != college {
				o = pick(g, schools)
			}
			g.teachers = append(g.teachers, teacher{user: g.member(domain.RoleCounsellor, o.ID), school: o, college: college})
		}
	}
}

// pastEditions adds the closed PROGR'ESS editions of the years before, one
// per editionsEvery steps of scale, each with the current call's rules.
func (g *generator) pastEditions() {
	current := g.data.Calls[0]
	for year := 1; year <= (g.scale-1)/editionsEvery; year++ {
		past := current
		past.ID, past.Title = g.id("call"), fmt.Sprintf("PROGR'ESS %d", 2024-year)
		past.OpensAt, past.ClosesAt = current.OpensAt.AddDate(-year, 0, 0), current.ClosesAt.AddDate(-year, 0, 0)
		past.CreatedAt, past.UpdatedAt = current.CreatedAt.AddDate(-year, 0, 0), current.ClosesAt.AddDate(-year, 0, 0)
		past.Criteria, past.Axes = slices.Clone(current.Criteria), slices.Clone(current.Axes)
		past.LegalForms, past.RequiredDocuments = slices.Clone(current.LegalForms), slices.Clone(current.RequiredDocuments)
		g.data.Calls = append(g.data.Calls, past)
	}
}
