package demo

import "passerelle/app/refdata"

// job is a ROME job as an offer names it, with the diploma an apprentice
// prepares for it and what a youth does in it.
type job struct {
	code     string
	name     string // French, inclusive, lower case: "boulanger·ère"
	diploma  string
	missions [2]string
}

// trade is a kind of employer within a sector: what it does (completing a
// sentence whose subject is the employer) and the ROME codes it hires for.
type trade struct {
	activity string
	jobs     []string
}

// sector groups employers, their jobs and what a visit shows. Its key is the
// youths' interest key; for the métiers en tension it is the family's key.
type sector struct {
	key    string
	trades []trade
	jobs   []job
	visit  string
}

// job returns the sector's job of a ROME code.
func (s *sector) job(code string) job {
	for _, j := range s.jobs {
		if j.code == code {
			return j
		}
	}
	panic("demo: sector " + s.key + " has no job " + code) // the tables below are wrong
}

var earlyChildhood = sector{
	key: refdata.FamilyEarlyChildhood,
	trades: []trade{
		{"accueille chaque jour une quarantaine d'enfants de dix semaines à trois ans.", []string{"J1304", "K1307", "K1314"}},
		{"gère des micro-crèches où l'éveil et le jeu libre sont au cœur du projet pédagogique.", []string{"K1307", "J1304"}},
		{"accompagne les familles pour la garde de leurs jeunes enfants à domicile, avant et après l'école.", []string{"K1303", "K1314"}},
	},
	jobs: []job{
		{"J1304", "auxiliaire de puériculture", "diplôme d'État d'auxiliaire de puériculture", [2]string{
			"Vous participerez aux soins des tout-petits : repas, changes, endormissement.",
			"Vous apprendrez à observer le développement de chaque enfant et à en parler avec les parents."}},
		{"K1303", "garde d'enfants", "CAP Accompagnant éducatif petite enfance", [2]string{
			"Vous irez chercher les enfants à l'école et les accompagnerez jusqu'au retour des parents.",
			"Vous proposerez goûter, jeux et aide aux devoirs, dans le respect des habitudes de chaque famille."}},
		{"K1307", "animateur·rice petite enfance", "CAP Accompagnant éducatif petite enfance", [2]string{
			"Vous proposerez des activités d'éveil : peinture, comptines, jeux de manipulation.",
			"Vous participerez à l'accueil des enfants et de leurs parents, le matin et le soir."}},
		{"K1314", "auxiliaire de vie sociale auprès d'enfants", "diplôme d'État d'accompagnant éducatif et social", [2]string{
			"Vous accompagnerez un enfant en situation de handicap dans les gestes du quotidien.",
			"Vous travaillerez avec la famille et l'équipe éducative pour favoriser son autonomie."}},
	},
	visit: "la découverte d'une section de crèche, des espaces de jeu et de repos, et un échange avec les auxiliaires de puériculture",
}

