package demo

// The sectors outside the métiers en tension, where youths also discover the
// ESS and find jobs.
var (
	retail = sector{
		key: "commerce",
		jobs: []job{
			{"D1106", "vendeur·se en épicerie", "CAP Équipier polyvalent du commerce"},
			{"D1507", "employé·e de rayon", "CAP Équipier polyvalent du commerce"},
			{"D1214", "vendeur·se en prêt-à-porter", "bac pro Métiers du commerce et de la vente"},
			{"D1432", "assistant·e service clients", "BTS Négociation et digitalisation de la relation client"},
		},
		activities: []string{
			"tient plusieurs magasins de proximité où le conseil au client passe avant tout.",
			"donne une seconde vie aux objets et aux vêtements, vendus à petits prix.",
		},
		missions: []string{
			"Vous réceptionnerez les livraisons et mettrez les produits en rayon.",
			"Vous accueillerez et conseillerez les clients, et tiendrez la caisse.",
			"Vous participerez aux inventaires et à l'aménagement de la boutique.",
		},
		visit: "la réserve, l'organisation des rayons et les coulisses d'une journée en magasin",
	}
	building = sector{
		key: "btp",
		jobs: []job{
			{"F1602", "électricien·ne du bâtiment", "CAP Électricien"},
			{"F1603", "plombier·ère", "CAP Monteur en installations sanitaires"},
			{"F1703", "maçon·ne", "CAP Maçon"},
			{"I1203", "agent·e d'entretien du bâtiment", "CAP Maintenance de bâtiments de collectivités"},
		},
		activities: []string{
			"rénove des logements et des bâtiments publics dans tout le nord des Hauts-de-Seine.",
			"intervient sur les chantiers de construction et de réhabilitation du Grand Paris.",
		},
		missions: []string{
			"Vous préparerez le chantier et le matériel avec votre chef d'équipe.",
			"Vous apprendrez à lire un plan et à respecter les règles de sécurité.",
			"Vous participerez à la pose et aux finitions, du gros œuvre aux réseaux.",
		},
		visit: "un chantier en cours, les équipements de sécurité et les différents corps de métier",
	}
	care = sector{
		key: "sante_social",
		jobs: []job{
			{"J1501", "aide-soignant·e", "diplôme d'État d'aide-soignant"},
			{"K1302", "assistant·e de vie", "titre professionnel Assistant de vie aux familles"},
			{"K1204", "médiateur·rice social·e", "titre professionnel Médiateur social accès aux droits et services"},
			{"K1224", "encadrant·e technique d'insertion", "titre professionnel Encadrant technique d'insertion"},
		},
		activities: []string{
			"accompagne au quotidien des personnes âgées et des personnes en situation de handicap.",
			"aide les habitants du quartier à accéder à leurs droits, à se soigner et à se loger.",
		},
		missions: []string{
			"Vous participerez aux soins d'hygiène et de confort, avec l'équipe soignante.",
			"Vous accompagnerez les personnes dans les gestes de la vie quotidienne.",
			"Vous accueillerez le public et l'orienterez vers le bon interlocuteur.",
		},
		visit: "les lieux de vie, les métiers du soin et de l'accompagnement, et un temps d'échange avec les résidents",
	}
	logistics = sector{
		key: "logistique",
		jobs: []job{
			{"N1103", "préparateur·rice de commandes", "CAP Opérateur/opératrice logistique"},
			{"N4105", "conducteur·rice-livreur·se", "titre professionnel Conducteur livreur sur véhicule utilitaire léger"},
		},
		activities: []string{
			"livre chaque jour commerces et particuliers depuis ses entrepôts de la boucle nord.",
			"organise des livraisons à vélo cargo, sans émission, dans les centres-villes.",
		},
		missions: []string{
			"Vous préparerez les commandes et vérifierez leur conformité avant expédition.",
			"Vous participerez au chargement des véhicules et au suivi des tournées.",
		},
		visit: "l'entrepôt, le circuit d'une commande de la réception à la livraison et les outils de suivi",
	}
	hospitality = sector{
		key: "hotellerie",
		jobs: []job{
			{"G1703", "réceptionniste", "BTS Management en hôtellerie-restauration"},
			{"G1803", "serveur·se", "CAP Commercialisation et services en hôtel-café-restaurant"},
		},
		activities: []string{
			"accueille une clientèle d'affaires et de touristes à deux pas de La Défense.",
		},
		missions: []string{
			"Vous accueillerez les clients et gérerez les arrivées et les départs.",
			"Vous assurerez le service en salle et la mise en place du restaurant.",
		},
		visit: "la réception, les chambres, les cuisines et la découverte des métiers de l'hôtellerie",
	}
	environment = sector{
		key: "environnement",
		jobs: []job{
			{"A1203", "agent·e d'entretien des espaces verts", "CAP Jardinier paysagiste"},
			{"A1208", "jardinier·ère paysagiste", "bac pro Aménagements paysagers"},
			{"K2304", "agent·e de tri", "CAP Gestion des déchets et propreté urbaine"},
			{"I1619", "mécanicien·ne cycles", "CAP Maintenance des véhicules option cycles"},
		},
		activities: []string{
			"entretient parcs, jardins partagés et berges de Seine, en employant des personnes en insertion.",
			"collecte, répare et revend vélos et objets du quotidien pour réduire les déchets.",
		},
		missions: []string{
			"Vous participerez à l'entretien des espaces verts et aux plantations de saison.",
			"Vous trierez et remettrez en état les objets collectés.",
			"Vous apprendrez à réparer un vélo et à conseiller les cyclistes.",
		},
		visit: "les ateliers de réparation, la recyclerie et les jardins entretenus par l'équipe",
	}
	leisure = sector{
		key: "animation",
		jobs: []job{
			{"G1202", "animateur·rice d'atelier", "BPJEPS Animation sociale"},
			{"G1238", "animateur·rice d'atelier multimédia", "BPJEPS Animation culturelle"},
			{"K1213", "médiateur·rice culturel·le", "licence professionnelle Médiation culturelle"},
		},
		activities: []string{
			"propose aux enfants et aux familles des ateliers culturels, sportifs et numériques.",
			"fait vivre le théâtre et les arts de la rue dans les quartiers.",
		},
		missions: []string{
			"Vous aiderez à préparer et à animer des ateliers pour des enfants de 6 à 12 ans.",
			"Vous participerez à l'organisation d'un événement ouvert aux habitants.",
		},
		visit: "les salles d'activité, un atelier en cours et la préparation d'un spectacle",
	}
	office = sector{
		key: "gestion",
		jobs: []job{
			{"M1203", "comptable", "BTS Comptabilité et gestion"},
			{"M1607", "secrétaire", "bac pro Assistance à la gestion des organisations et de leurs activités"},
			{"C1206", "conseiller·ère de clientèle bancaire", "BTS Banque, conseiller de clientèle"},
		},
		activities: []string{
			"accompagne artisans, commerçants et associations dans leur gestion et leur comptabilité.",
			"conseille les particuliers et les professionnels des Hauts-de-Seine depuis ses agences.",
		},
		missions: []string{
			"Vous participerez à la saisie et au classement des pièces comptables.",
			"Vous accueillerez les clients au téléphone et préparerez leurs rendez-vous.",
		},
		visit: "les différents services, du guichet au back-office, et les métiers de la gestion",
	}
	garage = sector{
		key: "automobile",
		jobs: []job{
			{"I1604", "mécanicien·ne automobile", "CAP Maintenance des véhicules"},
			{"I1621", "carrossier·ère", "CAP Carrossier automobile"},
		},
		activities: []string{
			"entretient et répare les véhicules de toutes marques, particuliers comme flottes d'entreprise.",
		},
		missions: []string{
			"Vous réaliserez les vidanges, le remplacement des pneus et des freins.",
			"Vous apprendrez à utiliser la valise de diagnostic électronique.",
		},
		visit: "l'atelier, la valise de diagnostic et le travail de carrosserie",
	}
)

// sectors lists every sector, for interests and tests.
var sectors = []*sector{&earlyChildhood, &computing, &food, &retail, &building, &care, &logistics,
	&hospitality, &environment, &leisure, &office, &garage}
