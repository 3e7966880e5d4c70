// Package graph holds the network as a compact in-memory graph — compressed sparse rows over
// int32 node numbers — built from the store's current relation statements, and the algorithms
// that read it: PageRank, degree and betweenness, Louvain communities, shortest paths and
// cross-border bridges. A Holder keeps one graph fresh for the API and the CLI.
package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Regions a node can belong to, as bits.
const (
	HK       uint8 = 1 << iota // Hong Kong
	Mainland                   // the Chinese mainland
	Abroad                     // any other country
)

// RegionNames spells out a region mask: "hk", "mainland", "abroad", joined by "+".
func RegionNames(mask uint8) string {
	var parts []string
	for _, r := range []struct {
		bit  uint8
		name string
	}{{HK, "hk"}, {Mainland, "mainland"}, {Abroad, "abroad"}} {
		if mask&r.bit != 0 {
			parts = append(parts, r.name)
		}
	}
	return strings.Join(parts, "+")
}

// Node is one live entity.
type Node struct {
	ID, Name, Type, Category string
	Regions                  uint8 // where it is: HK, Mainland, Abroad bits (0 when unknown)
}

// Edge is one relation between two nodes.
type Edge struct {
	From, To  int32
	Predicate uint8 // index into model.Predicates
}

// Graph is an undirected view of the relation network: each edge is stored in both endpoints'
// neighbour lists, with the predicate and whether it leaves the node.
type Graph struct {
	Nodes []Node
	Edges []Edge // each relation once, in its own direction
	Seq   int64  // the store's change sequence number the graph reflects

	index map[string]int32
	off   []int32 // neighbours of node i are adj[off[i]:off[i+1]]
	adj   []int32
	eid   []int32 // the Edges index of each adjacency entry
}

// Len is the number of nodes.
func (g *Graph) Len() int { return len(g.Nodes) }

// Index returns the node number of an entity ID.
func (g *Graph) Index(id string) (int32, bool) {
	i, ok := g.index[id]
	return i, ok
}

// Neighbors returns the node numbers adjacent to v (with repeats for parallel edges).
func (g *Graph) Neighbors(v int32) []int32 { return g.adj[g.off[v]:g.off[v+1]] }

// EdgeIDs returns, for each entry of Neighbors(v), the index of its edge in Edges.
func (g *Graph) EdgeIDs(v int32) []int32 { return g.eid[g.off[v]:g.off[v+1]] }

// Degree returns the number of relations at v.
func (g *Graph) Degree(v int32) int { return int(g.off[v+1] - g.off[v]) }

// PredicateName returns the name of an edge's predicate.
func PredicateName(p uint8) string { return model.Predicates[p].Name }

var predicateIndex = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, p := range model.Predicates {
		m[p.Name] = uint8(i)
	}
	return m
}()

// New builds a graph from nodes and edges (node numbers index nodes). Duplicate edges — the
// same relation from several sources — are kept once.
func New(nodes []Node, edges []Edge) *Graph {
	g := &Graph{Nodes: nodes, index: make(map[string]int32, len(nodes))}
	for i, n := range nodes {
		g.index[n.ID] = int32(i)
	}
	sort.Slice(edges, func(i, j int) bool {
		a, b := edges[i], edges[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Predicate < b.Predicate
	})
	out := edges[:0]
	for i, e := range edges {
		if e.From == e.To || (i > 0 && e == edges[i-1]) {
			continue
		}
		out = append(out, e)
	}
	g.Edges = out
	n := len(nodes)
	g.off = make([]int32, n+1)
	for _, e := range out {
		g.off[e.From+1]++
		g.off[e.To+1]++
	}
	for i := 0; i < n; i++ {
		g.off[i+1] += g.off[i]
	}
	g.adj = make([]int32, 2*len(out))
	g.eid = make([]int32, 2*len(out))
	next := make([]int32, n)
	copy(next, g.off[:n])
	for i, e := range out {
		g.adj[next[e.From]], g.eid[next[e.From]] = e.To, int32(i)
		next[e.From]++
		g.adj[next[e.To]], g.eid[next[e.To]] = e.From, int32(i)
		next[e.To]++
	}
	g.classify()
	return g
}

// FromEdges builds an anonymous graph of n nodes, for tests and benchmarks.
func FromEdges(n int, pairs [][2]int32) *Graph {
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i].ID = fmt.Sprint(i)
	}
	edges := make([]Edge, len(pairs))
	for i, p := range pairs {
		edges[i] = Edge{From: p[0], To: p[1], Predicate: predicateIndex["partners_with"]}
	}
	return New(nodes, edges)
}

