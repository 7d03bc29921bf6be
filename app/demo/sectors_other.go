package demo

// The sectors outside the métiers en tension, where youths also discover the
// ESS and find jobs.

var retail = sector{
	key: "commerce",
	trades: []trade{
		{"tient des magasins de proximité où le conseil au client passe avant tout.", []string{"D1106", "D1507", "D1432"}},
		{"donne une seconde vie aux objets et aux vêtements, vendus à petits prix.", []string{"D1214", "D1507"}},
		{"permet aux familles aux revenus modestes de faire leurs courses à petits prix, en toute dignité.", []string{"D1106", "D1507"}},
		{"habille toute la famille dans ses boutiques et sur son site de vente en ligne.", []string{"D1214", "D1432"}},
	},
	jobs: []job{
		{"D1106", "vendeur·se en épicerie", "CAP Équipier polyvalent du commerce", [2]string{
			"Vous accueillerez les clients et tiendrez la caisse.",
			"Vous veillerez à la fraîcheur des produits et à la bonne tenue des étals."}},
		{"D1507", "employé·e de rayon", "CAP Équipier polyvalent du commerce", [2]string{
			"Vous réceptionnerez les livraisons et mettrez les produits en rayon.",
			"Vous participerez aux inventaires et à l'étiquetage des prix."}},
		{"D1214", "vendeur·se en prêt-à-porter", "bac pro Métiers du commerce et de la vente", [2]string{
			"Vous conseillerez les clients et les accompagnerez en cabine.",
			"Vous participerez à l'aménagement de la boutique et des vitrines."}},
		{"D1432", "assistant·e service clients", "BTS Négociation et digitalisation de la relation client", [2]string{
			"Vous répondrez aux demandes des clients par téléphone et par courriel.",
			"Vous suivrez les commandes, les retours et les réclamations."}},
	},
	visit: "la réserve, l'organisation des rayons et les coulisses d'une journée en magasin",
}

var building = sector{
	key: "btp",
	trades: []trade{
		{"rénove des logements et des bâtiments publics dans tout le département.", []string{"F1602", "F1603", "I1203"}},
		{"intervient sur les chantiers de construction et de réhabilitation du Grand Paris.", []string{"F1703", "F1602"}},
		{"forme aux métiers du bâtiment des personnes éloignées de l'emploi, sur de vrais chantiers.", []string{"F1703", "I1203"}},
	},
	jobs: []job{
		{"F1602", "électricien·ne du bâtiment", "CAP Électricien", [2]string{
			"Vous tirerez des câbles et poserez prises, interrupteurs et tableaux avec votre chef d'équipe.",
			"Vous apprendrez à lire un schéma électrique et à travailler en sécurité."}},
		{"F1603", "plombier·ère", "CAP Monteur en installations sanitaires", [2]string{
			"Vous participerez à la pose de canalisations et d'équipements sanitaires.",
			"Vous apprendrez à diagnostiquer une fuite et à la réparer."}},
		{"F1703", "maçon·ne", "CAP Maçon", [2]string{
			"Vous préparerez le chantier, les mortiers et le matériel avec l'équipe.",
			"Vous apprendrez à monter un mur et à respecter un plan."}},
		{"I1203", "agent·e d'entretien du bâtiment", "CAP Maintenance de bâtiments de collectivités", [2]string{
			"Vous réaliserez de petits travaux de peinture, de plomberie et de serrurerie.",
			"Vous apprendrez à planifier les interventions et à rendre compte aux occupants."}},
	},
	visit: "un chantier en cours, les équipements de sécurité et les différents corps de métier",
}

var care = sector{
	key: "sante_social",
	trades: []trade{
		{"accueille et soigne des personnes âgées dépendantes dans une résidence à taille humaine.", []string{"J1501", "K1302"}},
		{"aide les habitants du quartier à accéder à leurs droits, à se soigner et à se loger.", []string{"K1204", "K1224"}},
		{"accompagne à domicile des personnes âgées et des personnes en situation de handicap.", []string{"K1302"}},
	},
	jobs: []job{
		{"J1501", "aide-soignant·e", "diplôme d'État d'aide-soignant", [2]string{
			"Vous participerez aux soins d'hygiène et de confort, avec l'équipe soignante.",
			"Vous partagerez les repas et les animations avec les résidents."}},
		{"K1302", "assistant·e de vie", "titre professionnel Assistant de vie aux familles", [2]string{
			"Vous accompagnerez les personnes dans les gestes de la vie quotidienne.",
			"Vous apprendrez à préparer un repas adapté et à entretenir le logement."}},
		{"K1204", "médiateur·rice social·e", "titre professionnel Médiateur social accès aux droits et services", [2]string{
			"Vous accueillerez le public et l'orienterez vers le bon interlocuteur.",
			"Vous aiderez les habitants dans leurs démarches en ligne."}},
		{"K1224", "encadrant·e technique d'insertion", "titre professionnel Encadrant technique d'insertion", [2]string{
			"Vous accompagnerez des salariés en insertion dans leur travail quotidien.",
			"Vous participerez à l'organisation des équipes et au suivi des parcours."}},
	},
	visit: "les lieux de vie, les métiers du soin et de l'accompagnement, et un temps d'échange avec les équipes",
}

var logistics = sector{
	key: "logistique",
	trades: []trade{
		{"livre chaque jour commerces et particuliers depuis ses entrepôts de la boucle nord.", []string{"N1103", "N4105"}},
		{"organise des livraisons à vélo cargo, sans émission, dans les centres-villes.", []string{"N4105", "N1103"}},
	},
	jobs: []job{
		{"N1103", "préparateur·rice de commandes", "CAP Opérateur/opératrice logistique", [2]string{
			"Vous préparerez les commandes et vérifierez leur conformité avant expédition.",
			"Vous apprendrez à utiliser le scanner et le logiciel de gestion d'entrepôt."}},
		{"N4105", "livreur·se", "titre professionnel Conducteur livreur sur véhicule utilitaire léger", [2]string{
			"Vous participerez au chargement et à l'organisation des tournées.",
			"Vous remettrez les colis aux clients et ferez signer les bons de livraison."}},
	},
	visit: "l'entrepôt, le circuit d'une commande de la réception à la livraison et les outils de suivi",
}

var hospitality = sector{
	key: "hotellerie",
	trades: []trade{
		{"accueille une clientèle d'affaires et de touristes à deux pas de La Défense.", []string{"G1703", "G1803"}},
	},
	jobs: []job{
		{"G1703", "réceptionniste", "BTS Management en hôtellerie-restauration", [2]string{
			"Vous accueillerez les clients et gérerez les arrivées et les départs.",
			"Vous répondrez aux réservations, en français comme en anglais."}},
		{"G1803", "serveur·se", "CAP Commercialisation et services en hôtel-café-restaurant", [2]string{
			"Vous assurerez la mise en place de la salle et le service des petits déjeuners.",
			"Vous apprendrez à conseiller les clients sur la carte."}},
	},
	visit: "la réception, les chambres, les cuisines et la découverte des métiers de l'hôtellerie",
}
