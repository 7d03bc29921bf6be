package demo

import (
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// Company sizes, as the INSEE defines them.
const (
	sizeTPE = "TPE"
	sizePME = "PME"
	sizeETI = "ETI"
	sizeGE  = "GE"
)

// employer describes an invented employer: its sector, its trade (an index
// in the sector's trades) and, unless "", its commune.
type employer struct {
	name    string
	sector  *sector
	trade   int
	kind    domain.OrganisationKind
	size    string
	commune string
}

const (
	company     = domain.KindCompany
	association = domain.KindAssociation
	esus        = domain.KindESUS
)

// Names of the demo accounts' organisations.
const (
	employerAccountOrg  = "Nuage Numérique"
	applicantAccountOrg = "Épicerie solidaire Le Panier Partagé"
)

var employers = []employer{
	{"Crèche Les Petits Explorateurs", &earlyChildhood, 0, company, sizePME, "92050"},
	{"Micro-crèche Les Lucioles", &earlyChildhood, 1, company, sizeTPE, ""},
	{"Les Petits Pas de la Seine", &earlyChildhood, 0, association, sizeTPE, "92004"},
	{"Groupe Arc-en-Ciel Petite Enfance", &earlyChildhood, 1, company, sizeETI, "92012"},
	{"Association Premiers Pas", &earlyChildhood, 0, association, sizePME, "92007"},
	{"Micro-crèche Les Doudous", &earlyChildhood, 1, company, sizeTPE, ""},
	{"Kangourou Garde d'Enfants", &earlyChildhood, 2, company, sizePME, "92040"},
	{"Graines d'Éveil", &earlyChildhood, 0, esus, sizePME, "92036"},
	{employerAccountOrg, &computing, 0, company, sizePME, "92050"},
	{"Codelab Seine", &computing, 0, company, sizeTPE, "92062"},
	{"Datavista Conseil", &computing, 1, company, sizeETI, "92026"},
	{"Groupe Hexaplane Systèmes", &computing, 1, company, sizeGE, "92026"},
	{"Pixel et Code", &computing, 0, company, sizeTPE, ""},
	{"Réseaux Ouest Services", &computing, 1, company, sizePME, "92063"},
	{"CyberVeille 92", &computing, 1, company, sizePME, "92040"},
	{"Octet Solidaire", &computing, 2, esus, sizePME, "92025"},
	{"Les Codeurs du Quartier", &computing, 2, association, sizeTPE, "92036"},
	{"Atelier Numérique Partagé", &computing, 2, association, sizeTPE, "92078"},
	{"Boulangerie Au Pain Doré", &food, 0, company, sizeTPE, ""},
	{"Boulangerie Maison Garnier", &food, 0, company, sizeTPE, "92051"},
	{"Boucherie Moreau et Fils", &food, 1, company, sizeTPE, ""},
	{"Pâtisserie Les Délices de Clichy", &food, 2, company, sizeTPE, "92024"},
	{"Chocolaterie Cacao d'Issy", &food, 2, company, sizeTPE, "92040"},
	{"Restaurant Le Comptoir du Parc", &food, 3, company, sizeTPE, ""},
	{"Brasserie du Parvis", &food, 3, company, sizePME, "92062"},
	{"Traiteur Saveurs de Seine", &food, 3, company, sizePME, "92063"},
	{"Cuisine Centrale Sud", &food, 4, company, sizeETI, "92002"},
	{"Groupe Toque et Compagnie", &food, 4, company, sizeGE, "92012"},
	{"Le Resto Solidaire", &food, 3, association, sizeTPE, "92050"},
	{"Les Fourneaux Solidaires", &food, 4, esus, sizePME, "92024"},
	{"Hyper Seine Distribution", &retail, 0, company, sizeGE, "92036"},
	{"Mode et Ville", &retail, 3, company, sizePME, ""},
	{"Épicerie fine Le Garde-Manger", &retail, 0, company, sizeTPE, "92071"},
	{"Ressourcerie La Deuxième Vie", &retail, 1, association, sizeTPE, "92023"},
	{applicantAccountOrg, &retail, 2, association, sizeTPE, "92025"},
	{"Bâti Hauts-de-Seine", &building, 1, company, sizePME, "92025"},
	{"Électricité Martin", &building, 0, company, sizeTPE, ""},
	{"Plomberie Dubois", &building, 0, company, sizeTPE, ""},
	{"Constructions Vallée Sud", &building, 1, company, sizeETI, "92020"},
	{"Rénov'Insertion", &building, 2, esus, sizePME, "92050"},
	{"Résidence Les Tilleuls", &care, 0, company, sizePME, "92019"},
	{"Aide à Domicile Seine Ouest", &care, 2, association, sizePME, "92072"},
	{"Résidence médicalisée Les Coteaux", &care, 0, company, sizeETI, "92064"},
	{"Centre social Le Lien", &care, 1, association, sizeTPE, "92078"},
	{"Logiseine", &logistics, 0, company, sizeETI, "92036"},
	{"Coursiers Verts", &logistics, 1, esus, sizeTPE, "92044"},
	{"Entrepôts de la Boucle", &logistics, 0, company, sizePME, "92036"},
	{"Hôtel Le Cèdre", &hospitality, 0, company, sizePME, "92026"},
	{"Résidence hôtelière Grande Arche", &hospitality, 0, company, sizeETI, "92062"},
	{"Jardins de la Boucle", &environment, 0, association, sizePME, "92078"},
	{"Vert Demain Paysages", &environment, 0, company, sizePME, "92048"},
	{"Recyclerie des Hauts-de-Seine", &environment, 1, esus, sizePME, "92007"},
	{"Atelier Vélo Solidaire", &environment, 2, association, sizeTPE, "92046"},
	{"Loisirs et Découvertes", &leisure, 0, association, sizePME, "92032"},
	{"Compagnie Les Tréteaux d'Ouest", &leisure, 1, association, sizeTPE, "92050"},
	{"Ludothèque Le Dé Vert", &leisure, 0, association, sizeTPE, "92060"},
	{"Cabinet comptable Lefort", &office, 0, company, sizeTPE, "92014"},
	{"Cabinet de gestion Arnaud et Associés", &office, 0, company, sizePME, "92051"},
	{"Banque coopérative de l'Ouest parisien", &office, 1, company, sizeGE, "92044"},
	{"Garage du Centre", &garage, 0, company, sizeTPE, ""},
	{"Auto Services Nanterre", &garage, 0, company, sizePME, "92050"},
}

func (g *generator) employers() {
	for _, listed := range g.employerList() {
		e, c := listed.employer, g.commune()
		if e.commune != "" {
			c, _ = refdata.CommuneByCode(e.commune)
		}
		if listed.branch {
			e.name = g.branchName(e.name, c)
		}
		org := g.organisation(e.kind, e.name, c)
		org.Size, org.SIRET, org.Verified = e.size, g.siret(), g.chance(0.9)
		if e.kind == association {
			org.RNA = g.rna()
		}
		if e.kind == esus {
			agreed := g.today.AddDate(-g.between(1, 4), -g.between(0, 11), 0)
			org.ESUSAgreementDate = &agreed
		}
		g.hiring = append(g.hiring, hiring{org: len(g.data.Organisations), employer: e})
		g.data.Organisations = append(g.data.Organisations, org)
	}
}

// hiring links an employer organisation, by position, to its description.
type hiring struct {
	org      int
	employer employer
}
