package api

import (
	"context"
	"strconv"
	"strings"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Searcher ranks entities for a search text (internal/search's index). When Config has one,
// GET /api/v1/entities?search= (in relevance order) and /api/v1/autocomplete use it; the store's
// own search answers whatever it declines.
type Searcher interface {
	// SearchIDs returns the IDs of the best matches, best first, and how many matched in all.
	// ok is false when it cannot answer: a filter it does not know, or no index yet.
	SearchIDs(ctx context.Context, text string, filters []store.Filter, limit, offset int) (ids []string, total int, ok bool)
}

// searchCursor marks the cursors of index searches: "s" and the offset of the next page.
const searchCursor = "s"

// indexSearch answers a search through the Searcher, with entities loaded from the store in the
// Searcher's order. ok is false when the store should answer instead.
func (s *Server) indexSearch(ctx context.Context, q store.EntityQuery) (store.EntityPage, bool, error) {
	var page store.EntityPage
	if s.cfg.Searcher == nil || strings.TrimSpace(q.Search) == "" || q.Sort != "" {
		return page, false, nil
	}
	offset := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(q.Cursor, searchCursor))
		if !strings.HasPrefix(q.Cursor, searchCursor) || err != nil || n < 0 {
			return page, false, nil // a cursor of the store's search
		}
		offset = n
	}
	ids, total, ok := s.cfg.Searcher.SearchIDs(ctx, q.Search, q.Filters, q.Limit, offset)
	if !ok {
		return page, false, nil
	}
	page.Total = total
	page.Entities = []model.Entity{}
	if len(ids) == 0 {
		return page, true, nil
	}
	got, err := s.cfg.Store.Entities(ctx, store.EntityQuery{IDs: ids, Limit: len(ids), Bare: q.Bare})
	if err != nil {
		return page, true, err
	}
	byID := make(map[string]model.Entity, len(got.Entities))
	for _, e := range got.Entities {
		byID[e.ID] = e
	}
	for _, id := range ids {
		if e, ok := byID[id]; ok { // an entity merged since the index was built is left out
			page.Entities = append(page.Entities, e)
		}
	}
	if offset+len(ids) < total {
		page.Next = searchCursor + strconv.Itoa(offset+len(ids))
	}
	return page, true, nil
}
