package demo

import "passerelle/app/domain"

// The PROGR'ESS 2024 call's figures.
const (
	callBudgetEuros   = 100_000
	callMaxAwardEuros = 15_000
)

var callCriteria = []domain.Criterion{
	{Key: "impact_social", Label: "Impact social", Weight: 25},
	{Key: "innovation", Label: "Innovation", Weight: 20},
	{Key: "besoins_quotidiens", Label: "Réponse aux besoins quotidiens des publics fragiles", Weight: 20},
	{Key: "potentiel_developpement", Label: "Potentiel de développement", Weight: 15},
	{Key: "ancrage_local", Label: "Ancrage local", Weight: 10},
	{Key: "faisabilite_budget", Label: "Faisabilité et budget", Weight: 10},
}

// callAxes are the four axes of the Département's ESS strategy.
var callAxes = []string{"Observer et échanger", "Former et accompagner", "Soutenir", "Valoriser"}

// callDocuments are the documents every file joins (the ESUS agreement
// only for ESUS enterprises).
var callDocuments = []domain.DocumentKind{domain.DocStatutes, domain.DocAccounts, domain.DocBankDetails, domain.DocESUSAgreement}

const callRules = `Peuvent candidater les associations (numéro RNA) et les entreprises agréées ESUS (SIRET) dont le siège ou l'activité se situe dans les Hauts-de-Seine.

Le projet propose un produit, un service ou un événement innovant qui répond aux besoins fondamentaux de la vie quotidienne (se nourrir, se loger, se déplacer, se soigner, accéder au numérique…), notamment des publics les plus fragiles.

La subvention demandée ne peut dépasser 15 000 € ni le coût total du projet ; le budget prévisionnel présenté doit être équilibré. Les dossiers sont déposés en ligne avant la date de clôture, puis examinés par un jury selon les critères publiés.`

// call opens the PROGR'ESS 2024 call two weeks ago; it closes at noon, Paris
// time, five weeks from today.
func (g *generator) call() {
	opens := g.at(g.today.AddDate(0, 0, -14), 9, 0)
	g.data.Calls = append(g.data.Calls, domain.Call{
		ID: g.id("call"), Title: "PROGR'ESS 2024", Theme: "Vie quotidienne", Rules: callRules,
		Budget: domain.Euros(callBudgetEuros), MaxAward: domain.Euros(callMaxAwardEuros),
		OpensAt: opens, ClosesAt: g.at(g.today.AddDate(0, 0, 35), 12, 0),
		Criteria: append([]domain.Criterion(nil), callCriteria...), Axes: append([]string(nil), callAxes...),
		LegalForms: []domain.OrganisationKind{domain.KindAssociation, domain.KindESUS},
		Territory:  domain.TerritorySeatOrAction, RequiredDocuments: callDocuments,
		MinReviewers: domain.DefaultMinReviewers, DisagreementSpread: domain.DefaultDisagreementSpread,
		CreatedAt: opens.AddDate(0, 0, -7), UpdatedAt: opens.AddDate(0, 0, -7),
	})
	g.pastEditions()
}
