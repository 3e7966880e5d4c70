package cli

import (
	"sort"

	"github.com/spf13/cobra"
)

func (a *App) statsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count entities, statements and sources",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.Store(cmd.Context())
			if err != nil {
				return err
			}
			st, err := s.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if a.json {
				return a.PrintJSON(st)
			}
			a.Printf("entities    %d (and %d merged)\nstatements  %d (and %d retracted)\nsources     %d\n",
				st.Entities, st.Merged, st.Statements, st.Retracted, st.Sources)
			for _, m := range []map[string]int{st.ByType, st.ByKind} {
				var keys []string
				for k := range m {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					a.Printf("  %-14s %d\n", k, m[k])
				}
			}
			return nil
		},
	}
}
