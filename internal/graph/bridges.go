package graph

import (
	"sort"

	"github.com/hkin/hkin/internal/model"
)

// Bridge is an entity that links Hong Kong with the mainland or abroad.
type Bridge struct {
	Node int32
	// CrossEdges counts its relations to entities in another region than its own.
	CrossEdges int
	// Brokerage counts the pairs of its neighbours that lie in different regions, for entities
	// that link regions without being in one of them (a programme, a person, a firm in both).
	Brokerage int
	// Regions are the regions its relations reach, itself included.
	Regions uint8
	Score   float64
}

// CrossEdge is a relation between entities in different regions.
type CrossEdge struct {
	Edge    int32
	Regions uint8 // the two regions it links
}

// Bridges ranks the entities and relations that connect Hong Kong-located entities with
// mainland-located and overseas-located ones. Places and sectors are endpoints, not brokers,
// and "Shenzhen part_of Guangdong" is geography, not a cross-border relation.
func Bridges(g *Graph) ([]Bridge, []CrossEdge) {
	var edges []CrossEdge
	cross := make([]int, g.Len())
	for i, e := range g.Edges {
		a, b := g.Nodes[e.From].Regions, g.Nodes[e.To].Regions
		if a == 0 || b == 0 || a&b != 0 {
			continue
		}
		if g.Nodes[e.From].Type == model.Place && g.Nodes[e.To].Type == model.Place && PredicateName(e.Predicate) == "part_of" {
			continue
		}
		edges = append(edges, CrossEdge{Edge: int32(i), Regions: a | b})
		cross[e.From]++
		cross[e.To]++
	}
	var out []Bridge
	for v := range g.Nodes {
		n := g.Nodes[v]
		if n.Type == model.Sector || n.Type == model.Place {
			continue // endpoints, not brokers
		}
		var count [3]int
		reach := n.Regions
		for _, w := range g.Neighbors(int32(v)) {
			r := g.Nodes[w].Regions
			reach |= r
			for bit := 0; bit < 3; bit++ {
				if r&(1<<bit) != 0 {
					count[bit]++
				}
			}
		}
		b := Bridge{Node: int32(v), CrossEdges: cross[v], Regions: reach}
		if n.Type != model.Place && (n.Regions == 0 || n.Regions&(n.Regions-1) != 0) {
			b.Brokerage = count[0]*count[1] + count[0]*count[2] + count[1]*count[2]
		}
		if reach&HK == 0 || reach == HK {
			continue // a bridge touches Hong Kong and somewhere else
		}
		b.Score = float64(b.CrossEdges) + float64(b.Brokerage)/float64(max(1, g.Degree(int32(v))))
		if b.Score > 0 {
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Node < out[j].Node
	})
	sort.SliceStable(edges, func(i, j int) bool {
		a, b := g.Edges[edges[i].Edge], g.Edges[edges[j].Edge]
		return g.Degree(a.From)+g.Degree(a.To) > g.Degree(b.From)+g.Degree(b.To)
	})
	return out, edges
}
