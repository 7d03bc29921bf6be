package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/search"
	"passerelle/search/relevance"
)

// relevanceCorpusDay is the day the corpus of the judged set is generated
// for: the demo data set changes with the day, the corpus must not.
var relevanceCorpusDay = time.Date(2026, time.September, 1, 12, 0, 0, 0, time.UTC)

// benchRelevance measures the ranking of both engines on the judged set
// (`bench relevance`); --write generates the corpus from the demo data and
// grades it again by the rules, --record keeps the figures as the floor of
// the relevance test.
func benchRelevance(ctx context.Context, env *cliEnv, args []string) error {
	fs := env.flags("bench relevance", "bench relevance [--data DOSSIER] [--write] [--record] [--meilisearch-url URL --meilisearch-key CLÉ]")
	dir := fs.String("data", filepath.Join("search", "relevance", "testdata"), "dossier du jeu jugé")
	write := fs.Bool("write", false, "régénérer le corpus depuis les données de démonstration et les jugements depuis les règles")
	record := fs.Bool("record", false, "enregistrer les mesures comme plancher du test")
	url := fs.String("meilisearch-url", "", "Meilisearch déjà lancé (sinon $MEILISEARCH_BIN est démarré)")
	key := fs.String("meilisearch-key", "", "clé maîtresse de ce Meilisearch")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *write {
		if err := writeJudgedSet(*dir); err != nil {
			return err
		}
	}
	set, err := relevance.Load(*dir)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "passerelle-relevance-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	subjects, stop, err := benchSubjects(ctx, env, tmp, *url, *key, "relevance", passerelle.SearchPlaces())
	defer stop()
	if err != nil {
		return err
	}
	var engines []relevance.Engine
	for _, s := range subjects {
		if err := s.Engine.Index(ctx, set.Corpus...); err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		engines = append(engines, relevance.Engine{Name: s.Name, Engine: s.Engine})
	}
	report, err := relevance.Measure(ctx, set, engines)
	if err != nil {
		return err
	}
	report.Print(env.stdout)
	if *record {
		return relevance.WriteJSON(filepath.Join(*dir, relevance.RecordedFile), report.Measures)
	}
	return nil
}

// writeJudgedSet writes the corpus, the published offers of the demo data
// set of relevanceCorpusDay, and grades it for the queries by the rules.
func writeJudgedSet(dir string) error {
	var corpus []search.Offer
	for _, o := range demo.Generate(relevanceCorpusDay).Offers {
		if o.Status == domain.OfferPublished {
			corpus = append(corpus, passerelle.SearchDocument(o))
		}
	}
	var queries []relevance.Query
	if err := readQueries(dir, &queries); err != nil {
		return err
	}
	if err := relevance.WriteJSON(filepath.Join(dir, relevance.CorpusFile), corpus); err != nil {
		return err
	}
	return relevance.WriteJSON(filepath.Join(dir, relevance.JudgementsFile), relevance.JudgeAll(corpus, queries))
}

func readQueries(dir string, into *[]relevance.Query) error {
	return relevance.ReadJSON(filepath.Join(dir, relevance.QueriesFile), into)
}
