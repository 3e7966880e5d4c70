package search

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

func ent(id, typ, name string, aliases ...model.Alias) model.Entity {
	return model.Entity{ID: id, Type: typ, Name: name, Aliases: aliases}
}

func zh(v string) model.Alias { return model.Alias{Value: v, Lang: "zh"} }

// entities, best connected first.
var entities = []model.Entity{
	ent("hku", model.Organization, "University of Hong Kong", model.Alias{Value: "HKU", Kind: "acronym"}, zh("香港大學")),
	ent("hkust-gz", model.Organization, "The Hong Kong University of Science and Technology (Guangzhou)", zh("香港科技大学（广州）")),
	ent("hkust", model.Organization, "Hong Kong University of Science and Technology", model.Alias{Value: "HKUST", Kind: "acronym"}, zh("香港科技大學")),
	ent("hkstp", model.Organization, "Hong Kong Science and Technology Parks Corporation", model.Alias{Value: "HKSTP", Kind: "acronym"}, zh("香港科技园公司")),
	ent("science-park", model.Facility, "Hong Kong Science Park", zh("香港科學園")),
	ent("hong-kong", model.Place, "Hong Kong", zh("香港")),
	ent("rice", model.Organization, "Rice Robotics"),
	ent("ricebowl", model.Organization, "Ricebowl Capital"),
	ent("polyu", model.Organization, "Hong Kong Polytechnic University", model.Alias{Value: "PolyU"}, zh("香港理工大學")),
}

func TestRanking(t *testing.T) {
	ix := New(entities)
	tests := []struct {
		q     string
		first string
		tier  int
	}{
		{"Hong Kong", "hong-kong", TierExact},
		{"hong kong univ science technology", "hkust", TierWords},
		{"Hong Kong University of Science & Technology", "hkust", TierExact},
		{"HKUST", "hkust", TierExact},
		{"hkstp", "hkstp", TierExact},
		{"香港科技园", "hkstp", TierPrefix},
		{"香港科技園", "hkstp", TierPrefix},
		{"香港科技園公司", "hkstp", TierExact},
		{"科學園", "science-park", TierWords},
		{"理工", "polyu", TierWords},
		{"Rice", "rice", TierPrefix},
		{"rice robo", "rice", TierPrefix},
		{"Rice Robotcs", "rice", TierFuzzy},
		{"Univeristy of Hong Kong", "hku", TierFuzzy},
		{"Polytechnic Univ", "polyu", TierWords},
		{"HKPU", "polyu", TierAcronym},
		{"HKSTPC", "hkstp", TierFuzzy},
	}
	for _, tt := range tests {
		hits, total := ix.Search(Query{Text: tt.q})
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tt.q)
			continue
		}
		if hits[0].ID != tt.first || hits[0].Tier != tt.tier {
			t.Errorf("%q: first %+v (of %d: %+v), want %s in tier %d", tt.q, hits[0], total, hits, tt.first, tt.tier)
		}
	}
	if hits, _ := ix.Search(Query{Text: "zzzz"}); len(hits) != 0 {
		t.Errorf("nonsense found %+v", hits)
	}
	// restrictions and paging
	hits, total := ix.Search(Query{Text: "Hong Kong", Types: []string{model.Facility}})
	if len(hits) != 1 || hits[0].ID != "science-park" || total != 1 {
		t.Errorf("facilities named Hong Kong: %+v (%d)", hits, total)
	}
	all, total := ix.Search(Query{Text: "university", Limit: 10})
	page2, _ := ix.Search(Query{Text: "university", Limit: 1, Offset: 1})
	if total < 3 || len(page2) != 1 || page2[0].ID != all[1].ID {
		t.Errorf("paging: %+v then %+v", all, page2)
	}
}

func TestTiesGoToTheBetterConnected(t *testing.T) {
	ix := New([]model.Entity{ent("b", model.Organization, "Acme Robotics"), ent("a", model.Organization, "Acme Robotics")})
	hits, _ := ix.Search(Query{Text: "acme"})
	if len(hits) != 2 || hits[0].ID != "b" {
		t.Fatalf("%+v: want b, indexed first as the better connected", hits)
	}
}

