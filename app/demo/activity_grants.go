package demo

import (
	"fmt"
	"slices"
	"time"

	"passerelle/app/domain"
)

// project is a PROGR'ESS project an ESS organisation of the demo files.
type project struct {
	org, title, summary string
	publics             []string
	axis                int // in callAxes
	cost, request       int64
	indicator           string
}

var projects = []project{
	{applicantAccountOrg, "Épicerie mobile des quartiers sud", "Un triporteur apporte chaque semaine des produits frais à prix solidaires au pied des résidences sans commerce.",
		[]string{"Familles modestes", "Personnes âgées isolées"}, 2, 24_000, 12_000, "Foyers servis chaque mois"},
	{"Atelier Vélo Solidaire", "Vélos-écoles pour l'emploi", "Des ateliers de remise en selle et des vélos prêtés pour se rendre à un entretien ou à une formation.",
		[]string{"Demandeurs d'emploi", "Jeunes de 16 à 25 ans"}, 1, 18_500, 9_000, "Personnes formées à la conduite d'un vélo"},
	{"Octet Solidaire", "Ordinateurs reconditionnés pour les collégiens", "Des ordinateurs reconditionnés et une initiation au numérique pour les familles des collèges en REP+.",
		[]string{"Collégiens", "Parents"}, 2, 30_000, 15_000, "Ordinateurs remis"},
	{"Les Fourneaux Solidaires", "Cantine de quartier à prix libre", "Un repas chaud le midi, cuisiné par des salariés en insertion avec les invendus des commerçants.",
		[]string{"Personnes en situation de précarité", "Étudiants"}, 3, 42_000, 15_000, "Repas servis par semaine"},
	{"Centre social Le Lien", "Permanences d'accès aux droits", "Des bénévoles formés aident à remplir les démarches en ligne : CAF, santé, logement, impôts.",
		[]string{"Personnes âgées", "Familles allophones"}, 1, 12_000, 7_500, "Démarches accompagnées"},
	{"Jardins de la Boucle", "Potagers partagés en pied d'immeuble", "Des potagers cultivés avec les habitants, des ateliers de cuisine et la récolte partagée.",
		[]string{"Habitants des quartiers prioritaires", "Enfants"}, 0, 16_000, 8_000, "Jardiniers inscrits"},
}

// grants files the projects on the demo call: the demo applicant's and one
// more as drafts (the closing reminders have editors to tell), one just
// submitted, one being instructed, and two eligible, each assigned to the
// demo reviewer and a second juror, who have not scored them yet.
func (g *generator) grants() {
	call := g.data.Calls[0]
	staff, juror := g.account(domain.RoleStaff), g.account(domain.RoleReviewer)
	second := g.member(domain.RoleReviewer, "")
	states := []domain.GrantState{domain.GrantDraft, domain.GrantDraft, domain.GrantSubmitted,
		domain.GrantInReview, domain.GrantEligible, domain.GrantEligible}
	for i, p := range projects {
		org := g.data.Organisations[slices.IndexFunc(g.data.Organisations, func(o domain.Organisation) bool { return o.Name == p.org })]
		lead := g.applicantOf(org)
		file := g.grant(call, org, lead, p, states[i])
		g.instruct(&file, staff.ID, lead.ID, states[i])
		g.data.Grants = append(g.data.Grants, file)
		if states[i] == domain.GrantEligible {
			for _, r := range []domain.User{juror, second} {
				g.data.Reviews = append(g.data.Reviews, domain.Review{ID: domain.ReviewID(file.ID, r.ID), GrantID: file.ID,
					CallID: call.ID, ReviewerID: r.ID, Status: domain.ReviewAssigned, Scores: []domain.CriterionScore{},
					AssignedBy: staff.ID, AssignedAt: file.UpdatedAt})
			}
		}
	}
}

// applicantOf is the demo applicant for their association, and a new
// project lead for any other organisation.
func (g *generator) applicantOf(org domain.Organisation) domain.User {
	if u := g.account(domain.RoleApplicant); slices.Contains(u.OrganisationIDs, org.ID) {
		return u
	}
	return g.member(domain.RoleApplicant, org.ID)
}

