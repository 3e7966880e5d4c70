// Package storetest is the conformance suite every store backend runs against a real database.
// A backend's test calls Run with a function that opens a new, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Opener returns a new, empty store; the suite closes it.
type Opener func(t *testing.T) store.Store

// Run runs every conformance test.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"EntityRoundTrip", testEntityRoundTrip},
		{"EntityAddsNames", testEntityAddsNames},
		{"IdentifierConflict", testIdentifierConflict},
		{"StatementsIdempotent", testStatementsIdempotent},
		{"RejectedWriteChangesNothing", testRejectedWrite},
		{"Retract", testRetract},
		{"MergeRedirects", testMerge},
		{"ListFilterSortCursor", testList},
		{"LocatedInIsTransitive", testLocatedIn},
		{"GroupBy", testGroupBy},
		{"SearchRanks", testSearch},
		{"ChangesFeed", testChanges},
		{"Tokens", testTokens},
		{"ConcurrentWriters", testConcurrentWriters},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

var src = model.Source{Kind: model.SourceDocument, Title: "Test article", URL: "https://example.org/a", Published: "2025-04-30"}

func srcID() string { return model.SourceID(src) }

func ent(id, typ, cat, name string, aliases ...string) model.Entity {
	e := model.Entity{ID: id, Type: typ, Category: cat, Name: name}
	for _, a := range aliases {
		e.Aliases = append(e.Aliases, model.Alias{Value: a, Lang: "en"})
	}
	return e
}

func rel(s, p, o string) model.Statement {
	return model.Statement{Kind: model.KindRelation, Subject: s, Predicate: p, Object: o, SourceID: srcID(), Evidence: s + " " + p + " " + o}
}

// seed writes a small network: Hong Kong with Tai Po in it, Japan, two startups, a person.
func seed(t *testing.T, s store.Store) {
	t.Helper()
	err := s.Update(context.Background(), func(w store.Writer) error {
		if err := w.PutSource(context.Background(), src); err != nil {
			return err
		}
		for _, e := range []model.Entity{
			ent("hong-kong", model.Place, "city", "Hong Kong", "HK", "香港"),
			ent("tai-po", model.Place, "district", "Tai Po"),
			ent("japan", model.Place, "country", "Japan"),
			ent("rice-robotics", model.Organization, "startup", "Rice Robotics"),
			ent("time-medical", model.Organization, "company", "Time Medical", "Time Medical Holding"),
			ent("cyberport", model.Organization, "park_operator", "Cyberport", "Hong Kong Cyberport Management Company"),
			ent("cyberport-ai", model.Facility, "", "Cyberport AI Supercomputing Centre"),
			ent("victor-lee", model.Person, "", "Victor Lee"),
		} {
			if err := w.PutEntity(context.Background(), e); err != nil {
				return err
			}
		}
		_, err := w.AddStatements(context.Background(), []model.Statement{
			rel("tai-po", "part_of", "hong-kong"),
			rel("rice-robotics", "located_in", "hong-kong"),
			rel("rice-robotics", "operates_in", "japan"),
			rel("time-medical", "located_in", "tai-po"),
			rel("cyberport", "located_in", "hong-kong"),
			rel("cyberport", "operates", "cyberport-ai"),
			{Kind: model.KindRelation, Subject: "victor-lee", Predicate: "holds_position", Object: "rice-robotics",
				Qualifiers: model.Qualifiers{Role: "CEO"}, SourceID: srcID()},
		})
		return err
	})
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
}

func ctx() context.Context { return context.Background() }

