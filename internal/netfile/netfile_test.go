package netfile

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"path/filepath"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

func TestNetworkFiles(t *testing.T) {
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
	var retracted string
	err = s.Update(ctx, func(w store.Writer) error {
		w.PutSource(ctx, src)
		for _, e := range []model.Entity{
			{ID: "hk", Type: model.Place, Name: "Hong Kong", CreatedAt: now},
			{ID: "jp", Type: model.Place, Name: "Japan", CreatedAt: now},
			{ID: "rice", Type: model.Organization, Category: "startup", Name: `Rice "Robotics" & Co <HK>`, CreatedAt: now},
			{ID: "rice-dup", Type: model.Organization, Category: "startup", Name: "Rice Robotics Ltd", CreatedAt: now},
		} {
			if err := w.PutEntity(ctx, e); err != nil {
				return err
			}
		}
		sts := []model.Statement{rel("rice", "located_in", "hk"), rel("rice-dup", "operates_in", "jp"), rel("rice", "operates_in", "hk")}
		if _, err := w.AddStatements(ctx, sts); err != nil {
			return err
		}
		retracted = model.StatementID(sts[2])
		if err := w.Retract(ctx, retracted, now); err != nil {
			return err
		}
		return w.Merge(ctx, store.Merge{From: "rice-dup", Into: "rice", Reason: "test", RecordedAt: now})
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := Read(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Nodes) != 3 || len(n.Edges) != 2 {
		t.Fatalf("%d nodes, %d edges; want 3 live entities and 2 current relations", len(n.Nodes), len(n.Edges))
	}
	for _, e := range n.Edges {
		if e.Source == "rice-dup" || e.ID == retracted {
			t.Errorf("edge %+v: merged IDs must be followed and retracted relations left out", e)
		}
	}

	var gml bytes.Buffer
	if err := n.WriteGraphML(&gml); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(gml.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, gml.String())
	}
	if len(doc.Graph.Nodes) != 3 || len(doc.Graph.Edges) != 2 {
		t.Fatalf("GraphML has %d nodes and %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	found := false
	for _, nd := range doc.Graph.Nodes {
		for _, d := range nd.Data {
			found = found || (d.Key == "name" && d.Value == `Rice "Robotics" & Co <HK>`)
		}
	}
	if !found {
		t.Error("a name with XML metacharacters did not survive the round trip")
	}

	var edges, nodes bytes.Buffer
	n.WriteEdgesCSV(&edges)
	n.WriteNodesCSV(&nodes)
	rows, err := csv.NewReader(&edges).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][0] != "source" {
		t.Fatalf("edges CSV: %v %v", err, rows)
	}
	rows, err = csv.NewReader(&nodes).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("nodes CSV: %v %v", err, rows)
	}
}
