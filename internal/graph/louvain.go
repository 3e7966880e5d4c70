package graph

// Louvain finds communities by modularity (Blondel et al. 2008): nodes move to the neighbouring
// community that gains most modularity until none does, communities become nodes, and again,
// until nothing moves. It returns each node's community (numbered 0..k-1 by size, largest
// first) and the modularity of the partition. Parallel edges add weight.
func Louvain(g *Graph) ([]int32, float64) {
	n := g.Len()
	community := make([]int32, n)
	for i := range community {
		community[i] = int32(i)
	}
	if len(g.Edges) == 0 {
		return renumber(community), 0
	}
	// the level's weighted graph: CSR with weights, self-loop weights apart
	off := make([]int32, n+1)
	copy(off, g.off)
	adj := make([]int32, len(g.adj))
	copy(adj, g.adj)
	w := make([]float64, len(adj))
	for i := range w {
		w[i] = 1
	}
	self := make([]float64, n)
	for {
		level, moved := localMoves(off, adj, w, self)
		if !moved {
			break
		}
		for v := range community {
			community[v] = level[community[v]]
		}
		off, adj, w, self = aggregate(off, adj, w, self, level)
	}
	community = renumber(community)
	return community, Modularity(g, community)
}

// localMoves runs phase one on a weighted graph and returns each node's community, numbered
// densely, and whether any node moved.
func localMoves(off, adj []int32, w, self []float64) ([]int32, bool) {
	n := len(off) - 1
	k := make([]float64, n) // weighted degree, a self-loop counting twice
	m2 := 0.0               // twice the total weight
	for v := 0; v < n; v++ {
		for i := off[v]; i < off[v+1]; i++ {
			k[v] += w[i]
		}
		k[v] += 2 * self[v]
		m2 += k[v]
	}
	comm := make([]int32, n)
	tot := make([]float64, n) // total degree of each community
	for v := range comm {
		comm[v] = int32(v)
		tot[v] = k[v]
	}
	links := make([]float64, n) // weight from the node being moved to each community
	seen := make([]int32, 0, 64)
	movedAny := false
	for pass := 0; pass < 100; pass++ {
		moved := 0
		for v := 0; v < n; v++ {
			cv := comm[v]
			seen = seen[:0]
			for i := off[v]; i < off[v+1]; i++ {
				c := comm[adj[i]]
				if links[c] == 0 {
					seen = append(seen, c)
				}
				links[c] += w[i]
			}
			tot[cv] -= k[v]
			best, bestGain := cv, links[cv]-tot[cv]*k[v]/m2
			for _, c := range seen {
				if gain := links[c] - tot[c]*k[v]/m2; gain > bestGain+1e-12 {
					best, bestGain = c, gain
				}
			}
			tot[best] += k[v]
			if best != cv {
				comm[v] = best
				moved++
			}
			for _, c := range seen {
				links[c] = 0
			}
		}
		if moved == 0 {
			break
		}
		movedAny = true
	}
	dense := make([]int32, n)
	for i := range dense {
		dense[i] = -1
	}
	next := int32(0)
	for v, c := range comm {
		if dense[c] < 0 {
			dense[c] = next
			next++
		}
		comm[v] = dense[c]
	}
	return comm, movedAny
}

// aggregate makes each community a node, summing the weights between communities.
func aggregate(off, adj []int32, w, self []float64, comm []int32) ([]int32, []int32, []float64, []float64) {
	k := int32(0)
	for _, c := range comm {
		k = max(k, c+1)
	}
	nself := make([]float64, k)
	rows := make([]map[int32]float64, k)
	for v := range comm {
		cv := comm[v]
		nself[cv] += self[v]
		if rows[cv] == nil {
			rows[cv] = map[int32]float64{}
		}
		for i := off[v]; i < off[v+1]; i++ {
			cu := comm[adj[i]]
			if cu == cv {
				nself[cv] += w[i] / 2 // seen from both ends
			} else {
				rows[cv][cu] += w[i]
			}
		}
	}
	noff := make([]int32, k+1)
	var nadj []int32
	var nw []float64
	for c := int32(0); c < k; c++ {
		for u, x := range rows[c] {
			nadj = append(nadj, u)
			nw = append(nw, x)
		}
		noff[c+1] = int32(len(nadj))
	}
	return noff, nadj, nw, nself
}

// renumber numbers communities 0..k-1 from the largest.
func renumber(comm []int32) []int32 {
	size := map[int32]int{}
	for _, c := range comm {
		size[c]++
	}
	ids := make([]int32, 0, len(size))
	for c := range size {
		ids = append(ids, c)
	}
	sortBy(ids, func(a, b int32) bool {
		if size[a] != size[b] {
			return size[a] > size[b]
		}
		return a < b
	})
	to := make(map[int32]int32, len(ids))
	for i, c := range ids {
		to[c] = int32(i)
	}
	out := make([]int32, len(comm))
	for v, c := range comm {
		out[v] = to[c]
	}
	return out
}

// Modularity computes Newman's modularity of a partition of the graph directly:
// Q = Σ_c [ L_c/m − (D_c/2m)² ], with L_c the relations inside community c and D_c the
// degrees in it.
func Modularity(g *Graph, community []int32) float64 {
	m := float64(len(g.Edges))
	if m == 0 {
		return 0
	}
	inside := map[int32]float64{}
	degree := map[int32]float64{}
	for _, e := range g.Edges {
		if community[e.From] == community[e.To] {
			inside[community[e.From]]++
		}
	}
	for v := range g.Nodes {
		degree[community[v]] += float64(g.Degree(int32(v)))
	}
	q := 0.0
	for c, d := range degree {
		q += inside[c]/m - (d/(2*m))*(d/(2*m))
	}
	return q
}