func testEntityRoundTrip(t *testing.T, s store.Store) {
	e := ent("hkstp", model.Organization, "park_operator", "Hong Kong Science and Technology Parks Corporation", "HKSTP")
	e.Aliases = append(e.Aliases, model.Alias{Value: "香港科技園公司", Lang: "zh-Hant", Kind: "label"})
	e.Identifiers = map[string]string{"ror": "05q8mqd91", "wikidata": "Q5894784"}
	if err := s.Update(ctx(), func(w store.Writer) error { return w.PutEntity(ctx(), e) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entity(ctx(), "hkstp")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != e.Name || got.Type != e.Type || got.Category != e.Category || len(got.Aliases) != 2 || got.Identifiers["ror"] != "05q8mqd91" {
		t.Fatalf("got %+v", got)
	}
	if got.CreatedAt.IsZero() {
		t.Error("created_at not set")
	}
	id, err := s.EntityByIdentifier(ctx(), "wikidata", "Q5894784")
	if err != nil || id != "hkstp" {
		t.Fatalf("by identifier: %q, %v", id, err)
	}
	for _, name := range []string{"hkstp", "HKSTP", "香港科技園公司", "hong kong science and technology parks corporation"} {
		ids, err := s.EntitiesByName(ctx(), model.NormName(name))
		if err != nil || len(ids) != 1 || ids[0] != "hkstp" {
			t.Errorf("by name %q: %v, %v", name, ids, err)
		}
	}
	if _, err := s.Entity(ctx(), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing entity: %v", err)
	}
	if _, err := s.EntityByIdentifier(ctx(), "ror", "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing identifier: %v", err)
	}
}

func testEntityAddsNames(t *testing.T, s store.Store) {
	seed(t, s)
	more := ent("japan", model.Place, "country", "Japan", "日本", "Nippon")
	more.Identifiers = map[string]string{"wikidata": "Q17"}
	if err := s.Update(ctx(), func(w store.Writer) error { return w.PutEntity(ctx(), more) }); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Entity(ctx(), "japan")
	if len(got.Aliases) != 2 || got.Identifiers["wikidata"] != "Q17" {
		t.Fatalf("names not added: %+v", got)
	}
	clash := ent("japan", model.Organization, "company", "Japan")
	err := s.Update(ctx(), func(w store.Writer) error { return w.PutEntity(ctx(), clash) })
	if !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("type change: want ErrInvalid, got %v", err)
	}
}

func testIdentifierConflict(t *testing.T, s store.Store) {
	a := ent("a", model.Organization, "", "A")
	a.Identifiers = map[string]string{"ror": "x1"}
	b := ent("b", model.Organization, "", "B")
	b.Identifiers = map[string]string{"ror": "x1"}
	if err := s.Update(ctx(), func(w store.Writer) error { return w.PutEntity(ctx(), a) }); err != nil {
		t.Fatal(err)
	}
	err := s.Update(ctx(), func(w store.Writer) error { return w.PutEntity(ctx(), b) })
	var fe *model.FieldError
	if !errors.Is(err, store.ErrInvalid) || !errors.As(err, &fe) || fe.Field != "identifiers.ror" {
		t.Fatalf("want identifier conflict, got %v", err)
	}
	if _, err := s.Entity(ctx(), "b"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("rejected entity was stored: %v", err)
	}
}

func testStatementsIdempotent(t *testing.T, s store.Store) {
	seed(t, s)
	before, _ := s.Stats(ctx())
	var added int
	err := s.Update(ctx(), func(w store.Writer) error {
		var err error
		added, err = w.AddStatements(ctx(), []model.Statement{rel("rice-robotics", "operates_in", "japan"), rel("rice-robotics", "operates_in", "japan")})
		return err
	})
	if err != nil || added != 0 {
		t.Fatalf("re-adding: added %d, %v", added, err)
	}
	after, _ := s.Stats(ctx())
	if before.Statements != after.Statements || after.Statements != 7 {
		t.Fatalf("statements %d → %d", before.Statements, after.Statements)
	}
	sts, err := s.Statements(ctx(), store.StatementQuery{Subjects: []string{"victor-lee"}})
	if err != nil || len(sts) != 1 {
		t.Fatalf("statements of victor-lee: %v %v", sts, err)
	}
	if st := sts[0]; st.Role != "CEO" || st.Object != "rice-robotics" || st.SourceID != srcID() || st.RecordedAt.IsZero() || st.ID != model.StatementID(st) {
		t.Fatalf("statement round trip: %+v", st)
	}
	metric := model.Statement{Kind: model.KindMetric, Subject: "hong-kong", Predicate: "startup_count", Value: model.NumberValue(4694),
		Qualifiers: model.Qualifiers{Unit: "count", Period: "2024", ChangePercent: ptr(10), BasePeriod: "2023"}, SourceID: srcID()}
	if err := s.Update(ctx(), func(w store.Writer) error { _, err := w.AddStatements(ctx(), []model.Statement{metric}); return err }); err != nil {
		t.Fatal(err)
	}
	sts, _ = s.Statements(ctx(), store.StatementQuery{Subjects: []string{"hong-kong"}, Kinds: []string{model.KindMetric}})
	if len(sts) != 1 {
		t.Fatalf("metric: %+v", sts)
	}
	if v, ok := sts[0].Number(); !ok || v != 4694 || *sts[0].ChangePercent != 10 || sts[0].Period != "2024" {
		t.Fatalf("metric round trip: %+v", sts[0])
	}
}

