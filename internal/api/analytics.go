package api

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hkin/hkin/internal/graph"
	"github.com/hkin/hkin/internal/profile"
)

// analytics caches results computed on one graph; a new graph empties it.
type analytics struct {
	mu       sync.Mutex
	g        *graph.Graph
	pagerank map[float64][]float64
	comm     []int32
	q        float64
}

func (a *analytics) on(g *graph.Graph) {
	if a.g != g {
		a.g, a.pagerank, a.comm = g, map[float64][]float64{}, nil
	}
}

func (a *analytics) rank(g *graph.Graph, d float64) []float64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.on(g)
	if r, ok := a.pagerank[d]; ok {
		return r
	}
	r := graph.PageRank(g, d, 1e-9, 200)
	a.pagerank[d] = r
	return r
}

func (a *analytics) communities(g *graph.Graph) ([]int32, float64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.on(g)
	if a.comm == nil {
		a.comm, a.q = graph.Louvain(g)
	}
	return a.comm, a.q
}

func (s *Server) analyticsRoutes() []Route {
	if s.cfg.Graph == nil {
		return nil
	}
	limit := Param{Name: "limit", In: "query", Type: "integer", Description: "results, 1 to 1000 (default 20)"}
	filter := Param{Name: "filter", In: "query", Type: "string", Description: "type:, category: and region:hk|mainland|abroad conditions, as in the entity list"}
	return []Route{
		{Method: "GET", Path: "/api/v1/analytics/pagerank", Summary: "Entities ranked by PageRank on the relation network", Params: []Param{
			{Name: "damping", In: "query", Type: "number", Description: "damping factor, between 0 and 1 exclusive (default 0.85)"}, limit, filter},
			Response: "Ranking", Handle: s.pagerank},
		{Method: "GET", Path: "/api/v1/analytics/centrality", Summary: "Entities ranked by degree or betweenness", Params: []Param{
			{Name: "measure", In: "query", Type: "string", Description: "degree (default) or betweenness (sampled above 5,000 entities)"}, limit, filter},
			Response: "Ranking", Handle: s.centrality},
		{Method: "GET", Path: "/api/v1/analytics/communities", Summary: "Communities (Louvain) with their modularity and best-connected members", Params: []Param{
			limit, {Name: "members", In: "query", Type: "integer", Description: "members listed per community, 1 to 100 (default 10)"}},
			Response: "Communities", Handle: s.communities},
		{Method: "GET", Path: "/api/v1/analytics/bridges", Summary: "Entities and relations linking Hong Kong with the mainland and abroad", Params: []Param{limit},
			Response: "Bridges", Handle: s.bridges},
		{Method: "GET", Path: "/api/v1/paths", Summary: "Up to k shortest paths between two entities, with the relations along them", Params: []Param{
			{Name: "from", In: "query", Type: "string", Required: true, Description: "an entity: ID, SCHEME:VALUE or name"},
			{Name: "to", In: "query", Type: "string", Required: true, Description: "an entity: ID, SCHEME:VALUE or name"},
			{Name: "k", In: "query", Type: "integer", Description: "paths, 1 to 10 (default 3)"}},
			Response: "Paths", Handle: s.paths},
		{Method: "GET", Path: "/api/v1/network", Summary: "The network's best-connected entities and the relations among them, with regions and communities", Params: []Param{
			{Name: "limit", In: "query", Type: "integer", Description: "entities, 1 to 20000 (default 2000), the best-connected first"}, filter},
			Response: "Network", Handle: s.network},
	}
}

// current returns the graph, refreshed if the store has moved since it was built.
func (s *Server) current(r *http.Request) (*graph.Graph, error) {
	if err := s.cfg.Graph.Refresh(r.Context(), s.cfg.Store); err != nil && s.cfg.Graph.Get() == nil {
		return nil, err
	}
	return s.cfg.Graph.Get(), nil
}

type nodeView struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Category string  `json:"category,omitempty"`
	Regions  string  `json:"regions,omitempty"`
	Score    float64 `json:"score"`
	Degree   int     `json:"degree"`
}

func view(g *graph.Graph, v int32, score float64) nodeView {
	n := g.Nodes[v]
	return nodeView{ID: n.ID, Name: n.Name, Type: n.Type, Category: n.Category, Regions: graph.RegionNames(n.Regions), Score: score, Degree: g.Degree(v)}
}

