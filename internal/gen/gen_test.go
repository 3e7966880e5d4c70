package gen

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/hkin/hkin/internal/jsonl"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	var a, b bytes.Buffer
	if err := Write(ctx, &a, Config{Entities: 3000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	Write(ctx, &b, Config{Entities: 3000, Seed: 7})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed gave different output")
	}
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "gen.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := jsonl.Import(ctx, s, &a, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(ctx)
	if c.Entities != 3000 || st.Entities != 3000 {
		t.Fatalf("entities: %d imported, %d stored", c.Entities, st.Entities)
	}
	for _, typ := range model.EntityTypes {
		if st.ByType[typ] == 0 {
			t.Errorf("no %s", typ)
		}
	}
	if st.ByKind[model.KindRelation] < 2*st.Entities {
		t.Errorf("%d relations for %d entities: too sparse", st.ByKind[model.KindRelation], st.Entities)
	}
	// heavy tail: the best linked entity has far more links than the mean
	page, err := s.Entities(ctx, store.EntityQuery{Sort: "-degree", Limit: 1, Filters: []store.Filter{{Field: "type", Values: []string{model.Organization}}}})
	if err != nil {
		t.Fatal(err)
	}
	sts, _ := s.Statements(ctx, store.StatementQuery{Subjects: []string{page.Entities[0].ID}, Objects: []string{page.Entities[0].ID}, About: true})
	mean := float64(2*st.ByKind[model.KindRelation]) / float64(st.Entities)
	if float64(len(sts)) < 10*mean {
		t.Errorf("top organization has %d links, mean %.1f: not heavy-tailed", len(sts), mean)
	}
}
