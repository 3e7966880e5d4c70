package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

// randomGraph returns n nodes and about m distinct undirected edges, no self-loops.
func randomGraph(n, m int, seed uint64) [][2]int32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	seen := map[[2]int32]bool{}
	var pairs [][2]int32
	for len(pairs) < m {
		a, b := int32(rng.IntN(n)), int32(rng.IntN(n))
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if !seen[[2]int32{a, b}] {
			seen[[2]int32{a, b}] = true
			pairs = append(pairs, [2]int32{a, b})
		}
	}
	return pairs
}

func TestPageRankMatchesGonum(t *testing.T) {
	for _, tc := range []struct {
		n, m int
		seed uint64
	}{{10, 15, 1}, {50, 120, 2}, {200, 300, 3}} {
		pairs := randomGraph(tc.n, tc.m, tc.seed)
		g := FromEdges(tc.n, pairs)
		dg := simple.NewDirectedGraph()
		for i := 0; i < tc.n; i++ {
			dg.AddNode(simple.Node(i))
		}
		for _, p := range pairs {
			dg.SetEdge(simple.Edge{F: simple.Node(p[0]), T: simple.Node(p[1])})
			dg.SetEdge(simple.Edge{F: simple.Node(p[1]), T: simple.Node(p[0])})
		}
		want := network.PageRank(dg, 0.85, 1e-12)
		got := PageRank(g, 0.85, 1e-13, 1000)
		for i := 0; i < tc.n; i++ {
			if d := math.Abs(got[i] - want[int64(i)]); d > 1e-6 {
				t.Fatalf("n=%d node %d: %v, gonum %v", tc.n, i, got[i], want[int64(i)])
			}
		}
	}
}

func TestShortestPathsMatchBFS(t *testing.T) {
	const n = 300
	g := FromEdges(n, randomGraph(n, 450, 7))
	for a := int32(0); a < 20; a++ {
		dist := Distances(g, a)
		for b := int32(0); b < n; b += 7 {
			paths := ShortestPaths(g, a, b, 3)
			if dist[b] < 0 {
				if paths != nil {
					t.Fatalf("%d→%d unreachable, got %v", a, b, paths)
				}
				continue
			}
			if len(paths) == 0 || len(paths[0].Edges) != int(dist[b]) {
				t.Fatalf("%d→%d: shortest has %v hops, BFS says %d", a, b, paths, dist[b])
			}
			for i, p := range paths {
				if i > 0 && len(p.Edges) < len(paths[i-1].Edges) {
					t.Fatalf("%d→%d: paths not in length order", a, b)
				}
				checkPath(t, g, p, a, b)
			}
		}
	}
}

func checkPath(t *testing.T, g *Graph, p Path, a, b int32) {
	t.Helper()
	if p.Nodes[0] != a || p.Nodes[len(p.Nodes)-1] != b || len(p.Nodes) != len(p.Edges)+1 {
		t.Fatalf("path %v does not run from %d to %d", p, a, b)
	}
	seen := map[int32]bool{}
	for i, e := range p.Edges {
		ed := g.Edges[e]
		u, v := p.Nodes[i], p.Nodes[i+1]
		if !(ed.From == u && ed.To == v) && !(ed.From == v && ed.To == u) {
			t.Fatalf("edge %d does not link %d and %d", e, u, v)
		}
		if seen[u] {
			t.Fatalf("path %v repeats %d", p.Nodes, u)
		}
		seen[u] = true
	}
}

func TestLouvain(t *testing.T) {
	// two 6-cliques joined by one edge
	var pairs [][2]int32
	for _, base := range []int32{0, 6} {
		for i := int32(0); i < 6; i++ {
			for j := i + 1; j < 6; j++ {
				pairs = append(pairs, [2]int32{base + i, base + j})
			}
		}
	}
	pairs = append(pairs, [2]int32{5, 6})
	g := FromEdges(12, pairs)
	comm, q := Louvain(g)
	for i := 1; i < 12; i++ {
		if same := comm[i] == comm[0]; same != (i < 6) {
			t.Fatalf("communities %v do not follow the cliques", comm)
		}
	}
	if d := math.Abs(q - Modularity(g, comm)); d > 1e-9 {
		t.Errorf("reported modularity %v, direct %v", q, Modularity(g, comm))
	}
	// on a random graph the reported modularity is the direct one and beats singletons
	rg := FromEdges(500, randomGraph(500, 1500, 9))
	rc, rq := Louvain(rg)
	if d := math.Abs(rq - Modularity(rg, rc)); d > 1e-9 || rq < 0.2 {
		t.Errorf("random graph: modularity %v, direct %v", rq, Modularity(rg, rc))
	}
}