// nodeFilter reads filter= for graph nodes: type, category and region (hk, mainland, abroad),
// as field:value,field:value|value.
func nodeFilter(q url.Values) (func(graph.Node) bool, error) {
	conds := map[string]map[string]bool{}
	if raw := strings.TrimSpace(q.Get("filter")); raw != "" {
		for _, part := range strings.Split(raw, ",") {
			field, values, ok := strings.Cut(strings.TrimSpace(part), ":")
			if !ok || values == "" {
				return nil, Errorf(http.StatusBadRequest, "bad_filter", "filter part %q: want field:value (e.g. type:organization)", part)
			}
			if field != "type" && field != "category" && field != "region" {
				return nil, Errorf(http.StatusBadRequest, "bad_filter", "filter field %q: analytics filter by type, category or region", field)
			}
			set := map[string]bool{}
			for _, v := range strings.Split(values, "|") {
				set[strings.TrimSpace(v)] = true
			}
			conds[field] = set
		}
	}
	return func(n graph.Node) bool {
		if set, ok := conds["type"]; ok && !set[n.Type] {
			return false
		}
		if set, ok := conds["category"]; ok && !set[n.Category] {
			return false
		}
		if set, ok := conds["region"]; ok {
			for _, r := range strings.Split(graph.RegionNames(n.Regions), "+") {
				if set[r] {
					return true
				}
			}
			return false
		}
		return true
	}, nil
}

// ranking answers the top limit nodes by score among those the filter keeps.
func (s *Server) ranking(w http.ResponseWriter, r *http.Request, g *graph.Graph, score func(v int32) float64, extra map[string]any) error {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", 20, 1, 1000)
	if err != nil {
		return err
	}
	keep, err := nodeFilter(q)
	if err != nil {
		return err
	}
	var picked []int32
	for v := range g.Nodes {
		if keep(g.Nodes[v]) {
			picked = append(picked, int32(v))
		}
	}
	sort.SliceStable(picked, func(i, j int) bool { return score(picked[i]) > score(picked[j]) })
	if len(picked) > limit {
		picked = picked[:limit]
	}
	results := make([]nodeView, len(picked))
	for i, v := range picked {
		results[i] = view(g, v, score(v))
	}
	meta := map[string]any{"count": len(results), "entities": g.Len(), "relations": len(g.Edges), "seq": g.Seq}
	for k, v := range extra {
		meta[k] = v
	}
	return WriteJSON(w, map[string]any{"meta": meta, "results": results})
}

func (s *Server) pagerank(w http.ResponseWriter, r *http.Request) error {
	d := 0.85
	if v := r.URL.Query().Get("damping"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f >= 1 {
			return Errorf(http.StatusBadRequest, "bad_parameter", "damping=%q: want a number between 0 and 1 exclusive, such as 0.85", v)
		}
		d = f
	}
	g, err := s.current(r)
	if err != nil {
		return err
	}
	rank := s.an.rank(g, d)
	return s.ranking(w, r, g, func(v int32) float64 { return rank[v] }, map[string]any{"damping": d})
}

func (s *Server) centrality(w http.ResponseWriter, r *http.Request) error {
	g, err := s.current(r)
	if err != nil {
		return err
	}
	switch m := r.URL.Query().Get("measure"); m {
	case "", "degree":
		return s.ranking(w, r, g, func(v int32) float64 { return float64(g.Degree(v)) }, map[string]any{"measure": "degree"})
	case "betweenness":
		samples := 0
		if g.Len() > 5000 {
			samples = 256
		}
		bc := graph.Betweenness(g, samples, 1)
		return s.ranking(w, r, g, func(v int32) float64 { return bc[v] }, map[string]any{"measure": "betweenness", "sampled_sources": samples})
	default:
		return Errorf(http.StatusBadRequest, "bad_parameter", "measure=%q: want degree or betweenness", m)
	}
}

func (s *Server) communities(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", 20, 1, 1000)
	if err != nil {
		return err
	}
	members, err := intParam(q, "members", 10, 1, 100)
	if err != nil {
		return err
	}
	g, err := s.current(r)
	if err != nil {
		return err
	}
	comm, modularity := s.an.communities(g)
	groups := map[int32][]int32{}
	for v, c := range comm {
		groups[c] = append(groups[c], int32(v))
	}
	type community struct {
		Community int32          `json:"community"`
		Size      int            `json:"size"`
		Types     map[string]int `json:"types"`
		Members   []nodeView     `json:"members"`
	}
	var out []community
	for c := int32(0); int(c) < len(groups) && len(out) < limit; c++ {
		vs := groups[c]
		cm := community{Community: c, Size: len(vs), Types: map[string]int{}}
		for _, v := range vs {
			cm.Types[g.Nodes[v].Type]++
		}
		sort.SliceStable(vs, func(i, j int) bool { return g.Degree(vs[i]) > g.Degree(vs[j]) })
		for _, v := range vs[:min(members, len(vs))] {
			cm.Members = append(cm.Members, view(g, v, float64(g.Degree(v))))
		}
		out = append(out, cm)
	}
	return WriteJSON(w, map[string]any{"meta": map[string]any{"count": len(out), "communities": len(groups), "modularity": modularity,
		"algorithm": "louvain", "seq": g.Seq}, "results": out})
}

type edgeView struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Predicate string `json:"predicate"`
	Regions   string `json:"regions,omitempty"`
}

