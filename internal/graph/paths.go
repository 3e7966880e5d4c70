package graph

import "sort"

// Path is a walk through the graph: Nodes[i] and Nodes[i+1] are linked by Edges[i] (an index
// into Graph.Edges).
type Path struct {
	Nodes []int32
	Edges []int32
}

// ShortestPath finds one shortest path from a to b by bidirectional breadth-first search,
// avoiding blocked nodes and edges (either may be nil). ok is false when there is none.
func ShortestPath(g *Graph, a, b int32, blockedNodes map[int32]bool, blockedEdges map[int32]bool) (Path, bool) {
	if a == b {
		return Path{Nodes: []int32{a}}, true
	}
	// parent edge and depth of each node reached from a's side and from b's side
	pa, pb := map[int32]int32{a: -1}, map[int32]int32{b: -1}
	da, db := map[int32]int32{a: 0}, map[int32]int32{b: 0}
	fa, fb := []int32{a}, []int32{b}
	for len(fa) > 0 && len(fb) > 0 {
		// expand the smaller frontier by one whole level; the best meeting in the first level
		// that meets is a shortest path
		front, mine, md, od := &fa, pa, da, db
		if len(fb) < len(fa) {
			front, mine, md, od = &fb, pb, db, da
		}
		var next []int32
		meet, best := int32(-1), int32(-1)
		for _, v := range *front {
			ids := g.EdgeIDs(v)
			for i, w := range g.Neighbors(v) {
				if blockedNodes[w] || blockedEdges[ids[i]] {
					continue
				}
				if d, ok := od[w]; ok {
					if total := md[v] + 1 + d; best < 0 || total < best {
						if _, reached := mine[w]; !reached || md[w] == md[v]+1 {
							mine[w], md[w] = ids[i], md[v]+1
						}
						meet, best = w, total
					}
					continue
				}
				if _, ok := mine[w]; ok {
					continue
				}
				mine[w], md[w] = ids[i], md[v]+1
				next = append(next, w)
			}
		}
		if meet >= 0 {
			return join(g, pa, pb, a, b, meet), true
		}
		*front = next
	}
	return Path{}, false
}

func join(g *Graph, pa, pb map[int32]int32, a, b, meet int32) Path {
	var p Path
	for v := meet; v != a; {
		e := pa[v]
		p.Nodes = append(p.Nodes, v)
		p.Edges = append(p.Edges, e)
		v = other(g.Edges[e], v)
	}
	p.Nodes = append(p.Nodes, a)
	reverse(p.Nodes)
	reverse(p.Edges)
	for v := meet; v != b; {
		e := pb[v]
		v = other(g.Edges[e], v)
		p.Nodes = append(p.Nodes, v)
		p.Edges = append(p.Edges, e)
	}
	return p
}

func other(e Edge, v int32) int32 {
	if e.From == v {
		return e.To
	}
	return e.From
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// ShortestPaths returns up to k loopless paths from a to b, shortest first (Yen's algorithm
// over breadth-first search). It returns nil when b cannot be reached.
func ShortestPaths(g *Graph, a, b int32, k int) []Path {
	first, ok := ShortestPath(g, a, b, nil, nil)
	if !ok || k <= 0 {
		return nil
	}
	found := []Path{first}
	var candidates []Path
	seen := map[string]bool{key(first): true}
	for len(found) < k {
		last := found[len(found)-1]
		for i := 0; i < len(last.Nodes)-1; i++ {
			spur := last.Nodes[i]
			root := Path{Nodes: last.Nodes[:i+1], Edges: last.Edges[:i]}
			blockedEdges := map[int32]bool{}
			for _, p := range found {
				if len(p.Nodes) > i && equal(p.Nodes[:i+1], root.Nodes) {
					blockedEdges[p.Edges[i]] = true
				}
			}
			blockedNodes := map[int32]bool{}
			for _, v := range root.Nodes[:i] {
				blockedNodes[v] = true
			}
			tail, ok := ShortestPath(g, spur, b, blockedNodes, blockedEdges)
			if !ok {
				continue
			}
			p := Path{
				Nodes: append(append([]int32{}, root.Nodes...), tail.Nodes[1:]...),
				Edges: append(append([]int32{}, root.Edges...), tail.Edges...),
			}
			if k := key(p); !seen[k] {
				seen[k] = true
				candidates = append(candidates, p)
			}
		}
		if len(candidates) == 0 {
			break
		}
		sort.SliceStable(candidates, func(i, j int) bool { return len(candidates[i].Edges) < len(candidates[j].Edges) })
		found = append(found, candidates[0])
		candidates = candidates[1:]
	}
	return found
}

func key(p Path) string {
	b := make([]byte, 0, 4*len(p.Edges))
	for _, e := range p.Edges {
		b = append(b, byte(e), byte(e>>8), byte(e>>16), byte(e>>24))
	}
	return string(b)
}

func equal(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Distances returns the number of hops from a to every node (-1 when unreachable).
func Distances(g *Graph, a int32) []int32 {
	dist := make([]int32, g.Len())
	for i := range dist {
		dist[i] = -1
	}
	dist[a] = 0
	queue := []int32{a}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range g.Neighbors(v) {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				queue = append(queue, w)
			}
		}
	}
	return dist
}

func sortBy[T any](s []T, less func(a, b T) bool) {
	sort.Slice(s, func(i, j int) bool { return less(s[i], s[j]) })
}
