package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/starter"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

const article = `Hong Kong Science and Technology Parks Corporation (HKSTP) signed an agreement with Rice Robotics on Tuesday.
Victor Lee, CEO of Rice Robotics, said the company will open an office in Tokyo.
Zorblax Dynamics, a Shenzhen drone startup founded in 2021, will move into Hong Kong Science Park.`

func openStore(t *testing.T, withStarter bool) store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if withStarter {
		if _, err := starter.LoadIfEmpty(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestIngestResolvesAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, true)
	p := New(s, nil, nil)
	doc := Document{Text: article, Published: "2025-05-08", URL: "https://example.org/news/1", Title: "HKSTP signs Rice Robotics"}
	first, err := p.Ingest(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if first.Added == 0 || len(first.Statements) == 0 {
		t.Fatalf("first ingest stored nothing: %+v", first)
	}
	// Known entities resolve onto the starter network's IDs instead of becoming new ones.
	resolved := map[string]bool{}
	for _, id := range first.Entities {
		resolved[id] = true
	}
	for _, want := range []string{"hkstp", "rice-robotics", "victor-lee"} {
		if !resolved[want] {
			t.Errorf("%s was not resolved onto the stored entity; entities: %v", want, first.Entities)
		}
	}
	for _, id := range first.Created {
		if id == "hkstp" || id == "rice-robotics" {
			t.Errorf("created a duplicate of %s", id)
		}
	}
	// Every stored statement carries the document as its source and a sentence as evidence.
	src, err := s.Sources(ctx, []string{first.Source})
	if err != nil || len(src) != 1 || src[0].URL != doc.URL || src[0].SHA256 == "" {
		t.Fatalf("source %v: %+v", err, src)
	}
	sts, err := s.Statements(ctx, store.StatementQuery{Source: first.Source})
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != len(first.Statements) {
		t.Errorf("%d statements stored under the source, result lists %d", len(sts), len(first.Statements))
	}
	for _, st := range sts {
		if st.Evidence == "" {
			t.Errorf("statement %s %s %s has no evidence", st.Subject, st.Predicate, st.Object)
		}
	}
	before, _ := s.Stats(ctx)
	again, err := p.Ingest(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.Stats(ctx)
	if again.Added != 0 || len(again.Created) != 0 || after.Statements != before.Statements || after.Entities != before.Entities {
		t.Errorf("second ingest changed the store: added %d, created %v, statements %d→%d, entities %d→%d",
			again.Added, again.Created, before.Statements, after.Statements, before.Entities, after.Entities)
	}
}

func TestIngestEmptyStoreCreatesEntities(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, false)
	res, err := New(s, nil, nil).Ingest(ctx, Document{Text: article, Published: "2025-05-08"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Created) == 0 {
		t.Fatal("no entities created in an empty store")
	}
	for _, id := range res.Created {
		e, err := s.Entity(ctx, id)
		if err != nil {
			t.Fatalf("created %s but cannot read it: %v", id, err)
		}
		for _, a := range e.Aliases {
			if !keepAlias(a.Value, e.Type) {
				t.Errorf("%s keeps the in-text alias %q", id, a.Value)
			}
		}
	}
}

func TestIngestBadInputStoresNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, false)
	p := New(s, nil, nil)
	for _, doc := range []Document{{Text: "   "}, {Text: article, Published: "May 2025"}, {Text: "a\x00b"}} {
		if _, err := p.Ingest(ctx, doc); err == nil {
			t.Errorf("ingest of %q (published %q) did not fail", doc.Text, doc.Published)
		}
	}
	st, _ := s.Stats(ctx)
	if st.Entities != 0 || st.Statements != 0 || st.Sources != 0 {
		t.Errorf("a rejected document left %+v", st)
	}
}

func TestKeepAlias(t *testing.T) {
	tests := []struct {
		alias, typ string
		want       bool
	}{
		{"HKSTP", model.Organization, true},
		{"the city", model.Place, false},
		{"The institute", model.Organization, false},
		{"Lee", model.Person, false},
		{"Q.Y. Ma", model.Person, true},
		{"John Lee Ka-chiu", model.Person, true},
		{"數碼港", model.Organization, true},
	}
	for _, tt := range tests {
		if got := keepAlias(tt.alias, tt.typ); got != tt.want {
			t.Errorf("keepAlias(%q, %s) = %v, want %v", tt.alias, tt.typ, got, tt.want)
		}
	}
}
