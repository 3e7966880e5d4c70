// Package search ranks entities for a search text, in English and in both Chinese scripts: an
// exact name first, then an acronym, then names that begin with the text, then names holding all
// of its words (the last one may be half typed), then names that match with a typo; ties go to
// the better connected entity. The index lives in memory and is built from the store; as the
// store changes, the entities written since are indexed apart and searched beside it until it is
// built again (see Update and internal/follow).
package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Tiers of a match, best first.
const (
	TierExact   = iota // a name equals the text (in any script, spelling or legal form)
	TierAcronym        // the text is the entity's acronym
	TierPrefix         // a name begins with the text
	TierWords          // a name holds every word of the text (the last may be a prefix)
	TierFuzzy          // a name holds the words with a typo, or most of them
)

// Index is an in-memory search index, safe for concurrent use. Searches read a snapshot that
// refreshes replace whole: they never wait for one.
type Index struct {
	// FullEvery is the longest the index is patched before it is built again (default 10 minutes).
	FullEvery time.Duration
	// MaxDelta is the most written entities kept beside the built content (default 20,000);
	// more, and the index is built again.
	MaxDelta int

	cur      atomic.Pointer[snapshot]
	mu       sync.Mutex // one refresh at a time
	lastFull time.Time
}

// snapshot is what searches read: the content built last and, in a small content of their own,
// the entities written since (created, renamed, merged), their docs in the first hidden.
type snapshot struct {
	seq    int64
	base   *content
	delta  *content // nil when nothing was written since base
	hidden []int32  // base docs written since, sorted
}

// New builds an index of entities given best connected first.
func New(es []model.Entity) *Index {
	b := newBuilder(0)
	b.add(es)
	ix := &Index{}
	ix.cur.Store(&snapshot{base: b.done()})
	return ix
}

// builder makes an index's content from entities given in batches, best connected first, so
// that a store's entities need not all be in memory at once.

// Build indexes every live entity of a store, best connected first.
func Build(ctx context.Context, r store.Reader) (*Index, error) {
	ix := &Index{}
	if err := ix.Rebuild(ctx, r); err != nil {
		return nil, err
	}
	return ix, nil
}

// Rebuild reads the store's entities again and replaces the index's content.
func (ix *Index) Rebuild(ctx context.Context, r store.Reader) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.rebuild(ctx, r)
}

// rebuild builds the content from every live entity, reading a page while the one before is
// folded.
func (ix *Index) rebuild(ctx context.Context, r store.Reader) error {
	seq, err := r.Seq(ctx)
	if err != nil {
		return err
	}
	pages := make(chan []model.Entity, 1)
	errc := make(chan error, 1)
	go func() {
		defer close(pages)
		errc <- store.EachPage(ctx, r, store.EntityQuery{Sort: "-" + store.SortDegree, Limit: 5000}, func(es []model.Entity) error {
			pages <- es
			return nil
		})
	}()
	b := newBuilder(seq)
	for es := range pages {
		b.add(es)
	}
	if err := <-errc; err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	ix.cur.Store(&snapshot{seq: seq, base: b.done()})
	ix.lastFull = time.Now()
	return nil
}

// Update brings the index up to the store's change number: the entities written since the
// content was built are indexed apart, and searched with it, until there are more than
// MaxDelta of them or FullEvery has passed; then the whole index is built again.
func (ix *Index) Update(ctx context.Context, r store.Reader) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	s := ix.cur.Load()
	full := ix.FullEvery
	if full == 0 {
		full = 10 * time.Minute
	}
	if s == nil || time.Since(ix.lastFull) > full {
		return ix.rebuild(ctx, r)
	}
	seq, err := r.Seq(ctx)
	if err != nil || seq == s.seq {
		return err
	}
	most := ix.MaxDelta
	if most == 0 {
		most = 20000
	}
	// every entity written since, merged ones too, to hide; then the live ones with their names
	written, err := readEntities(ctx, r, store.EntityQuery{SinceSeq: s.base.seq, Sort: store.SortChanged, Export: true, Bare: true}, most+1)
	if err != nil {
		return err
	}
	if len(written) > most {
		return ix.rebuild(ctx, r)
	}
	live, err := readEntities(ctx, r, store.EntityQuery{SinceSeq: s.base.seq, Sort: store.SortChanged}, most+1)
	if err != nil {
		return err
	}
	var hidden []int32
	for _, e := range written {
		if d, ok := s.base.doc(e.ID); ok {
			hidden = append(hidden, d)
		}
	}
	slices.Sort(hidden)
	b := newBuilder(seq)
	b.add(live)
	ix.cur.Store(&snapshot{seq: seq, base: s.base, delta: b.done(), hidden: hidden})
	return nil
}

