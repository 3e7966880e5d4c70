// Package netfile writes the network — live entities and their current relations — in the file
// formats of network tools: GraphML for Gephi, igraph and networkx; CSV edge and node tables for
// pandas, igraph's Graph.DataFrame and Gephi's spreadsheet import.
package netfile

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Network is the live entities and the relations between them, merged IDs followed.
type Network struct {
	Nodes []model.Entity
	Edges []Edge
}

// Edge is one relation statement.
type Edge struct {
	ID, Source, Target, Predicate string
}

// Read loads the network from the store.
func Read(ctx context.Context, r store.Reader) (*Network, error) {
	n := &Network{}
	live := map[string]bool{}
	err := store.EachPage(ctx, r, store.EntityQuery{Sort: store.SortCreated, Limit: 5000, Bare: true}, func(es []model.Entity) error {
		for _, e := range es {
			live[e.ID] = true
			n.Nodes = append(n.Nodes, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("network entities: %w", err)
	}
	canonical := map[string]string{}
	resolve := func(id string) (string, error) {
		if live[id] {
			return id, nil
		}
		if c, ok := canonical[id]; ok {
			return c, nil
		}
		e, err := store.Resolve(ctx, r, id)
		if err != nil {
			return "", err
		}
		canonical[id] = e.ID
		return e.ID, nil
	}
	var since int64
	for {
		sts, err := r.Statements(ctx, store.StatementQuery{Kinds: []string{model.KindRelation}, SinceSeq: since, Limit: 5000})
		if err != nil {
			return nil, fmt.Errorf("network relations: %w", err)
		}
		for _, s := range sts {
			since = s.Seq
			src, err := resolve(s.Subject)
			if err != nil {
				return nil, fmt.Errorf("relation %s: %w", s.ID, err)
			}
			dst, err := resolve(s.Object)
			if err != nil {
				return nil, fmt.Errorf("relation %s: %w", s.ID, err)
			}
			n.Edges = append(n.Edges, Edge{ID: s.ID, Source: src, Target: dst, Predicate: s.Predicate})
		}
		if len(sts) < 5000 {
			return n, nil
		}
	}
}

// WriteGraphML writes the network as a directed GraphML document with node attributes name,
// type and category and the edge attribute predicate.
func (n *Network) WriteGraphML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="category" for="node" attr.name="category" attr.type="string"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <graph id="hkin" edgedefault="directed">
`)
	for _, e := range n.Nodes {
		fmt.Fprintf(bw, "    <node id=\"%s\"><data key=\"name\">%s</data><data key=\"type\">%s</data><data key=\"category\">%s</data></node>\n",
			esc(e.ID), esc(e.Name), esc(e.Type), esc(e.Category))
	}
	for _, e := range n.Edges {
		fmt.Fprintf(bw, "    <edge id=\"%s\" source=\"%s\" target=\"%s\"><data key=\"predicate\">%s</data></edge>\n",
			esc(e.ID), esc(e.Source), esc(e.Target), esc(e.Predicate))
	}
	fmt.Fprint(bw, "  </graph>\n</graphml>\n")
	return bw.Flush()
}

// WriteEdgesCSV writes one row per relation: source, target, predicate, and both ends' names
// and types, with a header row.
func (n *Network) WriteEdgesCSV(w io.Writer) error {
	byID := make(map[string]*model.Entity, len(n.Nodes))
	for i := range n.Nodes {
		byID[n.Nodes[i].ID] = &n.Nodes[i]
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "target", "predicate", "source_name", "source_type", "target_name", "target_type", "statement"})
	for _, e := range n.Edges {
		s, t := byID[e.Source], byID[e.Target]
		if s == nil || t == nil {
			continue
		}
		cw.Write([]string{e.Source, e.Target, e.Predicate, s.Name, s.Type, t.Name, t.Type, e.ID})
	}
	cw.Flush()
	return cw.Error()
}

// WriteNodesCSV writes one row per entity: id, name, type, category.
func (n *Network) WriteNodesCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "name", "type", "category"})
	for _, e := range n.Nodes {
		cw.Write([]string{e.ID, e.Name, e.Type, e.Category})
	}
	cw.Flush()
	return cw.Error()
}
