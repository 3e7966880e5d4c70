// Package postgres is hkin's store on PostgreSQL, for several stateless hkin servers sharing one
// database. It runs the same SQL as the SQLite store (internal/store/sqlstore) with numbered
// placeholders, applies its own dialect's migrations once under an advisory lock, retries
// serialization failures, and announces committed changes with NOTIFY so that other servers'
// read models wake at once.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/hkin/hkin/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// channel is the NOTIFY channel that carries the sequence number of each committed write.
const channel = "hkin_changes"

// Store is the PostgreSQL store: the shared SQL store plus change notifications.
type Store struct {
	*sqlstore.DB
	pool *pgxpool.Pool
}

// IsURL reports whether dsn names a PostgreSQL database rather than a SQLite file.
func IsURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database at the postgres:// URL dsn and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres URL: %w", err)
	}
	where := net.JoinHostPort(cfg.ConnConfig.Host, strconv.Itoa(int(cfg.ConnConfig.Port)))
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres at %s: %w", where, err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("cannot reach PostgreSQL at %s (database %q): %w", where, cfg.ConnConfig.Database, err)
	}
	db := stdlib.OpenDBFromPool(pool)
	// servers starting together wait for the first one to migrate: retry every second for 5 minutes
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
	if err != nil {
		db.Close()
		pool.Close()
		return nil, err
	}
	if err := sqlstore.Migrate(ctx, db, goose.DialectPostgres, subFS(), goose.WithSessionLocker(locker)); err != nil {
		db.Close()
		pool.Close()
		return nil, fmt.Errorf("postgres at %s: %w", where, err)
	}
	s := &Store{pool: pool}
	d := sqlstore.Dialect{
		Numbered:    true,
		Retry:       retryable,
		Unavailable: unavailable,
		AfterWrite:  s.notify,
	}
	s.DB = sqlstore.New(db, db, d, db.Close, func() error { pool.Close(); return nil })
	return s, nil
}

func subFS() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder is part of the build
	}
	return sub
}

// notify tells every listening server that changes up to seq have committed.
func (s *Store) notify(ctx context.Context, seq int64) {
	if _, err := s.pool.Exec(ctx, "SELECT pg_notify($1, $2)", channel, strconv.FormatInt(seq, 10)); err != nil {
		slog.Default().Warn("postgres notify", "err", err)
	}
}

// Changes delivers the sequence numbers of changes committed by any server, until ctx ends.
// It holds one connection while listening and reconnects after failures.
func (s *Store) Changes(ctx context.Context) <-chan int64 {
	out := make(chan int64, 1)
	go func() {
		defer close(out)
		backoff := 100 * time.Millisecond
		for ctx.Err() == nil {
			err := s.listen(ctx, out)
			if ctx.Err() != nil {
				return
			}
			slog.Default().Warn("postgres listen; retrying", "err", err, "in", backoff)
			select {
			case <-time.After(backoff):
			case <-ctx.Done():
				return
			}
			backoff = min(backoff*2, 5*time.Second)
		}
	}()
	return out
}

func (s *Store) listen(ctx context.Context, out chan<- int64) error {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	if _, err := c.Exec(ctx, "LISTEN "+channel); err != nil {
		return err
	}
	defer c.Exec(context.Background(), "UNLISTEN "+channel)
	for {
		n, err := c.Conn().WaitForNotification(ctx)
		if err != nil {
			return err
		}
		seq, err := strconv.ParseInt(n.Payload, 10, 64)
		if err != nil {
			continue
		}
		select {
		case out <- seq:
		default: // a wake-up is already pending; the reader will see the newest seq
		}
	}
}

// retryable reports serialization failures and deadlocks, which a retry of the transaction cures,
// and unique violations, which a concurrent insert of the same row causes.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01", "23505":
			return true
		}
	}
	return false
}

// unavailable reports errors that mean the server cannot be reached or is shutting down.
func unavailable(err error) bool {
	if err == nil {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// class 08: connection exception; 57P01..03: admin shutdown, crash shutdown, cannot connect now
		return strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P")
	}
	var ne net.Error
	if errors.As(err, &ne) || pgconn.SafeToRetry(err) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, driver.ErrBadConn) {
		return true
	}
	var ce *pgconn.ConnectError
	return errors.As(err, &ce)
}
