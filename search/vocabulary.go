package search

// Families of the vocabulary, one per way people name what they look for.
// Job titles (FamilyJobTitle) are not listed below: they come with each
// offer, as the masculine and feminine forms of its ROME labels (JobForms).
const (
	FamilyJobTitle       = "job_title"       // ROME labels, both forms
	FamilyEveryday       = "everyday"        // short and everyday names
	FamilyEarlyChildhood = "early_childhood" // petite enfance words
	FamilyESS            = "ess"             // social and solidarity economy
	FamilySpelling       = "spelling"        // misspellings and phonetic forms beyond typo tolerance
	FamilyLoanword       = "loanword"        // English words used in France
	FamilySchool         = "school"          // diplomas, contracts and school internships
)

// Entry is a group of words that name the same jobs or the same kind of
// offer. Each offer whose ROME code starts with one of ROME, or whose type is
// one of Types, holds the words as searchable text (OfferTerms); a group of
// two words or more is also a synonym group of both engines.
type Entry struct {
	Family string
	Words  []string // the first is the form suggestions show
	ROME   []string // ROME codes or code prefixes ("M18": every information-systems job)
	Types  []string // offer types
}

// Vocabulary is the youths' vocabulary, shared by both engines.
//
// Sources: the ROME v4.60 repertory of France Travail (codes and labels,
// app/refdata/data/SOURCES.md) for which jobs each word names; the
// "appellations" that ROME lists under each job for the everyday names
// (cuistot, mécano, nounou…); the Éducation nationale's names of diplomas and
// internships (CAP, bac pro, BTS, stage d'observation de 3e, stage de seconde);
// the ESS vocabulary of ESS France and the Réseau des ressourceries; and, for
// misspellings and phonetic forms, what youths typed in the demo's saved
// searches and the project's user tests, kept when typo tolerance (one typo
// from 5 letters, two from 9) does not already forgive them.
var Vocabulary = []Entry{
	// Short and everyday names.
	{FamilyEveryday, []string{"cuisinier", "cuisto", "cuistot", "cuisine", "commis"}, []string{"G1602", "G1606", "G1609", "G1610"}, nil},
	{FamilyEveryday, []string{"informatique", "info", "numérique", "informaticien", "informaticienne"}, []string{"M18"}, nil},
	{FamilyEveryday, []string{"développeur", "dev", "développeuse", "programmeur", "programmeuse", "codeur", "codeuse"}, []string{"M1805", "M1855", "M1861", "M1831", "M1837"}, nil},
	{FamilyEveryday, []string{"mécanicien", "mécano", "mécanicienne", "garagiste"}, []string{"I1604", "I1607", "I1613", "I1619", "I1624"}, nil},
	{FamilyEveryday, []string{"boulanger", "boulangère", "boulangerie", "boulange"}, []string{"D1102", "D1108"}, nil},
	{FamilyEveryday, []string{"pâtissier", "pâtissière", "pâtisserie"}, []string{"D1104", "D1117", "G1610"}, nil},
	{FamilyEveryday, []string{"boucher", "bouchère", "boucherie"}, []string{"D1101", "D1109"}, nil},
	{FamilyEveryday, []string{"chocolatier", "chocolatière", "chocolaterie", "chocolat"}, []string{"D1115"}, nil},
	{FamilyEveryday, []string{"serveur", "serveuse", "service en salle"}, []string{"G1803"}, nil},
	{FamilyEveryday, []string{"vendeur", "vendeuse", "commerce", "magasin", "boutique"}, []string{"D1106", "D1110", "D1214", "D15"}, nil},
	{FamilyEveryday, []string{"caissier", "caissière", "caisse"}, []string{"D1505"}, nil},
	{FamilyEveryday, []string{"électricien", "électricienne", "élec", "électricité"}, []string{"F1602", "F1628", "F1629"}, nil},
	{FamilyEveryday, []string{"plombier", "plombière", "plomberie"}, []string{"F1603"}, nil},
	{FamilyEveryday, []string{"maçon", "maçonne", "maçonnerie", "chantier", "btp", "bâtiment"}, []string{"F1703", "F1707", "F1602", "F1603", "I1203"}, nil},
	{FamilyEveryday, []string{"jardinier", "jardinière", "paysagiste", "espaces verts", "jardin"}, []string{"A1203", "A1208", "A1211"}, nil},
	{FamilyEveryday, []string{"carrossier", "carrossière", "carrosserie", "tôlier"}, []string{"I1621"}, nil},
	{FamilyEveryday, []string{"vélo", "cycles", "réparateur vélo"}, []string{"I1619", "I1628"}, nil},
	{FamilyEveryday, []string{"animateur", "animatrice", "anim", "bafa", "centre de loisirs", "périscolaire"}, []string{"G1202", "G1238", "K1206", "K1217"}, nil},
	{FamilyEveryday, []string{"secrétaire", "secrétariat", "assistant administratif", "administratif"}, []string{"M1607", "M1612", "M1613"}, nil},
	{FamilyEveryday, []string{"comptable", "compta", "comptabilité"}, []string{"M1203", "M1213", "M1225"}, nil},
	{FamilyEveryday, []string{"banque", "banquier", "conseiller bancaire", "conseillère bancaire"}, []string{"C1206", "C1208"}, nil},
	{FamilyEveryday, []string{"aide-soignant", "aide-soignante", "soignant", "soignante"}, []string{"J1501"}, nil},
	{FamilyEveryday, []string{"auxiliaire de vie", "aide à domicile", "avs", "personnes âgées", "assistant de vie", "assistante de vie"}, []string{"K1302", "K1311", "K1314", "K1306"}, nil},
	{FamilyEveryday, []string{"livreur", "livreuse", "livraison", "coursier", "chauffeur-livreur"}, []string{"N4105", "N4120", "N4121"}, nil},
	{FamilyEveryday, []string{"logistique", "entrepôt", "magasinier", "préparateur de commandes", "cariste"}, []string{"N1103", "N1110", "N1113", "N1115"}, nil},
	{FamilyEveryday, []string{"réceptionniste", "hôtel", "hôtellerie", "accueil hôtel"}, []string{"G1703", "G1704", "G1706"}, nil},
	{FamilyEveryday, []string{"médiateur", "médiatrice", "médiation"}, []string{"K1204", "K1213", "K1220", "K1226"}, nil},
	{FamilyEveryday, []string{"agent d'entretien", "agente d'entretien", "ménage"}, []string{"I1203", "A1203"}, nil},

	// Petite enfance.
	{FamilyEarlyChildhood, []string{"crèche", "petite enfance", "bébés", "tout-petits", "multi-accueil"}, []string{"K1303", "K1307", "K1308", "K1310", "K1314", "J1304"}, nil},
	{FamilyEarlyChildhood, []string{"nounou", "baby-sitting", "babysitting", "baby-sitter", "garde d'enfants", "assistante maternelle"}, []string{"K1303", "K1310", "K1313"}, nil},
	{FamilyEarlyChildhood, []string{"auxiliaire de puériculture", "aide puéricultrice", "auxi de puer", "puéricultrice", "puériculture"}, []string{"J1304"}, nil},
	{FamilyEarlyChildhood, []string{"atsem", "maternelle"}, []string{"K1308"}, nil},
	{FamilyEarlyChildhood, []string{"cap aepe", "cap petite enfance", "éveil"}, []string{"K1303", "K1307", "K1314", "J1304"}, nil},

	// Social and solidarity economy.
	{FamilyESS, []string{"ess", "économie sociale et solidaire", "solidaire", "économie solidaire"}, nil, []string{"ess_discovery"}},
	{FamilyESS, []string{"ressourcerie", "recyclerie", "réemploi", "seconde main", "récup", "upcycling"}, []string{"K2304", "K2308", "K2309", "K1224"}, nil},
	{FamilyESS, []string{"tri", "recyclage", "déchets", "agent de tri"}, []string{"K2304", "K2308", "K2309", "N4118"}, nil},
	{FamilyESS, []string{"insertion", "chantier d'insertion", "encadrant technique", "entreprise d'insertion"}, []string{"K1224"}, nil},
	{FamilyESS, []string{"association", "asso", "bénévolat", "coopérative", "scop"}, nil, []string{"ess_discovery"}},

	// Misspellings and phonetic forms that typo tolerance does not forgive.
	{FamilySpelling, []string{"informatique", "informatik", "informatic", "enformatique", "infomatik"}, []string{"M18"}, nil},
	{FamilySpelling, []string{"cuisinier", "cuizinier", "cuizinié", "kuisinier", "cuisinié", "cuisiniere"}, []string{"G1602", "G1606", "G1609"}, nil},
	{FamilySpelling, []string{"boulanger", "boulangé", "boulangère", "boulenjer", "boulanjé"}, []string{"D1102", "D1108"}, nil},
	{FamilySpelling, []string{"pâtissier", "patissié", "pâtissière", "patisier", "pattissier", "pâtissiére"}, []string{"D1104", "D1117", "G1610"}, nil},
	{FamilySpelling, []string{"mécanicien", "mékanicien", "mecanissien", "mécanicienne", "mécanisienne"}, []string{"I1604", "I1607", "I1619"}, nil},
	{FamilySpelling, []string{"électricien", "électrissien", "éléctricien", "lectricien"}, []string{"F1602"}, nil},
	{FamilySpelling, []string{"secrétaire", "secrétère", "sekretaire", "secretère"}, []string{"M1607"}, nil},
	{FamilySpelling, []string{"crèche", "creche", "crêche", "crech"}, []string{"K1303", "K1307", "J1304"}, nil},
	{FamilySpelling, []string{"puériculture", "puericulture", "puéricultrise", "puericultrisse"}, []string{"J1304"}, nil},
	{FamilySpelling, []string{"développeur", "devloppeur", "développeure", "devlopeur", "développeuze"}, []string{"M1805", "M1855"}, nil},

	// English loanwords used in France.
	{FamilyLoanword, []string{"dev web", "développeur web", "web dev", "webdev", "front-end", "back-end", "fullstack", "full stack"}, []string{"M1855", "M1805"}, nil},
	{FamilyLoanword, []string{"community manager", "social media", "réseaux sociaux", "cm"}, []string{"E1101", "E1124", "E1103", "E1112"}, nil},
	{FamilyLoanword, []string{"data", "data analyst", "data scientist", "big data", "données"}, []string{"M1405", "M1419", "M1423", "M1811", "M1851"}, nil},
	{FamilyLoanword, []string{"food truck", "foodtruck", "street food", "restauration ambulante"}, []string{"G1613", "G1602", "G1609", "G1604"}, nil},
	{FamilyLoanword, []string{"cloud", "devops", "sysadmin", "admin système"}, []string{"M1876", "M1827"}, nil},
	{FamilyLoanword, []string{"cybersécurité", "cyber", "soc", "hacker", "sécurité informatique"}, []string{"M1883", "M1844"}, nil},
	{FamilyLoanword, []string{"helpdesk", "hotline", "assistance informatique"}, []string{"M1810", "M1869", "M1816"}, nil},
	{FamilyLoanword, []string{"barista", "coffee shop"}, []string{"G1803", "D1114"}, nil},
	{FamilyLoanword, []string{"fast-food", "fast food", "restauration rapide", "équipier"}, []string{"G1603"}, nil},
	{FamilyLoanword, []string{"drive", "e-commerce", "click and collect"}, []string{"N1113", "E1113", "D1507"}, nil},

	// School words: diplomas, contracts and internships.
	{FamilySchool, []string{"alternance", "alternant", "alternante", "apprentissage", "apprenti", "apprentie"}, nil, []string{"apprenticeship", "professionalisation"}},
	{FamilySchool, []string{"contrat pro", "contrat de professionnalisation", "professionnalisation"}, nil, []string{"professionalisation"}},
	{FamilySchool, []string{"cap"}, nil, []string{"apprenticeship", "professionalisation"}},
	{FamilySchool, []string{"bac pro", "baccalauréat professionnel"}, nil, []string{"apprenticeship", "professionalisation"}},
	{FamilySchool, []string{"bts", "bachelor"}, nil, []string{"apprenticeship", "professionalisation"}},
	{FamilySchool, []string{"stage de 3e", "stage de troisième", "stage 3e", "stage troisième", "3e", "troisième"}, nil, []string{"internship_3e"}},
	{FamilySchool, []string{"stage de seconde", "stage de 2nde", "stage seconde", "stage 2nde", "seconde", "2nde"}, nil, []string{"internship_2nde"}},
	{FamilySchool, []string{"stage", "stagiaire", "période de formation", "pfmp"}, nil, []string{"internship", "internship_3e", "internship_2nde"}},
	{FamilySchool, []string{"job", "job d'été", "job étudiant", "petit boulot", "taf", "taff", "boulot"}, nil, []string{"job"}},
	{FamilySchool, []string{"visite", "visite d'entreprise", "découverte", "portes ouvertes"}, nil, []string{"visit"}},
}