func TestBetweenness(t *testing.T) {
	// a path 0-1-2-3-4: node 2 lies on 4 shortest paths (0-3, 0-4, 1-3, 1-4)
	path := FromEdges(5, [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 4}})
	want := []float64{0, 3, 4, 3, 0}
	for i, b := range Betweenness(path, 0, 0) {
		if b != want[i] {
			t.Fatalf("path betweenness %v, want %v", Betweenness(path, 0, 0), want)
		}
	}
	// a star: the hub lies on every pair of leaves, C(5,2) = 10
	star := FromEdges(6, [][2]int32{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}})
	if b := Betweenness(star, 0, 0); b[0] != 10 || b[1] != 0 {
		t.Fatalf("star betweenness %v", b)
	}
	if b := Betweenness(star, 6, 1); b[0] != 10 {
		t.Fatalf("sampling every node must be exact: %v", b)
	}
}

// A small network in a real store: regions, bridges, and a refresh that adds a relation.
func TestBuildRegionsBridgesRefresh(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	src := model.Source{Kind: model.SourceEdit, Author: "test", RecordedAt: now}
	src.ID = model.SourceID(src)
	rel := func(a, p, b string) model.Statement {
		return model.Statement{Kind: model.KindRelation, Subject: a, Predicate: p, Object: b, SourceID: src.ID, RecordedAt: now}
	}
	add := func(ents []model.Entity, sts ...model.Statement) {
		t.Helper()
		err := s.Update(ctx, func(w store.Writer) error {
			w.PutSource(ctx, src)
			for _, e := range ents {
				e.CreatedAt = now
				if err := w.PutEntity(ctx, e); err != nil {
					return err
				}
			}
			_, err := w.AddStatements(ctx, sts)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	place := func(id, cat string) model.Entity {
		return model.Entity{ID: id, Type: model.Place, Category: cat, Name: id}
	}
	org := func(id string) model.Entity {
		return model.Entity{ID: id, Type: model.Organization, Category: "company", Name: id}
	}
	add([]model.Entity{place("china", "country"), place("hong-kong", "region"), place("mainland-china", "region"),
		place("guangdong", "province"), place("shenzhen", "city"), place("tai-po", "district"), place("japan", "country"),
		org("rice"), org("dji"), org("softbank"), org("cyberport")},
		rel("hong-kong", "part_of", "china"), rel("mainland-china", "part_of", "china"), rel("guangdong", "part_of", "mainland-china"),
		rel("shenzhen", "part_of", "guangdong"), rel("tai-po", "part_of", "hong-kong"),
		rel("rice", "located_in", "tai-po"), rel("dji", "located_in", "shenzhen"), rel("softbank", "located_in", "japan"),
		rel("cyberport", "located_in", "hong-kong"),
		rel("rice", "partners_with", "dji"), rel("rice", "operates_in", "japan"))
	var h Holder
	if err := h.Refresh(ctx, s); err != nil {
		t.Fatal(err)
	}
	g := h.Get()
	regions := map[string]uint8{"rice": HK, "tai-po": HK, "dji": Mainland, "shenzhen": Mainland, "softbank": Abroad, "china": 0}
	for id, want := range regions {
		i, _ := g.Index(id)
		if got := g.Nodes[i].Regions; got != want {
			t.Errorf("%s: regions %s, want %s", id, RegionNames(got), RegionNames(want))
		}
	}
	bridges, cross := Bridges(g)
	if len(bridges) == 0 || g.Nodes[bridges[0].Node].ID != "rice" {
		t.Fatalf("top bridge: %+v", bridges)
	}
	if len(cross) != 2 { // rice–dji, rice–japan; the part_of chain is geography
		t.Errorf("%d cross-border edges, want 2", len(cross))
	}

	add(nil, rel("cyberport", "partners_with", "softbank"))
	if err := h.Refresh(ctx, s); err != nil {
		t.Fatal(err)
	}
	g2 := h.Get()
	c, _ := g2.Index("cyberport")
	if g2.Degree(c) != 2 || g2.Seq <= g.Seq {
		t.Errorf("after the refresh cyberport has %d relations (want 2), seq %d→%d", g2.Degree(c), g.Seq, g2.Seq)
	}
	if g.Degree(c) != 1 {
		t.Error("the refresh changed the graph readers already hold")
	}
}
