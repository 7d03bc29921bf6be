// Package sample holds realistic offers of the Hauts-de-Seine for the search
// engines' contract suite, and a generator of as many as a benchmark needs.
package sample

import (
	"time"

	"passerelle/search"
)

// commune is a town hall of the Hauts-de-Seine.
type commune struct {
	code, name string
	lat, lng   float64
}

var (
	nanterre    = commune{NanterreCode, "Nanterre", 48.8924, 2.2069}
	rueil       = commune{"92063", "Rueil-Malmaison", 48.8776, 2.1803}
	suresnes    = commune{"92073", "Suresnes", 48.8713, 2.2290}
	puteaux     = commune{"92062", "Puteaux", 48.8837, 2.2384}
	courbevoie  = commune{"92026", "Courbevoie", 48.8973, 2.2531}
	colombes    = commune{"92025", "Colombes", 48.9226, 2.2522}
	gennevilier = commune{"92036", "Gennevilliers", 48.9331, 2.2930}
	asnieres    = commune{"92004", "Asnières-sur-Seine", 48.9107, 2.2855}
	clichy      = commune{"92024", "Clichy", 48.9041, 2.3059}
	boulogne    = commune{"92012", "Boulogne-Billancourt", 48.8353, 2.2410}
	issy        = commune{"92040", "Issy-les-Moulineaux", 48.8240, 2.2700}
	montrouge   = commune{"92049", "Montrouge", 48.8163, 2.3163}
	bagneux     = commune{"92007", "Bagneux", 48.7964, 2.3086}
	antony      = commune{AntonyCode, "Antony", 48.7540, 2.2975}
	chatenay    = commune{"92019", "Châtenay-Malabry", 48.7656, 2.2640}
)

// The communes the contract's filter cases search in.
const (
	NanterreCode = "92050"
	AntonyCode   = "92002"
)

// Nanterre is the town hall the geographic cases search around.
var Nanterre = search.Point{Lat: nanterre.lat, Lng: nanterre.lng}

// Epoch is the date the fixtures' start and publication dates count from.
var Epoch = time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)

// offer is one fixture row; the job decides ROME, sub-domain and family.
type offer struct {
	id, kind, title, desc, org string
	job                        job
	ess                        bool
	place                      commune
	ageMin, ageMax             int
	startDay, publishedDay     int
	accessible, remote         bool
}

type job struct {
	rome, label, subdomain, family string
}

var (
	boulanger  = job{"D1102", "Boulanger / Boulangère", "Alimentation", "metiers_de_bouche"}
	patissier  = job{"D1104", "Pâtissier / Pâtissière", "Alimentation", "metiers_de_bouche"}
	boucher    = job{"D1101", "Boucher / Bouchère", "Alimentation", "metiers_de_bouche"}
	commis     = job{"G1602", "Commis / Commise de cuisine", "Restauration", "metiers_de_bouche"}
	serveur    = job{"G1803", "Serveur / Serveuse en restauration", "Restauration", ""}
	garde      = job{"K1303", "Garde d'enfant", "Petite enfance", "petite_enfance"}
	puericult  = job{"J1304", "Auxiliaire de puériculture", "Petite enfance", "petite_enfance"}
	developpeu = job{"M1805", "Développeur / Développeuse informatique", "Informatique", "informatique"}
	technicien = job{"M1810", "Technicien / Technicienne d'exploitation informatique", "Informatique", "informatique"}
	animateur  = job{"K1206", "Animateur coordinateur socioculturel / Animatrice coordinatrice socioculturelle", "Animation", ""}
	vendeur    = job{"D1214", "Vendeur / Vendeuse en prêt-à-porter", "Commerce", ""}
	caisse     = job{"D1505", "Hôte / Hôtesse de caisse", "Commerce", ""}
	aideVie    = job{"K1302", "Assistant / Assistante de vie dépendance", "Aide à la personne", ""}
	secretaire = job{"M1607", "Secrétaire", "Gestion administrative", ""}
)

