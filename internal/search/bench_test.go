package search

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/gen"
	"github.com/hkin/hkin/internal/jsonl"
	"github.com/hkin/hkin/internal/model"
)

// BenchmarkSearch ranks a mix of searches on an index of a generated ecosystem
// (HKIN_BENCH_ENTITIES entities, default 1,000,000) and reports their 50th and 99th percentile:
// full names, prefixes as typed in a search box, a typo, words out of order, and two- and
// four-character Chinese queries.
func BenchmarkSearch(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("HKIN_BENCH_ENTITIES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("HKIN_BENCH_ENTITIES: %v", err)
		}
	}
	es := generated(b, n)
	before := heapInUse()
	ix := New(es)
	size := heapInUse() - before
	rng := rand.New(rand.NewPCG(1, 2))
	var queries []string
	for len(queries) < 2000 {
		e := es[rng.IntN(len(es))]
		queries = append(queries, e.Name, e.Name[:min(len(e.Name), 4)], typo(e.Name, rng))
		for _, a := range e.Aliases {
			r := []rune(a.Value)
			queries = append(queries, string(r[:2]), string(r[:min(len(r), 4)]))
		}
	}
	queries = append(queries, "Hong Kong robotics", "robotics hong kong", "Univ of", "Shenzhen", "香港")
	b.ResetTimer()
	times := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		ix.Search(Query{Text: queries[i%len(queries)], Limit: 10})
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(ix.Len()), "entities")
	b.ReportMetric(float64(size)/(1<<20), "index-MiB")
}

// heapInUse is the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// typo swaps two letters in the middle of s.
func typo(s string, rng *rand.Rand) string {
	if len(s) < 6 {
		return s
	}
	i := 2 + rng.IntN(len(s)-4)
	r := []byte(s)
	r[i], r[i+1] = r[i+1], r[i]
	return string(r)
}

// generated returns n generated entities, best connected first.
func generated(tb testing.TB, n int) []model.Entity {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(gen.Write(context.Background(), pw, gen.Config{Entities: n, Seed: 1})) }()
	var es []model.Entity
	degree := map[string]int{}
	sc := bufio.NewScanner(pr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l jsonl.Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			tb.Fatal(err)
		}
		switch {
		case l.Entity != nil:
			es = append(es, *l.Entity)
		case l.Statement != nil && l.Statement.Kind == model.KindRelation:
			degree[l.Statement.Subject]++
			degree[l.Statement.Object]++
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	slices.SortStableFunc(es, func(a, b model.Entity) int { return degree[b.ID] - degree[a.ID] })
	return es
}
