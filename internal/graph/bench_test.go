package graph

import (
	"math/rand/v2"
	"sync"
	"testing"
)

var (
	benchOnce sync.Once
	benchG    *Graph
)

// benchGraph is a preferential-attachment graph of 200,000 nodes and about 1,000,000 edges.
func benchGraph() *Graph {
	benchOnce.Do(func() {
		const n, perNode = 200000, 5
		rng := rand.New(rand.NewPCG(42, 42))
		ends := make([]int32, 0, 2*n*perNode)
		pairs := make([][2]int32, 0, n*perNode)
		for v := int32(1); v < n; v++ {
			for k := 0; k < perNode; k++ {
				var u int32
				if len(ends) == 0 || rng.IntN(4) == 0 {
					u = int32(rng.IntN(int(v)))
				} else {
					u = ends[rng.IntN(len(ends))]
				}
				pairs = append(pairs, [2]int32{v, u})
				ends = append(ends, v, u)
			}
		}
		benchG = FromEdges(n, pairs)
	})
	return benchG
}

func BenchmarkPageRank(b *testing.B) {
	g := benchGraph()
	b.ResetTimer()
	for b.Loop() {
		PageRank(g, 0.85, 1e-6, 100)
	}
}

func BenchmarkLouvain(b *testing.B) {
	g := benchGraph()
	b.ResetTimer()
	for b.Loop() {
		Louvain(g)
	}
}

func BenchmarkShortestPath(b *testing.B) {
	g := benchGraph()
	rng := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	for b.Loop() {
		ShortestPath(g, int32(rng.IntN(g.Len())), int32(rng.IntN(g.Len())), nil, nil)
	}
}

func BenchmarkBetweennessSampled(b *testing.B) {
	g := benchGraph()
	b.ResetTimer()
	for b.Loop() {
		Betweenness(g, 64, 1)
	}
}
