package demo

import "passerelle/app/refdata"

// job is a ROME job as an offer names it, with the diploma an apprentice
// prepares for it.
type job struct {
	code    string
	name    string // French, inclusive, lower case: "boulanger·ère"
	diploma string
}

// sector groups employers, their jobs and the words that describe them. Its
// key is the youths' interest key; for the métiers en tension it is the
// family's key.
type sector struct {
	key        string
	jobs       []job
	activities []string // completes a sentence whose subject is the employer
	missions   []string // what a youth does there
	visit      string   // what a visit shows
}

var (
	earlyChildhood = sector{
		key: refdata.FamilyEarlyChildhood,
		jobs: []job{
			{"J1304", "auxiliaire de puériculture", "diplôme d'État d'auxiliaire de puériculture"},
			{"K1303", "garde d'enfants", "CAP Accompagnant éducatif petite enfance"},
			{"K1307", "animateur·rice petite enfance", "CAP Accompagnant éducatif petite enfance"},
			{"K1308", "ATSEM", "CAP Accompagnant éducatif petite enfance"},
			{"K1314", "auxiliaire de vie sociale auprès d'enfants", "diplôme d'État d'accompagnant éducatif et social"},
		},
		activities: []string{
			"accueille chaque jour une quarantaine d'enfants de dix semaines à trois ans.",
			"gère des crèches et des micro-crèches où l'éveil et le jeu libre sont au cœur du projet.",
			"accompagne les familles pour la garde de leurs jeunes enfants, en crèche comme à domicile.",
		},
		missions: []string{
			"Vous participerez à l'accueil des enfants et de leurs parents, le matin et le soir.",
			"Vous aiderez l'équipe pendant les repas, les changes et les temps de sieste.",
			"Vous proposerez des activités d'éveil : peinture, comptines, jeux de manipulation.",
			"Vous apprendrez les règles d'hygiène et de sécurité propres aux tout-petits.",
		},
		visit: "la découverte d'une section de crèche, des espaces de jeu et de repos, et un échange avec les auxiliaires de puériculture",
	}
	computing = sector{
		key: refdata.FamilyComputing,
		jobs: []job{
			{"M1805", "développeur·se informatique", "BTS Services informatiques aux organisations"},
			{"M1855", "développeur·se web", "titre professionnel Développeur web et web mobile"},
			{"M1810", "technicien·ne d'exploitation informatique", "BTS Services informatiques aux organisations"},
			{"M1869", "gestionnaire de parc informatique", "bac pro Cybersécurité, informatique et réseaux, électronique"},
			{"M1876", "technicien·ne cloud", "BUT Réseaux et télécommunications"},
			{"M1883", "analyste SOC (cybersécurité)", "licence professionnelle Cybersécurité"},
		},
		activities: []string{
			"conçoit des applications web et mobiles pour des collectivités et des PME.",
			"assure l'infogérance et la sécurité des réseaux de nombreuses entreprises franciliennes.",
			"développe des logiciels métiers et accompagne leurs utilisateurs au quotidien.",
		},
		missions: []string{
			"Vous participerez au développement de nouvelles fonctionnalités, en binôme avec un·e développeur·se confirmé·e.",
			"Vous préparerez et installerez les postes de travail des nouveaux arrivants.",
			"Vous assurerez le support aux utilisateurs et apprendrez à diagnostiquer une panne.",
			"Vous découvrirez les bonnes pratiques de cybersécurité et la gestion des sauvegardes.",
		},
		visit: "une présentation des métiers du numérique, la salle serveurs et une démonstration de code en direct",
	}
	food = sector{
		key: refdata.FamilyFood,
		jobs: []job{
			{"D1102", "boulanger·ère", "CAP Boulanger"},
			{"D1104", "pâtissier·ère", "CAP Pâtissier"},
			{"D1101", "boucher·ère", "CAP Boucher"},
			{"D1115", "chocolatier·ère", "CAP Chocolatier-confiseur"},
			{"G1602", "commis·e de cuisine", "CAP Cuisine"},
			{"G1609", "cuisinier·ère", "bac pro Cuisine"},
			{"G1606", "cuisinier·ère de collectivité", "CAP Production et service en restaurations"},
		},
		activities: []string{
			"fabrique chaque jour ses produits sur place, à partir de matières premières choisies.",
			"régale le quartier depuis plus de vingt ans avec une cuisine de saison faite maison.",
			"prépare chaque jour des milliers de repas pour les écoles, les entreprises et les seniors.",
		},
		missions: []string{
			"Vous apprendrez à peser, pétrir, façonner et cuire, aux côtés des artisans.",
			"Vous participerez à la mise en place et à la préparation des plats du jour.",
			"Vous découvrirez les règles d'hygiène alimentaire et la traçabilité des produits.",
			"Vous conseillerez les clients en boutique et mettrez en valeur les produits.",
		},
		visit: "le fournil ou la cuisine en pleine production, une dégustation et un échange avec les artisans",
	}
)