var rows = []offer{
	{"o01", "apprenticeship", "Apprenti boulanger", "Vous apprendrez le pétrissage, le façonnage et la cuisson du pain au levain dans un fournil de quartier.", "Au Pain de Nanterre", boulanger, false, nanterre, 16, 25, 30, 1, false, false},
	{"o02", "internship_3e", "Stage de 3e en boulangerie-pâtisserie", "Une semaine pour découvrir le fournil, la vente et la fabrication des viennoiseries.", "Maison Lemoine", boulanger, false, rueil, 14, 15, 12, 2, true, false},
	{"o03", "apprenticeship", "Apprentissage pâtissier en CAP", "Préparation des entremets, des tartes et des macarons, en contrat d'apprentissage de deux ans.", "Pâtisserie des Lilas", patissier, false, courbevoie, 16, 25, 40, 3, false, false},
	{"o04", "job", "Vendeuse en boulangerie le week-end", "Accueil des clients, mise en rayon du pain et encaissement, samedi et dimanche matin.", "Le Fournil d'Asnières", boulanger, false, asnieres, 16, 25, 7, 4, true, false},
	{"o05", "professionalisation", "Boucher en contrat de professionnalisation", "Découpe, préparation des viandes et conseil à la clientèle dans une boucherie traditionnelle.", "Boucherie Martin", boucher, false, colombes, 18, 25, 50, 5, false, false},
	{"o06", "apprenticeship", "Commis de cuisine en alternance", "Mise en place, cuisson et dressage dans la cuisine d'un restaurant bistronomique.", "Le Bistrot du Parc", commis, false, suresnes, 16, 25, 35, 6, false, false},
	{"o07", "job", "Serveur ou serveuse pour l'été", "Service en salle et en terrasse pendant la saison d'été, horaires en coupure.", "Brasserie de la Défense", serveur, false, puteaux, 18, 25, 150, 7, true, false},
	{"o08", "internship", "Stage en crèche associative", "Accompagner l'équipe dans l'éveil et les soins des tout-petits, de 10 semaines à 3 ans.", "Crèche Les Petits Pas", garde, true, nanterre, 17, 25, 21, 8, true, false},
	{"o09", "apprenticeship", "Auxiliaire de puériculture en apprentissage", "Soins d'hygiène et de confort des jeunes enfants, activités d'éveil, lien avec les familles.", "Multi-accueil Les Lucioles", puericult, false, boulogne, 17, 25, 45, 9, false, false},
	{"o10", "job", "Garde d'enfants après l'école", "Aller chercher deux enfants à l'école, goûter et devoirs, trois soirs par semaine.", "Famille Bernard", garde, false, issy, 18, 25, 10, 10, false, false},
	{"o11", "ess_discovery", "Découvrir la petite enfance dans une structure solidaire", "Une journée d'immersion dans un lieu d'accueil des jeunes enfants géré par une coopérative.", "Coop Enfance 92", garde, true, bagneux, 14, 18, 5, 11, true, false},
	{"o12", "apprenticeship", "Développeur web en apprentissage", "Vous développerez des applications en Go et en JavaScript au sein d'une équipe agile.", "Numérique Ouest", developpeu, false, issy, 17, 25, 60, 12, true, true},
	{"o13", "internship", "Stage développement d'applications mobiles", "Conception d'écrans, tests et publication d'une application mobile pour une mutuelle.", "Mutuelle Solidaire du 92", developpeu, true, montrouge, 18, 25, 25, 13, false, true},
	{"o14", "professionalisation", "Technicien support informatique en contrat pro", "Installation des postes, gestion du parc et assistance aux utilisateurs par téléphone.", "InfoServices Clichy", technicien, false, clichy, 18, 25, 33, 14, true, false},
	{"o15", "internship_2nde", "Stage de seconde : les métiers du numérique", "Deux semaines pour découvrir le code, la cybersécurité et le support informatique.", "Campus Cyber Courbevoie", technicien, false, courbevoie, 15, 16, 160, 15, true, false},
	{"o16", "visit", "Visite d'un data center", "Visite guidée des salles serveurs et rencontre avec les techniciens d'exploitation.", "DataSeine", technicien, false, gennevilier, 14, 18, 20, 16, true, false},
	{"o17", "job", "Animateur ou animatrice périscolaire", "Encadrer des enfants de 6 à 11 ans sur le temps du midi et du soir, BAFA apprécié.", "Ville de Nanterre", animateur, false, nanterre, 17, 25, 28, 17, true, false},
	{"o18", "ess_discovery", "Une semaine dans l'économie sociale et solidaire", "Rencontrez une ressourcerie, une épicerie solidaire et une entreprise d'insertion.", "Réseau Solidaire 92", vendeur, true, colombes, 15, 25, 14, 18, true, false},
	{"o19", "job", "Équipier de ressourcerie", "Tri, réparation et vente d'objets de seconde main dans une association ESS du quartier.", "La Ressourcerie du Val", vendeur, true, gennevilier, 18, 25, 9, 19, false, false},
	{"o20", "visit", "Visite d'une épicerie solidaire", "Découvrez le fonctionnement d'une épicerie qui propose des produits à petit prix.", "Épicerie Partagée", caisse, true, antony, 14, 25, 18, 20, true, false},
	{"o21", "internship_3e", "Stage de 3e en magasin de vêtements", "Observer la vente, la mise en rayon et la gestion des stocks d'une boutique.", "Mode Boulogne", vendeur, false, boulogne, 14, 15, 13, 21, true, false},
	{"o22", "job", "Hôte de caisse en supermarché", "Encaissement et accueil des clients, contrat étudiant de 12 heures par semaine.", "Supermarché Gennevilliers", caisse, false, gennevilier, 18, 25, 8, 22, true, false},
	{"o23", "apprenticeship", "Assistant de vie aux familles en alternance", "Accompagner des personnes âgées à domicile : repas, courses et lien social.", "Aide à Domicile Antony", aideVie, true, antony, 18, 25, 55, 23, false, false},
	{"o24", "internship", "Stage secrétariat médical", "Accueil des patients, prise de rendez-vous et gestion des dossiers d'un centre de santé.", "Centre de Santé Châtenay", secretaire, false, chatenay, 17, 25, 38, 24, true, false},
	{"o25", "job", "Secrétaire administrative à temps partiel", "Courriers, classement et accueil téléphonique dans une petite entreprise du bâtiment.", "BTP Rueil", secretaire, false, rueil, 18, 25, 42, 25, false, true},
	{"o26", "visit", "Visite d'une cuisine centrale", "Découvrez comment sont préparés chaque jour 8 000 repas pour les cantines scolaires.", "Sodexo Nanterre", commis, false, nanterre, 14, 18, 24, 26, true, false},
	{"o27", "internship_3e", "Stage de 3e en crèche", "Observer une journée type et participer aux activités des enfants.", "Crèche municipale de Suresnes", garde, false, suresnes, 14, 15, 11, 27, true, false},
	{"o28", "professionalisation", "Pâtissière chocolatière en contrat pro", "Fabrication des bonbons de chocolat et des entremets pour les fêtes.", "Chocolaterie de Sceaux", patissier, false, antony, 18, 25, 70, 28, false, false},
	{"o29", "job", "Développeuse front-end junior", "Intégration d'interfaces accessibles pour des sites publics, télétravail partiel.", "Studio Web Puteaux", developpeu, false, puteaux, 20, 25, 65, 29, true, true},
	{"o30", "apprenticeship", "Vendeur en boucherie-charcuterie", "Conseil, découpe et vente au comptoir d'une boucherie de marché.", "Boucherie du Marché", boucher, false, clichy, 16, 25, 48, 30, false, false},
	{"o31", "internship", "Stage d'animation au centre social", "Préparer des ateliers pour les enfants et les familles pendant les vacances.", "Centre Social Colombes", animateur, true, colombes, 16, 25, 17, 31, true, false},
	{"o32", "job", "Serveuse en restaurant d'entreprise", "Service du déjeuner dans un restaurant interentreprises, du lundi au vendredi.", "Restauration Collective Issy", serveur, false, issy, 18, 25, 16, 32, true, false},
}

// Offers returns a few dozen realistic offers across the Hauts-de-Seine:
// every type, the three tension families, ESS and not, ages 14 to 25.
func Offers() []search.Offer {
	offers := make([]search.Offer, len(rows))
	for i, r := range rows {
		offers[i] = r.offer()
	}
	return offers
}

func (r offer) offer() search.Offer {
	start := Epoch.AddDate(0, 0, r.startDay)
	return search.Offer{ID: r.id, Type: r.kind, Title: r.title, Description: r.desc, OrganisationName: r.org,
		ROMECodes: []string{r.job.rome}, ROMELabels: []string{r.job.label}, Subdomain: r.job.subdomain,
		TensionFamily: r.job.family, ESS: r.ess, CommuneCode: r.place.code, CommuneName: r.place.name,
		Lat: r.place.lat, Lng: r.place.lng, AgeMin: r.ageMin, AgeMax: r.ageMax,
		StartDate: start, EndDate: start.AddDate(0, 2, 0), PublishedAt: Epoch.AddDate(0, 0, -r.publishedDay),
		Accessible: r.accessible, Remote: r.remote}
}