func ptr(f float64) *float64 { return &f }

func testRejectedWrite(t *testing.T, s store.Store) {
	seed(t, s)
	before, _ := s.Stats(ctx())
	for _, bad := range []model.Statement{
		rel("japan", "holds_position", "rice-robotics"), // forbidden types
		rel("rice-robotics", "operates_in", "mars"),     // dangling object
		rel("rice-robotics", "likes", "japan"),          // unknown predicate
	} {
		err := s.Update(ctx(), func(w store.Writer) error {
			if err := w.PutEntity(ctx(), ent("new-one", model.Organization, "", "New One")); err != nil {
				return err
			}
			_, err := w.AddStatements(ctx(), []model.Statement{rel("new-one", "located_in", "hong-kong"), bad})
			return err
		})
		if !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s %s %s: want ErrInvalid, got %v", bad.Subject, bad.Predicate, bad.Object, err)
		}
	}
	after, _ := s.Stats(ctx())
	if after.Entities != before.Entities || after.Statements != before.Statements {
		t.Fatalf("a rejected write changed the store: %+v → %+v", before, after)
	}
}

func testRetract(t *testing.T, s store.Store) {
	seed(t, s)
	st := rel("rice-robotics", "operates_in", "japan")
	id := model.StatementID(st)
	if err := s.Update(ctx(), func(w store.Writer) error { return w.Retract(ctx(), id, time.Now()) }); err != nil {
		t.Fatal(err)
	}
	live, _ := s.Statements(ctx(), store.StatementQuery{Subjects: []string{"rice-robotics"}, Predicates: []string{"operates_in"}})
	all, _ := s.Statements(ctx(), store.StatementQuery{Subjects: []string{"rice-robotics"}, Predicates: []string{"operates_in"}, IncludeRetracted: true})
	if len(live) != 0 || len(all) != 1 || all[0].RetractedAt == nil {
		t.Fatalf("retraction: live %v, all %v", live, all)
	}
	err := s.Update(ctx(), func(w store.Writer) error { return w.Retract(ctx(), "st_nope", time.Now()) })
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("retracting a missing statement: %v", err)
	}
}

