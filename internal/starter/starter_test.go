package starter

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store/sqlite"
)

// TestEmbeddedNetwork checks the typed-in data: it loads (types, predicates, subject and object
// types, references and sources all valid) and is as large and varied as promised.
func TestEmbeddedNetwork(t *testing.T) {
	ds, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	byID := map[string]model.Entity{}
	for _, e := range ds.Entities {
		types[e.Type]++
		byID[e.ID] = e
	}
	relations := 0
	partOf := map[string][]string{}
	for _, s := range ds.Statements {
		if s.Kind == model.KindRelation {
			relations++
			if s.Predicate == "part_of" {
				partOf[s.Subject] = append(partOf[s.Subject], s.Object)
			}
		}
	}
	t.Logf("%d entities %v, %d relations, %d statements, %d sources", len(ds.Entities), types, relations, len(ds.Statements), len(ds.Sources))
	if len(ds.Entities) < 300 {
		t.Errorf("%d entities, want at least 300", len(ds.Entities))
	}
	if relations < 800 {
		t.Errorf("%d relations, want at least 800", relations)
	}
	for _, typ := range model.EntityTypes {
		if types[typ] == 0 {
			t.Errorf("no entity of type %s", typ)
		}
	}
	// every place but the world and the country roots reaches China or a foreign country
	for _, e := range ds.Entities {
		if e.Type != model.Place || e.Category == "country" || e.Category == "pseudo" || e.Category == "region" {
			continue
		}
		if !reachesCountry(e.ID, partOf, byID, 0) {
			t.Errorf("place %s (%s) is not part_of a chain up to a country", e.ID, e.Category)
		}
	}
}

func reachesCountry(id string, partOf map[string][]string, byID map[string]model.Entity, depth int) bool {
	if byID[id].Category == "country" {
		return true
	}
	if depth > 8 {
		return false
	}
	for _, up := range partOf[id] {
		if reachesCountry(up, partOf, byID, depth+1) {
			return true
		}
	}
	return false
}

func TestLoadErrorsNameTheProblem(t *testing.T) {
	src := `{"sources":[{"key":"s","kind":"document","title":"T","url":"https://example.org"}],
		"entities":[{"id":"a","type":"organization","name":"A","source":"s"},{"id":"p","type":"place","name":"P","source":"s"}]`
	tests := []struct{ name, data, want string }{
		{"bad json", `{"sources": [`, "bad.json"},
		{"valid", src + `,"relations":[{"subject":"a","predicate":"located_in","object":"p","source":"s"}]}`, ""},
		{"forbidden relation", src + `,"relations":[{"subject":"p","predicate":"holds_position","object":"a","source":"s"}]}`, `predicate "holds_position"`},
		{"dangling", src + `,"relations":[{"subject":"a","predicate":"located_in","object":"mars","source":"s"}]}`, `object "mars"`},
		{"unknown source", src + `,"relations":[{"subject":"a","predicate":"located_in","object":"p","source":"nope"}]}`, `unknown source "nope"`},
		{"bad event", src + `,"events":[{"subject":"a","kind":"opened","date":"May","source":"s"}]}`, `date "May"`},
		{"same source twice", `{"sources":[{"key":"s","kind":"document","title":"T","url":"https://example.org"},
			{"key":"s2","kind":"document","title":"T2","url":"https://example.org"}]}`, `source "s2" is the same source as "s"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"d/bad.json": {Data: []byte(tt.data)}}
			_, err := LoadFS(fsys, "d")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.json") {
				t.Fatalf("want an error naming %q, got %v", tt.want, err)
			}
		})
	}
}

func TestLoadIfEmptyIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	loaded, err := LoadIfEmpty(ctx, s)
	if err != nil || !loaded {
		t.Fatalf("first load: %v %v", loaded, err)
	}
	before, _ := s.Stats(ctx)
	ds, _ := Load()
	if err := ds.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Stats(ctx)
	if before.Entities != after.Entities || before.Statements != after.Statements || before.Entities != len(ds.Entities) {
		t.Fatalf("reapplying changed the store: %+v → %+v", before, after)
	}
	if loaded, _ := LoadIfEmpty(ctx, s); loaded {
		t.Fatal("loaded into a non-empty store")
	}
}
