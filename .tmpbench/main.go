package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"passerelle/search/bench"
	"passerelle/search/embedded"
	"passerelle/search/meili"
	"passerelle/search/searchtest"
)

func main() {
	docs := flag.Int("docs", 100000, "")
	only := flag.String("only", "", "")
	flag.Parse()
	ctx := context.Background()
	tmp, _ := os.MkdirTemp("", "zzbench-")
	defer os.RemoveAll(tmp)
	offers, mix := searchtest.Generate(*docs), bench.Mix(1000)
	var reports []*bench.Report
	if *only != "meilisearch" {
		dir := filepath.Join(tmp, "embedded")
		e, err := embedded.Open(dir)
		if err != nil {
			panic(err)
		}
		r, err := bench.Measure(ctx, bench.Subject{Name: "embedded", Engine: e, Dir: dir}, offers, mix)
		if err != nil {
			panic(err)
		}
		reports = append(reports, r)
		e.Close()
	}
	if *only != "embedded" {
		bin, _ := searchtest.Binary()
		server, err := searchtest.Launch(bin, filepath.Join(tmp, "meili"))
		if err != nil {
			panic(err)
		}
		defer server.Stop()
		m, err := meili.New(ctx, meili.Config{URL: server.URL, APIKey: server.Key, Index: "bench", Places: searchtest.Places()})
		if err != nil {
			panic(err)
		}
		r, err := bench.Measure(ctx, bench.Subject{Name: "meilisearch", Engine: m, Dir: server.DataDir()}, offers, mix)
		if err != nil {
			panic(err)
		}
		reports = append(reports, r)
	}
	bench.Print(os.Stdout, reports)
	fmt.Println()
}
