package cli

import (
	"context"
	"time"

	"github.com/hkin/hkin/internal/follow"
	"github.com/hkin/hkin/internal/search"
	"github.com/hkin/hkin/internal/store"
)

// startSearch builds the API's search index in the background and keeps it fresh; until it is
// built, the store's search answers.
func (a *App) startSearch(ctx context.Context, s store.Store) {
	ix := &search.Index{}
	a.searchIx = ix
	go func() {
		start := time.Now()
		if err := ix.Rebuild(ctx, s); err != nil {
			if ctx.Err() == nil {
				a.log.Warn("search index", "err", err)
			}
			return
		}
		a.log.Info("search index built", "entities", ix.Len(), "took", time.Since(start).Round(time.Millisecond))
		refresh := ix.Refresh(s)
		follow.Run(ctx, s, ix.Seq(), 5*time.Second, a.log, func(ctx context.Context, from, to int64) error {
			start := time.Now()
			err := refresh(ctx, from, to)
			a.log.Debug("search index updated", "seq", to, "entities", ix.Len(), "took", time.Since(start).Round(time.Millisecond))
			return err
		})
	}()
}
