// Package sqlstore implements store.Store over database/sql in SQL that SQLite and PostgreSQL
// both speak. The sqlite and postgres packages open the databases, apply their migrations and
// hand them to New with the few differences of their dialect.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Dialect holds what differs between databases.
type Dialect struct {
	// Numbered turns '?' placeholders into $1, $2, ... (PostgreSQL).
	Numbered bool
	// Retry reports whether a failed write transaction may be retried (busy, serialization).
	Retry func(error) bool
	// Unavailable reports whether an error means the database cannot be reached.
	Unavailable func(error) bool
	// AfterWrite runs after a write transaction committed with changes (e.g. NOTIFY).
	AfterWrite func(ctx context.Context, seq int64)
}

// DB is a store over a write handle and a read handle (they may be the same pool).
type DB struct {
	read, write *sql.DB
	reads       *prepared // read, with its statements prepared once
	d           Dialect
	closers     []func() error
}

// New returns a store reading through read and writing through write.
func New(read, write *sql.DB, d Dialect, closers ...func() error) *DB {
	return &DB{read: read, write: write, reads: newPrepared(read), d: d, closers: closers}
}

// Close closes the handles.
func (db *DB) Close() error {
	var errs []error
	for _, c := range db.closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// preparer is what *sql.DB and *sql.Tx share besides querier.
type preparer interface {
	querier
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// prepared runs each query through a statement prepared once: an import runs the same few
// statements hundreds of thousands of times in one transaction, and a search page the same few
// reads again and again; parsing them each time cost SQLite more than the work. On a transaction
// the statements close with it; on a pool database/sql prepares them on each connection.
type prepared struct {
	on    preparer
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func newPrepared(on preparer) *prepared { return &prepared{on: on, stmts: map[string]*sql.Stmt{}} }

// maxPrepared bounds the cache; queries built with a varying number of placeholders beyond it
// run unprepared.
const maxPrepared = 256

func (p *prepared) stmt(ctx context.Context, query string) *sql.Stmt {
	p.mu.RLock()
	s, ok := p.stmts[query]
	p.mu.RUnlock()
	if ok {
		return s
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.stmts[query]; ok {
		return s
	}
	if len(p.stmts) >= maxPrepared {
		return nil
	}
	s, err := p.on.PrepareContext(ctx, query)
	if err != nil {
		return nil // running it unprepared reports the error
	}
	p.stmts[query] = s
	return s
}

func (p *prepared) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if s := p.stmt(ctx, query); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return p.on.ExecContext(ctx, query, args...)
}

func (p *prepared) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s := p.stmt(ctx, query); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return p.on.QueryContext(ctx, query, args...)
}

func (p *prepared) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if s := p.stmt(ctx, query); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return p.on.QueryRowContext(ctx, query, args...)
}

// conn runs queries on one querier with the dialect's placeholders.
type conn struct {
	q querier
	d *Dialect
}

func (c conn) rebind(query string) string {
	if !c.d.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

func (c conn) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.q.ExecContext(ctx, c.rebind(query), args...)
}

func (c conn) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.q.QueryContext(ctx, c.rebind(query), args...)
}

func (c conn) row(ctx context.Context, query string, args ...any) *sql.Row {
	return c.q.QueryRowContext(ctx, c.rebind(query), args...)
}

func (db *DB) reader() reader { return reader{conn{db.reads, &db.d}} }

func (db *DB) wrap(err error) error {
	if err != nil && db.d.Unavailable != nil && db.d.Unavailable(err) {
		return fmt.Errorf("%w: %v", store.ErrUnavailable, err)
	}
	return err
}

// Update runs fn in one write transaction, retrying it when the dialect says the failure was
// a transient conflict.
func (db *DB) Update(ctx context.Context, fn func(w store.Writer) error) error {
	var err error
	for attempt := 0; attempt < 8; attempt++ {
		var seq int64
		seq, err = db.update(ctx, fn)
		if err == nil {
			if seq > 0 && db.d.AfterWrite != nil {
				db.d.AfterWrite(ctx, seq)
			}
			return nil
		}
		if db.d.Retry == nil || !db.d.Retry(err) || ctx.Err() != nil {
			break
		}
		time.Sleep(time.Duration(10<<attempt) * time.Millisecond)
	}
	return db.wrap(err)
}

func (db *DB) update(ctx context.Context, fn func(w store.Writer) error) (int64, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	w := &writer{reader: reader{conn{newPrepared(tx), &db.d}}, types: map[string]string{}}
	if err := fn(w); err != nil {
		tx.Rollback()
		return 0, err
	}
	if err := errors.Join(w.flushDegrees(ctx), w.flushSeq(ctx)); err != nil {
		tx.Rollback()
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit: %w", err)
	}
	return w.lastSeq, nil
}

// Reader methods of DB read through the read handle.

func (db *DB) Entity(ctx context.Context, id string) (model.Entity, error) {
	e, err := db.reader().Entity(ctx, id)
	return e, db.wrap(err)
}
func (db *DB) EntityByIdentifier(ctx context.Context, scheme, value string) (string, error) {
	id, err := db.reader().EntityByIdentifier(ctx, scheme, value)
	return id, db.wrap(err)
}
func (db *DB) EntitiesByName(ctx context.Context, key string) ([]string, error) {
	ids, err := db.reader().EntitiesByName(ctx, key)
	return ids, db.wrap(err)
}
func (db *DB) Entities(ctx context.Context, q store.EntityQuery) (store.EntityPage, error) {
	p, err := db.reader().Entities(ctx, q)
	return p, db.wrap(err)
}
func (db *DB) CountEntities(ctx context.Context, q store.EntityQuery, field string) ([]store.Group, error) {
	g, err := db.reader().CountEntities(ctx, q, field)
	return g, db.wrap(err)
}
func (db *DB) Statements(ctx context.Context, q store.StatementQuery) ([]model.Statement, error) {
	s, err := db.reader().Statements(ctx, q)
	return s, db.wrap(err)
}
func (db *DB) Sources(ctx context.Context, ids []string) ([]model.Source, error) {
	s, err := db.reader().Sources(ctx, ids)
	return s, db.wrap(err)
}
func (db *DB) RecentSources(ctx context.Context, limit int) ([]model.Source, error) {
	s, err := db.reader().RecentSources(ctx, limit)
	return s, db.wrap(err)
}
func (db *DB) MergedInto(ctx context.Context, id string) ([]store.Merge, error) {
	m, err := db.reader().MergedInto(ctx, id)
	return m, db.wrap(err)
}
func (db *DB) TokenScope(ctx context.Context, hash string) (string, error) {
	s, err := db.reader().TokenScope(ctx, hash)
	return s, db.wrap(err)
}
func (db *DB) Seq(ctx context.Context) (int64, error) {
	s, err := db.reader().Seq(ctx)
	return s, db.wrap(err)
}
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	s, err := db.reader().Stats(ctx)
	return s, db.wrap(err)
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.wrap(db.read.PingContext(ctx)) }

// timestamps are stored as RFC 3339 text in UTC, which sorts and compares as text in both dialects.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.Repeat("?, ", n-1) + "?"
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func encodeQualifiers(q model.Qualifiers) string {
	b, _ := json.Marshal(q)
	return string(b)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Write returns the write handle, for backend-specific maintenance and tests.
func (db *DB) Write() *sql.DB { return db.write }
