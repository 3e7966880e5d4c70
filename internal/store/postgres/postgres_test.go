package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/postgres/pgtest"
	"github.com/hkin/hkin/internal/store/storetest"
)

func open(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t, pgtest.DSN(t)) })
}

func TestRefusesNewerSchema(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := open(t, dsn)
	if _, err := s.Write().ExecContext(context.Background(), "INSERT INTO goose_db_version (version_id, is_applied) VALUES (9999, true)"); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dsn)
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("want a refusal of schema 9999, got %v", err)
	}
}

func TestUnreachableNamesHostAndPort(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	_, err := Open(ctx, "postgres://nobody:x@127.0.0.1:1/nodb?sslmode=disable&connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Fatalf("want an error naming 127.0.0.1:1, got %v", err)
	}
}

// Servers that start together migrate once; two stores on one database see each other's writes,
// and the one listening is woken by the other's commit.
func TestTwoServers(t *testing.T) {
	dsn := pgtest.DSN(t)
	stores := make([]*Store, 2)
	errs := make(chan error, 2)
	for i := range stores {
		go func() {
			s, err := Open(context.Background(), dsn)
			stores[i] = s
			errs <- err
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range stores {
		t.Cleanup(func() { s.Close() })
	}
	a, b := stores[0], stores[1]
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := b.Changes(ctx)
	time.Sleep(200 * time.Millisecond) // let the listener start
	src := model.Source{Kind: model.SourceEdit, Author: "test", RecordedAt: time.Now()}
	src.ID = model.SourceID(src)
	err := a.Update(ctx, func(w store.Writer) error {
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		return w.PutEntity(ctx, model.Entity{ID: "cyberport", Type: model.Organization, Category: "park_operator", Name: "Cyberport", CreatedAt: time.Now()})
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case seq := <-changes:
		if seq <= 0 {
			t.Errorf("notified seq %d", seq)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no change notification within 5 s")
	}
	page, err := b.Entities(ctx, store.EntityQuery{Search: "cyber"})
	if err != nil || len(page.Entities) != 1 || page.Entities[0].ID != "cyberport" {
		t.Fatalf("the other store does not see the write: %v %+v", err, page)
	}
}
