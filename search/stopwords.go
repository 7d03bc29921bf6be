package search

// StopWords are French words too common to tell offers apart: articles,
// pronouns, prepositions and conjunctions. Unlike the usual lists it keeps
// verbs, so that "été" (a summer job) stays searchable.
var StopWords = []string{
	"a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du",
	"elle", "elles", "en", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs",
	"lui", "ma", "mais", "me", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou",
	"où", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te",
	"tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "d", "l", "j", "m", "n", "s",
	"t", "y",
}
