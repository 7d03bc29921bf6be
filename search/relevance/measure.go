package relevance

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"text/tabwriter"

	"passerelle/search"
)

// Depths of the measures.
const (
	NDCGDepth      = 10
	RecallDepth    = 20
	AgreementDepth = 3
)

// Measures are one engine's figures over the judged set.
type Measures struct {
	NDCG       float64 `json:"ndcg_at_10"`
	Recall     float64 `json:"recall_at_20"`
	ZeroResult float64 `json:"zero_result_rate"`
}

// Report holds every engine's measures, the queries each ranked worst, and
// the top-3 agreement between the first two engines.
type Report struct {
	Engines   []string
	Measures  map[string]Measures
	Worst     map[string][]Scored
	Agreement float64
	Queries   int
}

// Scored is one query's nDCG@10 on an engine.
type Scored struct {
	Query Query
	NDCG  float64
	Top   []string
}

// Engine is one engine to measure, loaded with the corpus.
type Engine struct {
	Name   string
	Engine search.Engine
}

// Measure runs every query of the set on every engine.
func Measure(ctx context.Context, set *Set, engines []Engine) (*Report, error) {
	r := &Report{Measures: map[string]Measures{}, Worst: map[string][]Scored{}, Queries: len(set.Queries)}
	tops := map[string][][]string{}
	for _, e := range engines {
		r.Engines = append(r.Engines, e.Name)
		var m Measures
		var scored []Scored
		for _, q := range set.Queries {
			res, err := e.Engine.Search(ctx, search.Query{Text: q.Text, CommuneCodes: q.Communes, PerPage: RecallDepth})
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", e.Name, q.ID, err)
			}
			ranked := make([]string, len(res.Hits))
			for i, h := range res.Hits {
				ranked[i] = h.Offer.ID
			}
			grades := set.Judgements[q.ID]
			n := NDCG(ranked, grades, NDCGDepth)
			m.NDCG += n
			m.Recall += Recall(ranked, grades, RecallDepth)
			if res.Total == 0 {
				m.ZeroResult++
			}
			scored = append(scored, Scored{Query: q, NDCG: n, Top: ranked[:min(3, len(ranked))]})
			tops[e.Name] = append(tops[e.Name], ranked[:min(AgreementDepth, len(ranked))])
		}
		total := float64(len(set.Queries))
		m.NDCG, m.Recall, m.ZeroResult = m.NDCG/total, m.Recall/total, m.ZeroResult/total
		r.Measures[e.Name] = m
		slices.SortStableFunc(scored, func(a, b Scored) int { return cmpFloat(a.NDCG, b.NDCG) })
		r.Worst[e.Name] = scored[:min(10, len(scored))]
	}
	if len(engines) >= 2 {
		r.Agreement = Agreement(set, tops[engines[0].Name], tops[engines[1].Name])
	}
	return r, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// NDCG is the normalised discounted cumulative gain at depth k, with gains
// 2^grade − 1; the ideal ranking is every judged offer by grade.
func NDCG(ranked []string, grades map[string]int, k int) float64 {
	var ideal []int
	for _, g := range grades {
		ideal = append(ideal, g)
	}
	slices.Sort(ideal)
	slices.Reverse(ideal)
	idcg := dcg(ideal, k)
	if idcg == 0 {
		return 0
	}
	got := make([]int, len(ranked))
	for i, id := range ranked {
		got[i] = grades[id]
	}
	return dcg(got, k) / idcg
}

func dcg(grades []int, k int) float64 {
	sum := 0.0
	for i, g := range grades[:min(k, len(grades))] {
		sum += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i+2))
	}
	return sum
}

// Recall is the share of the Relevant offers found in the first k, out of
// as many as k can hold: a query with 40 relevant offers is fully recalled
// by 20 of them.
func Recall(ranked []string, grades map[string]int, k int) float64 {
	relevant := 0
	for _, g := range grades {
		if g == Relevant {
			relevant++
		}
	}
	if relevant == 0 {
		return 0
	}
	found := 0
	for _, id := range ranked[:min(k, len(ranked))] {
		if grades[id] == Relevant {
			found++
		}
	}
	return float64(found) / float64(min(relevant, k))
}

// Agreement is the share of queries on which the two engines' first three
// offers agree: the same offers, or, where the judged set cannot tell them
// apart, offers of the same grades in the same order (a tie between
// equally relevant offers is broken differently by each engine's scoring).
func Agreement(set *Set, a, b [][]string) float64 {
	agree := 0
	for i, q := range set.Queries {
		if sameGrades(a[i], b[i], set.Judgements[q.ID]) {
			agree++
		}
	}
	return float64(agree) / float64(len(set.Queries))
}

func sameGrades(a, b []string, grades map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && grades[a[i]] != grades[b[i]] {
			return false
		}
	}
	return true
}

// Print writes the report as a table, then each engine's worst queries.
func (r *Report) Print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "engine\tqueries\tnDCG@10\trecall@20\tzero-result rate\n")
	for _, name := range r.Engines {
		m := r.Measures[name]
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.1f %%\n", name, r.Queries, m.NDCG, m.Recall, 100*m.ZeroResult)
	}
	tw.Flush()
	if len(r.Engines) >= 2 {
		fmt.Fprintf(w, "top-3 agreement %s / %s: %.1f %%\n", r.Engines[0], r.Engines[1], 100*r.Agreement)
	}
	for _, name := range r.Engines {
		fmt.Fprintf(w, "\nworst queries, %s:\n", name)
		for _, s := range r.Worst[name] {
			fmt.Fprintf(w, "  %.3f  %s %-32q top %v\n", s.NDCG, s.Query.ID, s.Query.Text, s.Top)
		}
	}
}
