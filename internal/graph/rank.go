package graph

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// PageRank ranks nodes on the undirected graph (every relation counts both ways), with the
// damping factor d, iterating until the L1 change is below tol or maxIter rounds. Nodes without
// relations spread their rank evenly. The ranks sum to 1.
func PageRank(g *Graph, d, tol float64, maxIter int) []float64 {
	n := g.Len()
	if n == 0 {
		return nil
	}
	rank := make([]float64, n)
	next := make([]float64, n)
	share := make([]float64, n) // rank[v] / degree(v)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	workers := 1
	if n > 50000 {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	for iter := 0; iter < maxIter; iter++ {
		dangling := 0.0
		for v := 0; v < n; v++ {
			if deg := g.off[v+1] - g.off[v]; deg > 0 {
				share[v] = rank[v] / float64(deg)
			} else {
				share[v] = 0
				dangling += rank[v]
			}
		}
		base := (1-d)/float64(n) + d*dangling/float64(n)
		deltas := make([]float64, workers)
		parallel(n, workers, func(w, lo, hi int) {
			delta := 0.0
			for v := lo; v < hi; v++ {
				sum := 0.0
				for _, u := range g.adj[g.off[v]:g.off[v+1]] {
					sum += share[u]
				}
				next[v] = base + d*sum
				delta += math.Abs(next[v] - rank[v])
			}
			deltas[w] = delta
		})
		rank, next = next, rank
		total := 0.0
		for _, x := range deltas {
			total += x
		}
		if total < tol {
			break
		}
	}
	return rank
}

// parallel splits [0, n) into workers ranges and runs fn on each.
func parallel(n, workers int, fn func(w, lo, hi int)) {
	if workers <= 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	size := (n + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*size, min((w+1)*size, n)
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() { defer wg.Done(); fn(w, lo, hi) }()
	}
	wg.Wait()
}

// Degrees returns each node's number of relations.
func Degrees(g *Graph) []int {
	out := make([]int, g.Len())
	for v := range out {
		out[v] = g.Degree(int32(v))
	}
	return out
}

// Betweenness returns each node's betweenness centrality on the undirected graph (Brandes),
// counting each pair of endpoints once. With 0 < samples < n it starts from that many random
// nodes (seeded) and scales the result, an unbiased estimate for large graphs.
func Betweenness(g *Graph, samples int, seed uint64) []float64 {
	n := g.Len()
	bc := make([]float64, n)
	sources := make([]int32, n)
	for i := range sources {
		sources[i] = int32(i)
	}
	scale := 0.5 // each undirected pair is counted from both ends
	if samples > 0 && samples < n {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		rng.Shuffle(n, func(i, j int) { sources[i], sources[j] = sources[j], sources[i] })
		sources = sources[:samples]
		scale *= float64(n) / float64(samples)
	}
	sigma := make([]float64, n)
	dist := make([]int32, n)
	delta := make([]float64, n)
	order := make([]int32, 0, n)
	for i := range dist {
		dist[i] = -1
	}
	for _, s := range sources {
		order = order[:0]
		sigma[s], dist[s] = 1, 0
		order = append(order, s)
		for head := 0; head < len(order); head++ {
			v := order[head]
			for _, w := range g.Neighbors(v) {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for i := len(order) - 1; i >= 0; i-- {
			w := order[i]
			for _, v := range g.Neighbors(w) {
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
				}
			}
			if w != s {
				bc[w] += delta[w]
			}
		}
		for _, v := range order {
			sigma[v], dist[v], delta[v] = 0, -1, 0
		}
	}
	for i := range bc {
		bc[i] *= scale
	}
	return bc
}
