package relevance_test

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"passerelle/search"
	"passerelle/search/embedded"
	"passerelle/search/meili"
	"passerelle/search/relevance"
	"passerelle/search/searchtest"
)

// maxDrop is how far nDCG@10 may fall below the recorded figure.
const maxDrop = 0.02

// TestRankingKeepsItsQuality measures both engines on the judged set and
// fails when nDCG@10 falls more than maxDrop below the figure recorded by
// `bench relevance --record`. It is a floor on quality, not on speed.
func TestRankingKeepsItsQuality(t *testing.T) {
	set, err := relevance.Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var recorded map[string]relevance.Measures
	if err := relevance.ReadJSON(filepath.Join("testdata", relevance.RecordedFile), &recorded); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	local, err := embedded.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	server := searchtest.RunMeilisearch(t)
	remote, err := meili.New(ctx, meili.Config{URL: server.URL, APIKey: server.Key, Index: "relevance"})
	if err != nil {
		t.Fatal(err)
	}
	defer remote.Close()
	engines := []relevance.Engine{{Name: "embedded", Engine: local}, {Name: "meilisearch", Engine: remote}}
	for _, e := range engines {
		if err := e.Engine.Index(ctx, set.Corpus...); err != nil {
			t.Fatal(err)
		}
	}
	report, err := relevance.Measure(ctx, set, engines)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range engines {
		got, floor := report.Measures[e.Name].NDCG, recorded[e.Name].NDCG-maxDrop
		if got < floor {
			t.Errorf("%s: nDCG@10 %.3f, below the recorded %.3f by more than %.2f", e.Name, got, recorded[e.Name].NDCG, maxDrop)
		}
		t.Logf("%s: nDCG@10 %.3f (recorded %.3f)", e.Name, got, recorded[e.Name].NDCG)
	}
}

func TestJudgeFollowsItsRules(t *testing.T) {
	o := search.Offer{ID: "o", Type: "internship", ROMECodes: []string{"G1609"}, TensionFamily: "metiers_de_bouche", CommuneCode: "92050"}
	for _, c := range []struct {
		why    string
		intent relevance.Intent
		want   int
	}{
		{"the job", relevance.Intent{ROME: []string{"G1609"}}, relevance.Relevant},
		{"a code prefix", relevance.Intent{ROME: []string{"G16"}}, relevance.Relevant},
		{"the family only", relevance.Intent{ROME: []string{"D1102"}, Family: "metiers_de_bouche"}, relevance.Partly},
		{"another job", relevance.Intent{ROME: []string{"D1102"}}, relevance.NotRelevant},
		{"another type", relevance.Intent{ROME: []string{"G1609"}, Types: []string{"apprenticeship"}}, relevance.Partly},
		{"a type only", relevance.Intent{Types: []string{"internship"}}, relevance.Relevant},
		{"not ESS", relevance.Intent{ESS: true}, relevance.Partly},
		{"elsewhere", relevance.Intent{ROME: []string{"G1609"}, Communes: []string{"92002"}}, relevance.NotRelevant},
	} {
		if got := relevance.Judge(c.intent, o); got != c.want {
			t.Errorf("%s: grade %d, want %d", c.why, got, c.want)
		}
	}
}

func TestMeasures(t *testing.T) {
	grades := map[string]int{"a": 3, "b": 3, "c": 1}
	if got := relevance.NDCG([]string{"a", "b", "c"}, grades, 10); math.Abs(got-1) > 1e-9 {
		t.Errorf("ideal ranking nDCG = %v, want 1", got)
	}
	if got := relevance.NDCG([]string{"x", "y"}, grades, 10); got != 0 {
		t.Errorf("nothing relevant nDCG = %v, want 0", got)
	}
	worse := relevance.NDCG([]string{"c", "a", "b"}, grades, 10)
	if worse <= 0 || worse >= 1 {
		t.Errorf("partly relevant first nDCG = %v, want between 0 and 1", worse)
	}
	if got := relevance.Recall([]string{"a", "x", "c"}, grades, 20); got != 0.5 {
		t.Errorf("recall = %v, want 0.5 (a of a and b)", got)
	}
}