func testMerge(t *testing.T, s store.Store) {
	seed(t, s)
	dup := ent("time-medical-holding", model.Organization, "company", "Time Medical Holding Ltd", "時代醫療")
	dup.Identifiers = map[string]string{"wikidata": "Q1"}
	err := s.Update(ctx(), func(w store.Writer) error {
		if err := w.PutEntity(ctx(), dup); err != nil {
			return err
		}
		if _, err := w.AddStatements(ctx(), []model.Statement{rel("time-medical-holding", "operates_in", "japan")}); err != nil {
			return err
		}
		return w.Merge(ctx(), store.Merge{From: "time-medical-holding", Into: "time-medical", Reason: "name", Score: 0.95})
	})
	if err != nil {
		t.Fatal(err)
	}
	old, err := s.Entity(ctx(), "time-medical-holding")
	if err != nil || old.MergedInto != "time-medical" {
		t.Fatalf("old entity: %+v %v", old, err)
	}
	got, err := store.Resolve(ctx(), s, "time-medical-holding")
	if err != nil || got.ID != "time-medical" {
		t.Fatalf("resolve: %+v %v", got, err)
	}
	if got.Identifiers["wikidata"] != "Q1" || len(got.Aliases) != 2 {
		t.Errorf("merged names missing: %+v", got)
	}
	sts, _ := s.Statements(ctx(), store.StatementQuery{Subjects: []string{"time-medical"}})
	if len(sts) != 2 {
		t.Errorf("statements of the merged entity: %d, want 2", len(sts))
	}
	ids, _ := s.EntitiesByName(ctx(), model.NormName("時代醫療"))
	if len(ids) != 1 || ids[0] != "time-medical" {
		t.Errorf("by a merged name: %v", ids)
	}
	merges, _ := s.MergedInto(ctx(), "time-medical")
	if len(merges) != 1 || merges[0].Reason != "name" || merges[0].Score != 0.95 {
		t.Errorf("merges: %+v", merges)
	}
	page, _ := s.Entities(ctx(), store.EntityQuery{Filters: []store.Filter{{Field: "type", Values: []string{model.Organization}}}})
	for _, e := range page.Entities {
		if e.ID == "time-medical-holding" {
			t.Error("a merged entity is listed")
		}
	}
	err = s.Update(ctx(), func(w store.Writer) error { return w.Merge(ctx(), store.Merge{From: "japan", Into: "rice-robotics"}) })
	if !errors.Is(err, store.ErrInvalid) {
		t.Errorf("merging across types: %v", err)
	}
}

