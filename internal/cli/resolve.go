package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/resolve"
	"github.com/hkin/hkin/internal/store"
)

// resolvePair is one line of `hkin resolve`'s answer.
type resolvePair struct {
	Keep     string   `json:"keep"`
	KeepName string   `json:"keep_name"`
	Drop     string   `json:"drop"`
	DropName string   `json:"drop_name"`
	Score    float64  `json:"score"`
	Features []string `json:"features"`
	Merged   bool     `json:"merged,omitempty"`
}

func (a *App) resolveCmd() *cobra.Command {
	var review, apply bool
	var threshold, floor float64
	var limit int
	cmd := &cobra.Command{
		Use:   "resolve [--review | --apply]",
		Short: "Find entities stored twice: list likely duplicates, or merge the sure ones",
		Long: `resolve compares every stored entity with the few that may name the same thing (same
normalised name in either Chinese script, same acronym, shared rare name words) and scores
each pair from 0 to 1; entities holding different values of one identifier (two ROR records)
never pair.

  hkin resolve            list the pairs scoring at least --threshold (what --apply would merge)
  hkin resolve --review   list the likely duplicates scoring from --floor up to --threshold,
                          for a person to confirm (merge one with POST /api/v1/merges)
  hkin resolve --apply    merge the pairs scoring at least --threshold; the dropped ID
                          redirects and the merge records the features that matched`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if review && apply {
				return fmt.Errorf("--review and --apply do not go together")
			}
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			start := time.Now()
			ix, err := resolve.BuildIndex(ctx, s)
			if err != nil {
				return err
			}
			lo := threshold
			if review {
				lo = floor
			}
			pairs, err := ix.Pairs(ctx, lo)
			if err != nil {
				return err
			}
			a.log.Debug("compared", "entities", ix.Len(), "pairs", len(pairs), "took", time.Since(start))
			var out []resolvePair
			for _, p := range pairs {
				if review && p.Match.Score >= threshold {
					continue
				}
				out = append(out, resolvePair{Keep: p.A, Drop: p.B, Score: p.Match.Score, Features: p.Match.Features})
			}
			if apply {
				if out, err = a.applyMerges(ctx, s, out); err != nil {
					return err
				}
			} else if err := fillNames(ctx, s, out, limit); err != nil {
				return err
			}
			if limit > 0 && len(out) > limit && !apply {
				out = out[:limit]
			}
			if out == nil {
				out = []resolvePair{}
			}
			if a.json {
				return a.PrintJSON(map[string]any{"meta": map[string]int{"count": len(out)}, "results": out})
			}
			merged := 0
			for _, p := range out {
				verb := "same?"
				switch {
				case p.Merged:
					verb, merged = "merged", merged+1
				case apply:
					verb = "kept apart"
				case !review:
					verb = "would merge"
				}
				a.Printf("%.2f  %-11s %s (%s) ← %s (%s)\n      %v\n", p.Score, verb, p.Keep, p.KeepName, p.Drop, p.DropName, p.Features)
			}
			switch {
			case apply:
				a.Printf("%d merged of %d pairs scoring %.2f or more\n", merged, len(out), threshold)
			case review:
				a.Printf("%d likely duplicates scoring %.2f to %.2f; none merged\n", len(out), floor, threshold)
			default:
				a.Printf("%d pairs score %.2f or more; hkin resolve --apply merges them\n", len(out), threshold)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&review, "review", false, "list likely duplicates below the threshold for a person to confirm")
	f.BoolVar(&apply, "apply", false, "merge the pairs scoring at least the threshold")
	f.Float64Var(&threshold, "threshold", resolve.Threshold, "score from which two entities are merged")
	f.Float64Var(&floor, "floor", resolve.ReviewFloor, "lowest score --review lists")
	f.IntVar(&limit, "limit", 200, "most pairs listed (0: all); --apply merges all")
	return cmd
}

// fillNames sets the entity names of the first limit pairs, choosing which of each to keep.
func fillNames(ctx context.Context, r store.Reader, pairs []resolvePair, limit int) error {
	for i := range pairs {
		if limit > 0 && i >= limit {
			break
		}
		x, err := r.Entity(ctx, pairs[i].Keep)
		if err != nil {
			return err
		}
		y, err := r.Entity(ctx, pairs[i].Drop)
		if err != nil {
			return err
		}
		keep, drop := resolve.Keep(x, y)
		pairs[i].Keep, pairs[i].KeepName, pairs[i].Drop, pairs[i].DropName = keep.ID, keep.Name, drop.ID, drop.Name
	}
	return nil
}

// applyMerges merges the pairs in one transaction, best first. A pair whose entities were
// already merged with others is compared again as the merged families, and kept apart when
// the families now hold different identifiers.
func (a *App) applyMerges(ctx context.Context, s store.Store, pairs []resolvePair) ([]resolvePair, error) {
	var done []resolvePair
	err := s.Update(ctx, func(w store.Writer) error {
		done = append([]resolvePair(nil), pairs...)
		for i := range done {
			p := &done[i]
			x, err := store.Resolve(ctx, w, p.Keep)
			if err != nil {
				return err
			}
			y, err := store.Resolve(ctx, w, p.Drop)
			if err != nil {
				return err
			}
			keep, drop := resolve.Keep(x, y)
			p.Keep, p.KeepName, p.Drop, p.DropName = keep.ID, keep.Name, drop.ID, drop.Name
			if keep.ID == drop.ID {
				continue // already one through earlier merges
			}
			if m := resolve.Score(resolve.NewProfile(drop), resolve.NewProfile(keep)); m.Score == 0 {
				continue
			}
			if err := w.Merge(ctx, store.Merge{From: drop.ID, Into: keep.ID, Reason: "resolve: " + strings.Join(p.Features, "; "), Score: p.Score}); err != nil {
				return fmt.Errorf("merge %s into %s: %w", drop.ID, keep.ID, err)
			}
			p.Merged = true
		}
		return nil
	})
	return done, err
}
