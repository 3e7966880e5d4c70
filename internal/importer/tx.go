package importer

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/resolve"
	"github.com/hkin/hkin/internal/store"
)

// Tx is an import's write transaction with what makes adding many entities fast: an index of
// the entities stored when it began (for resolution by name) and, in memory, every identifier
// stored then or written since. The import holds the store's only write transaction, so the
// two together answer identifier lookups without asking the database.
type Tx struct {
	store.Writer
	Index    *resolve.Index
	Resolver *resolve.Resolver
	ids      map[string]string // scheme NUL value → entity ID, written by this import
	taken    map[string]bool   // entity IDs given out by this import
	touched  map[string]bool   // indexed entities this import has added names to
	// IndexNew adds the entities this import creates to the index, so that later rows naming
	// them again resolve to them (a list that repeats a name); a registry whose records never
	// match each other leaves it off.
	IndexNew bool
}

// Begin indexes the store's entities through w and returns the import's transaction.
func Begin(ctx context.Context, w store.Writer, threshold float64) (*Tx, error) {
	ix, err := resolve.BuildIndex(ctx, w)
	if err != nil {
		return nil, err
	}
	return &Tx{Writer: w, Index: ix, Resolver: &resolve.Resolver{Index: ix, IndexOnly: true, Threshold: threshold},
		ids: map[string]string{}, taken: map[string]bool{}, touched: map[string]bool{}}, nil
}

// EntityByIdentifier answers from memory: the identifiers written by this import, then those
// stored when it began.
func (t *Tx) EntityByIdentifier(ctx context.Context, scheme, value string) (string, error) {
	if id, ok := t.ids[scheme+"\x00"+value]; ok {
		return id, nil
	}
	if id, ok := t.Index.ByIdentifier(scheme, value); ok {
		return id, nil
	}
	return "", fmt.Errorf("identifier %s:%s: %w", scheme, value, store.ErrNotFound)
}

// Result says what Put did with an entity.
type Result struct {
	ID      string
	Created bool
	// Matched is the resolution that attached the entity to a stored one (zero when created).
	Matched resolve.Match
	// Dropped lists identifiers left out because another entity holds them.
	Dropped []string
}

// Put stores an incoming entity: resolved to a stored one (by identifier, then by name), it
// adds its names and identifiers to it; else it is created under a new ID. An entity that holds
// a different value of one of e's identifiers is never the match (two registry records of one
// name are two entities).
func (t *Tx) Put(ctx context.Context, e model.Entity) (Result, error) {
	var res Result
	m, err := t.Resolver.Match(ctx, t, e)
	if err != nil {
		return res, err
	}
	var old model.Entity
	if m.Score >= t.threshold() {
		if p, ok := t.Index.Profile(m.ID); ok && !t.touched[m.ID] {
			old = model.Entity{ID: p.ID, Type: p.Type, Category: p.Category, Name: p.Name, Identifiers: p.Identifiers, Aliases: p.Aliases}
		} else if old, err = t.Writer.Entity(ctx, m.ID); err != nil {
			return res, err
		}
		if !conflicts(e.Identifiers, old.Identifiers) {
			res.ID, res.Matched = old.ID, m
			if old.Name != e.Name {
				e.Aliases = append([]model.Alias{{Value: e.Name, Kind: "label"}}, e.Aliases...)
			}
			e.Name, e.Category = old.Name, old.Category
		}
	}
	if res.ID == "" {
		res.ID = model.NewEntityID(e, func(id string) bool {
			if t.taken[id] || t.Index.Has(id) {
				return true
			}
			_, err := t.Writer.Entity(ctx, id) // a merged entity keeps its ID
			return err == nil
		})
		res.Created = true
		t.taken[res.ID] = true
	}
	e.ID = res.ID
	free := make(map[string]string, len(e.Identifiers))
	for _, scheme := range sortedKeys(e.Identifiers) {
		value := e.Identifiers[scheme]
		owner, err := t.EntityByIdentifier(ctx, scheme, value)
		switch {
		case errors.Is(err, store.ErrNotFound) || owner == e.ID:
			free[scheme] = value
		case err != nil:
			return res, err
		default:
			res.Dropped = append(res.Dropped, scheme+":"+value)
		}
	}
	e.Identifiers = free
	if !res.Created && holds(old, e) {
		return res, nil // nothing new: the stored entity has every name and identifier
	}
	if err := t.Writer.PutEntity(ctx, e); err != nil {
		return res, err
	}
	t.touched[e.ID] = true
	if res.Created && t.IndexNew {
		t.Index.Add(e)
	}
	for scheme, value := range free {
		t.ids[scheme+"\x00"+value] = e.ID
	}
	return res, nil
}

func (t *Tx) threshold() float64 {
	if t.Resolver.Threshold == 0 {
		return resolve.Threshold
	}
	return t.Resolver.Threshold
}

// holds reports whether old has every alias and identifier of e (as PutEntity would add them).
func holds(old, e model.Entity) bool {
	if old.ID == "" {
		return false
	}
	for scheme, v := range e.Identifiers {
		if old.Identifiers[scheme] != v {
			return false
		}
	}
	have := make(map[model.Alias]bool, len(old.Aliases))
	for _, a := range old.Aliases {
		have[model.Alias{Value: a.Value, Lang: a.Lang}] = true
	}
	for _, a := range e.Aliases {
		if a.Value != e.Name && !have[model.Alias{Value: a.Value, Lang: a.Lang}] {
			return false
		}
	}
	return true
}

func conflicts(a, b map[string]string) bool {
	for scheme, v := range a {
		if w, ok := b[scheme]; ok && scheme != "website" && v != w {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
