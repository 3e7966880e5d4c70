// Package follow keeps read models (search index, graph snapshot, caches) fresh: it calls a
// refresh function whenever the store's change sequence moves, waking at once on the store's
// notifications (PostgreSQL LISTEN/NOTIFY) and polling as a fallback, so that a fact written
// through any server — or any process on the same SQLite file — is seen by every other.
package follow

import (
	"context"
	"log/slog"
	"time"

	"github.com/hkin/hkin/internal/store"
)

// Refresh brings a read model from sequence number from up to to.
type Refresh func(ctx context.Context, from, to int64) error

// Run calls refresh each time the store's sequence number has moved past the last one refreshed,
// until ctx ends. A failed refresh is logged and tried again on the next tick. from is the
// sequence number the read model was built at.
func Run(ctx context.Context, st store.Reader, from int64, every time.Duration, log *slog.Logger, refresh Refresh) {
	var notes <-chan int64
	if n, ok := st.(store.Notifier); ok {
		notes = n.Changes(ctx)
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-notes:
		}
		to, err := st.Seq(ctx)
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("follow: reading the change sequence", "err", err)
			}
			continue
		}
		if to <= from {
			continue
		}
		if err := refresh(ctx, from, to); err != nil {
			if ctx.Err() == nil {
				log.Warn("follow: refresh failed", "from", from, "to", to, "err", err)
			}
			continue
		}
		from = to
	}
}
