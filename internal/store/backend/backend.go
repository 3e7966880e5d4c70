// Package backend opens the store a --db value names: a postgres:// URL selects PostgreSQL,
// anything else is the path of a SQLite file.
package backend

import (
	"context"

	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/postgres"
	"github.com/hkin/hkin/internal/store/sqlite"
)

// Open opens the store named by dsn.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	if postgres.IsURL(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}
