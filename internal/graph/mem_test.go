package graph

import (
	"math/rand/v2"
	"os"
	"runtime"
	"testing"
)

// TestMemory1M reports the memory of a 1M-node, 5M-edge graph and its analytics' working sets.
// It runs only when HKIN_MEMTEST is set (it takes a minute and a few GB): it is a measurement.
func TestMemory1M(t *testing.T) {
	if os.Getenv("HKIN_MEMTEST") == "" {
		t.Skip("set HKIN_MEMTEST=1 to measure a 1M-node, 5M-edge graph")
	}
	const n, m = 1000000, 5000000
	rng := rand.New(rand.NewPCG(1, 1))
	pairs := make([][2]int32, 0, m)
	ends := make([]int32, 0, 2*m)
	for len(pairs) < m {
		v := int32(1 + len(pairs)/5%(n-1))
		u := int32(rng.IntN(int(v)))
		if len(ends) > 0 && rng.IntN(2) == 0 {
			u = ends[rng.IntN(len(ends))]
		}
		pairs = append(pairs, [2]int32{v, u})
		ends = append(ends, v, u)
	}
	g := FromEdges(n, pairs)
	pairs, ends = nil, nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("graph: %d nodes, %d edges, heap in use %d MiB", g.Len(), len(g.Edges), ms.HeapInuse>>20)
	pr := PageRank(g, 0.85, 1e-6, 100)
	comm, q := Louvain(g)
	runtime.ReadMemStats(&ms)
	t.Logf("after PageRank and Louvain (q=%.3f): heap in use %d MiB, peak from the OS %d MiB", q, ms.HeapInuse>>20, ms.Sys>>20)
	_, _ = pr, comm
}
