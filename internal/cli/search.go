package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/api"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/search"
	"github.com/hkin/hkin/internal/store"
)

func (a *App) searchCmd() *cobra.Command {
	var filter string
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find entities by name or alias, best match first",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			filters, err := api.ParseFilter(filter)
			if err != nil {
				return err
			}
			page, err := indexSearch(ctx, s, args[0], filters, limit)
			if err != nil {
				return err
			}
			if page.Entities == nil {
				page.Entities = []model.Entity{}
			}
			if a.json {
				return a.PrintJSON(map[string]any{"meta": api.ListMeta{Count: page.Total, NextCursor: page.Next}, "results": page.Entities})
			}
			for _, e := range page.Entities {
				kind := e.Type
				if e.Category != "" {
					kind += "/" + e.Category
				}
				a.Printf("%-40s %-28s %s\n", e.ID, kind, e.Name)
			}
			if page.Total > len(page.Entities) {
				a.Printf("(%d of %d shown)\n", len(page.Entities), page.Total)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&filter, "filter", "", "restrict results, as the API's filter (type:organization,category:startup)")
	cmd.Flags().IntVar(&limit, "limit", 20, "most results")
	return cmd
}

// indexSearch ranks with the search index (built for this one query) when the filters are ones
// it knows, else with the store's search.
func indexSearch(ctx context.Context, s store.Store, text string, filters []store.Filter, limit int) (store.EntityPage, error) {
	ix, err := search.Build(ctx, s)
	if err != nil {
		return store.EntityPage{}, err
	}
	ids, total, ok := ix.SearchIDs(ctx, text, filters, limit, 0)
	if !ok {
		return s.Entities(ctx, store.EntityQuery{Search: text, Filters: filters, Limit: limit})
	}
	page := store.EntityPage{Total: total, Entities: []model.Entity{}}
	if len(ids) == 0 {
		return page, nil
	}
	got, err := s.Entities(ctx, store.EntityQuery{IDs: ids, Limit: len(ids)})
	if err != nil {
		return page, err
	}
	byID := map[string]model.Entity{}
	for _, e := range got.Entities {
		byID[e.ID] = e
	}
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			page.Entities = append(page.Entities, e)
		}
	}
	return page, nil
}
