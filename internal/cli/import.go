package cli

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/jsonl"
	"github.com/hkin/hkin/internal/progress"
)

func (a *App) importCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Import a dataset",
	}
	cmd.AddCommand(a.importJSONLCmd(), a.importRORCmd(), a.importWikidataCmd(), a.importCSVCmd())
	return cmd
}

func (a *App) importJSONLCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "jsonl FILE",
		Short: "Import an hkin JSON Lines dump (from `hkin export` or `hkin gen`), in one transaction",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			info, err := f.Stat()
			if err != nil {
				return err
			}
			bar := progress.New(a.Err, "importing", info.Size())
			c, err := jsonl.Import(ctx, s, f, bar.Set)
			if err != nil {
				return fmt.Errorf("%s: %w (nothing was stored)", args[0], err)
			}
			bar.Done(info.Size())
			if a.json {
				return a.PrintJSON(c)
			}
			a.log.Info("imported", "file", args[0], "lines", c.Lines, "sources", c.Sources, "entities", c.Entities, "new_statements", c.Statements, "merges", c.Merges)
			return nil
		},
	}
}

func keys[V any](m map[string]V) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
