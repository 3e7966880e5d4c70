// Package pgtest gives tests a fresh database on the PostgreSQL server that HKIN_TEST_POSTGRES
// names (.ci/postgres.sh starts one and prints the variable).
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

var count atomic.Int64

// DSN creates an empty database and returns its URL; the database is dropped when the test
// ends. Without HKIN_TEST_POSTGRES the test is skipped, or fails under CI (which always has one).
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("HKIN_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("HKIN_TEST_POSTGRES is not set; CI must start PostgreSQL (.ci/postgres.sh)")
		}
		t.Skip("HKIN_TEST_POSTGRES is not set; run `eval \"$(.ci/postgres.sh)\"` to start a PostgreSQL server")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("HKIN_TEST_POSTGRES: %v", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("hkin_t%d_%d", os.Getpid(), count.Add(1))
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			return
		}
		defer c.Close(context.Background())
		c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