// readEntities reads the entities of a query, page by page, up to a number.
func readEntities(ctx context.Context, r store.Reader, q store.EntityQuery, most int) ([]model.Entity, error) {
	var es []model.Entity
	enough := errors.New("enough")
	q.Limit = 1000
	err := store.EachPage(ctx, r, q, func(page []model.Entity) error {
		if es = append(es, page...); len(es) >= most {
			return enough
		}
		return nil
	})
	if err != nil && !errors.Is(err, enough) {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return es, nil
}

// Refresh is a follow.Refresh: it updates the index when the store has changed.
func (ix *Index) Refresh(r store.Reader) func(ctx context.Context, from, to int64) error {
	return func(ctx context.Context, from, to int64) error { return ix.Update(ctx, r) }
}

// Seq is the store's change number the index reflects.
func (ix *Index) Seq() int64 {
	if s := ix.cur.Load(); s != nil {
		return s.seq
	}
	return 0
}

// Len is the number of entities indexed.
func (ix *Index) Len() int {
	s := ix.cur.Load()
	if s == nil {
		return 0
	}
	n := s.base.ids.len() - len(s.hidden)
	if s.delta != nil {
		n += s.delta.ids.len()
	}
	return n
}

// Hit is one ranked result.
type Hit struct {
	ID    string
	Tier  int
	Score float64 // within the tier, higher is better
}

// Query is a search with its restrictions.
type Query struct {
	Text       string
	Types      []string // restrict to these types (any when empty)
	Categories []string
	Limit      int // default 20
	Offset     int
}

// Search returns the best matches for the text, best first, and how many matched in all (up to
// the candidates ranked).
func (ix *Index) Search(q Query) ([]Hit, int) {
	s := ix.cur.Load()
	if s == nil {
		return nil, 0
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	p := parse(q.Text)
	if p.key == "" {
		return nil, 0
	}
	rs := s.base.search(q, p, s.hidden)
	if s.delta != nil {
		for _, r := range s.delta.search(q, p, nil) {
			r.delta = true
			rs = append(rs, r)
		}
	}
	slices.SortFunc(rs, compareRanked)
	out := make([]Hit, 0, min(limit, len(rs)))
	for _, r := range rs[min(q.Offset, len(rs)):] {
		if len(out) == limit {
			break
		}
		c := s.base
		if r.delta {
			c = s.delta
		}
		out = append(out, Hit{ID: c.ids.at(r.doc), Tier: r.tier, Score: r.score})
	}
	return out, len(rs)
}

// SearchIDs answers the API's searches (api.Searcher): type and category filters are applied
// here; other filters, or an index not built yet, leave the search to the store.
func (ix *Index) SearchIDs(ctx context.Context, text string, filters []store.Filter, limit, offset int) ([]string, int, bool) {
	if ix.cur.Load() == nil {
		return nil, 0, false
	}
	q := Query{Text: text, Limit: limit, Offset: offset}
	for _, f := range filters {
		switch f.Field {
		case "type":
			q.Types = append(q.Types, f.Values...)
		case "category":
			q.Categories = append(q.Categories, f.Values...)
		default:
			return nil, 0, false
		}
	}
	hits, total := ix.Search(q)
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids, total, true
}
