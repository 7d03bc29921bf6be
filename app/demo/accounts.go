package demo

import (
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// account is a demo account of one role, with the organisation it belongs to
// named by name or UAI.
type account struct {
	role    domain.Role
	local   string // the part of the e-mail address before the @
	name    string
	orgName string
	orgUAI  string
}

// counsellorSchool is the REP+ collège whose counsellor has a demo account.
const counsellorSchool = "0921589C"

var accounts = []account{
	{role: domain.RoleYouth, local: "jeune", name: "Inès Benali"},
	{role: domain.RoleCounsellor, local: "conseiller", name: "Karim Haddad", orgUAI: counsellorSchool},
	{role: domain.RoleEmployer, local: "employeur", name: "Sophie Lambert", orgName: employerAccountOrg},
	{role: domain.RoleApplicant, local: "porteur", name: "Mamadou Camara", orgName: applicantAccountOrg},
	{role: domain.RoleReviewer, local: "jury", name: "Claire Fontaine"},
	{role: domain.RoleStaff, local: "agent", name: "Julien Mercier"},
	{role: domain.RoleAdmin, local: "admin", name: "Nadia Cohen"},
}

func (g *generator) accounts() {
	for _, a := range accounts {
		u := g.user(a.local+"@"+EmailDomain, a.name, a.role)
		verified := u.CreatedAt
		u.EmailVerifiedAt = &verified
		if id := g.organisationID(a.orgName, a.orgUAI); id != "" {
			u.OrganisationIDs = []string{id}
		}
		g.data.Users = append(g.data.Users, u)
		g.data.Accounts = append(g.data.Accounts, u)
	}
	g.accountYouth(g.data.Accounts[0])
}

// accountYouth gives the youth account its profile: 17, in a lycée of Nanterre.
func (g *generator) accountYouth(u domain.User) {
	nanterre, _ := refdata.CommuneByCode("92050")
	y := g.youthProfile(u, "Inès", 17, nanterre)
	y.Situation, y.Level = situationLycee, "1re"
	y.StructureID = g.followedBy(situationLycee, nanterre)
	y.Interests = []string{refdata.FamilyComputing, refdata.FamilyEarlyChildhood}
	y.WantedTypes = []domain.OfferType{domain.OfferApprenticeship, domain.OfferInternship, domain.OfferVisit}
	g.data.Youths = append(g.data.Youths, y)
}

// user returns a new account; passwords are the caller's business.
func (g *generator) user(email, name string, roles ...domain.Role) domain.User {
	return domain.User{
		ID: g.id("user"), Email: email, Name: name, Roles: roles, Locale: "fr",
		CreatedAt: g.daysAgo(g.between(20, 90)),
	}
}

// organisationID finds an organisation by name or UAI; "" when neither is given.
func (g *generator) organisationID(name, uai string) string {
	for _, org := range g.data.Organisations {
		if (name != "" && org.Name == name) || (uai != "" && org.UAI == uai) {
			return org.ID
		}
	}
	return ""
}
