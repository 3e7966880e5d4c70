package graph

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Holder keeps the current graph for concurrent readers and refreshes it as the store changes:
// new relations are added to the last graph without reading the store again; retractions,
// large batches and merges (picked up by a full build every FullEvery) rebuild it.
type Holder struct {
	// FullEvery is the longest a graph is patched before a full rebuild (default 10 minutes).
	FullEvery time.Duration
	// MaxPatch is the most changes applied as a patch (default 20,000).
	MaxPatch int

	cur      atomic.Pointer[Graph]
	mu       sync.Mutex // one refresh at a time
	lastFull time.Time
}

// Get returns the current graph, or nil before the first Refresh.
func (h *Holder) Get() *Graph { return h.cur.Load() }

// Refresh brings the graph up to the store's current change sequence number.
func (h *Holder) Refresh(ctx context.Context, r store.Reader) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	g := h.cur.Load()
	full := h.FullEvery
	if full == 0 {
		full = 10 * time.Minute
	}
	if g == nil || time.Since(h.lastFull) > full {
		return h.rebuild(ctx, r)
	}
	seq, err := r.Seq(ctx)
	if err != nil || seq == g.Seq {
		return err
	}
	limit := h.MaxPatch
	if limit == 0 {
		limit = 20000
	}
	changes, err := r.Statements(ctx, store.StatementQuery{Kinds: []string{model.KindRelation}, SinceSeq: g.Seq, IncludeRetracted: true, Limit: limit + 1})
	if err != nil {
		return fmt.Errorf("graph changes: %w", err)
	}
	if len(changes) > limit {
		return h.rebuild(ctx, r)
	}
	nodes := make([]Node, len(g.Nodes))
	copy(nodes, g.Nodes)
	index := make(map[string]int32, len(nodes))
	for id, i := range g.index {
		index[id] = i
	}
	edges := make([]Edge, len(g.Edges), len(g.Edges)+len(changes))
	copy(edges, g.Edges)
	resolve := resolver(ctx, r, index)
	for _, s := range changes {
		if s.RetractedAt != nil {
			return h.rebuild(ctx, r) // the same relation may stand on another source: recount
		}
		for _, id := range []string{s.Subject, s.Object} {
			if _, ok, err := resolve(id); err != nil {
				return err
			} else if !ok {
				e, err := store.Resolve(ctx, r, id)
				if err != nil {
					return fmt.Errorf("graph: entity %s: %w", id, err)
				}
				index[e.ID] = int32(len(nodes))
				nodes = append(nodes, Node{ID: e.ID, Name: e.Name, Type: e.Type, Category: e.Category})
			}
		}
		if e, ok, err := edgeOf(s, resolve); err != nil {
			return err
		} else if ok {
			edges = append(edges, e)
		}
	}
	for i := range nodes {
		nodes[i].Regions = 0
	}
	ng := New(nodes, edges)
	ng.Seq = seq
	h.cur.Store(ng)
	return nil
}

func (h *Holder) rebuild(ctx context.Context, r store.Reader) error {
	g, err := Build(ctx, r)
	if err != nil {
		return err
	}
	h.cur.Store(g)
	h.lastFull = time.Now()
	return nil
}
