package profile

import (
	"context"
	"sort"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Node is an entity in a neighbourhood graph.
type Node struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Category string `json:"category,omitempty"`
	Depth    int    `json:"depth"`
}

// Edge is a relation statement in a neighbourhood graph.
type Edge struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Predicate string `json:"predicate"`
}

// Graph is the network around one entity.
type Graph struct {
	Center    string `json:"center"`
	Depth     int    `json:"depth"`
	Nodes     []Node `json:"nodes"`
	Edges     []Edge `json:"edges"`
	Truncated bool   `json:"truncated"`
}

// Neighbourhood returns the entities within depth relation hops of center and the relations
// among them, stopping at maxNodes entities.
func Neighbourhood(ctx context.Context, r store.Reader, center model.Entity, depth, maxNodes int) (*Graph, error) {
	g := &Graph{Center: center.ID, Depth: depth}
	names := map[string]model.Entity{center.ID: center}
	level := map[string]int{center.ID: 0}
	order := []string{center.ID}
	frontier := []string{center.ID}
	edges := map[string]Edge{}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		sts, err := r.Statements(ctx, store.StatementQuery{Subjects: frontier, Objects: frontier, About: true, Kinds: []string{model.KindRelation}})
		if err != nil {
			return nil, err
		}
		var ends []string
		for _, s := range sts {
			ends = append(ends, s.Subject, s.Object)
		}
		if err := lookupNames(ctx, r, dedupe(ends), names); err != nil {
			return nil, err
		}
		var next []string
		for _, s := range sts {
			from, to := names[s.Subject].ID, names[s.Object].ID
			if from == "" || to == "" || from == to {
				continue
			}
			for _, id := range []string{from, to} {
				if _, seen := level[id]; !seen {
					if len(level) >= maxNodes {
						g.Truncated = true
						continue
					}
					level[id] = d
					order = append(order, id)
					next = append(next, id)
				}
			}
			_, okFrom := level[from]
			_, okTo := level[to]
			if okFrom && okTo {
				edges[s.ID] = Edge{ID: s.ID, Source: from, Target: to, Predicate: s.Predicate}
			}
		}
		frontier = next
	}
	// relations among the outermost ring, so the drawing shows how they connect
	if len(frontier) > 0 && !g.Truncated {
		sts, err := r.Statements(ctx, store.StatementQuery{Subjects: frontier, Objects: frontier, Kinds: []string{model.KindRelation}})
		if err != nil {
			return nil, err
		}
		for _, s := range sts {
			from, to := names[s.Subject].ID, names[s.Object].ID
			if _, ok := level[from]; ok && from != to {
				if _, ok := level[to]; ok {
					edges[s.ID] = Edge{ID: s.ID, Source: from, Target: to, Predicate: s.Predicate}
				}
			}
		}
	}
	for _, id := range order {
		e := names[id]
		g.Nodes = append(g.Nodes, Node{ID: id, Name: e.Name, Type: e.Type, Category: e.Category, Depth: level[id]})
	}
	g.Edges = make([]Edge, 0, len(edges))
	for _, e := range edges {
		g.Edges = append(g.Edges, e)
	}
	sort.Slice(g.Edges, func(i, j int) bool { return g.Edges[i].ID < g.Edges[j].ID })
	return g, nil
}