func TestBuildFromStore(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := model.Source{Kind: model.SourceDocument, Title: "t", SHA256: "x"}
	src.ID = model.SourceID(src)
	err = s.Update(ctx, func(w store.Writer) error {
		w.PutSource(ctx, src)
		for _, e := range []model.Entity{ent("acme-a", model.Organization, "Acme Robotics"), ent("acme-b", model.Organization, "Acme Robotics"), ent("hk", model.Place, "Hong Kong")} {
			if err := w.PutEntity(ctx, e); err != nil {
				return err
			}
		}
		_, err := w.AddStatements(ctx, []model.Statement{{Kind: model.KindRelation, Subject: "acme-b", Predicate: "located_in", Object: "hk", SourceID: src.ID}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	hits, _ := ix.Search(Query{Text: "Acme Robotics"})
	if len(hits) != 2 || hits[0].ID != "acme-b" {
		t.Fatalf("%+v: want acme-b (linked) first", hits)
	}
	seq, _ := s.Seq(ctx)
	if ix.Seq() != seq || ix.Len() != 3 {
		t.Fatalf("seq %d/%d, len %d", ix.Seq(), seq, ix.Len())
	}
	// writes since the build are indexed apart: a new entity, a new name, a merge
	err = s.Update(ctx, func(w store.Writer) error {
		if err := w.PutEntity(ctx, ent("cyberport", model.Organization, "Cyberport")); err != nil {
			return err
		}
		if err := w.PutEntity(ctx, ent("acme-a", model.Organization, "Acme Robotics", zh("極致機械人"))); err != nil {
			return err
		}
		return w.Merge(ctx, store.Merge{From: "acme-b", Into: "acme-a"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Refresh(s)(ctx, seq, seq+1); err != nil {
		t.Fatal(err)
	}
	if ix.cur.Load().delta == nil {
		t.Fatal("three writes rebuilt the whole index")
	}
	for _, tt := range []struct{ q, want string }{
		{"cyber", "cyberport"},
		{"極致機械人", "acme-a"},
		{"Acme Robotics", "acme-a"}, // acme-b is merged away
		{"Hong Kong", "hk"},
	} {
		hits, total := ix.Search(Query{Text: tt.q})
		if len(hits) != 1 || total != 1 || hits[0].ID != tt.want {
			t.Errorf("after the writes, %q: %+v (%d), want only %s", tt.q, hits, total, tt.want)
		}
	}
	seq, _ = s.Seq(ctx)
	if ix.Seq() != seq || ix.Len() != 3 {
		t.Errorf("after the writes: seq %d/%d, len %d, want 3", ix.Seq(), seq, ix.Len())
	}
	// more writes than MaxDelta: built again
	ix.MaxDelta = 1
	s.Update(ctx, func(w store.Writer) error { return w.PutEntity(ctx, ent("hkstp", model.Organization, "HKSTP")) })
	if err := ix.Update(ctx, s); err != nil {
		t.Fatal(err)
	}
	if got := ix.cur.Load(); got.delta != nil || got.base.ids.len() != 4 {
		t.Errorf("past MaxDelta: a delta of %v, %d built", got.delta != nil, got.base.ids.len())
	}
	if hits, _ := ix.Search(Query{Text: "hkstp"}); len(hits) != 1 {
		t.Errorf("after the rebuild: %+v", hits)
	}
}

// A short prefix that begins more words than are looked up takes those most names hold.
func TestShortPrefixTakesCommonWords(t *testing.T) {
	var es []model.Entity
	for i := range 5 {
		es = append(es, ent(fmt.Sprintf("rasterix-%d", i), model.Organization, fmt.Sprintf("Rasterix Labs %d", i)))
	}
	for i := range 100 {
		es = append(es, ent(fmt.Sprintf("ra%03d", i), model.Organization, fmt.Sprintf("Ra%03d", i)))
	}
	hits, _ := New(es).Search(Query{Text: "Ra", Limit: 200})
	found := 0
	for _, h := range hits {
		if strings.HasPrefix(h.ID, "rasterix-") {
			found++
		}
	}
	if found != 5 {
		t.Errorf("%d of the 5 Rasterix entities found for \"Ra\"", found)
	}
}

// An index built from entities given in batches, as Rebuild reads them from a store, is the
// index built from all of them at once.
func TestBatchesIndexAsOne(t *testing.T) {
	whole := New(entities)
	b := newBuilder(0)
	for i := 0; i < len(entities); i += 2 {
		b.add(entities[i:min(i+2, len(entities))])
	}
	batched := &Index{}
	batched.cur.Store(&snapshot{base: b.done()})
	for _, q := range []Query{
		{Text: "Hong Kong"}, {Text: "hkust"}, {Text: "香港科技園"}, {Text: "univ"}, {Text: "Rice Robotcs"},
		{Text: "Hong Kong", Types: []string{model.Facility}}, {Text: "Hong Kong", Types: []string{"no-such-type"}},
	} {
		want, wantTotal := whole.Search(q)
		got, total := batched.Search(q)
		if fmt.Sprint(got) != fmt.Sprint(want) || total != wantTotal {
			t.Errorf("%+v: batched %v (%d), whole %v (%d)", q, got, total, want, wantTotal)
		}
	}
	if hits, _ := whole.Search(Query{Text: "Hong Kong", Types: []string{"no-such-type"}}); len(hits) != 0 {
		t.Errorf("a type no entity has matched %+v", hits)
	}
}
