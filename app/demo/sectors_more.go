package demo

var environment = sector{
	key: "environnement",
	trades: []trade{
		{"entretient parcs, jardins partagés et berges de Seine, en employant des personnes en insertion.", []string{"A1203", "A1208"}},
		{"collecte, trie et revend les objets du quotidien pour réduire les déchets.", []string{"K2304"}},
		{"répare et revend des vélos d'occasion, et apprend aux habitants à entretenir le leur.", []string{"I1619"}},
	},
	jobs: []job{
		{"A1203", "agent·e d'entretien des espaces verts", "CAP Jardinier paysagiste", [2]string{
			"Vous participerez à la tonte, à la taille et aux plantations de saison.",
			"Vous apprendrez à utiliser le matériel en sécurité."}},
		{"A1208", "jardinier·ère paysagiste", "bac pro Aménagements paysagers", [2]string{
			"Vous participerez à la création de massifs et de jardins partagés.",
			"Vous découvrirez la gestion écologique des espaces verts, sans pesticides."}},
		{"K2304", "agent·e de tri", "CAP Gestion des déchets et propreté urbaine", [2]string{
			"Vous trierez les objets collectés et préparerez ceux qui seront revendus.",
			"Vous accueillerez les habitants qui viennent déposer ou acheter."}},
		{"I1619", "mécanicien·ne cycles", "CAP Maintenance des véhicules option cycles", [2]string{
			"Vous apprendrez à régler les freins, changer une chambre à air et réviser une transmission.",
			"Vous conseillerez les cyclistes venus réparer leur vélo à l'atelier."}},
	},
	visit: "les ateliers de réparation, la recyclerie et les jardins entretenus par l'équipe",
}

var leisure = sector{
	key: "animation",
	trades: []trade{
		{"propose aux enfants et aux familles des ateliers culturels, sportifs et numériques.", []string{"G1202", "G1238"}},
		{"fait vivre le théâtre et les arts de la rue dans les quartiers.", []string{"K1213", "G1202"}},
	},
	jobs: []job{
		{"G1202", "animateur·rice d'atelier", "BPJEPS Animation sociale", [2]string{
			"Vous aiderez à préparer et à animer des ateliers pour des enfants de 6 à 12 ans.",
			"Vous participerez à l'organisation d'un événement ouvert aux habitants."}},
		{"G1238", "animateur·rice d'atelier multimédia", "BPJEPS Animation culturelle", [2]string{
			"Vous animerez des initiations à la vidéo, au montage et à la programmation.",
			"Vous accompagnerez les seniors dans leurs premiers pas sur internet."}},
		{"K1213", "médiateur·rice culturel·le", "licence professionnelle Médiation culturelle", [2]string{
			"Vous accueillerez les publics et présenterez les spectacles de la saison.",
			"Vous préparerez des actions avec les écoles et les centres sociaux."}},
	},
	visit: "les salles d'activité, un atelier en cours et la préparation d'un spectacle",
}

var office = sector{
	key: "gestion",
	trades: []trade{
		{"accompagne artisans, commerçants et associations dans leur gestion et leur comptabilité.", []string{"M1203", "M1607"}},
		{"conseille les particuliers et les professionnels des Hauts-de-Seine depuis ses agences.", []string{"C1206", "M1607"}},
	},
	jobs: []job{
		{"M1203", "comptable", "BTS Comptabilité et gestion", [2]string{
			"Vous participerez à la saisie et au classement des pièces comptables.",
			"Vous préparerez les déclarations avec les collaborateurs du cabinet."}},
		{"M1607", "secrétaire", "bac pro Assistance à la gestion des organisations et de leurs activités", [2]string{
			"Vous accueillerez les clients au téléphone et préparerez leurs rendez-vous.",
			"Vous rédigerez des courriers et tiendrez les agendas de l'équipe."}},
		{"C1206", "conseiller·ère de clientèle bancaire", "BTS Banque, conseiller de clientèle", [2]string{
			"Vous accueillerez les clients en agence et répondrez à leurs questions courantes.",
			"Vous apprendrez à présenter les comptes et les moyens de paiement adaptés à chacun."}},
	},
	visit: "les différents services, du guichet au back-office, et les métiers de la gestion",
}

var garage = sector{
	key: "automobile",
	trades: []trade{
		{"entretient et répare les véhicules de toutes marques, particuliers comme flottes d'entreprise.", []string{"I1604", "I1621"}},
	},
	jobs: []job{
		{"I1604", "mécanicien·ne automobile", "CAP Maintenance des véhicules", [2]string{
			"Vous réaliserez les vidanges, le remplacement des pneus et des freins.",
			"Vous apprendrez à utiliser la valise de diagnostic électronique."}},
		{"I1621", "carrossier·ère", "CAP Carrossier automobile", [2]string{
			"Vous apprendrez à redresser et remplacer des éléments de carrosserie.",
			"Vous préparerez les surfaces avant la mise en peinture."}},
	},
	visit: "l'atelier, la valise de diagnostic et le travail de carrosserie",
}

// sectors lists every sector, for interests and tests.
var sectors = []*sector{&earlyChildhood, &computing, &food, &retail, &building, &care, &logistics,
	&hospitality, &environment, &leisure, &office, &garage}
