package demo

// Streets found in most communes of the 92, for invented addresses.
var streets = []string{
	"rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard du Général Leclerc",
	"rue Gabriel Péri", "avenue de Verdun", "rue Pasteur", "rue des Écoles", "place du Marché",
	"rue de Paris", "allée des Tilleuls", "rue Jean Moulin", "avenue Pierre Brossolette", "rue Émile Zola",
	"rue du 8 Mai 1945", "avenue Aristide Briand", "rue Henri Barbusse", "rue de la Gare",
	"boulevard de la Liberté", "rue Carnot", "avenue Édouard Vaillant", "rue Marcelin Berthelot",
}

// First names common among people born in France from 2000 to 2012.
var firstNames = []string{
	"Adam", "Aya", "Camille", "Chloé", "Emma", "Enzo", "Fatou", "Gabriel", "Hugo", "Ibrahim", "Inès",
	"Jade", "Jules", "Kenza", "Léa", "Léo", "Lina", "Louis", "Lucas", "Maël", "Manon", "Mathis",
	"Mohamed", "Nathan", "Nour", "Océane", "Rayan", "Sacha", "Sarah", "Sofiane", "Théo", "Yanis",
	"Yasmine", "Zoé", "Ryan", "Anaïs", "Moussa", "Clara", "Noah", "Awa", "Thomas", "Maëlys",
}

var lastNames = []string{
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Simon",
	"Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
	"Benali", "Diallo", "Traoré", "Nguyen", "Haddad", "Da Silva", "Mendy", "Kone", "Cohen", "Rousseau",
	"Bonnet", "Chevalier", "Lambert", "Fontaine", "Mercier", "Blanc", "Guerin", "Boyer", "Camara",
}