var computing = sector{
	key: refdata.FamilyComputing,
	trades: []trade{
		{"conçoit des applications web et mobiles pour des collectivités et des PME.", []string{"M1805", "M1855"}},
		{"assure l'infogérance et la sécurité des réseaux de nombreuses entreprises franciliennes.", []string{"M1810", "M1869", "M1876", "M1883"}},
		{"reconditionne des ordinateurs et forme les habitants aux outils numériques.", []string{"M1869", "M1855"}},
	},
	jobs: []job{
		{"M1805", "développeur·se informatique", "BTS Services informatiques aux organisations", [2]string{
			"Vous participerez au développement de nouvelles fonctionnalités, en binôme avec un·e développeur·se confirmé·e.",
			"Vous apprendrez à tester votre code et à le faire relire par l'équipe."}},
		{"M1855", "développeur·se web", "titre professionnel Développeur web et web mobile", [2]string{
			"Vous intégrerez des pages web accessibles à partir des maquettes des graphistes.",
			"Vous découvrirez le travail en équipe sur un même code, avec Git et les revues de code."}},
		{"M1810", "technicien·ne d'exploitation informatique", "BTS Services informatiques aux organisations", [2]string{
			"Vous surveillerez le bon fonctionnement des serveurs et des sauvegardes.",
			"Vous assurerez le support aux utilisateurs et apprendrez à diagnostiquer une panne."}},
		{"M1869", "gestionnaire de parc informatique", "bac pro Cybersécurité, informatique et réseaux, électronique", [2]string{
			"Vous préparerez et installerez les postes de travail des nouveaux arrivants.",
			"Vous tiendrez à jour l'inventaire du matériel et des logiciels."}},
		{"M1876", "technicien·ne cloud", "BUT Réseaux et télécommunications", [2]string{
			"Vous participerez au déploiement de serveurs virtuels chez nos clients.",
			"Vous apprendrez à automatiser les tâches répétitives par de petits scripts."}},
		{"M1883", "analyste SOC (cybersécurité)", "licence professionnelle Cybersécurité", [2]string{
			"Vous analyserez les alertes de sécurité avec l'équipe du centre opérationnel.",
			"Vous découvrirez les bonnes pratiques de cybersécurité et la réponse aux incidents."}},
	},
	visit: "une présentation des métiers du numérique, la salle serveurs et une démonstration de code en direct",
}

var food = sector{
	key: refdata.FamilyFood,
	trades: []trade{
		{"fabrique chaque jour pains, viennoiseries et pâtisseries dans son fournil.", []string{"D1102", "D1104"}},
		{"sélectionne ses viandes auprès d'éleveurs d'Île-de-France et les prépare sur place.", []string{"D1101"}},
		{"crée ses chocolats et ses entremets dans son atelier, à partir de fèves choisies.", []string{"D1115", "D1104"}},
		{"régale le quartier avec une cuisine de saison faite maison.", []string{"G1602", "G1609"}},
		{"prépare chaque jour des milliers de repas pour les écoles, les entreprises et les seniors.", []string{"G1606", "G1602"}},
	},
	jobs: []job{
		{"D1102", "boulanger·ère", "CAP Boulanger", [2]string{
			"Vous apprendrez à peser, pétrir, façonner et cuire, aux côtés des artisans.",
			"Vous participerez à la fabrication des viennoiseries du matin."}},
		{"D1104", "pâtissier·ère", "CAP Pâtissier", [2]string{
			"Vous réaliserez crèmes, pâtes et montages d'entremets avec le chef pâtissier.",
			"Vous participerez à la décoration et à la mise en vitrine des gâteaux."}},
		{"D1101", "boucher·ère", "CAP Boucher", [2]string{
			"Vous apprendrez la découpe, le désossage et la préparation des viandes.",
			"Vous conseillerez les clients au comptoir sur les morceaux et leur cuisson."}},
		{"D1115", "chocolatier·ère", "CAP Chocolatier-confiseur", [2]string{
			"Vous apprendrez à tempérer le chocolat et à mouler bonbons et tablettes.",
			"Vous participerez à la préparation des coffrets et à la vente en boutique."}},
		{"G1602", "commis·e de cuisine", "CAP Cuisine", [2]string{
			"Vous participerez à la mise en place : épluchage, taillage, préparation des sauces.",
			"Vous découvrirez les règles d'hygiène alimentaire et la traçabilité des produits."}},
		{"G1609", "cuisinier·ère", "bac pro Cuisine", [2]string{
			"Vous préparerez les plats du jour sous la conduite du chef.",
			"Vous apprendrez à dresser les assiettes et à tenir les temps du service."}},
		{"G1606", "cuisinier·ère de collectivité", "CAP Production et service en restaurations", [2]string{
			"Vous participerez à la production des repas en grande quantité, dans le respect des normes.",
			"Vous découvrirez la préparation des menus adaptés aux régimes et aux allergies."}},
	},
	visit: "l'atelier de fabrication en pleine production, une dégustation et un échange avec les artisans",
}
