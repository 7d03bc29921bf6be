package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"passerelle/search"
	"passerelle/search/bench"
	"passerelle/search/embedded"
	"passerelle/search/meili"
	"passerelle/search/meiliserver"
	"passerelle/search/sample"
)

// cmdBench measures the search engines (`bench search --docs N`) or the
// pages of a running platform (`bench load --url URL`, see cmd_bench_load.go),
// and checks the seats of the database after a booking load (`bench seats`).
func cmdBench(ctx context.Context, env *cliEnv, args []string) error {
	switch {
	case len(args) > 0 && args[0] == "search":
		return benchSearch(ctx, env, args[1:])
	case len(args) > 0 && args[0] == "load":
		return benchLoad(ctx, env, args[1:])
	case len(args) > 0 && args[0] == "seats":
		return benchSeats(ctx, env, args[1:])
	case len(args) > 0 && args[0] == "relevance":
		return benchRelevance(ctx, env, args[1:])
	}
	return usageError{"usage : bench search [OPTIONS], bench load --url URL [OPTIONS], bench seats ou bench relevance [OPTIONS] ; voir --help"}
}

func benchSearch(ctx context.Context, env *cliEnv, args []string) error {
	fs := env.flags("bench search", "bench search [--docs N] [--queries N] [--meilisearch-url URL --meilisearch-key CLÉ]")
	docs := fs.Int("docs", 10_000, "nombre d'offres générées")
	queries := fs.Int("queries", 1000, "nombre de requêtes mesurées")
	url := fs.String("meilisearch-url", "", "Meilisearch déjà lancé (sinon $MEILISEARCH_BIN est démarré)")
	key := fs.String("meilisearch-key", "", "clé maîtresse de ce Meilisearch")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *docs < 1 || *queries < 1 {
		return usageError{"--docs et --queries doivent être positifs"}
	}
	tmp, err := os.MkdirTemp("", "passerelle-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// One index per size: the same size always generates the same offers.
	subjects, stop, err := benchSubjects(ctx, env, tmp, *url, *key, fmt.Sprintf("bench_%d", *docs), sample.Places())
	defer stop()
	if err != nil {
		return err
	}
	offers, mix := sample.Generate(*docs), bench.Mix(*queries)
	var reports []*bench.Report
	for _, s := range subjects {
		r, err := bench.Measure(ctx, s, offers, mix)
		// Closed once measured: the embedded engine merges its new segments
		// in the background, which took the cores from the next engine's
		// queries (stop closes it again: a no-op).
		if closeErr := s.Engine.Close(); err == nil {
			err = closeErr
		}
		if err != nil {
			return err
		}
		reports = append(reports, r)
	}
	bench.Print(env.stdout, reports)
	return nil
}

// benchSubjects opens the embedded engine in tmp, and Meilisearch at url or
// started from its binary; without either, Meilisearch is left out.
func benchSubjects(ctx context.Context, env *cliEnv, tmp, url, key, index string, places []search.Place) ([]bench.Subject, func(), error) {
	dir := filepath.Join(tmp, "embedded")
	local, err := embedded.Open(dir)
	if err != nil {
		return nil, func() {}, err
	}
	local.DisableCache() // the mix repeats its queries: measure the engine, not its cache
	subjects := []bench.Subject{{Name: "embedded", Engine: local, Dir: dir}}
	stop := func() { _ = local.Close() }
	meiliDir := ""
	if url == "" {
		bin, err := meiliserver.Binary()
		if err != nil {
			fmt.Fprintln(env.stderr, "Meilisearch non mesuré :", err)
			return subjects, stop, nil
		}
		server, err := meiliserver.Launch(bin, filepath.Join(tmp, "meilisearch"))
		if err != nil {
			return subjects, stop, err
		}
		stop = func() { _ = local.Close(); server.Stop() }
		url, key, meiliDir = server.URL, server.Key, server.DataDir()
	}
	remote, err := meili.New(ctx, meili.Config{URL: url, APIKey: key, Index: index, Places: places})
	if err != nil {
		return subjects, stop, err
	}
	return append(subjects, bench.Subject{Name: "meilisearch", Engine: remote, Dir: meiliDir}), stop, nil
}
