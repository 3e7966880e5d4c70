package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "hkin.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hkin.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write().ExecContext(context.Background(), "INSERT INTO goose_db_version (version_id, is_applied) VALUES (9999, 1)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("want a refusal of schema 9999, got %v", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hkin.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(context.Background(), func(w store.Writer) error { return w.PutToken(context.Background(), "h", "write", "") }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if scope, err := s.TokenScope(context.Background(), "h"); err != nil || scope != "write" {
		t.Fatalf("after reopen: %q %v", scope, err)
	}
}
