package cli

import (
	"path/filepath"
	"testing"

	"github.com/hkin/hkin/internal/store/postgres/pgtest"
)

// migrate copies a SQLite database to PostgreSQL and back without changing a byte of the export.
func TestMigrateSQLiteToPostgres(t *testing.T) {
	pg := pgtest.DSN(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	sample(t, a)
	for range 2 { // rerunning adds nothing
		if _, err := run(t, "migrate", "--from", a, "--to", pg); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := run(t, "migrate", "--from", pg, "--to", b); err != nil {
		t.Fatal(err)
	}
	want, err := run(t, "export", "--db", a)
	if err != nil {
		t.Fatal(err)
	}
	for _, db := range []string{pg, b} {
		got, err := run(t, "export", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("export of %s differs from the original:\n%s\n---\n%s", db, got, want)
		}
	}
	if _, err := run(t, "migrate", "--from", a); err == nil {
		t.Error("migrate without --to did not fail")
	}
}
