package cli

import (
	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/api"
	"github.com/hkin/hkin/internal/model"
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
			page, err := s.Entities(ctx, store.EntityQuery{Search: args[0], Filters: filters, Limit: limit})
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
