package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// BenchmarkAddStatements measures batched statement inserts: b.N statements in transactions of
// 1,000 onto 1,000 entities.
func BenchmarkAddStatements(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	src := model.Source{Kind: model.SourceDataset, Title: "bench", Version: "1"}
	src.ID = model.SourceID(src)
	err = s.Update(ctx, func(w store.Writer) error {
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		if err := w.PutEntity(ctx, model.Entity{ID: "hk", Type: model.Place, Name: "Hong Kong"}); err != nil {
			return err
		}
		for i := range 1000 {
			if err := w.PutEntity(ctx, model.Entity{ID: fmt.Sprintf("org-%d", i), Type: model.Organization, Name: fmt.Sprintf("Org %d", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for done := 0; done < b.N; {
		n := min(1000, b.N-done)
		batch := make([]model.Statement, n)
		for i := range batch {
			k := done + i
			batch[i] = model.Statement{Kind: model.KindMetric, Subject: fmt.Sprintf("org-%d", k%1000), Predicate: "employee_count",
				Value: model.NumberValue(float64(k)), Qualifiers: model.Qualifiers{Unit: "count", Period: "2024"}, SourceID: src.ID}
		}
		if err := s.Update(ctx, func(w store.Writer) error { _, err := w.AddStatements(ctx, batch); return err }); err != nil {
			b.Fatal(err)
		}
		done += n
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "statements/s")
}