func (s *Server) bridges(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r.URL.Query(), "limit", 20, 1, 1000)
	if err != nil {
		return err
	}
	g, err := s.current(r)
	if err != nil {
		return err
	}
	bridges, cross := graph.Bridges(g)
	type bridgeView struct {
		nodeView
		CrossEdges int    `json:"cross_edges"`
		Brokerage  int    `json:"brokerage"`
		Reaches    string `json:"reaches"`
	}
	results := []bridgeView{}
	for _, b := range bridges[:min(limit, len(bridges))] {
		results = append(results, bridgeView{nodeView: view(g, b.Node, b.Score), CrossEdges: b.CrossEdges, Brokerage: b.Brokerage, Reaches: graph.RegionNames(b.Regions)})
	}
	edges := []edgeView{}
	for _, c := range cross[:min(limit, len(cross))] {
		e := g.Edges[c.Edge]
		edges = append(edges, edgeView{From: g.Nodes[e.From].ID, To: g.Nodes[e.To].ID, Predicate: graph.PredicateName(e.Predicate), Regions: graph.RegionNames(c.Regions)})
	}
	return WriteJSON(w, map[string]any{"meta": map[string]any{"count": len(results), "cross_edges": len(cross), "seq": g.Seq},
		"results": results, "edges": edges})
}

func (s *Server) paths(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	k, err := intParam(q, "k", 3, 1, 10)
	if err != nil {
		return err
	}
	g, err := s.current(r)
	if err != nil {
		return err
	}
	var ends [2]int32
	for i, name := range []string{"from", "to"} {
		v := q.Get(name)
		if v == "" {
			return Errorf(http.StatusBadRequest, "bad_parameter", "%s is required: an entity ID, SCHEME:VALUE or name", name)
		}
		e, _, err := profile.Find(r.Context(), s.cfg.Store, v)
		if err != nil {
			return err
		}
		n, ok := g.Index(e.ID)
		if !ok {
			return Errorf(http.StatusNotFound, "not_found", "%s=%q: %s is not in the network yet", name, v, e.ID)
		}
		ends[i] = n
	}
	if ends[0] == ends[1] {
		return Errorf(http.StatusBadRequest, "bad_parameter", "from and to are the same entity")
	}
	type step struct {
		nodeView
		Predicate string `json:"predicate,omitempty"` // the relation that leads to the next entity
		Forward   bool   `json:"forward,omitempty"`   // true when this entity is the relation's subject
	}
	type pathView struct {
		Length int    `json:"length"`
		Steps  []step `json:"steps"`
	}
	results := []pathView{}
	for _, p := range graph.ShortestPaths(g, ends[0], ends[1], k) {
		pv := pathView{Length: len(p.Edges)}
		for i, v := range p.Nodes {
			st := step{nodeView: view(g, v, 0)}
			if i < len(p.Edges) {
				e := g.Edges[p.Edges[i]]
				st.Predicate, st.Forward = graph.PredicateName(e.Predicate), e.From == v
			}
			pv.Steps = append(pv.Steps, st)
		}
		results = append(results, pv)
	}
	return WriteJSON(w, map[string]any{"meta": map[string]any{"count": len(results), "from": g.Nodes[ends[0]].ID, "to": g.Nodes[ends[1]].ID}, "results": results})
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", 2000, 1, 20000)
	if err != nil {
		return err
	}
	keep, err := nodeFilter(q)
	if err != nil {
		return err
	}
	g, err := s.current(r)
	if err != nil {
		return err
	}
	comm, modularity := s.an.communities(g)
	var picked []int32
	for v := range g.Nodes {
		if keep(g.Nodes[v]) && g.Degree(int32(v)) > 0 {
			picked = append(picked, int32(v))
		}
	}
	sort.SliceStable(picked, func(i, j int) bool { return g.Degree(picked[i]) > g.Degree(picked[j]) })
	if len(picked) > limit {
		picked = picked[:limit]
	}
	in := map[int32]bool{}
	type netNode struct {
		nodeView
		Community int32 `json:"community"`
	}
	nodes := make([]netNode, 0, len(picked))
	for _, v := range picked {
		in[v] = true
		nodes = append(nodes, netNode{nodeView: view(g, v, float64(g.Degree(v))), Community: comm[v]})
	}
	edges := []edgeView{}
	for _, e := range g.Edges {
		if in[e.From] && in[e.To] {
			ev := edgeView{From: g.Nodes[e.From].ID, To: g.Nodes[e.To].ID, Predicate: graph.PredicateName(e.Predicate)}
			if a, b := g.Nodes[e.From].Regions, g.Nodes[e.To].Regions; a != 0 && b != 0 && a&b == 0 {
				ev.Regions = graph.RegionNames(a | b)
			}
			edges = append(edges, ev)
		}
	}
	return WriteJSON(w, map[string]any{"meta": map[string]any{"nodes": len(nodes), "edges": len(edges), "entities": g.Len(),
		"modularity": modularity, "seq": g.Seq}, "nodes": nodes, "edges": edges})
}
