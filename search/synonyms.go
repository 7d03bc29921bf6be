package search

// Synonyms are groups of words or phrases that youths, counsellors and
// employers use for the same thing. Each group is equivalent both ways, and
// both engines are configured from this one list. The first member of a
// group is its shortest form: engines that cannot expand long phrases use it.
var Synonyms = [][]string{
	{"dev", "développeur", "développeuse", "programmeur"},
	{"informatique", "numérique"},
	{"boulanger", "boulangère", "boulangerie"},
	{"pâtissier", "pâtissière", "pâtisserie"},
	{"boucher", "bouchère", "boucherie"},
	{"cuisinier", "cuisinière", "cuisine"},
	{"crèche", "petite enfance"},
	{"aide puéricultrice", "auxiliaire de puériculture"},
	{"alternance", "apprentissage", "apprenti", "contrat pro"},
	{"ess", "économie sociale et solidaire"},
	{"3e", "troisième"},
	{"animateur", "animatrice", "bafa"},
	{"vendeur", "vendeuse", "commerce"},
	{"aide-soignant", "aide-soignante"},
}