// grant returns the file as its lead wrote it: complete with its budget and
// documents once submitted; a draft has its identity, title, summary and
// commune, the rest to be written.
func (g *generator) grant(call domain.Call, org domain.Organisation, lead domain.User, p project, st domain.GrantState) domain.GrantApplication {
	created := g.daysAgo(g.between(8, 12))
	starts := g.firstOfMonthIn(3)
	file := domain.GrantApplication{ID: call.ID + "-" + org.ID, CallID: call.ID, OrganisationID: org.ID,
		CreatedBy: lead.ID, EditorIDs: []string{}, State: domain.GrantDraft, Attachments: []domain.Attachment{},
		Content: domain.GrantContent{
			Identity: domain.Identity{Name: org.Name, Kind: org.Kind, RNA: org.RNA, SIRET: org.SIRET,
				CommuneCode: org.CommuneCode, Address: org.Address, ContactName: lead.Name, ContactEmail: lead.Email,
				ContactPhone: fmt.Sprintf("01 47 %02d %02d %02d", g.between(10, 99), g.between(10, 99), g.between(10, 99))},
			Project: domain.Project{Title: p.title, Summary: p.summary, Communes: []string{org.CommuneCode}}},
		History: []domain.StateChange{}, CreatedAt: created, UpdatedAt: created.Add(2 * time.Hour)}
	if st != domain.GrantDraft {
		pr := &file.Content.Project
		pr.Description, pr.Publics, pr.Axes = p.summary+" "+projectMethod, p.publics, []string{callAxes[p.axis]}
		pr.StartsOn, pr.EndsOn = starts.Format(time.DateOnly), starts.AddDate(1, 0, -1).Format(time.DateOnly)
		pr.Indicators = []domain.Indicator{{Label: p.indicator, Target: fmt.Sprint(10 * g.between(5, 40))}}
		file.Content.Budget = budgetOf(p)
		file.Attachments = g.documents(org, lead.ID, created)
	}
	return file
}

const projectMethod = "Le projet s'appuie sur les bénévoles et les partenaires du quartier ; il est évalué chaque trimestre avec les habitants."

// budgetOf balances the project's cost with the grant requested, the
// commune's co-funding and the organisation's own funds.
func budgetOf(p project) domain.BudgetPlan {
	cofunding := (p.cost - p.request) / 2
	return domain.BudgetPlan{
		Expenses: []domain.BudgetLine{{Label: "Personnel", Amount: domain.Euros(p.cost * 6 / 10)},
			{Label: "Matériel et fournitures", Amount: domain.Euros(p.cost - p.cost*6/10)}},
		Resources: []domain.BudgetLine{{Label: "Subvention PROGR'ESS", Amount: domain.Euros(p.request), Kind: domain.ResourceRequest},
			{Label: "Subvention de la commune", Amount: domain.Euros(cofunding), Kind: domain.ResourceCoFunding, Funder: "Commune"},
			{Label: "Fonds propres", Amount: domain.Euros(p.cost - p.request - cofunding), Kind: domain.ResourceOwn}},
	}
}

// documents are the documents the call requires of the organisation; their
// bytes are DocumentPDF, stored under each attachment's id.
func (g *generator) documents(org domain.Organisation, by string, at time.Time) []domain.Attachment {
	var docs []domain.Attachment
	for _, kind := range domain.MissingDocuments(callDocuments, org.Kind, nil) {
		docs = append(docs, domain.Attachment{ID: g.id("file"), Kind: kind, Name: string(kind) + ".pdf",
			ContentType: "application/pdf", Size: int64(len(DocumentPDF)), UploadedBy: by, UploadedAt: at.Add(time.Hour)})
	}
	return docs
}

// instruct moves a file along the procedure up to state st, recording each
// step as the platform does.
func (g *generator) instruct(file *domain.GrantApplication, staffID, leadID string, st domain.GrantState) {
	steps := []struct {
		to    domain.GrantState
		actor string
	}{{domain.GrantSubmitted, leadID}, {domain.GrantInReview, staffID}, {domain.GrantEligible, staffID}}
	at := file.UpdatedAt
	for _, step := range steps {
		if file.State == st {
			return
		}
		at = g.beforeToday(at.Add(time.Duration(g.between(20, 50)) * time.Hour))
		file.History = append(file.History, domain.StateChange{From: file.State, To: step.to, ActorID: step.actor, At: at})
		file.State, file.UpdatedAt = step.to, at
		switch step.to {
		case domain.GrantSubmitted:
			file.Version, file.SubmittedAt = 1, &at
		case domain.GrantEligible:
			for _, key := range domain.EligibilityChecks {
				file.Checklist = append(file.Checklist, domain.CheckItem{Key: key, OK: true})
			}
		}
	}
}

// DocumentPDF is the one-page PDF every demo document holds.
var DocumentPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
	"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" +
	"trailer<</Root 1 0 R>>\n%%EOF\n")
