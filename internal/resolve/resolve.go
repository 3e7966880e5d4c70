// Package resolve decides which stored entity a name stands for: identifiers first, then names
// folded across case, punctuation, diacritics, legal suffixes, abbreviations, acronyms and the
// two Chinese scripts, scored with a threshold. Importers and article ingest use its Resolver;
// `hkin resolve` uses its Index to find and merge duplicates already stored.
package resolve

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Resolver finds the stored entity an incoming one stands for. The zero value works: it asks
// the store for identifiers and for names in their normalised forms. With an Index it also
// finds near-identical names (another legal suffix, a typo, an acronym) among the entities
// indexed.
type Resolver struct {
	// Threshold is the score from which a candidate is taken (default resolve.Threshold).
	Threshold float64
	// Index, if not nil, proposes candidates beyond the store's exact name lookups.
	Index *Index
	// IndexOnly skips the store's name lookups: for callers whose Index holds every entity
	// that could match (an importer that built it at the start of its transaction).
	IndexOnly bool
}

// Resolve returns the ID of the live stored entity e stands for, or "" when none scores at
// least the threshold. It reads through r, which may be a Writer inside a transaction.
func (rs *Resolver) Resolve(ctx context.Context, r store.Reader, e model.Entity) (string, error) {
	m, err := rs.Match(ctx, r, e)
	if err != nil || m.Score < rs.threshold() {
		return "", err
	}
	return m.ID, nil
}

func (rs *Resolver) threshold() float64 {
	if rs == nil || rs.Threshold == 0 {
		return Threshold
	}
	return rs.Threshold
}

// Match returns the best candidate for e with its score and features, whatever the score
// (a zero Match when there is none).
func (rs *Resolver) Match(ctx context.Context, r store.Reader, e model.Entity) (Match, error) {
	// identifiers first: they decide
	for _, scheme := range sortedSchemes(e.Identifiers) {
		if !strong(scheme) {
			continue
		}
		value := e.Identifiers[scheme]
		id, err := r.EntityByIdentifier(ctx, scheme, value)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return Match{}, err
		}
		found, err := store.Resolve(ctx, r, id)
		if err != nil {
			return Match{}, err
		}
		if found.Type == e.Type && !conflicts(e.Identifiers, found.Identifiers) {
			return Match{ID: found.ID, Name: found.Name, Score: 1, Features: []string{"identifier " + scheme + ":" + value}}, nil
		}
	}
	if rs != nil && rs.IndexOnly && (rs.Index == nil || rs.Index.Len() == 0) {
		return Match{}, nil // nothing to compare names with
	}
	p := NewProfile(e)
	var candidates []*Profile
	seen := map[string]bool{}
	if rs != nil && rs.Index != nil {
		for _, c := range rs.Index.Candidates(p) {
			if !seen[c.ID] {
				seen[c.ID] = true
				candidates = append(candidates, c)
			}
		}
	}
	if rs == nil || !rs.IndexOnly {
		ids, err := nameLookups(ctx, r, e)
		if err != nil {
			return Match{}, err
		}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			c, err := store.Resolve(ctx, r, id)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return Match{}, err
			}
			candidates = append(candidates, NewProfile(c))
		}
	}
	best := Best(p, candidates)
	if best.Score == 0 || best.ID == "" {
		return Match{}, nil
	}
	// an indexed candidate may have been merged since the index was built
	live, err := store.Resolve(ctx, r, best.ID)
	if errors.Is(err, store.ErrNotFound) {
		return Match{}, nil
	}
	if err != nil {
		return Match{}, err
	}
	best.ID, best.Name = live.ID, live.Name
	return best, nil
}

// maxLookups bounds the store queries one resolution makes.
const maxLookups = 12

// nameLookups asks the store for the entities named, in normalised form, as any name of e
// is in either Chinese script or with its key's spelling.
func nameLookups(ctx context.Context, r store.Reader, e model.Entity) ([]string, error) {
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] && len(keys) < maxLookups {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	names := []string{e.Name}
	for _, a := range e.Aliases {
		names = append(names, a.Value)
	}
	for _, n := range names {
		add(model.NormName(n))
	}
	for _, n := range names {
		if HasHan(n) {
			add(model.NormName(Simplified(n)))
			add(model.NormName(Traditional(n)))
		} else {
			add(Key(n))
		}
	}
	var out []string
	have := map[string]bool{}
	for _, k := range keys {
		ids, err := r.EntitiesByName(ctx, k)
		if err != nil {
			return nil, fmt.Errorf("resolve %q: %w", e.Name, err)
		}
		for _, id := range ids {
			if !have[id] {
				have[id] = true
				out = append(out, id)
			}
		}
	}
	return out, nil
}

func sortedSchemes(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Keep chooses which of two entities a merge keeps: the one with more identifiers (a registry
// record), then the older, then the smaller ID. It returns (keep, drop).
func Keep(a, b model.Entity) (model.Entity, model.Entity) {
	switch {
	case len(a.Identifiers) != len(b.Identifiers):
		if len(a.Identifiers) > len(b.Identifiers) {
			return a, b
		}
		return b, a
	case !a.CreatedAt.Equal(b.CreatedAt):
		if a.CreatedAt.Before(b.CreatedAt) {
			return a, b
		}
		return b, a
	case strings.Compare(a.ID, b.ID) <= 0:
		return a, b
	}
	return b, a
}

// conflicts reports whether two sets of identifiers hold different values of one scheme
// (a website aside): then they belong to two entities, whatever else they share.
func conflicts(a, b map[string]string) bool {
	for scheme, v := range a {
		if w, ok := b[scheme]; ok && strong(scheme) && v != w {
			return true
		}
	}
	return false
}
