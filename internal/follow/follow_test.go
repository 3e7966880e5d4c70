package follow

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

// TestSeesOtherProcessWrites opens the same SQLite file twice, as two servers would, and checks
// that a write through one reaches the other's refresh.
func TestSeesOtherProcessWrites(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "hkin.db")
	a, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got := make(chan [2]int64, 10)
	go Run(ctx, b, 0, 10*time.Millisecond, slog.Default(), func(ctx context.Context, from, to int64) error {
		got <- [2]int64{from, to}
		return nil
	})
	err = a.Update(ctx, func(w store.Writer) error {
		return w.PutEntity(ctx, model.Entity{ID: "hk", Type: model.Place, Name: "Hong Kong"})
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if r[0] != 0 || r[1] < 1 {
			t.Fatalf("refresh %v", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the write was not seen")
	}
}
