package demo

import (
	"fmt"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// supportStructure is an invented partner structure of the accompaniment.
type supportStructure struct {
	name, commune, presentation string
}

// supportAccountOrg is the structure of the adviser's demo account.
const supportAccountOrg = "Incubateur solidaire des Hauts-de-Seine"

var supportStructures = []supportStructure{
	{supportAccountOrg, "92050", "Incubateur de projets de l'économie sociale et solidaire : six mois d'accompagnement collectif et individuel, de l'idée au lancement."},
	{"Coopérative d'activités Seine Ouest", "92012", "Coopérative d'activité et d'emploi : tester son activité en toute sécurité, avec un statut d'entrepreneur salarié et un accompagnement à la gestion."},
	{"Réseau solidaire Nord 92", "92004", "Réseau local d'accompagnement : financement, statut juridique, recrutement et mise en relation avec les acteurs du territoire."},
}

// support adds the partner structures, the adviser's account and the
// applicant account's requests: after everything else, and without drawing
// from the random source, so that the rest of the data set stays as it was.
func (g *generator) support() {
	var structures []domain.Organisation
	for i, s := range supportStructures {
		c, _ := refdata.CommuneByCode(s.commune)
		o := domain.Organisation{ID: g.id("org"), Kind: domain.KindSupport, Name: s.name, CommuneCode: c.Code,
			Address: fmt.Sprintf("%d rue de la Coopération, %s %s", 10+i, c.PostalCodes[0], c.Name), Lat: c.Lat, Lng: c.Lng,
			RNA: fmt.Sprintf("W92%07d", 1000+i), Verified: true, Presentation: s.presentation, CreatedAt: g.today.AddDate(0, -6, 0)}
		structures = append(structures, o)
	}
	g.data.Organisations = append(g.data.Organisations, structures...)
	created := g.today.AddDate(0, -5, 0)
	adviser := domain.User{ID: g.id("user"), Email: "accompagnement@" + EmailDomain, Name: "Lucie Perrin",
		Roles: []domain.Role{domain.RoleAdviser}, Locale: "fr", CreatedAt: created, EmailVerifiedAt: &created,
		OrganisationIDs: []string{structures[0].ID}}
	g.data.Users = append(g.data.Users, adviser)
	g.data.Accounts = append(g.data.Accounts, adviser)
	g.supportRequests(g.account(domain.RoleApplicant), adviser, structures[0])
}

// supportRequests are the applicant account's: one followed by the
// adviser's structure, with its exchanges and next meeting, one waiting
// for staff to choose a structure.
func (g *generator) supportRequests(holder, adviser domain.User, structure domain.Organisation) {
	asked := g.today.AddDate(0, 0, -21).Add(10 * time.Hour)
	meeting := g.today.AddDate(0, 0, 9).Add(14 * time.Hour)
	followed := domain.SupportRequest{ID: g.id("support"), HolderID: holder.ID, HolderName: holder.Name, HolderEmail: holder.Email,
		Project: "Ressourcerie de quartier", Stage: domain.StageCreation, CommuneCode: "92025",
		Description: "Collecter les objets dont les habitants se séparent, les réparer avec des jeunes en insertion et les revendre à petit prix.",
		Needs:       []domain.SupportNeed{"business_model", "funding", "premises"}, Status: domain.SupportInProgress,
		StructureID: structure.ID, StructureName: structure.Name, NextMeeting: &meeting, CreatedAt: asked,
		Notes: []domain.SupportNote{
			{AuthorID: adviser.ID, AuthorName: adviser.Name, At: asked.AddDate(0, 0, 3), Text: "Bonjour, je vous propose un premier rendez-vous pour parler du modèle économique et des locaux possibles."},
			{AuthorID: holder.ID, AuthorName: holder.Name, At: asked.AddDate(0, 0, 4), Text: "Merci ! Nous avons repéré un ancien local commercial à Colombes, pouvons-nous en parler ?"},
			{AuthorID: adviser.ID, AuthorName: adviser.Name, At: asked.AddDate(0, 0, 5), Text: "Prévoir le budget prévisionnel et le contact du bailleur social.", Internal: true},
		}}
	followed.UpdatedAt = asked.AddDate(0, 0, 5)
	waiting := domain.SupportRequest{ID: g.id("support"), HolderID: holder.ID, HolderName: holder.Name, HolderEmail: holder.Email,
		Project: "Atelier de cuisine solidaire", Stage: domain.StageIdea, CommuneCode: "92025",
		Description: "Des ateliers de cuisine à petit prix pour les familles du quartier, animés par des habitantes bénévoles.",
		Needs:       []domain.SupportNeed{"legal_form", "hiring"}, Status: domain.SupportNew, Notes: []domain.SupportNote{},
		CreatedAt: g.today.AddDate(0, 0, -2).Add(9 * time.Hour)}
	waiting.UpdatedAt = waiting.CreatedAt
	g.data.SupportRequests = append(g.data.SupportRequests, followed, waiting)
}
