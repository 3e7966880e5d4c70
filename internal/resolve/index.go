package resolve

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Index is an in-memory blocking index of entities: it finds the few stored entities that may
// be the same as a given one (same key, same acronym, or sharing a rare name token) without
// comparing against all of them, so that resolution stays fast at a million entities.
// It is safe for concurrent use.
type Index struct {
	mu       sync.RWMutex
	profiles []*Profile
	pos      map[string]int32 // entity ID → position in profiles
	byKey    map[string][]int32
	byAcr    map[string][]int32
	byToken  map[string][]int32
	byIdent  map[string]int32 // scheme NUL value → position
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{pos: map[string]int32{}, byKey: map[string][]int32{}, byAcr: map[string][]int32{}, byToken: map[string][]int32{}, byIdent: map[string]int32{}}
}

// BuildIndex indexes every live entity of a store.
func BuildIndex(ctx context.Context, r store.Reader) (*Index, error) {
	ix := NewIndex()
	err := store.EachPage(ctx, r, store.EntityQuery{Sort: store.SortCreated, Limit: 2000}, func(es []model.Entity) error {
		for _, e := range es {
			ix.Add(e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("resolve index: %w", err)
	}
	return ix, nil
}

// Len is the number of entities indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.pos)
}

// Add indexes an entity, or re-indexes it with its new names.
func (ix *Index) Add(e model.Entity) {
	p := NewProfile(e)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	i, ok := ix.pos[e.ID]
	if ok {
		ix.profiles[i] = p // old postings stay; they are checked against the profile on lookup
	} else {
		i = int32(len(ix.profiles))
		ix.profiles = append(ix.profiles, p)
		ix.pos[e.ID] = i
	}
	for scheme, v := range e.Identifiers {
		ix.byIdent[scheme+"\x00"+v] = i
	}
	for _, k := range p.keys {
		ix.byKey[k] = appendOnce(ix.byKey[k], i)
	}
	for _, a := range p.acronymNames {
		ix.byAcr[a] = appendOnce(ix.byAcr[a], i)
	}
	for a := range p.acronyms {
		ix.byAcr[a] = appendOnce(ix.byAcr[a], i)
	}
	for _, ts := range p.tokens {
		for _, t := range ts {
			if wordWeight(t) > 0 {
				ix.byToken[t] = appendOnce(ix.byToken[t], i)
			}
		}
	}
}

// Has reports whether an entity of that ID is indexed.
func (ix *Index) Has(id string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	_, ok := ix.pos[id]
	return ok
}

// Profile returns the indexed profile of an entity.
func (ix *Index) Profile(id string) (*Profile, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	i, ok := ix.pos[id]
	if !ok {
		return nil, false
	}
	return ix.profiles[i], true
}

// ByIdentifier returns the indexed entity holding an identifier.
func (ix *Index) ByIdentifier(scheme, value string) (string, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	i, ok := ix.byIdent[scheme+"\x00"+value]
	if !ok || ix.profiles[i] == nil {
		return "", false
	}
	return ix.profiles[i].ID, true
}

// Remove drops an entity (merged away, say) from the index.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i, ok := ix.pos[id]; ok {
		ix.profiles[i] = nil
		delete(ix.pos, id)
	}
}

func appendOnce(list []int32, i int32) []int32 {
	if n := len(list); n > 0 && list[n-1] == i {
		return list
	}
	return append(list, i)
}

// maxPostings bounds how many entities one rare token may propose.
const maxPostings = 2000

// Candidates returns the profiles of the indexed entities that may be the same as p: those
// sharing a key or an acronym, and those sharing the two rarest tokens of a name.
func (ix *Index) Candidates(p *Profile) []*Profile {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	seen := map[int32]bool{}
	var out []*Profile
	take := func(list []int32) {
		for _, i := range list {
			if !seen[i] {
				seen[i] = true
				if q := ix.profiles[i]; q != nil && q.ID != p.ID {
					out = append(out, q)
				}
			}
		}
	}
	for _, k := range p.keys {
		take(ix.byKey[k])
	}
	for _, a := range p.acronymNames {
		take(ix.byAcr[a])
	}
	for a := range p.acronyms {
		if list := ix.byAcr[a]; len(list) <= maxPostings {
			take(list)
		}
	}
	for _, ts := range p.tokens {
		// the rarest tokens of each name say most; common ones would propose half the index
		rare := make([]string, 0, len(ts))
		for _, t := range ts {
			if n := len(ix.byToken[t]); n > 0 && n <= maxPostings && wordWeight(t) > 0 {
				rare = append(rare, t)
			}
		}
		sort.Slice(rare, func(i, j int) bool { return len(ix.byToken[rare[i]]) < len(ix.byToken[rare[j]]) })
		for _, t := range rare[:min(2, len(rare))] {
			take(ix.byToken[t])
		}
	}
	return out
}

// Best returns the best match for p among the indexed entities.
func (ix *Index) Best(p *Profile) Match { return Best(p, ix.Candidates(p)) }

// Pair is two indexed entities that may be one, A the one to keep.
type Pair struct {
	A, B  string
	Match Match // B's match against A
}

// Pairs compares every indexed entity with its candidates and returns the pairs scoring at
// least floor, best first. Each pair is listed once.
func (ix *Index) Pairs(ctx context.Context, floor float64) ([]Pair, error) {
	ix.mu.RLock()
	profiles := append([]*Profile(nil), ix.profiles...)
	ix.mu.RUnlock()
	var out []Pair
	for i, p := range profiles {
		if p == nil {
			continue
		}
		if i%10000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, c := range ix.Candidates(p) {
			if c.ID <= p.ID {
				continue
			}
			m := Score(p, c)
			if m.Score >= floor {
				out = append(out, Pair{A: p.ID, B: c.ID, Match: m})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Match.Score != out[j].Match.Score {
			return out[i].Match.Score > out[j].Match.Score
		}
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out, nil
}
