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

// employer describes an invented employer; commune "" places it at random.
type employer struct {
	name    string
	sector  *sector
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
	{"Crèches Les Petits Explorateurs", &earlyChildhood, company, sizePME, "92050"},
	{"Micro-crèche Les Lucioles", &earlyChildhood, company, sizeTPE, ""},
	{"Les Petits Pas de la Seine", &earlyChildhood, association, sizeTPE, "92004"},
	{"Groupe Arc-en-Ciel Petite Enfance", &earlyChildhood, company, sizeETI, "92012"},
	{"Association Premiers Pas", &earlyChildhood, association, sizePME, "92007"},
	{"Maison d'assistantes maternelles Les Doudous", &earlyChildhood, company, sizeTPE, ""},
	{"Kangourou Garde d'Enfants", &earlyChildhood, company, sizePME, "92040"},
	{"Graines d'Éveil", &earlyChildhood, esus, sizePME, "92036"},
	{employerAccountOrg, &computing, company, sizePME, "92050"},
	{"Codelab Seine", &computing, company, sizeTPE, "92062"},
	{"Datavista Conseil", &computing, company, sizeETI, "92026"},
	{"Groupe Hexaplane Systèmes", &computing, company, sizeGE, "92026"},
	{"Pixel et Code", &computing, company, sizeTPE, ""},
	{"Réseaux Ouest Services", &computing, company, sizePME, "92063"},
	{"CyberVeille 92", &computing, company, sizePME, "92040"},
	{"Octet Solidaire", &computing, esus, sizePME, "92025"},
	{"Les Codeurs du Quartier", &computing, association, sizeTPE, "92036"},
	{"Atelier Numérique Partagé", &computing, association, sizeTPE, "92078"},
	{"Boulangerie Au Pain Doré", &food, company, sizeTPE, ""},
	{"Boulangerie Maison Garnier", &food, company, sizeTPE, "92051"},
	{"Boucherie Moreau et Fils", &food, company, sizeTPE, ""},
	{"Pâtisserie Les Délices de Clichy", &food, company, sizeTPE, "92024"},
	{"Chocolaterie Cacao d'Issy", &food, company, sizeTPE, "92040"},
	{"Restaurant Le Comptoir du Parc", &food, company, sizeTPE, ""},
	{"Brasserie du Parvis", &food, company, sizePME, "92062"},
	{"Traiteur Saveurs de Seine", &food, company, sizePME, "92063"},
	{"Cuisine Centrale Sud", &food, company, sizeETI, "92002"},
	{"Groupe Toque et Compagnie", &food, company, sizeGE, "92012"},
	{"Le Resto Solidaire", &food, association, sizeTPE, "92050"},
	{"Les Fourneaux Solidaires", &food, esus, sizePME, "92024"},
	{"Hyper Seine Distribution", &retail, company, sizeGE, "92036"},
	{"Mode et Ville", &retail, company, sizePME, ""},
	{"Librairie La Page Blanche", &retail, company, sizeTPE, "92071"},
	{"Ressourcerie La Deuxième Vie", &retail, association, sizeTPE, "92023"},
	{applicantAccountOrg, &retail, association, sizeTPE, "92025"},
	{"Bâti Hauts-de-Seine", &building, company, sizePME, "92025"},
	{"Électricité Martin", &building, company, sizeTPE, ""},
	{"Plomberie Dubois", &building, company, sizeTPE, ""},
	{"Constructions Vallée Sud", &building, company, sizeETI, "92020"},
	{"Rénov'Insertion", &building, esus, sizePME, "92050"},
	{"Résidence Les Tilleuls", &care, company, sizePME, "92019"},
	{"Aide à Domicile Seine Ouest", &care, association, sizePME, "92072"},
	{"Clinique des Coteaux", &care, company, sizeETI, "92064"},
	{"Centre social Le Lien", &care, association, sizeTPE, "92078"},
	{"Logiseine", &logistics, company, sizeETI, "92036"},
	{"Coursiers Verts", &logistics, esus, sizeTPE, "92044"},
	{"Entrepôts de la Boucle", &logistics, company, sizePME, "92036"},
	{"Hôtel Le Cèdre", &hospitality, company, sizePME, "92026"},
	{"Résidence hôtelière Grande Arche", &hospitality, company, sizeETI, "92062"},
	{"Jardins de la Boucle", &environment, association, sizePME, "92078"},
	{"Vert Demain Paysages", &environment, company, sizePME, "92048"},
	{"Recyclerie des Hauts-de-Seine", &environment, esus, sizePME, "92007"},
	{"Atelier Vélo Solidaire", &environment, association, sizeTPE, "92046"},
	{"Loisirs et Découvertes", &leisure, association, sizePME, "92032"},
	{"Compagnie Les Tréteaux d'Ouest", &leisure, association, sizeTPE, "92050"},
	{"Ludothèque Le Dé Vert", &leisure, association, sizeTPE, "92060"},
	{"Cabinet comptable Lefort", &office, company, sizeTPE, "92014"},
	{"Assurances Seine Ouest", &office, company, sizePME, "92051"},
	{"Banque coopérative de l'Ouest parisien", &office, company, sizeGE, "92044"},
	{"Garage du Centre", &garage, company, sizeTPE, ""},
	{"Auto Services Nanterre", &garage, company, sizePME, "92050"},
}

func (g *generator) employers() {
	for _, e := range employers {
		c := g.commune()
		if e.commune != "" {
			c, _ = refdata.CommuneByCode(e.commune)
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