// classify works out each node's regions by following located_in and part_of edges outwards
// until Hong Kong, the mainland or a foreign country is reached.
func (g *Graph) classify() {
	located, partOf := predicateIndex["located_in"], predicateIndex["part_of"]
	state := make([]uint8, len(g.Nodes)) // 0 unvisited, 1 visiting, 2 done
	var visit func(v int32, depth int) uint8
	visit = func(v int32, depth int) uint8 {
		if state[v] == 2 {
			return g.Nodes[v].Regions
		}
		if state[v] == 1 || depth > 12 {
			return 0
		}
		state[v] = 1
		n := &g.Nodes[v]
		var mask uint8
		switch {
		case n.ID == "hong-kong":
			mask = HK
		case n.ID == "mainland-china":
			mask = Mainland
		case n.Type == model.Place && n.Category == "country" && n.ID != "china":
			mask = Abroad
		default:
			ids := g.EdgeIDs(v)
			for i, w := range g.Neighbors(v) {
				e := g.Edges[ids[i]]
				if e.From == v && (e.Predicate == located || e.Predicate == partOf) {
					mask |= visit(w, depth+1)
				}
			}
		}
		n.Regions, state[v] = mask, 2
		return mask
	}
	for v := range g.Nodes {
		visit(int32(v), 0)
	}
}

// Build reads the live entities and current relations of the store into a graph.
func Build(ctx context.Context, r store.Reader) (*Graph, error) {
	seq, err := r.Seq(ctx)
	if err != nil {
		return nil, err
	}
	var nodes []Node
	index := map[string]int32{}
	err = store.EachPage(ctx, r, store.EntityQuery{Sort: store.SortCreated, Limit: 10000, Bare: true}, func(es []model.Entity) error {
		for _, e := range es {
			index[e.ID] = int32(len(nodes))
			nodes = append(nodes, Node{ID: e.ID, Name: e.Name, Type: e.Type, Category: e.Category})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph entities: %w", err)
	}
	resolve := resolver(ctx, r, index)
	var edges []Edge
	q := store.StatementQuery{Kinds: []string{model.KindRelation}, Limit: 10000}
	for {
		sts, err := r.Statements(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("graph relations: %w", err)
		}
		for _, s := range sts {
			if e, ok, err := edgeOf(s, resolve); err != nil {
				return nil, err
			} else if ok {
				edges = append(edges, e)
			}
		}
		if len(sts) < q.Limit {
			break
		}
		q.SinceSeq = sts[len(sts)-1].Seq
	}
	g := New(nodes, edges)
	g.Seq = seq
	return g, nil
}

// resolver maps an entity ID to its node, following merges.
func resolver(ctx context.Context, r store.Reader, index map[string]int32) func(id string) (int32, bool, error) {
	merged := map[string]string{}
	return func(id string) (int32, bool, error) {
		if i, ok := index[id]; ok {
			return i, true, nil
		}
		to, ok := merged[id]
		if !ok {
			e, err := store.Resolve(ctx, r, id)
			if err != nil {
				return 0, false, fmt.Errorf("graph: entity %s: %w", id, err)
			}
			to, merged[id] = e.ID, e.ID
		}
		i, ok := index[to]
		return i, ok, nil
	}
}

func edgeOf(s model.Statement, resolve func(string) (int32, bool, error)) (Edge, bool, error) {
	p, ok := predicateIndex[s.Predicate]
	if !ok || s.Object == "" || s.RetractedAt != nil {
		return Edge{}, false, nil
	}
	from, ok1, err := resolve(s.Subject)
	if err != nil {
		return Edge{}, false, err
	}
	to, ok2, err := resolve(s.Object)
	if err != nil || !ok1 || !ok2 {
		return Edge{}, false, err
	}
	return Edge{From: from, To: to, Predicate: p}, true, nil
}
