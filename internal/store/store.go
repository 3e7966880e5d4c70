// Package store defines the one narrow interface through which hkin reads and writes its
// statements, entities and sources. Backends (sqlite, postgres) implement it and pass the
// same conformance suite in storetest.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/hkin/hkin/internal/model"
)

// Errors a backend returns; callers test them with errors.Is.
var (
	ErrNotFound    = errors.New("not found")
	ErrInvalid     = errors.New("invalid")     // wraps a *model.FieldError
	ErrUnavailable = errors.New("unavailable") // the database cannot be reached
)

// Reader answers queries. Entities returned by ID follow no redirects: a merged entity comes back
// with MergedInto set, so that callers can redirect.
type Reader interface {
	// Entity returns one entity with its aliases and identifiers.
	Entity(ctx context.Context, id string) (model.Entity, error)
	// EntityByIdentifier finds an entity by an external identifier (scheme "ror", value "05q8mqd91").
	EntityByIdentifier(ctx context.Context, scheme, value string) (string, error)
	// EntitiesByName returns the IDs of live entities whose name or alias normalises (model.NormName) to key.
	EntitiesByName(ctx context.Context, key string) ([]string, error)
	// Entities lists live (unmerged) entities.
	Entities(ctx context.Context, q EntityQuery) (EntityPage, error)
	// CountEntities groups the entities q selects by a field: type, category, or a relation
	// predicate (grouping by the predicate's object).
	CountEntities(ctx context.Context, q EntityQuery, field string) ([]Group, error)
	// Statements lists statements in seq order.
	Statements(ctx context.Context, q StatementQuery) ([]model.Statement, error)
	// Sources returns sources by ID, in any order; missing IDs are left out.
	Sources(ctx context.Context, ids []string) ([]model.Source, error)
	// RecentSources lists sources, newest recorded first.
	RecentSources(ctx context.Context, limit int) ([]model.Source, error)
	// MergedInto lists the entities merged into id (directly or through others), with why.
	MergedInto(ctx context.Context, id string) ([]Merge, error)
	// TokenScope returns the scope of the token whose SHA-256 hex hash is given.
	TokenScope(ctx context.Context, hash string) (string, error)
	// Seq returns the highest change sequence number written so far.
	Seq(ctx context.Context) (int64, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
}

// Writer changes the store inside one transaction (see Store.Update).
type Writer interface {
	Reader
	// PutSource stores a source; storing the same ID again is a no-op.
	PutSource(ctx context.Context, s model.Source) error
	// PutEntity creates an entity, or adds new aliases and identifiers to an existing one
	// with the same ID. An identifier already held by another entity is an ErrInvalid error.
	PutEntity(ctx context.Context, e model.Entity) error
	// AddStatements validates and stores statements, skipping those whose ID is already stored,
	// and returns how many were new. Statement IDs are derived from content when empty.
	AddStatements(ctx context.Context, sts []model.Statement) (int, error)
	// Retract marks a statement retracted at the given time; it stays readable.
	Retract(ctx context.Context, id string, at time.Time) error
	// Merge redirects entity from to entity into, recording why.
	Merge(ctx context.Context, m Merge) error
	// PutToken stores a token hash with its scope.
	PutToken(ctx context.Context, hash, scope, name string) error
}

// Store is a backend.
type Store interface {
	Reader
	// Update runs fn in one write transaction: all of its writes land or none does.
	Update(ctx context.Context, fn func(w Writer) error) error
	Close() error
}

// EntityQuery selects entities. Filters are ANDed; each may list several values (ORed).
type EntityQuery struct {
	Search  string   // matches normalised name or alias: exact, then prefix, then substring
	IDs     []string // restrict to these IDs
	Filters []Filter
	Sort    string // SortName, SortCreated, SortDegree, SortChanged, each optionally prefixed by '-'; "" = relevance or name
	Limit   int
	Cursor  string // opaque, from EntityPage.Next
	// Export lists merged entities too, each with only its own names (for dumps).
	Export bool
	// Bare leaves out aliases, identifiers and the total, for callers that need only names.
	Bare bool
	// NoTotal leaves out the total, a count of every match, for callers walking all pages
	// (EachPage sets it).
	NoTotal bool
	// SinceSeq restricts to entities written after this change number: created, given names or
	// identifiers, merged or merged into.
	SinceSeq int64
}

// Filter is one condition of an entity query. Field is "type", "category", or a relation
// predicate: "located_in:hong-kong" selects entities with that relation to that object
// (for located_in and part_of, also to places within it).
type Filter struct {
	Field  string
	Values []string
}

// Sort keys.
const (
	SortName    = "name"
	SortCreated = "created"
	SortDegree  = "degree"
	SortChanged = "changed" // the order entities were last written
)

// EntityPage is one page of an entity list.
type EntityPage struct {
	Entities []model.Entity
	Total    int    // entities matching the query
	Next     string // cursor of the next page, "" at the end
}

// Group is one value of a grouped count.
type Group struct {
	Key   string `json:"key"`
	Name  string `json:"name,omitempty"` // an entity's name, when Key is an entity ID
	Count int    `json:"count"`
}

// StatementQuery selects statements. Empty fields do not restrict.
type StatementQuery struct {
	Subjects         []string // statements about these subjects
	Objects          []string // or, with About, pointing to these objects
	About            bool     // Subjects OR Objects instead of AND
	Kinds            []string
	Predicates       []string
	Source           string
	SinceSeq         int64 // seq > SinceSeq
	IncludeRetracted bool
	Limit            int
}

// Merge is the redirect of one entity into another, with the features that justified it.
type Merge struct {
	From       string    `json:"from"`
	Into       string    `json:"into"`
	Reason     string    `json:"reason"` // e.g. "identifier ror:05q8mqd91; name"
	Score      float64   `json:"score,omitempty"`
	RecordedAt time.Time `json:"recorded_at"`
}

// Stats counts what the store holds.
type Stats struct {
	Entities   int            `json:"entities"`
	Statements int            `json:"statements"`
	Sources    int            `json:"sources"`
	Retracted  int            `json:"retracted"`
	Merged     int            `json:"merged"`
	ByType     map[string]int `json:"by_type"`
	ByKind     map[string]int `json:"by_kind"`
}

// Resolve follows redirects from id to the live entity it now stands for.
func Resolve(ctx context.Context, r Reader, id string) (model.Entity, error) {
	for range 16 {
		e, err := r.Entity(ctx, id)
		if err != nil || e.MergedInto == "" {
			return e, err
		}
		id = e.MergedInto
	}
	return model.Entity{}, errors.New("store: redirect loop at " + id)
}

// EachPage calls fn with each page of the entities a query selects, in its order, without
// counting them: the way to walk a whole table. It stops at fn's first error and returns it.
func EachPage(ctx context.Context, r Reader, q EntityQuery, fn func([]model.Entity) error) error {
	q.NoTotal = true
	for {
		page, err := r.Entities(ctx, q)
		if err != nil {
			return err
		}
		if err := fn(page.Entities); err != nil {
			return err
		}
		if q.Cursor = page.Next; q.Cursor == "" {
			return nil
		}
	}
}

// Notifier is implemented by backends that can announce committed changes from other
// processes (PostgreSQL's LISTEN/NOTIFY). Read models wait on it and also poll Seq, so a backend
// without it still works.
type Notifier interface {
	// Changes delivers the sequence number of changes as they commit, until ctx ends.
	Changes(ctx context.Context) <-chan int64
}

// Pinger is implemented by backends that can check that their database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Invalid marks err as a rejected write (errors.Is(err, ErrInvalid)) without changing its message.
func Invalid(err error) error { return invalidError{err} }

type invalidError struct{ err error }

func (e invalidError) Error() string        { return e.err.Error() }
func (e invalidError) Unwrap() error        { return e.err }
func (e invalidError) Is(target error) bool { return target == ErrInvalid }