func testList(t *testing.T, s store.Store) {
	seed(t, s)
	var names []string
	cur := ""
	for pages := 0; ; pages++ {
		page, err := s.Entities(ctx(), store.EntityQuery{Sort: "name", Limit: 3, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 8 {
			t.Fatalf("total %d", page.Total)
		}
		for _, e := range page.Entities {
			names = append(names, e.Name)
		}
		if cur = page.Next; cur == "" {
			break
		}
		if pages > 5 {
			t.Fatal("cursor does not end")
		}
	}
	want := []string{"Cyberport", "Cyberport AI Supercomputing Centre", "Hong Kong", "Japan", "Rice Robotics", "Tai Po", "Time Medical", "Victor Lee"}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Fatalf("pages by name: %v", names)
	}
	// Hong Kong and Rice Robotics tie on degree: ties go by ID in the sort's direction
	page, err := s.Entities(ctx(), store.EntityQuery{Sort: "-degree", Limit: 2})
	if err != nil || len(page.Entities) != 2 || page.Entities[0].ID != "rice-robotics" || page.Next == "" {
		t.Fatalf("by degree: %+v %v", page, err)
	}
	page2, err := s.Entities(ctx(), store.EntityQuery{Sort: "-degree", Limit: 2, Cursor: page.Next})
	if err != nil || len(page2.Entities) != 2 || page2.Entities[0].ID == page.Entities[1].ID {
		t.Fatalf("second page by degree: %+v %v", page2, err)
	}
	// walking every page, a caller may leave out the count; names are still there
	page2, err = s.Entities(ctx(), store.EntityQuery{Sort: "-degree", Limit: 2, NoTotal: true})
	if err != nil || page2.Total != 0 || len(page2.Entities) != 2 || page2.Entities[0].ID != "rice-robotics" || page2.Entities[0].Aliases == nil || page.Total == 0 {
		t.Fatalf("without the total: %+v %v (with it: %d)", page2, err, page.Total)
	}
	page, err = s.Entities(ctx(), store.EntityQuery{Filters: []store.Filter{{Field: "type", Values: []string{"organization"}}, {Field: "category", Values: []string{"startup", "company"}}}})
	if err != nil || len(page.Entities) != 2 {
		t.Fatalf("filter: %+v %v", page, err)
	}
	if _, err := s.Entities(ctx(), store.EntityQuery{Sort: "colour"}); !isField(err, "sort") {
		t.Errorf("bad sort: %v", err)
	}
	if _, err := s.Entities(ctx(), store.EntityQuery{Filters: []store.Filter{{Field: "colour", Values: []string{"red"}}}}); !isField(err, "filter") {
		t.Errorf("bad filter: %v", err)
	}
	if _, err := s.Entities(ctx(), store.EntityQuery{Cursor: "!!"}); !isField(err, "cursor") {
		t.Errorf("bad cursor: %v", err)
	}
}

func isField(err error, field string) bool {
	var fe *model.FieldError
	return errors.As(err, &fe) && fe.Field == field
}

func testLocatedIn(t *testing.T, s store.Store) {
	seed(t, s)
	page, err := s.Entities(ctx(), store.EntityQuery{Filters: []store.Filter{{Field: "located_in", Values: []string{"hong-kong"}}}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, e := range page.Entities {
		got[e.ID] = true
	}
	if !got["rice-robotics"] || !got["time-medical"] || !got["cyberport"] || len(got) != 3 {
		t.Fatalf("located in Hong Kong (Time Medical through Tai Po): %v", got)
	}
}

func testGroupBy(t *testing.T, s store.Store) {
	seed(t, s)
	groups, err := s.CountEntities(ctx(), store.EntityQuery{}, "type")
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 4 || groups[0].Key != "organization" || groups[0].Count != 3 || groups[1].Key != "place" {
		t.Fatalf("by type: %+v", groups)
	}
	groups, err = s.CountEntities(ctx(), store.EntityQuery{Filters: []store.Filter{{Field: "type", Values: []string{"organization"}}}}, "category")
	if err != nil || len(groups) != 3 {
		t.Fatalf("by category: %+v %v", groups, err)
	}
	groups, err = s.CountEntities(ctx(), store.EntityQuery{}, "located_in")
	if err != nil || len(groups) != 2 || groups[0].Key != "hong-kong" || groups[0].Count != 2 || groups[0].Name != "Hong Kong" {
		t.Fatalf("by located_in: %+v %v", groups, err)
	}
	if _, err := s.CountEntities(ctx(), store.EntityQuery{}, "colour"); !isField(err, "group_by") {
		t.Errorf("bad group_by: %v", err)
	}
}

func testSearch(t *testing.T, s store.Store) {
	seed(t, s)
	for _, tt := range []struct{ q, first string }{
		{"Cyberport", "cyberport"},
		{"cyber", "cyberport"},
		{"supercomputing", "cyberport-ai"},
		{"香港", "hong-kong"},
		{"hk", "hong-kong"},
		{"Time Medical Holding", "time-medical"},
	} {
		page, err := s.Entities(ctx(), store.EntityQuery{Search: tt.q})
		if err != nil || len(page.Entities) == 0 || page.Entities[0].ID != tt.first {
			t.Errorf("search %q: %+v %v", tt.q, page.Entities, err)
		}
	}
	page, _ := s.Entities(ctx(), store.EntityQuery{Search: "cyberport"})
	if page.Total != 2 {
		t.Errorf("search cyberport: %d results", page.Total)
	}
	page, _ = s.Entities(ctx(), store.EntityQuery{Search: "100%_"})
	if page.Total != 0 {
		t.Errorf("LIKE wildcards are not escaped: %d", page.Total)
	}
}

func testChanges(t *testing.T, s store.Store) {
	seed(t, s)
	seq, err := s.Seq(ctx())
	if err != nil || seq == 0 {
		t.Fatalf("seq %d %v", seq, err)
	}
	err = s.Update(ctx(), func(w store.Writer) error {
		_, err := w.AddStatements(ctx(), []model.Statement{rel("time-medical", "operates_in", "japan")})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sts, _ := s.Statements(ctx(), store.StatementQuery{SinceSeq: seq})
	if len(sts) != 1 || sts[0].Subject != "time-medical" || sts[0].Seq <= seq {
		t.Fatalf("changes since %d: %+v", seq, sts)
	}
	seq2, _ := s.Seq(ctx())
	if err := s.Update(ctx(), func(w store.Writer) error { return w.Retract(ctx(), sts[0].ID, time.Now()) }); err != nil {
		t.Fatal(err)
	}
	sts, _ = s.Statements(ctx(), store.StatementQuery{SinceSeq: seq2, IncludeRetracted: true})
	if len(sts) != 1 || sts[0].RetractedAt == nil {
		t.Fatalf("a retraction is a change: %+v", sts)
	}
	// entities written since: a new one, one given a name, both sides of a merge
	seq3, _ := s.Seq(ctx())
	err = s.Update(ctx(), func(w store.Writer) error {
		for _, e := range []model.Entity{ent("cyberport", model.Organization, "park_operator", "Cyberport"), ent("japan", model.Place, "country", "Japan", "日本")} {
			if err := w.PutEntity(ctx(), e); err != nil {
				return err
			}
		}
		return w.Merge(ctx(), store.Merge{From: "cyberport", Into: "time-medical"})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    store.EntityQuery
		want string
	}{
		{store.EntityQuery{SinceSeq: seq3, Sort: store.SortName}, "japan time-medical"},
		{store.EntityQuery{SinceSeq: seq3, Sort: store.SortName, Export: true, Bare: true}, "cyberport japan time-medical"},
	} {
		page, err := s.Entities(ctx(), tt.q)
		var ids []string
		for _, e := range page.Entities {
			ids = append(ids, e.ID)
		}
		if got := strings.Join(ids, " "); err != nil || got != tt.want {
			t.Errorf("entities since %d (%+v): %s %v, want %s", seq3, tt.q, got, err, tt.want)
		}
	}
	// in the order they were written (a merge writes both sides at once), a page at a time
	var changed []string
	for q := (store.EntityQuery{SinceSeq: seq3, Sort: store.SortChanged, Export: true, Limit: 1}); ; {
		page, err := s.Entities(ctx(), q)
		if err != nil || len(page.Entities) != 1 {
			t.Fatalf("changed since %d: %+v %v", seq3, page, err)
		}
		if changed = append(changed, page.Entities[0].ID); page.Next == "" || len(changed) > 3 {
			break
		}
		q.Cursor = page.Next
	}
	if got := strings.Join(changed, " "); got != "japan cyberport time-medical" {
		t.Errorf("by change: %s", got)
	}
	srcs, err := s.RecentSources(ctx(), 5)
	if err != nil || len(srcs) != 1 || srcs[0].Title != src.Title || srcs[0].Published != "2025-04-30" {
		t.Fatalf("sources: %+v %v", srcs, err)
	}
}

func testTokens(t *testing.T, s store.Store) {
	if err := s.Update(ctx(), func(w store.Writer) error { return w.PutToken(ctx(), "abc", "admin", "first") }); err != nil {
		t.Fatal(err)
	}
	if scope, err := s.TokenScope(ctx(), "abc"); err != nil || scope != "admin" {
		t.Fatalf("scope %q %v", scope, err)
	}
	if _, err := s.TokenScope(ctx(), "def"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown token: %v", err)
	}
}

// testConcurrentWriters writes the same statements from several goroutines at once: each is
// stored once and no write fails.
func testConcurrentWriters(t *testing.T, s store.Store) {
	seed(t, s)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.Update(ctx(), func(w store.Writer) error {
				e := ent(fmt.Sprintf("org-%d", i%2), model.Organization, "", fmt.Sprintf("Org %d", i%2))
				if err := w.PutEntity(ctx(), e); err != nil {
					return err
				}
				_, err := w.AddStatements(ctx(), []model.Statement{rel(e.ID, "located_in", "hong-kong")})
				return err
			})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	sts, _ := s.Statements(ctx(), store.StatementQuery{Objects: []string{"hong-kong"}, Subjects: []string{"org-0", "org-1"}})
	if len(sts) != 2 {
		t.Fatalf("want 2 statements, got %d", len(sts))
	}
}
